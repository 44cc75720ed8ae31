"""What the buttons of the desktop's outbound area do: the agent's controls on campaigns and
preview records, and the contact centre's on campaigns, each by its data-action. A button
finds what it is about on itself and the elements around it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from wwe_scapi.browser.dom import Dom
from wwe_scapi.browser.recordfields import changed_values
from wwe_scapi.workspace import Workspace
from wwe_scapi.workspace.leniency import Warn
from wwe_scapi.workspace.outbound import HeldRecord

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import Element

REQUEST: Final = "The desktop's outbound panel"  # names the desktop in a refusal


@dataclass(frozen=True, slots=True)
class Click:
    """A click on one of the view's buttons: what it is about is read off the button and the
    elements around it (data-campaign, data-interaction-id, data-record-handle)."""

    workspace: Workspace  # read from (in a follower tab, its replica)
    dom: Dom
    button: Element
    warn: Warn
    actions: Any = None  # the workspace's operations, done where the contact centre is (tabs.actions)

    def attribute(self, name: str) -> str:
        """`name` of the button or of the nearest element around it that has it ("" if none)."""
        holder = self.button.closest(f"[{name}]")
        return "" if holder is None or self.dom.missing(holder) else str(holder.getAttribute(name))

    @property
    def campaign(self) -> str:
        return self.attribute("data-campaign")

    @property
    def interaction_id(self) -> str:
        """The record's interaction: its call once called, else its preview."""
        return self.attribute("data-interaction-id")

    def held(self) -> HeldRecord:
        return self.workspace.outbound.held(self.interaction_id, REQUEST, self.warn)

    def chosen(self, name: str) -> str:
        """The value of the record's input `data-input=name`."""
        found = self._inside(f'[data-input="{name}"]')
        return str(found[0].value) if found else ""

    def field_inputs(self) -> Sequence[Element]:
        return self._inside("[data-field]")

    def _inside(self, selector: str) -> Sequence[Element]:
        """The elements of the button's record that match."""
        item = self.button.closest("[data-interaction-id]")
        return [] if item is None or self.dom.missing(item) else item.querySelectorAll(selector)


def save_fields(click: Click) -> object:
    """updateRecordFields with every field the agent changed: all or nothing."""
    changes = changed_values(click.workspace.outbound.record_fields(click.interaction_id, click.warn), click.field_inputs())
    if not changes:
        click.warn("Save: no field was changed", "nothing was saved")
        return None
    return click.actions.outbound.update_record_fields(click.interaction_id, changes, click.warn)


# data-action -> what the button does. The agent's controls first, then the contact centre's.
ACTIONS: Final[dict[str, Callable[[Click], object]]] = {
    "get-record": lambda c: c.actions.outbound.get_preview_record(c.campaign),
    "direct-push-start": lambda c: c.actions.outbound.start_direct_push(c.warn),
    "direct-push-stop": lambda c: c.actions.outbound.stop_direct_push(),
    "accept": lambda c: c.actions.open_media.accept(c.interaction_id),
    "call": lambda c: c.actions.outbound.call(c.interaction_id, int(c.attribute("data-record-handle")), c.warn),
    "reject-record": lambda c: c.actions.outbound.reject_record(c.interaction_id, c.warn),
    "cancel-record": lambda c: c.actions.outbound.cancel_record(c.interaction_id, c.warn),
    "save-fields": save_fields,
    "set-call-result": lambda c: c.actions.outbound.set_call_result(c.interaction_id, int(c.chosen("call-result")), c.warn),
    "do-not-call": lambda c: c.actions.outbound.set_do_not_call(c.interaction_id, c.warn, not c.held().current.do_not_call),
    "reschedule": lambda c: c.actions.outbound.reschedule(
        c.interaction_id, c.held().current.handle, c.chosen("reschedule-date"), c.chosen("callback-type"), c.warn
    ),
    "cancel-reschedule": lambda c: c.actions.outbound.cancel_reschedule(c.interaction_id, c.warn),
    "mark-done": lambda c: c.actions.markdone.mark_done(c.workspace.outbound.markdone_target(c.interaction_id, c.warn)),
    "sim-start": lambda c: c.actions.scenario.start_campaign(c.campaign),
    "sim-stop": lambda c: c.actions.scenario.stop_campaign(c.campaign),
    "sim-unload": lambda c: c.actions.scenario.unload_campaign(c.campaign),
    "sim-push": lambda c: c.actions.scenario.push_preview_record(c.campaign),
}
