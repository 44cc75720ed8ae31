"""The build's memory snapshots (cli/snapshots.py), without a browser: what their key depends
on, when they are made, kept or removed, what is said when there are none, and how the server
sends them (gzipped only where that saves a network transfer)."""

from __future__ import annotations

import fcntl
import gzip
import json
import subprocess
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from wwe_scapi.cli import snapshots
from wwe_scapi.cli.server import Origin, _on_this_machine, serve_site
from wwe_scapi.pytest_plugin.sites import free_port
from wwe_scapi.cli.snapshots import KINDS, MADE, snapshot_key, snapshots_for_loader, why_none_can_be_made


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    wheel = tmp_path / "wwe_scapi-1.0-py3-none-any.whl"
    wheel.write_bytes(b"wheel one")
    loader = tmp_path / "wwe-scapi.js"
    loader.write_text("// loader one")
    browser = tmp_path / "chromium"
    browser.write_bytes(b"browser one")
    return {"wheel": wheel, "loader": loader, "browser": browser}


def _key(inputs: dict[str, Path], version: str = "314.0.7") -> str:
    return snapshot_key(version, [inputs["wheel"]], inputs["loader"], inputs["browser"])


def test_the_key_changes_with_pyodide_the_wheels_the_loader_and_the_browser(inputs: dict[str, Path]) -> None:
    first = _key(inputs)
    assert first == _key(inputs) and len(first) == 16
    assert _key(inputs, "314.0.8") != first
    seen = {first}
    for name, text in (("wheel", b"wheel two"), ("loader", b"// loader two"), ("browser", b"browser two, longer")):
        inputs[name].write_bytes(text)
        key = _key(inputs)
        assert key not in seen, name
        seen.add(key)


def test_a_machine_without_chromium_or_playwright_makes_none_and_says_how_to_get_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "there is no" in str(why_none_can_be_made(tmp_path / "no-chromium"))
    said: list[str] = []
    monkeypatch.setattr(snapshots, "why_none_can_be_made", lambda: "there is no /usr/bin/chromium (apt-get install -y chromium)")
    assert snapshots_for_loader(tmp_path, "k1", said.append, said.append) == {"key": "k1"}  # a desktop makes its own
    assert said == ["no memory snapshots (there is no /usr/bin/chromium (apt-get install -y chromium)): pages boot Pyodide"
                    " without one (a desktop makes its own in the browser)"]


def test_the_key_names_the_build_on_a_machine_without_the_browser(inputs: dict[str, Path]) -> None:
    first = _key(inputs)
    inputs["browser"].unlink()
    absent = _key(inputs)
    assert absent != first and len(absent) == 16 and absent == _key(inputs)


def _fake_maker(engine: str, returncode: int = 0) -> Any:
    calls: list[list[str]] = []

    def run(command: list[str], **_: Any) -> subprocess.CompletedProcess[str]:
        calls.append(command)
        out = Path(command[4])
        for kind in command[5:]:
            (out / f"{kind}.bin").write_bytes(b"\x00\x00p\x70snapshot")
        stdout = json.dumps({"engine": engine, "kinds": {kind: {"bytes": 12, "make_ms": 5} for kind in command[5:]}})
        return subprocess.CompletedProcess(command, returncode, stdout, "Error: the page crashed" if returncode else "")

    run.calls = calls  # type: ignore[attr-defined]
    return run


def test_snapshots_are_made_once_per_key_and_other_keys_are_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshots, "why_none_can_be_made", lambda: None)
    maker = _fake_maker("HeadlessChrome/156")
    monkeypatch.setattr(subprocess, "run", maker)
    stale = tmp_path / "snapshots" / "old-key"
    stale.mkdir(parents=True)
    (stale / "app.bin").write_bytes(b"old")
    said: list[str] = []
    table = snapshots_for_loader(tmp_path, "k1", said.append, said.append)
    assert table == {"key": "k1", "engine": "HeadlessChrome/156", "app": "snapshots/k1/app.bin", "desktop": "snapshots/k1/desktop.bin"}
    assert [call[1:3] for call in maker.calls] == [["-m", "wwe_scapi.cli.snapshotmaker"]]
    assert maker.calls[0][5:] == list(KINDS)
    assert sorted(p.name for p in (tmp_path / "snapshots").iterdir()) == [snapshots.LOCK, "k1"]
    assert json.loads((tmp_path / "snapshots" / "k1" / MADE).read_text())["engine"] == "HeadlessChrome/156"
    assert len(said) == 1 and said[0].startswith("making the memory snapshots")
    # Made before: kept, not made again.
    assert snapshots_for_loader(tmp_path, "k1", said.append, said.append) == table
    assert len(maker.calls) == 1 and len(said) == 1


def test_a_failed_making_warns_leaves_nothing_half_made_and_gives_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshots, "why_none_can_be_made", lambda: None)
    monkeypatch.setattr(subprocess, "run", _fake_maker("x", returncode=1))
    said: list[str] = []
    warned: list[str] = []
    assert snapshots_for_loader(tmp_path, "k1", said.append, warned.append) == {"key": "k1"}
    assert len(warned) == 1 and "making the memory snapshots failed" in warned[0] and "the page crashed" in warned[0]
    assert [p.name for p in (tmp_path / "snapshots").iterdir()] == [snapshots.LOCK]
    # An unfinished folder (no made.json) is never used: it is made again.
    (tmp_path / "snapshots" / "k1").mkdir()
    monkeypatch.setattr(subprocess, "run", _fake_maker("y"))
    assert snapshots_for_loader(tmp_path, "k1", said.append, warned.append) == {
        "key": "k1", "engine": "y", "app": "snapshots/k1/app.bin", "desktop": "snapshots/k1/desktop.bin"}


def _get(url: str, **headers: str) -> tuple[str | None, bytes]:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request) as response:
        return response.headers["Content-Encoding"], response.read()


@pytest.mark.parametrize("compress_to_loopback", [False, True])
def test_a_snapshot_goes_gzipped_only_to_a_browser_that_takes_it_off_this_machine(tmp_path: Path, compress_to_loopback: bool) -> None:
    folder = tmp_path / "snapshots" / "k1"
    folder.mkdir(parents=True)
    whole = b"snapshot bytes " * 1000
    (folder / "app.bin").write_bytes(whole)
    (folder / "app.bin.gz").write_bytes(gzip.compress(whole))
    (folder / "other.bin").write_bytes(whole)  # no .gz beside it: served as it is
    site = serve_site(tmp_path, [Origin("127.0.0.1", free_port())], config={}, compress_to_loopback=compress_to_loopback)
    try:
        base = f"{site.desktop}/snapshots/k1"
        assert _get(f"{base}/app.bin") == (None, whole)
        encoding, body = _get(f"{base}/app.bin", **{"Accept-Encoding": "gzip, deflate, br"})
        if compress_to_loopback:
            assert encoding == "gzip" and gzip.decompress(body) == whole and len(body) < len(whole)
        else:
            assert (encoding, body) == (None, whole)  # loopback: no network to save
        assert _get(f"{base}/other.bin", **{"Accept-Encoding": "gzip"}) == (None, whole)
    finally:
        site.stop()


def test_loopback_is_told_apart_in_every_form() -> None:
    assert all(_on_this_machine(address) for address in ("127.0.0.1", "127.3.4.5", "::1", "::ffff:127.0.0.1"))
    assert not any(_on_this_machine(address) for address in ("10.0.0.7", "192.168.1.2", "2001:db8::1", "::ffff:10.0.0.7"))


def test_the_desktops_snapshot_goes_to_pages_of_its_own_origin_only(tmp_path: Path) -> None:
    """It holds the desktop's hash secret (see cli/server.py): the app's is anyone's."""
    folder = tmp_path / "snapshots" / "k1"
    folder.mkdir(parents=True)
    for name in ("app.bin", "desktop.bin", "desktop.bin.gz"):
        (folder / name).write_bytes(name.encode())
    site = serve_site(tmp_path, [Origin("127.0.0.1", free_port())], config={})
    try:
        base = f"{site.desktop}/snapshots/k1"
        for name in ("desktop.bin", "desktop.bin.gz"):
            for asked_by in ({}, {"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"}):
                with pytest.raises(urllib.error.HTTPError) as refused:
                    _get(f"{base}/{name}", **asked_by)
                assert refused.value.code == 403
                assert "for pages of its own origin only" in refused.value.read().decode()
        assert _get(f"{base}/desktop.bin", **{"Sec-Fetch-Site": "same-origin"}) == (None, b"desktop.bin")
        assert _get(f"{base}/app.bin", **{"Sec-Fetch-Site": "cross-site"}) == (None, b"app.bin")
    finally:
        site.stop()


def test_a_second_build_waits_for_the_first_then_finds_them_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshots, "why_none_can_be_made", lambda: None)
    maker = _fake_maker("HeadlessChrome/156")
    monkeypatch.setattr(subprocess, "run", maker)
    (tmp_path / "snapshots").mkdir()
    results: list[object] = []
    with (tmp_path / "snapshots" / snapshots.LOCK).open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # another build is at it
        second = threading.Thread(target=lambda: results.append(snapshots_for_loader(tmp_path, "k1", print, print)))
        second.start()
        second.join(timeout=0.3)
        assert second.is_alive() and results == [] and maker.calls == []  # waiting, nothing made
        (tmp_path / "snapshots" / ".k1.part").mkdir()
        _fake_maker("HeadlessChrome/156")(["python", "-m", "maker", str(tmp_path), str(tmp_path / "snapshots" / ".k1.part"), *KINDS])
        (tmp_path / "snapshots" / ".k1.part").rename(tmp_path / "snapshots" / "k1")
        (tmp_path / "snapshots" / "k1" / MADE).write_text(json.dumps({"engine": "made by the first"}))
    second.join(timeout=30)
    assert results == [{"key": "k1", "engine": "made by the first", "app": "snapshots/k1/app.bin", "desktop": "snapshots/k1/desktop.bin"}]
    assert maker.calls == []  # the second made none of its own
    assert (tmp_path / "snapshots" / snapshots.LOCK).exists()  # never removed with stale keys
