"""`serve --workspace FILE.toml` (workspace/description.py, cli/main.py): a test suite's
contact centre in its repo, checked with errors that name the key, served by the page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from browser_support import DesktopPage
from wwe_scapi.cli.main import main, read_workspace_file
from wwe_scapi.cli.options import OptionError
from wwe_scapi.service.setup import configure
from wwe_scapi.workspace.description import DescriptionError, read_description

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "crm-screen-pop" / "workspace.toml"


def test_the_readmes_example_file_gives_its_agent_states_directory_options_and_campaigns() -> None:
    data, description = read_workspace_file(EXAMPLE)
    workspace, _policy = configure(None, None, description)
    assert workspace.agent.to_wire() == {"employeeId": "7001", "firstname": "Ada", "lastname": "Okafor", "username": "aokafor"}
    assert [state.operation_name for state in workspace.state_list] == ["Ready", "NotReady", "NotReadyCoaching"]
    assert list(workspace.media) == ["voice", "chat"] and workspace.agent_state().operation_name == "NotReady"
    assert workspace.configuration.get("CustomAPI/crm.base-url") == "https://crm.example/accounts/"
    assert workspace.configuration.get("voice.auto-answer") == "false"
    assert [(c.name, c.status.value) for c in workspace.campaigns] == [("Renewals", "Running")]
    assert workspace.desk.directory.colleague("7002") is not None
    assert description.apps == ({"title": "CRM", "url": "http://localhost:5173/"},)
    json.dumps(data)  # what /config.json carries


@pytest.mark.parametrize(
    "document, message",
    [
        ({"agnet": {}}, "unknown key 'agnet'; the keys are agent, media"),
        ({"agent": {"username": "x"}}, "[agent]: missing employeeId, firstname, lastname"),
        ({"agent": {**dict.fromkeys(("employeeId", "firstname", "lastname"), "x"), "username": 7}}, "[agent] username: expected non-empty text, got a number 7"),
        ({"states": [{"type": "BUSY", "displayName": "Busy", "operationName": "Busy"}]}, "[[states]] #1 type: 'BUSY' is not a state type"),
        ({"states": [{"type": "UNKNOWN", "displayName": "?", "operationName": "x"}]}, "reported by events only"),
        ({"states": [{"type": "READY", "displayName": "Ready", "operationName": "Ready"}], "initial_state": "Lunch"}, "initial_state 'Lunch' is not an operationName of [[states]] (Ready)"),
        ({"options": {"voice.auto-answer": {"x": 1}}}, '[options] "voice.auto-answer": expected text, a number, true/false or a list of text'),
        ({"apps": [{"title": "CRM", "url": "/crm"}]}, "[[apps]] #1 url: expected an http(s) URL, got '/crm'"),
        ({"directory": {"colleagues": [{"employeeId": "1", "name": "A"}]}}, "[directory] colleagues #1 number: expected non-empty text"),
        ({"campaigns": [{"name": "X", "running": "yes"}]}, "[[campaigns]] #1 (X) running: expected true or false"),
    ],
)
def test_a_fault_is_named_by_its_key(document: dict[str, Any], message: str) -> None:
    with pytest.raises(DescriptionError) as refused:
        read_description(document, "suite.toml")
    assert message in str(refused.value) and str(refused.value).startswith("suite.toml: ")


def test_a_campaign_that_cannot_load_is_named(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text('[[campaigns]]\nname = "Spring"\nmode = "Robocall"\n')
    with pytest.raises(OptionError, match=r"\[\[campaigns\]\] Spring: .*Robocall"):
        read_workspace_file(path)


@pytest.mark.parametrize(
    "text, message",
    [
        ("[agent\n", "not TOML"),
        ("[options]\nwhen = 2026-12-03T10:00:00Z\n", "dates and times are not supported"),
    ],
)
def test_a_file_that_is_not_a_workspace_is_refused(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "w.toml"
    path.write_text(text)
    with pytest.raises(OptionError, match=message):
        read_workspace_file(path)


def test_serve_refuses_a_bad_file_with_exit_code_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "w.toml"
    path.write_text("[agnet]\n")
    assert main(["serve", "--no-build", "--workspace", str(path)]) == 2
    assert f"{path}: unknown key 'agnet'" in capsys.readouterr().err
    assert main(["serve", "--no-build", "--workspace", str(tmp_path / "none.toml")]) == 2
    assert "No such file" in capsys.readouterr().err


async def test_the_desktop_page_serves_the_described_workspace() -> None:
    data, _description = read_workspace_file(EXAMPLE)
    page = DesktopPage(extra={"workspace": data})
    assert page.by_id("agent-name").textContent == "Ada Okafor (aokafor)"
    app = page.app(0)
    assert [s["operationName"] for s in await app.agent.get_state_list()] == ["Ready", "NotReady", "NotReadyCoaching"]
    assert [c["name"] for c in await app.outbound.get_campaigns()] == ["Renewals"]
    options = await app.configuration.get_option("CustomAPI/crm.*")
    assert options == {"CustomAPI": {"crm.base-url": "https://crm.example/accounts/"}}


def test_the_files_apps_leave_the_samples_out_and_option_wins_over_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import wwe_scapi.cli.main as cli

    served: dict[str, Any] = {}

    def serve_site(site: Path, origins: Any, *, config: Any, **_: Any) -> Any:
        served.update(config)
        raise cli.ListenError(98, "stop here")

    monkeypatch.setattr(cli, "serve_site", serve_site)
    monkeypatch.setattr(cli, "_built_site", lambda: tmp_path)
    arguments = ["serve", "--no-build", "--workspace", str(EXAMPLE), "--option", "voice.auto-answer=true"]
    assert main(arguments) == 2
    assert served["apps"] == [{"title": "CRM", "url": "http://localhost:5173/"}]  # no samples
    assert served["options"]["voice.auto-answer"] == "true" and served["options"]["service-client-api.rate-limit"] == "0"
    assert served["options"]["service-client-api.accepted-web-content-origins"] == "http://localhost:5173"
    assert served["workspace"]["agent"]["username"] == "aokafor"


def test_states_without_not_ready_start_in_their_first() -> None:
    description = read_description({"states": [{"type": "READY", "displayName": "Ready", "operationName": "Ready"}]})
    workspace, _policy = configure(None, None, description)
    assert workspace.agent_state().operation_name == "Ready"
