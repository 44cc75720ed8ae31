"""A hostile frame on its own origin posts what no client should (BigInts, NaN, Infinity, cycles,
functions' results, odd reference ids): the desktop page throws nothing, every message that
carries a reference id the client could match gets a well-formed answer echoing it, and
another app on another origin is served meanwhile."""

from __future__ import annotations

from typing import Any

from e2e_support import app_url

HOSTILE = r"""
async () => {
  const base = {userAgent: "WWE Client", protocolVersion: 2};
  const cyclic = (fields) => { const m = {...base, ...fields}; m.self = m; return m; };
  const cases = [
    ["bigint parameter, NaN reference", {...base, request: "agent.get", parameters: [1n], referenceId: NaN}, null],
    ["bigint parameter, Infinity reference", {...base, request: "agent.get", parameters: [1n], referenceId: Infinity}, null],
    ["bigint parameter, string reference", {...base, request: "agent.get", parameters: [1n], referenceId: "b1"}, "b1"],
    ["cycle, object reference", cyclic({request: "agent.get", referenceId: {n: 1}}), {n: 1}],
    ["cycle, boolean reference", cyclic({request: "agent.get", referenceId: true}), true],
    ["cycle, no request name", cyclic({referenceId: "c3"}), "c3"],
    ["cycle, object as request name", cyclic({request: {x: 1}, referenceId: "c4"}), "c4"],
    ["NaN inside parameters", {...base, request: "agent.setState", parameters: [NaN], referenceId: "n1"}, "n1"],
    ["a bare BigInt", 5n, null],
    ["a Date", new Date(0), null],
    ["nested cyclic array", (() => { const a = []; a.push(a); return {...base, request: "agent.get", parameters: a, referenceId: "a1"}; })(), "a1"],
  ];
  const answers = [];
  const listener = (event) => { if (event.source === parent) answers.push(event.data); };
  window.addEventListener("message", listener);
  for (const [, message] of cases) parent.postMessage(message, "*");
  await new Promise((resolve) => setTimeout(resolve, 0));
  // One more request, answered after everything before it: then all answers are in.
  const last = await window.request("agent.get");
  window.removeEventListener("message", listener);
  const expected = cases.map(([name, , reference]) => [name, reference]);
  const isFrameId = (a) => "frameId" in a && !("errorMessage" in a) && !("data" in a);
  return {expected, answers: answers.filter((a) => a && !isFrameId(a) && a.referenceId !== last.data.referenceId)};
}
"""


def test_a_hostile_frame_cannot_make_the_desktop_throw_or_lose_a_matchable_reply(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    apps = [app_url(site, 1, "vendor-envelopes.html"), app_url(site, 2, "vendor-envelopes.html")]
    desktop = open_desktop(apps, accept=[site.origins[1], site.origins[2]])
    desktop.page.on("pageerror", lambda error: errors.append(str(error)))
    hostile, other = desktop.frame(0), desktop.frame(1)
    result: dict[str, Any] = hostile.evaluate(HOSTILE)
    answers = result["answers"]
    with_reference = [name for name, reference in result["expected"] if reference is not None]
    echoed = [a.get("referenceId") for a in answers if "referenceId" in a]
    assert sorted(map(repr, echoed)) == sorted(repr(reference) for _, reference in result["expected"] if reference is not None)
    assert len(with_reference) == 7
    for answer in answers:
        assert answer["userAgent"] == "WWE Server" and answer["protocolVersion"] == 2
        assert answer.get("request") not in ("undefined", "[object Object]", "-", "None")
    assert other.evaluate("async () => (await window.request('agent.getState')).data.data.type") == "NOT_READY"
    assert errors == []
