"""The golden envelopes (package/wwe_scapi/testing/envelopes/) are what the service sends
today: each flow, run again, crosses the wire exactly as its file says."""

from __future__ import annotations

import pytest

from wwe_scapi.testing import goldens


@pytest.mark.parametrize("flow", sorted(goldens.FLOWS))
def test_each_flow_crosses_the_wire_as_its_golden_file_says(flow: str) -> None:
    assert goldens.record(flow) == goldens.stored(flow), (
        f"the {flow} flow changed on the wire; if that is meant, run scripts/generate_envelopes.py and review the diff"
    )


def test_the_files_hold_the_main_flows_in_the_vendors_envelopes() -> None:
    steps = [step for flow in goldens.FLOWS for step in goldens.stored(flow)]
    sent = [step["message"] for step in steps if step["to"] == "desktop"]
    answered = [step["message"] for step in steps if step["to"] == "app"]
    assert all(m["userAgent"] == "WWE Client" and m["protocolVersion"] == 2 and isinstance(m["referenceId"], str) for m in sent)
    assert all(m["userAgent"] == "WWE Server" and m["protocolVersion"] == 2 for m in answered)
    events = {m["data"].get("eventType") for m in answered if m.get("event") == "interaction"}
    assert {"ADDED", "RINGING", "ATTACHED_DATA_CHANGED", "ESTABLISHED", "RELEASED", "REMOVED"} <= events, events
    assert any("errorMessage" in m for m in answered) and any("subscriptionId" in m for m in answered)
