"""Helpers of the outbound unit tests (test_outbound_*.py): a bench whose frame 1 listens to
`interaction` and `outbound`, the interaction events it gets as (eventType, interactionId,
state, callType, capabilities), and records brought to the points the tests start from."""

from __future__ import annotations

from typing import Any

from unit_support import Bench
from wwe_scapi.clock import ManualClock
from wwe_scapi.workspace import Workspace

# An interaction event as the reference's "Outbound preview events" table lists it.
Step = tuple[str, str, str, str, list[str]]

PULL, PUSH, DIRECT = "CampaignSIP", "CampaignPush", "CampaignDirect"
PREVIEWING_CAPABILITIES = ["CALL", "REJECT_RECORD", "CANCEL_RECORD"]
INVITED_CAPABILITIES = ["ACCEPT", "REJECT"]
FIRST_CHAIN = [257, 258]  # CampaignSIP's first chain: one customer, two numbers


class OutboundBench(Bench):
    """A Bench on `interaction` and `outbound`; `wall` moves its ManualClock's wall time."""

    def __init__(self, *, strict: bool = False, wall: float | None = None) -> None:
        self.clock = ManualClock() if wall is None else ManualClock(wall=wall)
        super().__init__(("interaction", "outbound"), workspace=Workspace(clock=self.clock), strict=strict)

    def steps(self) -> list[Step]:
        """The interaction events since the last look (case events and other topics left out)."""
        return [step_of(message) for message in self.interaction_events()]

    def interaction_events(self) -> list[dict[str, Any]]:
        return [m for m in self.events() if m["event"] == "interaction" and "interaction" in m["data"]]

    def topic(self, name: str) -> list[dict[str, Any]]:
        """The `data` of the events of that topic since the last look."""
        return [m["data"] for m in self.events() if m["event"] == name]

    def listed(self, interaction_id: str) -> dict[str, Any]:
        """interaction.getByInteractionId, which must find it."""
        wire = self.wire(interaction_id)
        assert wire is not None, f"interaction {interaction_id!r} is not listed"
        return wire

    # -- records brought to a point, through the broker where the agent acts -------------------

    def pull(self, campaign: str = PULL) -> str:
        """outbound.getPreviewRecord: the preview interaction's id; events left unread."""
        return str(self.call("outbound.getPreviewRecord", campaign)["interactionId"])

    def push(self, campaign: str = PUSH) -> str:
        """The campaign pushes its next record (scenario push_preview_record): INVITED."""
        return self.scenario.push_preview_record(campaign).interaction_id

    def accepted(self, campaign: str = PUSH) -> str:
        preview = self.push(campaign)
        self.call("interaction.accept", preview)
        return preview

    def dial(self, preview: str, handle: int | None = None) -> str:
        """outbound.callPreviewRecord on the chain's first record (or `handle`): the call's id."""
        chosen = handle if handle is not None else self.handles(preview)[0]
        return str(self.call("outbound.callPreviewRecord", preview, chosen)["interactionId"])

    def talking(self, preview: str) -> str:
        call = self.dial(preview)
        self.scenario.remote_party_answers(call)
        return call

    def released(self, preview: str) -> str:
        call = self.talking(preview)
        self.call("voice.hangUp", call)
        return call

    def handles(self, interaction_id: str) -> list[int]:
        """The record handles of the interaction's chain (outbound.getChainedRecords)."""
        chains = self.call("outbound.getChainedRecords", interaction_id)
        return [int(record["GSW_RECORD_HANDLE"]) for chain in chains for record in chain["records"]]

    def fields(self, interaction_id: str) -> dict[str, str]:
        """outbound.getRecordFields as {name: value}."""
        return {field["name"]: field["value"] for field in self.call("outbound.getRecordFields", interaction_id)}

    def outcomes(self, campaign: str = PULL) -> dict[int, dict[str, Any]]:
        """The scenario step campaign_records, by record handle."""
        return {outcome["recordHandle"]: outcome for outcome in self.scenario.campaign_records(campaign)}


def step_of(message: dict[str, Any]) -> Step:
    interaction = message["data"]["interaction"]
    return (
        message["data"]["eventType"],
        interaction["interactionId"],
        interaction["state"],
        interaction["callType"],
        interaction["capabilities"],
    )
