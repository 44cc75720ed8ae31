"""configuration.getContextualOption through the broker: the reference's override chain
(override-option-key -> user-data key -> transaction objects -> annex), selectors and
wildcards, transactions in order, and the reference's exact "Interaction not found"."""

from __future__ import annotations

from typing import Any

import pytest

from unit_support import Bench
from wwe_scapi.workspace.defaults import DEFAULT_TRANSACTIONS

IW = "interaction-workspace"
COLOR = "interaction.case-data.frame-color"
HEADER = "interaction.case-data.header-foreground-color"
NOT_FOUND = "Error: Interaction not found."


def _bench(**transactions: dict[str, Any]) -> Bench:
    bench = Bench()
    bench.workspace.transactions.update(transactions)
    return bench


def _option(bench: Bench, selectors: Any, interaction_id: Any) -> Any:
    return bench.call("configuration.getContextualOption", selectors, interaction_id)


def test_the_reference_example() -> None:
    assert DEFAULT_TRANSACTIONS == {"CaseDataColor": {f"{IW}/{COLOR}": "#FF000088"}}
    bench = _bench()
    bench.scenario.ring_inbound_call(user_data={"IW_OverrideOptions": "CaseDataColor"})
    bench.scenario.ring_inbound_call()
    assert _option(bench, COLOR, "1") == {IW: {COLOR: "#FF000088"}}
    assert _option(bench, COLOR, "2") == {IW: {COLOR: "#17849D"}}
    assert bench.call("configuration.getOption", COLOR) == {IW: {COLOR: "#17849D"}}
    assert bench.call("configuration.getOption", f"{IW}/{COLOR}") == {IW: {COLOR: "#17849D"}}
    assert _option(bench, f"{IW}/{COLOR}", 1) == {IW: {COLOR: "#FF000088"}}  # an integer id is read as "1"
    assert bench.events()[-1]["data"]["eventType"] == "RINGING"  # reading options announces nothing


@pytest.mark.parametrize("parameters", [[COLOR], [COLOR, None], [COLOR, "9"], [COLOR, ""], [[COLOR], 9]])
def test_a_missing_or_unknown_interaction_gives_the_references_error(parameters: list[Any]) -> None:
    bench = _bench()
    bench.scenario.ring_inbound_call(user_data={"IW_OverrideOptions": "CaseDataColor"})
    assert bench.error("configuration.getContextualOption", *parameters) == NOT_FOUND


def test_an_interaction_gone_from_the_desktop_is_not_found() -> None:
    bench = _bench()
    bench.scenario.deliver_chat(user_data={"IW_OverrideOptions": "CaseDataColor"})
    bench.scenario.revoke("1")
    assert bench.error("configuration.getContextualOption", COLOR, "1") == NOT_FOUND


def test_an_ended_interaction_still_on_the_desktop_keeps_its_overrides() -> None:
    bench = _bench()
    bench.scenario.ring_inbound_call(user_data={"IW_OverrideOptions": "CaseDataColor"})
    bench.call("voice.answer", "1")
    bench.call("voice.hangUp", "1")
    assert _option(bench, COLOR, "1") == {IW: {COLOR: "#FF000088"}}


@pytest.mark.parametrize(
    "selectors, expected",
    [
        ("interaction.case-data.*", {IW: {COLOR: "#FF000088", HEADER: "#FFFFFF"}}),
        (f"{IW}/interaction.case-*", {IW: {COLOR: "#FF000088", HEADER: "#FFFFFF"}}),
        (f"interaction-*/{COLOR}", {IW: {COLOR: "#FF000088"}}),
        ([HEADER, "voice.auto-answer"], {IW: {HEADER: "#FFFFFF", "voice.auto-answer": "false"}}),
        ("CustomAPI/test.*", {"CustomAPI": {"test.greeting": "Hello from the simulated Agent Workspace", "test.customer-code": "ACME-042"}}),
        ("nothing.matches", {}),
    ],
)
def test_selectors_and_wildcards(selectors: Any, expected: dict[str, Any]) -> None:
    bench = _bench()
    bench.scenario.ring_inbound_call(user_data={"IW_OverrideOptions": "CaseDataColor"})
    assert _option(bench, selectors, "1") == expected


@pytest.mark.parametrize(
    "selector, message",
    [
        ("*.frame-color", "Invalid option selector '*.frame-color': a '*' wildcard may not start the option name; use it at the end of a word only, e.g. 'voice.*'."),
        ("interaction.*.color", "Invalid option selector 'interaction.*.color': a '*' wildcard is allowed only at the end."),
        ("/frame-color", "Invalid option selector '/frame-color': the section name is empty."),
    ],
)
def test_bad_selectors_are_refused_even_with_a_known_interaction(selector: str, message: str) -> None:
    bench = _bench()
    bench.scenario.ring_inbound_call(user_data={"IW_OverrideOptions": "CaseDataColor"})
    assert bench.error("configuration.getContextualOption", [COLOR, selector], "1") == message


def test_transactions_apply_in_the_order_named() -> None:
    bench = _bench(
        Red={f"{IW}/{COLOR}": "#FF0000", f"{IW}/voice.auto-answer": "true"},
        Blue={f"{IW}/{COLOR}": "#0000FF"},
    )
    bench.scenario.ring_inbound_call(user_data={"IW_OverrideOptions": "Red, Blue"})
    bench.scenario.ring_inbound_call(user_data={"IW_OverrideOptions": "Blue,Red"})
    bench.scenario.ring_inbound_call(user_data={"IW_OverrideOptions": " ,Unknown, Blue ,"})
    selectors = [COLOR, "voice.auto-answer"]
    assert _option(bench, selectors, "1") == {IW: {COLOR: "#0000FF", "voice.auto-answer": "true"}}
    assert _option(bench, selectors, "2") == {IW: {COLOR: "#FF0000", "voice.auto-answer": "true"}}
    assert _option(bench, selectors, "3") == {IW: {COLOR: "#0000FF", "voice.auto-answer": "false"}}


def test_overrides_reach_only_the_selected_options_and_sections() -> None:
    bench = _bench(Wide={f"{IW}/{COLOR}": "#000000", "CustomAPI/test.greeting": "Hi", "CustomAPI/test.new": ["a", "b"]})
    bench.scenario.ring_inbound_call(user_data={"IW_OverrideOptions": "Wide"})
    assert _option(bench, HEADER, "1") == {IW: {HEADER: "#FFFFFF"}}
    assert _option(bench, "CustomAPI/test.greeting", "1") == {"CustomAPI": {"test.greeting": "Hi"}}
    # An annex may add an option the configuration does not have, when it is selected.
    assert _option(bench, "CustomAPI/test.new", "1") == {"CustomAPI": {"test.new": ["a", "b"]}}
    assert bench.call("configuration.getOption", "CustomAPI/test.*") == {
        "CustomAPI": {"test.greeting": "Hello from the simulated Agent Workspace", "test.customer-code": "ACME-042"}
    }


def test_the_override_key_is_itself_an_option() -> None:
    bench = _bench()
    bench.scenario.ring_inbound_call(user_data={"IW_OverrideOptions": "CaseDataColor", "MyKey": "CaseDataColor"})
    bench.workspace.configuration.set("interaction.override-option-key", "MyKey")
    bench.workspace.interactions.get("1").user_data.pop("IW_OverrideOptions")
    assert _option(bench, COLOR, "1") == {IW: {COLOR: "#FF000088"}}
    bench.workspace.configuration.set("interaction.override-option-key", "")
    assert _option(bench, COLOR, "1") == {IW: {COLOR: "#17849D"}}


@pytest.mark.parametrize("value", [42, ["CaseDataColor"], {"name": "CaseDataColor"}, "", "Unknown"])
def test_a_key_value_that_names_no_transaction_overrides_nothing(value: Any) -> None:
    bench = _bench()
    bench.scenario.ring_inbound_call(user_data={"IW_OverrideOptions": value})
    assert _option(bench, COLOR, "1") == {IW: {COLOR: "#17849D"}}


def test_set_user_data_changes_the_overrides_at_once() -> None:
    bench = _bench()
    bench.scenario.deliver_chat()
    assert _option(bench, COLOR, "1") == {IW: {COLOR: "#17849D"}}
    bench.call("interaction.setUserData", "1", {"IW_OverrideOptions": "CaseDataColor"})
    assert _option(bench, COLOR, "1") == {IW: {COLOR: "#FF000088"}}
    bench.call("interaction.deleteUserData", "1", "IW_OverrideOptions")
    assert _option(bench, COLOR, "1") == {IW: {COLOR: "#17849D"}}


def test_a_hidden_override_key_still_overrides() -> None:
    bench = Bench(read="Visible")
    bench.scenario.ring_inbound_call(user_data={"IW_OverrideOptions": "CaseDataColor", "Visible": 1})
    assert bench.wire("1")["userData"] == {"Visible": 1}
    assert _option(bench, COLOR, "1") == {IW: {COLOR: "#FF000088"}}


def test_the_answer_is_a_copy() -> None:
    bench = _bench(Lists={f"{IW}/agent-status.not-ready-reasons": ["Break"]})
    bench.scenario.ring_inbound_call(user_data={"IW_OverrideOptions": "Lists"})
    answer = bench.workspace.contextual_options("agent-status.not-ready-reasons", "1")
    assert answer == {IW: {"agent-status.not-ready-reasons": ["Break"]}}
    answer[IW]["agent-status.not-ready-reasons"].append("Lunch")
    assert bench.workspace.transactions["Lists"][f"{IW}/agent-status.not-ready-reasons"] == ["Break"]
    assert bench.call("configuration.getOption", "agent-status.not-ready-reasons") == {
        IW: {"agent-status.not-ready-reasons": ["Break", "Lunch", "Training"]}
    }
