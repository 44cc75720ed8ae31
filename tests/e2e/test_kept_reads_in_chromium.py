"""Kept answers in Chromium (service/keptreads.py, the host bridge's JavaScript): an app's
repeated plain read is answered by the bridge without entering the desktop's Python, from a
JavaScript app and from a Python one, logged as served, and never stale."""

from __future__ import annotations

from typing import Any

from e2e_support import Desktop, app_url

# Counts the messages the bridge hands to Python (the transport's receiver, wrapped).
COUNT_HANDED = """
import json
served = host.transport._receiver
handed = [0]
def counting(*arguments):
    handed[0] += 1
    served(*arguments)
host.transport._receiver = counting
json.dumps(True)
"""


def _handed(desktop: Desktop) -> int:
    return int(desktop.service_py("import json\njson.dumps(handed[0])"))


def _get_states(desktop: Desktop, frame_id: int, count: int) -> list[dict[str, Any]]:
    replies: list[dict[str, Any]] = desktop.frame(0).evaluate(
        """async ([frameId, count]) => {
  const out = [];
  for (let i = 0; i < count; i += 1) out.push((await window.request('agent.getState', undefined, frameId)).data);
  return out;
}""",
        [frame_id, count],
    )
    return replies


def _logged_reads(desktop: Desktop, frame_id: int) -> list[tuple[str, bool]]:
    entries = desktop.page.evaluate("JSON.parse(window.wweDesktop.log_json(0))")
    return [
        (entry["request"], entry["ok"])
        for entry in entries
        if entry["direction"] == "request" and entry["frame"] == frame_id and entry["request"] == "agent.getState"
    ]


def test_repeated_reads_are_answered_by_the_bridge_and_logged(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    apps = [app_url(site, 2, "vendor-envelopes.html"), app_url(site, 1, "python-client.html")]
    desktop = open_desktop(apps, accept=[site.origins[1], site.origins[2]])
    js = desktop.frame(0)
    js.evaluate("window.request('agent.getStateList')")  # its first request: it gets its frame id
    frame_id = js.evaluate("window.frameIds[0]")
    desktop.service_py(COUNT_HANDED)

    replies = _get_states(desktop, frame_id, 6)
    assert _handed(desktop) == 1  # the first; the five after it were answered by the bridge
    first = replies[0]
    for reply in replies[1:]:
        assert reply == {**first, "referenceId": reply["referenceId"]}
        assert list(reply) == list(first)
    assert len({reply["referenceId"] for reply in replies}) == 6
    desktop.page.wait_for_function(
        f"JSON.parse(window.wweDesktop.log_json(0)).filter(e => e.frame === {frame_id} && e.request === 'agent.getState').length === 6"
    )
    assert _logged_reads(desktop, frame_id) == [("agent.getState", True)] * 6

    # The agent changes state on the desktop: the next read is the service's, and fresh.
    desktop.service_py("host.workspace.set_agent_state('Ready')\nimport json\njson.dumps(True)")
    after = _get_states(desktop, frame_id, 3)
    assert [reply["data"]["operationName"] for reply in after] == ["Ready"] * 3
    assert _handed(desktop) == 2

    # A write from the app itself: forgotten too.
    js.evaluate(f"window.request('agent.setState', ['NotReady'], {frame_id})")
    assert _get_states(desktop, frame_id, 1)[0]["data"]["operationName"] == "NotReady"
    assert _handed(desktop) == 4

    # Our Python client sends its frame id as the vendor's does: its reads are kept as well.
    python = desktop.frame(1)
    states = desktop.run(
        python,
        """
states = [(await service.agent.get_state())["operationName"] for _ in range(5)]
states""",
    )
    assert states == ["NotReady"] * 5
    # Its first request went without a frame id (it had none yet), the second with it: both
    # the service's; the three after them the bridge's.
    assert _handed(desktop) == 6
