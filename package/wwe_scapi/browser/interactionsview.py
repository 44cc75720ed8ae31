"""The desktop's interactions area: each interaction with its state, case, attached data and
the agent's controls, plus per-interaction simulator buttons. Re-rendered off the request
path (coalesced), with one delegated click listener for every button."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wwe_scapi.browser.dom import Dom
from wwe_scapi.browser.redraw import Redraw
from wwe_scapi.clock import Clock
from wwe_scapi.tabs.actions import Actions, attempt
from wwe_scapi.workspace import Workspace
from wwe_scapi.workspace.interactions import Interaction, InteractionState
from wwe_scapi.workspace.lifecycle import OUTBOUND_FLOWS

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import Element

Action = Callable[[Workspace, Interaction], object]

# data-action -> what the button does. Agent controls first, then the outside world's.
ACTIONS: dict[str, Action] = {
    "accept": lambda ws, i: ws.open_media.accept(i.interaction_id),
    "reject": lambda ws, i: ws.open_media.reject(i.interaction_id),
    "hold": lambda ws, i: ws.voice.hold(i.interaction_id),
    "resume": lambda ws, i: ws.voice.resume(i.interaction_id),
    "hang-up": lambda ws, i: ws.voice.hang_up(i.interaction_id),
    "record-start": lambda ws, i: ws.voice.recording(i.interaction_id, "start"),
    "record-pause": lambda ws, i: ws.voice.recording(i.interaction_id, "pause"),
    "record-resume": lambda ws, i: ws.voice.recording(i.interaction_id, "resume"),
    "record-stop": lambda ws, i: ws.voice.recording(i.interaction_id, "stop"),
    "end-chat": lambda ws, i: ws.open_media.end_chat(i.interaction_id),
    "reply": lambda ws, i: ws.open_media.reply(i.interaction_id),
    "send": lambda ws, i: ws.open_media.send(i.interaction_id),
    "cancel": lambda ws, i: ws.open_media.cancel(i.interaction_id),
    "mark-done": lambda ws, i: ws.markdone.mark_done(i.interaction_id),
    "standard-response": lambda ws, i: ws.open_media.insert_standard_response(
        i.interaction_id, "Thank you for contacting us. How can I help you today?"
    ),
    "complete-transfer": lambda ws, i: ws.transfers.complete_transfer(i.interaction_id),
    "complete-conference": lambda ws, i: ws.transfers.complete_conference(i.interaction_id),
    "select-case": lambda ws, i: ws.desk.cases.select(i.case_id),
    "sim-remote-answers": lambda ws, i: ws.scenario.remote_party_answers(i.interaction_id),
    "sim-remote-hangs-up": lambda ws, i: ws.scenario.remote_party_hangs_up(i.interaction_id),
    "sim-no-answer": lambda ws, i: ws.scenario.no_answer(i.interaction_id),
    "sim-customer-writes": lambda ws, i: ws.scenario.customer_sends_message(i.interaction_id, "Are you still there?"),
    "sim-customer-typing": lambda ws, i: ws.scenario.customer_is_typing(i.interaction_id),
    "sim-customer-leaves": lambda ws, i: ws.scenario.customer_leaves_chat(i.interaction_id),
    "sim-accepted-elsewhere": lambda ws, i: ws.scenario.accepted_elsewhere(i.interaction_id),
    "sim-revoke": lambda ws, i: ws.scenario.revoke(i.interaction_id),
}

# data-action -> the transfer operation done with the target chosen beside the buttons.
TARGET_ACTIONS: dict[str, Callable[[Workspace, Interaction, dict[str, str]], object]] = {
    "consult-to": lambda ws, i, target: ws.transfers.consult(i.interaction_id, target),
    "voice-consult-to": lambda ws, i, target: ws.transfers.consult(i.interaction_id, {**target, "media": "voice"}),
    "transfer-to": lambda ws, i, target: ws.transfers.single_step("single-step transfer", i.interaction_id, target),
    "conference-to": lambda ws, i, target: ws.transfers.single_step("single-step conference", i.interaction_id, target),
}
_TARGET_LABELS = {
    "consult-to": "Consult",
    "voice-consult-to": "Consult by voice",
    "transfer-to": "Transfer",
    "conference-to": "Conference",
}
_TARGET_CAPABILITIES = {
    "consult-to": "CONSULT",
    "transfer-to": "SINGLE_STEP_TRANSFER",
    "conference-to": "SINGLE_STEP_CONFERENCE",
}

_LABELS = {
    "accept": "Accept",
    "reject": "Reject",
    "hold": "Hold",
    "resume": "Resume",
    "hang-up": "Hang up",
    "record-start": "Record",
    "record-pause": "Pause recording",
    "record-resume": "Resume recording",
    "record-stop": "Stop recording",
    "end-chat": "End chat",
    "reply": "Reply",
    "send": "Send",
    "cancel": "Cancel",
    "mark-done": "Mark done",
    "standard-response": "Insert standard response",
    "complete-transfer": "Complete transfer",
    "complete-conference": "Complete conference",
    "sim-remote-answers": "Remote party answers",
    "sim-remote-hangs-up": "Remote party hangs up",
    "sim-no-answer": "Let it ring (no answer)",
    "sim-customer-writes": "Customer writes",
    "sim-customer-typing": "Customer types",
    "sim-customer-leaves": "Customer leaves",
    "sim-accepted-elsewhere": "Accepted in another session",
    "sim-revoke": "Revoke",
}

_CAPABILITY_ACTIONS = {
    "ANSWER": "accept",
    "ACCEPT": "accept",
    "REJECT": "reject",
    "HOLD": "hold",
    "RESUME": "resume",
    "HANGUP": "hang-up",
    "END_CHAT": "end-chat",
    "REPLY": "reply",
    "SEND": "send",
    "CANCEL": "cancel",
    "MARK_DONE": "mark-done",
    "COMPLETE_TRANSFER": "complete-transfer",
    "COMPLETE_CONFERENCE": "complete-conference",
}
# An outbound record's own capabilities have their buttons in the outbound view (outboundview.py),
# beside the record's fields and chain: CALL needs a record of the chain to dial.
OUTBOUND_VIEW_CAPABILITIES = frozenset({"CALL", "REJECT_RECORD", "CANCEL_RECORD"})
_RECORDING_ACTIONS = {
    "STOPPED": ("record-start",),
    "RECORDING": ("record-pause", "record-stop"),
    "PAUSED": ("record-resume", "record-stop"),
}
CHOSEN_TARGET = "data-targets"  # the select of a row of targets


def capabilities_with_buttons() -> frozenset[str]:
    """Every capability the list gives a button (OUTBOUND_VIEW_CAPABILITIES are the outbound view's)."""
    return frozenset(_CAPABILITY_ACTIONS) | {"RECORDING"} | frozenset(_TARGET_CAPABILITIES.values())


def agent_actions(interaction: Interaction) -> list[str]:
    """The agent's buttons, read off the interaction's capabilities."""
    actions = [_CAPABILITY_ACTIONS[c] for c in interaction.capabilities if c in _CAPABILITY_ACTIONS]
    if "RECORDING" in interaction.capabilities:
        actions.extend(_RECORDING_ACTIONS[interaction.media_fields.get("recordingState", "STOPPED")])
    if interaction.media == "chat" and interaction.state is InteractionState.ACCEPTED:
        actions.append("mark-done")  # Done on an active chat ends it and marks it done
    if interaction.media in ("chat", "email") and interaction.state in (InteractionState.ACCEPTED, InteractionState.CREATED):
        actions.append("standard-response")
    return list(dict.fromkeys(actions))


def simulator_actions(interaction: Interaction) -> list[str]:
    """What the outside world can do to it now."""
    state, media = interaction.state, interaction.media
    if media == "voice":
        return {
            InteractionState.RINGING: ["sim-no-answer"],
            InteractionState.DIALING: ["sim-remote-answers", "sim-remote-hangs-up"],
            InteractionState.TALKING: ["sim-remote-hangs-up"],
            InteractionState.HELD: ["sim-remote-hangs-up"],
        }.get(state, [])
    if state in (InteractionState.INVITED, InteractionState.INVITED_CONFERENCE):
        invited_chat = media == "chat" and state is InteractionState.INVITED
        return ["sim-revoke"] + (["sim-customer-leaves", "sim-accepted-elsewhere"] if invited_chat else [])
    if media == "chat" and state is InteractionState.ACCEPTED:
        return ["sim-customer-writes", "sim-customer-typing", "sim-customer-leaves"]
    return []


class InteractionsView:
    def __init__(
        self, workspace: Workspace, dom: Dom, clock: Clock, show_alert: Callable[[str], None], actions: Actions | None = None
    ) -> None:
        self.workspace = workspace
        self.actions = actions or Actions(workspace)
        self._dom = dom
        self._show_alert = show_alert
        self._redraw = Redraw(clock, self.render)

    def start(self) -> None:
        self._dom.listen(self._dom.by_id("interactions"), "click", self._on_click)
        self.render()

    def changed(self) -> None:
        """Re-render once after the current burst of events, not inside a request."""
        self._redraw.request()

    def render(self) -> None:
        element = self._dom.element
        section = self._dom.by_id("interactions")
        items = [self._item(interaction) for interaction in self.workspace.interactions]
        heading = element("h2", "Interactions", id="interactions-heading")
        if items:
            listing = element("ul", id="interaction-list")
            listing.replaceChildren(*items)
        else:
            listing = element("p", "No interaction.", **{"class": "empty"})
        section.replaceChildren(heading, listing)

    def _item(self, interaction: Interaction) -> Element:
        element = self._dom.element
        item = element(
            "li",
            None,
            data_interaction_id=interaction.interaction_id,
            data_state=interaction.state.value,
            data_media=interaction.media,
            data_case_id=interaction.case_id,
            **{"class": "interaction" + (" case-selected" if interaction.is_case_selected else "")},
        )
        fields = interaction.media_fields
        party = interaction.contact.get("displayName") or fields.get("ani", "")
        kind = "consultation" if interaction.is_consultation else (fields.get("callType") or interaction.media)
        title = f"#{interaction.interaction_id} {interaction.media} · {interaction.state.value} · {party}"
        item.appendChild(element("div", title, **{"class": "interaction-title"}))
        case = f"case {interaction.case_id[-8:]} · {kind.lower()}"
        recording = {"RECORDING": " · ● recording", "PAUSED": " · recording paused"}
        case += recording.get(fields.get("recordingState", ""), "")
        item.appendChild(element("button", case, type="button", data_action="select-case", **{"class": "case-link"}))
        if interaction.user_data:
            data = ", ".join(f"{key}={value}" for key, value in interaction.user_data.items())
            item.appendChild(element("div", data, **{"class": "user-data"}))
        for who, text in interaction.transcript[-3:]:
            item.appendChild(element("div", f"{who}: {text}", **{"class": "transcript"}))
        if interaction.flow in OUTBOUND_FLOWS:
            note = "Outbound record: its fields, call result and callback are in the Outbound area."
            item.appendChild(element("div", note, **{"class": "outbound-note"}))
        for warning in interaction.markdone_blocks.values():
            item.appendChild(element("div", f"Mark done blocked: {warning}", **{"class": "markdone-blocked"}))
        item.appendChild(self._buttons(agent_actions(interaction), "controls"))
        targeted = [a for a, needed in _TARGET_CAPABILITIES.items() if needed in interaction.capabilities]
        if interaction.media != "voice" and "CONSULT" in interaction.capabilities:
            targeted.insert(1, "voice-consult-to")
        if targeted:
            item.appendChild(self._target_row(interaction, targeted))
        simulated = simulator_actions(interaction)
        if simulated:
            item.appendChild(self._buttons(simulated, "simulated"))
        return item

    def _target_row(self, interaction: Interaction, actions: list[str]) -> Element:
        """A choice of the directory's targets, with Consult / Transfer / Conference."""
        element = self._dom.element
        directory = self.workspace.desk.directory
        choices = [("AGENT", c.employee_id, f"{c.name} (agent)") for c in directory.colleagues]
        for target_type, names in directory.names.items():
            if interaction.media != "voice" and target_type.value == "ROUTING_POINT":
                continue
            kind = target_type.value.lower().replace("_", " ")
            choices += [(target_type.value, name, f"{name} ({kind})") for name in names]
        row = element("div", None, **{"class": "targets"})
        select = element("select", None, aria_label="Target", **{CHOSEN_TARGET: ""})
        for kind_name, destination, label in choices:
            select.appendChild(element("option", label, value=f"{kind_name}:{destination}"))
        row.appendChild(select)
        for action in actions:
            row.appendChild(element("button", _TARGET_LABELS[action], type="button", data_action=action))
        return row

    def _buttons(self, actions: list[str], css_class: str) -> Element:
        bar = self._dom.element("div", None, **{"class": css_class})
        for action in actions:
            bar.appendChild(self._dom.element("button", _LABELS[action], type="button", data_action=action))
        return bar

    def _on_click(self, event: Any) -> None:
        button = event.target.closest("button[data-action]")
        item = event.target.closest("[data-interaction-id]")
        if self._dom.missing(button) or self._dom.missing(item):
            return
        name = str(button.getAttribute("data-action"))
        interaction = self.workspace.interactions.find(str(item.getAttribute("data-interaction-id")))
        if interaction is None:
            return
        actions: Any = self.actions  # the workspace's operations, done where the contact centre is
        if name in TARGET_ACTIONS:
            target_type, _, destination = str(item.querySelector(f"[{CHOSEN_TARGET}]").value).partition(":")
            target = {"type": target_type, "destination": destination}
            attempt(lambda: TARGET_ACTIONS[name](actions, interaction, target), self._alert)
        elif name in ACTIONS:
            attempt(lambda: ACTIONS[name](actions, interaction), self._alert)

    def _alert(self, error: str | None) -> None:
        self._show_alert(error or "")
