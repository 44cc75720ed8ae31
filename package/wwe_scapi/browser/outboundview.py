"""The desktop's outbound area: the agent's campaigns (mode, status, records left) with the
contact centre's Start / Stop / Unload / Push record, direct push dialing mode, and each
preview record the agent holds: its fields (editable while the record is worked) and the
agent's controls. Re-rendered off the request path (coalesced), with one delegated listener
for clicks and one for typing (what the agent typed survives a redraw)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, time, timedelta, timezone
from typing import TYPE_CHECKING, Any, Final

from wwe_scapi.browser.dom import Dom
from wwe_scapi.browser.outboundcontrols import ACTIONS, REQUEST, Click
from wwe_scapi.browser.recordfields import field_row, show, shown
from wwe_scapi.browser.redraw import Redraw
from wwe_scapi.clock import Clock
from wwe_scapi.tabs.actions import Actions, attempt
from wwe_scapi.workspace import Workspace, WorkspaceError
from wwe_scapi.workspace.interactions import Interaction, InteractionState
from wwe_scapi.workspace.leniency import refuse, warning_text
from wwe_scapi.workspace.lifecycle import OUTBOUND_FLOWS, PREVIEW_RECORD
from wwe_scapi.workspace.outbound import Campaign, CampaignStatus, HeldRecord
from wwe_scapi.workspace.outbound.callresults import CALL_RESULTS, NAMES_BY_CODE
from wwe_scapi.workspace.outbound.campaigns import DIRECT_PUSH_PREVIEW, PREVIEW, PUSH_PREVIEW
from wwe_scapi.workspace.outbound.fields import DATE_FORMAT
from wwe_scapi.workspace.outbound.records import PHONE_TYPES, Record, RecordStatus
from wwe_scapi.workspace.outbound.reschedule import CALLBACK_TYPES

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import Element

SECTION: Final = "outbound"

_LABELS: Final = {
    "get-record": "Get record",
    "direct-push-start": "Start dialing mode",
    "direct-push-stop": "Stop dialing mode",
    "accept": "Accept",
    "reject-record": "Reject",
    "cancel-record": "Cancel",
    "save-fields": "Save",
    "set-call-result": "Set",
    "reschedule": "Reschedule",
    "cancel-reschedule": "Cancel reschedule",
    "mark-done": "Done",
    "sim-start": "Start",
    "sim-stop": "Stop",
    "sim-unload": "Unload",
    "sim-push": "Push record",
}
# The record's capabilities -> the agent's decision buttons (REJECT of a pushed record not yet
# accepted is rejectPreviewRecord's too).
_DECISIONS: Final = {"ACCEPT": "accept", "REJECT": "reject-record", "REJECT_RECORD": "reject-record", "CANCEL_RECORD": "cancel-record"}
# Every capability of a record or its call that has a button here.
RECORD_CAPABILITIES: Final = frozenset(_DECISIONS) | {"CALL", "MARK_DONE"}
_PUSHED_MODES: Final = (PUSH_PREVIEW, DIRECT_PUSH_PREVIEW)
# Where a held record is: pushed and not accepted yet, previewed, called, or rejected / cancelled.
_PHASES: Final = {InteractionState.INVITED: "invited", InteractionState.PREVIEWING: "previewing"}
_WORKED: Final = ("previewing", "called")  # fields editable, reschedule offered


def campaign_actions(campaign: Campaign) -> tuple[list[str], list[str]]:
    """The agent's buttons and the contact centre's for a campaign in its status."""
    running = campaign.status is CampaignStatus.RUNNING
    agent = ["get-record"] if running and campaign.mode == PREVIEW else []
    simulated = ["sim-stop"] if running else ["sim-start"]
    if running and campaign.mode in _PUSHED_MODES:
        simulated.append("sim-push")
    return agent, simulated + ["sim-unload"]


def phase_of(held: HeldRecord, interaction: Interaction) -> str:
    """invited, previewing, called or closed (`interaction`: the record's preview or call)."""
    return "called" if held.call_id is not None else _PHASES.get(interaction.state, "closed")


def records_left(campaign: Campaign) -> int:
    """Records of the campaign's list still waiting to be handed out."""
    return sum(1 for record in campaign.calling_list.records if record.status is RecordStatus.READY)


def suggested_callback(record: Record, now: float) -> str:
    """Tomorrow at the start of the record's Call From window, in its time zone."""
    zone = timezone(timedelta(seconds=record.tz_offset))
    start, _ = record.window()
    tomorrow = datetime.fromtimestamp(now, zone).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(start // 3600, start % 3600 // 60)).strftime(DATE_FORMAT)


def work_summary(record: Record) -> str:
    """The agent's work on the record so far: call result, Do Not Call, callback."""
    result = "none" if record.call_result is None else f"{NAMES_BY_CODE.get(record.call_result, '?')} ({record.call_result})"
    callback = "none" if record.reschedule is None else f"{record.reschedule.local.strftime(DATE_FORMAT)} ({record.reschedule.callback_type})"
    return f"Call result: {result} · Do Not Call: {'on' if record.do_not_call else 'off'} · Callback: {callback}"


class OutboundView:
    """The #outbound section of the desktop page, kept in step with the workspace."""

    def __init__(
        self, workspace: Workspace, dom: Dom, clock: Clock, show_alert: Callable[[str], None], actions: Actions | None = None
    ) -> None:
        self.actions = actions or Actions(workspace)
        self.workspace = workspace
        self._dom = dom
        self._clock = clock
        self._show_alert = show_alert
        self._redraw = Redraw(clock, self.render)
        self._drafts: dict[tuple[str, str], str] = {}  # (interaction id, input) -> what was typed
        self._shown: set[str] = set()  # the interactions of the records drawn last

    def start(self) -> None:
        section = self._dom.by_id(SECTION)
        self._dom.listen(section, "click", self._on_click)
        for kind in ("input", "change"):
            self._dom.listen(section, kind, self._on_input)
        self.render()

    def changed(self) -> None:
        """Re-render once after the current burst of events, not inside a request."""
        self._redraw.request()

    def concerns(self, data: Mapping[str, Any]) -> bool:
        """Whether an `interaction` or `markdone` event is about an outbound record: one of
        an outbound flow now, or one drawn here (a record marked done is gone already)."""
        wire = data.get("interaction")
        interaction_id = str(wire.get("interactionId")) if isinstance(wire, Mapping) else str(data.get("interactionId"))
        found = self.workspace.interactions.find(interaction_id)
        return (found is not None and found.flow in OUTBOUND_FLOWS) or interaction_id in self._shown

    # -- drawing ----------------------------------------------------------------------------

    def render(self) -> None:
        element = self._dom.element
        held = self.held_records()
        keys = {self._key(record) for record in held}
        self._drafts = {key: text for key, text in self._drafts.items() if key[0] in keys}
        self._shown = keys | {record.preview_id for record in held}
        campaigns = [self._campaign(campaign) for campaign in self.workspace.campaigns]
        records = [self._record(record) for record in held]
        self._dom.by_id(SECTION).replaceChildren(
            element("h2", "Outbound", id="outbound-heading"),
            self._dialing_mode(),
            element("h3", "Campaigns"),
            self._listing("campaign-list", campaigns, "No campaign loaded."),
            element("h3", "Preview records"),
            self._listing("outbound-records", records, "No preview record."),
        )

    def held_records(self) -> list[HeldRecord]:
        """The records the agent holds, in arrival order: each once, by its call once called."""
        found: dict[str, HeldRecord] = {}
        for interaction in self.workspace.interactions:
            if interaction.flow not in OUTBOUND_FLOWS or (interaction.flow == PREVIEW_RECORD and interaction.linked_id):
                continue
            try:
                held = self.workspace.outbound.held(interaction.interaction_id, REQUEST, refuse)
            except WorkspaceError:
                continue  # handed back to its list (a rejected invitation): no longer held
            found.setdefault(held.preview_id, held)
        return list(found.values())

    @staticmethod
    def _key(held: HeldRecord) -> str:
        return held.call_id or held.preview_id

    def _listing(self, element_id: str, items: list[Element], empty: str) -> Element:
        if not items:
            return self._dom.element("p", empty, id=element_id, **{"class": "empty"})
        listing = self._dom.element("ul", None, id=element_id)
        listing.replaceChildren(*items)
        return listing

    def _dialing_mode(self) -> Element:
        on = self.workspace.outbound.direct_push_started
        row = self._dom.element("div", None, data_direct_push="on" if on else "off", **{"class": "dialing-mode"})
        row.appendChild(self._dom.element("span", f"Direct push dialing mode: {'on' if on else 'off'}"))
        row.appendChild(self._buttons(["direct-push-stop" if on else "direct-push-start"], "controls"))
        return row

    def _campaign(self, campaign: Campaign) -> Element:
        element = self._dom.element
        item = element(
            "li", None, data_campaign=campaign.name, data_mode=campaign.mode, data_status=campaign.status.value, **{"class": "campaign"}
        )
        left = records_left(campaign)
        item.appendChild(element("div", campaign.name, **{"class": "campaign-title"}))
        facts = f"{campaign.mode} · {campaign.status.value} · {left} record{'' if left == 1 else 's'} left"
        item.appendChild(element("div", facts, **{"class": "campaign-facts"}))
        agent, simulated = campaign_actions(campaign)
        if agent:
            item.appendChild(self._buttons(agent, "controls"))
        item.appendChild(self._buttons(simulated, "simulated"))
        return item

    def _record(self, held: HeldRecord) -> Element:
        element = self._dom.element
        key = self._key(held)
        interaction = self.workspace.interactions.get(key)
        phase = phase_of(held, interaction)
        item = element(
            "li",
            None,
            data_interaction_id=key,
            data_preview_id=held.preview_id,
            data_campaign=held.campaign.name,
            data_state=interaction.state.value,
            data_phase=phase,
            **{"class": "outbound-record"},
        )
        record = held.current
        title = f"#{key} record {record.handle} · {held.campaign.name} · {interaction.state.value} · {record.phone}"
        item.appendChild(element("div", title, **{"class": "record-title"}))
        item.appendChild(element("div", work_summary(record), **{"class": "record-work"}))
        parts = (self._fields, self._calls, self._decisions, self._call_work, self._reschedule, self._done)
        for part in parts:
            for child in part(held, interaction, phase):
                item.appendChild(child)
        for node in item.querySelectorAll("[data-field], [data-input]"):
            draft = self._drafts.get((key, self._draft_name(node) or ""))
            if draft is not None:
                show(node, draft)
        return item

    def _fields(self, held: HeldRecord, interaction: Interaction, phase: str) -> list[Element]:
        fields = self.workspace.outbound.record_fields(self._key(held), refuse)
        editable = phase in _WORKED
        box = self._dom.element("div", None, **{"class": "record-fields"})
        for field in fields:
            box.appendChild(field_row(self._dom, field, editable))
        if editable and any(field["isEditable"] for field in fields):
            box.appendChild(self._buttons(["save-fields"], "controls"))
        return [box]

    def _calls(self, held: HeldRecord, interaction: Interaction, phase: str) -> list[Element]:
        """One Call button per record of the chain: the customer's numbers."""
        if "CALL" not in interaction.capabilities:
            return []
        bar = self._dom.element("div", None, **{"class": "controls record-calls"})
        for record in held.chain:
            kind = PHONE_TYPES.get(str(record.values.get("GSW_PHONE_TYPE")), "")
            label = f"Call {record.phone}" + (f" ({kind})" if kind else "")
            bar.appendChild(self._dom.element("button", label, type="button", data_action="call", data_record_handle=str(record.handle)))
        return [bar]

    def _decisions(self, held: HeldRecord, interaction: Interaction, phase: str) -> list[Element]:
        actions = list(dict.fromkeys(_DECISIONS[c] for c in interaction.capabilities if c in _DECISIONS))
        return [self._buttons(actions, "controls")] if actions else []

    def _call_work(self, held: HeldRecord, interaction: Interaction, phase: str) -> list[Element]:
        """Call result and Do Not Call: for a record that has been called."""
        if phase != "called":
            return []
        element = self._dom.element
        record = held.current
        row = element("div", None, **{"class": "controls call-result"})
        select = element("select", None, data_input="call-result", aria_label="Call result")
        for name, code in CALL_RESULTS.items():
            select.appendChild(element("option", f"{name} ({code})", value=str(code)))
        select.value = str(record.call_result if record.call_result is not None else CALL_RESULTS["OK"])
        row.append(select, self._button("set-call-result"))
        dnc = "on" if record.do_not_call else "off"
        toggle = element("button", f"Do Not Call: {dnc}", type="button", data_action="do-not-call", aria_pressed=str(record.do_not_call).lower())
        return [row, self._bar([toggle])]

    def _reschedule(self, held: HeldRecord, interaction: Interaction, phase: str) -> list[Element]:
        if phase not in _WORKED:
            return []
        element = self._dom.element
        row = element("div", None, **{"class": "controls reschedule"})
        callback = held.current.reschedule
        when = suggested_callback(held.current, self._clock.wall()) if callback is None else callback.local.strftime(DATE_FORMAT)
        row.appendChild(
            element("input", None, type="text", data_input="reschedule-date", value=when, placeholder="MM/DD/YYYY HH:MM", aria_label="Callback date")
        )
        kinds = element("select", None, data_input="callback-type", aria_label="Callback type")
        for kind in CALLBACK_TYPES:
            kinds.appendChild(element("option", kind.title(), value=kind))
        if callback is not None:
            kinds.value = callback.callback_type
        row.append(kinds, self._button("reschedule"))
        if any(record.reschedule is not None for record in held.chain):
            row.appendChild(self._button("cancel-reschedule"))
        return [row]

    def _done(self, held: HeldRecord, interaction: Interaction, phase: str) -> list[Element]:
        return [self._buttons(["mark-done"], "controls")] if "MARK_DONE" in interaction.capabilities else []

    def _button(self, action: str) -> Element:
        return self._dom.element("button", _LABELS[action], type="button", data_action=action)

    def _buttons(self, actions: list[str], css_class: str) -> Element:
        return self._bar([self._button(action) for action in actions], css_class)

    def _bar(self, children: list[Element], css_class: str = "controls") -> Element:
        bar = self._dom.element("div", None, **{"class": css_class})
        bar.append(*children)
        return bar

    # -- the agent's input ---------------------------------------------------------------------

    def _draft_name(self, node: Any) -> str | None:
        for attribute, prefix in (("data-field", "field:"), ("data-input", "input:")):
            value = node.getAttribute(attribute)
            if not self._dom.missing(value):
                return prefix + str(value)
        return None

    def _on_input(self, event: Any) -> None:
        """Keep what the agent typed, so that a redraw before Save does not lose it."""
        item = event.target.closest("[data-interaction-id]")
        name = self._draft_name(event.target)
        if name is None or self._dom.missing(item):
            return
        self._drafts[(str(item.getAttribute("data-interaction-id")), name)] = shown(event.target)

    def _on_click(self, event: Any) -> None:
        button = event.target.closest("button[data-action]")
        if self._dom.missing(button):
            return
        action = ACTIONS.get(str(button.getAttribute("data-action")))
        if action is None:
            return
        warnings: list[str] = []
        click = Click(
            self.workspace, self._dom, button, lambda stray, treatment: warnings.append(warning_text(stray, treatment)), self.actions
        )

        def done(error: str | None) -> None:
            if error is not None:
                self._show_alert(error)
                return
            self._show_alert(" ".join(warnings))
            # Done with what was typed: the redraw shows the record as it now is.
            self._drafts = {key: text for key, text in self._drafts.items() if key[0] != click.interaction_id}

        attempt(lambda: action(click), done)
        self.changed()  # call results, Do Not Call, reschedules and field edits announce nothing
