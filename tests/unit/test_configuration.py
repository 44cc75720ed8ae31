"""Option selectors: names, Section/name, arrays, trailing wildcards, Section/*; a leading * of a longer name refused."""

from __future__ import annotations

import pytest

from unit_support import A, Recorder, request
from wwe_scapi.service import Service
from wwe_scapi.workspace import ConfigurationStore, WorkspaceError

STORE = ConfigurationStore(
    {
        "interaction-workspace": {"voice.auto-answer": "false", "voice.auto-answer.timer": "3", "voice.mark-done": "true", "chat.x": "1", "list": ["a", "b"]},
        "CustomAPI": {"test.a": "A", "test.b": "B", "other": "O"},
        "CustomOther": {"test.a": "Z"},
    }
)


@pytest.mark.parametrize(
    "selectors, expected",
    [
        ("voice.mark-done", {"interaction-workspace": {"voice.mark-done": "true"}}),
        ("interaction-workspace/chat.x", {"interaction-workspace": {"chat.x": "1"}}),
        ("voice.auto*", {"interaction-workspace": {"voice.auto-answer": "false", "voice.auto-answer.timer": "3"}}),
        ("CustomAPI/test.*", {"CustomAPI": {"test.a": "A", "test.b": "B"}}),
        ("Custom*/test.a", {"CustomAPI": {"test.a": "A"}, "CustomOther": {"test.a": "Z"}}),
        (["list", "CustomAPI/other"], {"interaction-workspace": {"list": ["a", "b"]}, "CustomAPI": {"other": "O"}}),
        ("nothing.here", {}),
        ("CustomAPI/test", {}),
        # A '*' standing alone after Section/ selects the whole section (the vendor sample page's call).
        ("CustomAPI/*", {"CustomAPI": {"test.a": "A", "test.b": "B", "other": "O"}}),
        (["voice.*", "MySection/*"], {"interaction-workspace": {"voice.auto-answer": "false", "voice.auto-answer.timer": "3", "voice.mark-done": "true"}}),
        ("*", {"interaction-workspace": STORE.sections()["interaction-workspace"]}),
        ("Custom*/*", {"CustomAPI": {"test.a": "A", "test.b": "B", "other": "O"}, "CustomOther": {"test.a": "Z"}}),
    ],
)
def test_selection(selectors: object, expected: dict) -> None:
    assert STORE.select(selectors) == expected


@pytest.mark.parametrize("selector", ["*.mark-done", "*auto", "CustomAPI/*x", "voice.*.x", "v*ice", "*/x", "*/*", "", "Section/", "/x"])
def test_refused_selectors(selector: str) -> None:
    with pytest.raises(WorkspaceError, match="Invalid option selector"):
        STORE.select([selector])


def test_one_bad_selector_refuses_the_whole_request() -> None:
    with pytest.raises(WorkspaceError):
        STORE.select(["voice.mark-done", "*x"])


def test_results_are_copies() -> None:
    result = STORE.select("list")
    result["interaction-workspace"]["list"].append("c")
    assert STORE.get("list") == ["a", "b"]


def test_set_and_get_with_sections() -> None:
    store = ConfigurationStore()
    store.set("a.b", "1")
    store.set("Sec/c", "2")
    assert store.get("interaction-workspace/a.b") == "1" and store.get("Sec/c") == "2"
    with pytest.raises(WorkspaceError, match="Invalid option key"):
        store.set("/x", "1")


def test_get_option_over_the_wire(service: Service, outbox: Recorder) -> None:
    service.receive(1, A, request("configuration.getOption", "*.mark-done"))
    assert outbox.last(1)["errorMessage"] == (
        "Invalid option selector '*.mark-done': a '*' wildcard may not start the option name; "
        "use it at the end of a word only, e.g. 'voice.*'."
    )
    service.receive(1, A, request("configuration.getOption", ["interaction.case-data.frame-color"]))
    assert outbox.last(1)["data"] == {"interaction-workspace": {"interaction.case-data.frame-color": "#17849D"}}
