"""The command line: options, config files, refusals with exit code 2, and the static server."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from wwe_scapi.cli.main import _parser, default_accepted_origins, main, with_samples
from wwe_scapi.cli.startup_checks import refused_app_warnings, unknown_option_warnings
from wwe_scapi.cli.bytecode import BROWSER_WHEEL_DIR
from wwe_scapi.cli.errors import BuildError
from wwe_scapi.cli.sitebuild import (
    LOADER,
    PYODIDE_PATH_PLACEHOLDER,
    PYODIDE_VERSION,
    WHEEL_DIR_PLACEHOLDER,
    SNAPSHOTS_PLACEHOLDER,
    WHEELS_PLACEHOLDER,
    SiteLayout,
    _sync_tree,
    _wheel_urls,
    _write_loader,
)
from wwe_scapi.cli.options import OptionError, parse_app, parse_option, read_config_file
from wwe_scapi.cli.server import JWKS_PATH, KEY_PATH, Origin, serve_site


def test_parse_option() -> None:
    assert parse_option("service-client-api.rate-limit=50") == ("service-client-api.rate-limit", "50")
    assert parse_option("CustomAPI/x = a=b ") == ("CustomAPI/x", "a=b")
    for bad in ("novalue", "=x", "/x=1"):
        with pytest.raises(OptionError, match="--option"):
            parse_option(bad)


def test_config_file_with_sections_and_comments(tmp_path: Path) -> None:
    path = tmp_path / "ws.cfg"
    path.write_text(
        "# a comment\n\nservice-client-api.accepted-web-content-origins=http://a.test (agent.*)\n"
        "[CustomAPI]\ntest.a = 1\nOther/b=2\n"
    )
    assert read_config_file(path) == {
        "service-client-api.accepted-web-content-origins": "http://a.test (agent.*)",
        "CustomAPI/test.a": "1",
        "Other/b": "2",
    }


def test_config_file_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.cfg"
    path.write_text("a=1\nnot an option\n")
    with pytest.raises(OptionError, match=r"line 2: 'not an option': expected KEY=VALUE"):
        read_config_file(path)
    with pytest.raises(OptionError, match="cannot read it"):
        read_config_file(tmp_path / "missing.cfg")


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--option", "oops"], "expected KEY=VALUE"),
        (["--app", "ftp://x.test/"], "expected an http(s) URL"),
        (["--app", "CRM=/crm"], "--app 'CRM=/crm': expected an http(s) URL, or TITLE=URL"),
        (["--samples", "--no-samples"], "--samples and --no-samples: choose one"),
        (["--option", "service-client-api.accepted-web-content-origins=http://a.test (agent.*"], "'(' without ')'"),
        (["--option", "interaction.web-content=CRM"], "section 'CRM' needs a url option (CRM/url)"),
        (["--option", "interaction.web-content=CRM", "--option", "CRM/url=/crm"], "url must be an absolute http(s) URL"),
        (["--option", "service-client-api.toast.width=wide"], "service-client-api.toast.width: expected a number"),
        (["--option", "security.inactivity-timeout=-1"], "security.inactivity-timeout: expected a number of at least 0"),
    ],
)
def test_serve_refuses_bad_input_with_exit_code_2(
    arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--no-build", *arguments]) == 2
    assert message in capsys.readouterr().err


def test_accepted_origins_default_to_every_embedded_app() -> None:
    options = {"interaction.web-content": "CRM, Notes", "CRM/url": "https://crm.test/app", "Notes/url": "http://notes.test:8080/"}
    apps = [{"title": "A", "url": "http://localhost:8701/apps/a/"}, {"title": "B", "url": "https://crm.test/other"}]
    assert default_accepted_origins(apps, options) == "http://localhost:8701, http://notes.test:8080, https://crm.test"


def test_python_dash_m_runs_the_command() -> None:
    result = subprocess.run([sys.executable, "-m", "wwe_scapi", "serve", "--option", "x"], capture_output=True, text=True)
    assert result.returncode == 2 and "expected KEY=VALUE" in result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_server_serves_every_origin_with_headers_and_config(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>desk</p>")
    (tmp_path / "wheels").mkdir()
    (tmp_path / "wheels" / "w.whl").write_bytes(b"PK")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "app.py").write_text("print(1)")
    origins = [Origin("127.0.0.1", _free_port()), Origin("localhost", _free_port())]
    running = serve_site(tmp_path, origins, config={"apps": []}, mounts={"/test-apps/": extra})
    try:
        desk, app = running.origins
        auth = {"key": KEY_PATH, "jwks": JWKS_PATH}  # where the desktop's signing key is
        with urllib.request.urlopen(desk + "/config.json") as response:
            assert json.loads(response.read()) == {"apps": [], "auth": auth}
        running.config.value = {"apps": [1]}
        with urllib.request.urlopen(desk + "/config.json") as response:
            assert json.loads(response.read()) == {"apps": [1], "auth": auth}
        with urllib.request.urlopen(app + "/wheels/w.whl") as response:
            assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
            assert response.headers["Access-Control-Allow-Origin"] == "*"
        with urllib.request.urlopen(app + "/index.html") as response:
            assert response.headers["Cache-Control"] == "no-cache"
            assert response.headers["Content-Type"] == "text/html; charset=utf-8"
        with urllib.request.urlopen(app + "/test-apps/app.py") as response:
            assert response.read() == b"print(1)"
        with pytest.raises(urllib.error.HTTPError):  # only the desktop has a config
            urllib.request.urlopen(app + "/config.json")
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(app + "/test-apps/../index.html/x")
    finally:
        running.stop()


def test_a_port_in_use_is_reported(tmp_path: Path) -> None:
    port = _free_port()
    first = serve_site(tmp_path, [Origin("127.0.0.1", port)])
    try:
        with pytest.raises(OSError):
            serve_site(tmp_path, [Origin("127.0.0.1", port)])
    finally:
        first.stop()


def test_the_site_sync_copies_changes_and_removes_what_is_gone(tmp_path: Path) -> None:
    source, target = tmp_path / "web", tmp_path / "site"
    (source / "apps" / "a").mkdir(parents=True)
    (source / "index.html").write_text("desk")
    (source / "apps" / "a" / "app.py").write_text("print(1)")
    (target / "pyodide").mkdir(parents=True)
    (target / "pyodide" / "kept.js").write_text("other step")
    (target / "stale.css").write_text("old")
    _sync_tree(source, target, keep={"pyodide"})
    assert (target / "index.html").read_text() == "desk" and (target / "apps" / "a" / "app.py").read_text() == "print(1)"
    assert not (target / "stale.css").exists() and (target / "pyodide" / "kept.js").read_text() == "other step"
    (source / "index.html").write_text("desk 2")
    (source / "apps" / "a" / "app.py").unlink()
    _sync_tree(source, target, keep={"pyodide"})
    assert (target / "index.html").read_text() == "desk 2" and not (target / "apps" / "a" / "app.py").exists()


def test_the_loader_gets_pyodide_wheel_urls_and_the_wheel_folder(tmp_path: Path) -> None:
    """The loader template's placeholders are filled from one place each; the wheel URL carries
    its content's hash; a template that lost a placeholder is refused."""
    root, out = tmp_path / "checkout", tmp_path / "site"
    (root / "web").mkdir(parents=True)
    out.mkdir()
    real = Path(__file__).resolve().parents[2] / "web" / LOADER
    (root / "web" / LOADER).write_text(real.read_text())
    wheel = tmp_path / "wwe_scapi-1.0-py3-none-any.whl"
    wheel.write_bytes(b"one")
    layout = SiteLayout(root, out, tmp_path / "cache")
    _write_loader(layout, _wheel_urls([wheel]), None)
    text = (out / LOADER).read_text()
    for placeholder in (PYODIDE_PATH_PLACEHOLDER, WHEELS_PLACEHOLDER, WHEEL_DIR_PLACEHOLDER, SNAPSHOTS_PLACEHOLDER):
        assert placeholder.strip('{["]}: 0') not in text  # the bare name, not only its quoted form
    assert f'const PYODIDE_PATH = "pyodide/{PYODIDE_VERSION}/";' in text
    assert f'const WHEEL_DIR = "{BROWSER_WHEEL_DIR}";' in text
    assert 'const WHEELS = ["wheels/wwe_scapi-1.0-py3-none-any.whl?v=' in text
    assert "export const SNAPSHOTS = null;" in text  # none made: the pages boot Pyodide
    table = {"engine": "Chrome/156", "app": "snapshots/k/app.bin", "desktop": "snapshots/k/desktop.bin"}
    _write_loader(layout, _wheel_urls([wheel]), table)
    assert f"export const SNAPSHOTS = {json.dumps(table)};" in (out / LOADER).read_text()
    wheel.write_bytes(b"two")
    _write_loader(layout, _wheel_urls([wheel]), None)
    assert (out / LOADER).read_text() != text  # another wheel, another URL
    (root / "web" / LOADER).write_text(real.read_text().replace(WHEEL_DIR_PLACEHOLDER, '"/somewhere"'))
    with pytest.raises(BuildError, match=WHEEL_DIR_PLACEHOLDER):
        _write_loader(layout, _wheel_urls([wheel]), None)


def test_unknown_option_names_are_warned_of_with_the_nearest_known_one() -> None:
    assert unknown_option_warnings(
        ["voice.auto-anwser", "service-client-api.rate-limit.voice.dial", "CustomAPI/anything", "interaction-workspace/zzz"]
    ) == [
        "option 'voice.auto-anwser' is not one the simulated Agent Workspace uses (it is kept, and "
        "configuration.getOption answers it). Did you mean 'voice.auto-answer'?",
        "option 'interaction-workspace/zzz' is not one the simulated Agent Workspace uses (it is kept, and "
        "configuration.getOption answers it).",
    ]
    assert unknown_option_warnings(["voice.auto-answer", "service-client-api.accepted-web-content-origins"]) == []


def test_an_app_whose_origin_is_not_accepted_is_warned_of() -> None:
    options = {"service-client-api.accepted-web-content-origins": "http://crm.test (agent.*)"}
    assert refused_app_warnings(["http://crm.test/app", "http://other.test:8080/x"], options) == [
        "--app http://other.test:8080/x: its origin http://other.test:8080 is not accepted by "
        "service-client-api.accepted-web-content-origins, so the desktop will refuse every request it sends"
    ]


def test_serve_prints_its_warnings_and_strict_mode_stops_on_them(capsys: pytest.CaptureFixture[str]) -> None:
    arguments = ["serve", "--no-build", "--strict", "--no-samples", "--option", "voice.auto-anwser=true",
                 "--option", "service-client-api.accepted-web-content-origins=http://crm.test", "--app", "http://other.test/"]
    assert main(arguments) == 2
    err = capsys.readouterr().err
    assert "wwe-scapi: warning: option 'voice.auto-anwser' is not one" in err
    assert "wwe-scapi: warning: --app http://other.test/: its origin http://other.test is not accepted" in err
    assert "--strict: 2 warnings above" in err


@pytest.mark.parametrize(
    "text, app",
    [
        ("http://localhost:5173/", {"title": "localhost:5173", "url": "http://localhost:5173/"}),
        ("CRM=http://localhost:5173/", {"title": "CRM", "url": "http://localhost:5173/"}),
        (" My CRM = https://crm.test/a?b=c ", {"title": "My CRM", "url": "https://crm.test/a?b=c"}),
        ("https://crm.test/a?b=c", {"title": "crm.test", "url": "https://crm.test/a?b=c"}),  # its = is the URL's
        ("=http://x.test/", {"title": "x.test", "url": "http://x.test/"}),
    ],
)
def test_an_app_may_be_given_a_tab_title(text: str, app: dict[str, str]) -> None:
    assert parse_app(text) == app


@pytest.mark.parametrize(
    "arguments, samples",
    [([], True), (["--app", "http://a.test/"], False), (["--app", "http://a.test/", "--samples"], True), (["--no-samples"], False)],
)
def test_an_app_of_your_own_leaves_the_samples_out_unless_asked(arguments: list[str], samples: bool) -> None:
    assert with_samples(_parser().parse_args(["serve", *arguments])) is samples


def test_no_snapshots_reaches_the_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import wwe_scapi.cli.main as cli_main

    built: list[dict[str, object]] = []
    monkeypatch.setattr(cli_main, "build_site", lambda out=None, **kwargs: built.append({"out": out, **kwargs}) or tmp_path)
    assert main(["build", "--out", str(tmp_path), "--no-snapshots"]) == 0
    assert main(["build", "--out", str(tmp_path)]) == 0
    assert built == [{"out": tmp_path, "snapshots": False}, {"out": tmp_path, "snapshots": True}]
    assert _parser().parse_args(["serve", "--no-snapshots"]).no_snapshots is True
    assert _parser().parse_args(["serve"]).no_snapshots is False
