"""The interaction desk: creating interactions, moving them through their state machine, and
announcing every step. The media-specific operations build on it."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import Any

from wwe_scapi.clock import Clock
from wwe_scapi.workspace.cases import CaseBoard
from wwe_scapi.workspace.directory import Directory
from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.events import EventHub
from wwe_scapi.workspace.interactions import Interaction, InteractionState, InteractionStore
from wwe_scapi.workspace.lifecycle import ON_RECORD, Rule, capabilities, rule_for


class InteractionDesk:
    """Owns the interactions; every change to one goes through `apply` or `emit`."""

    def __init__(self, events: EventHub, clock: Clock, directory: Directory) -> None:
        self.events = events
        self.clock = clock
        self.directory = directory
        self.store = InteractionStore()
        self.cases = CaseBoard(self.store, functools.partial(events.emit, "interaction"))
        self._uuid_count = 0

    def next_uuid(self) -> str:
        """Deterministic UUID-shaped ids, so that runs and tests repeat exactly."""
        self._uuid_count += 1
        digits = f"{(0x5C0A_F1 << 96) | self._uuid_count:032x}"  # the uuid module costs Pyodide ~10 ms
        return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"

    def timestamp(self) -> str:
        """The clock's wall time as the reference's dates read: 2026-11-24T09:30:00+00:00."""
        return datetime.fromtimestamp(self.clock.wall(), timezone.utc).isoformat(timespec="seconds")

    def get(self, interaction_id: str) -> Interaction:
        return self.store.get(interaction_id)

    # -- creating and moving ---------------------------------------------------------------

    def create(
        self,
        media: str,
        state: InteractionState,
        events: Iterable[str],
        *,
        parent: Interaction | None = None,
        case_of: Interaction | None = None,
        user_data: Mapping[str, Any] | None = None,
        **fields: Any,
    ) -> Interaction:
        """A new interaction in a new case, or in its parent's case when it has one (or in
        the case of `case_of`, without being its child: an outbound record's call)."""
        in_case = parent or case_of
        interaction = Interaction(
            interaction_id=self.store.next_id(),
            media=media,
            state=state,
            case_id=in_case.case_id if in_case else self.next_uuid(),
            # "the attr itx id for a multimedia interaction or the callUuid for a voice
            # interaction" (reference)
            interaction_uuid=str(fields.get("media_fields", {}).get("callUuid") or self.next_uuid()),
            start_date=self.timestamp(),
            user_data=dict(user_data or {}),
            parent_interaction_id=parent.interaction_id if parent else None,
            is_main_case_interaction=in_case is None,
            **fields,
        )
        interaction.capabilities = capabilities(interaction)
        self.store.add(interaction)
        self.cases.set_flags(interaction)
        for event_type in events:
            self.emit(event_type, interaction)
        return interaction

    def check(self, interaction: Interaction, operation: str) -> Rule:
        return rule_for(interaction, operation)

    def apply(self, interaction: Interaction, rule: Rule) -> None:
        """Take the rule's step: new state, its events, and removal when it ends the interaction."""
        if rule.leads_to is not None and rule.leads_to is not interaction.state:
            interaction.move_to(rule.leads_to)
            if not interaction.is_live and interaction.end_date is None:
                interaction.end_date = self.timestamp()
        interaction.capabilities = capabilities(interaction)
        for event_type in rule.events:
            if event_type.startswith(ON_RECORD):
                self._retire_record_of(interaction, event_type.removeprefix(ON_RECORD), rule.record_capabilities)
                continue
            if rule.bare_removal and event_type == "REMOVED":
                interaction.capabilities = []
            self.emit(event_type, interaction)
        if rule.removes:
            self.remove(interaction)

    def _retire_record_of(self, call: Interaction, event_type: str, shown: tuple[str, ...]) -> None:
        """An outbound call's preview record interaction leaves: IDLE, with the capabilities
        the reference's table shows on that row."""
        record = self.store.find(call.linked_id) if call.linked_id else None
        if record is None:
            return
        record.move_to(InteractionState.IDLE)
        record.end_date = record.end_date or self.timestamp()
        record.capabilities = list(shown)
        self.emit(event_type, record)
        self.remove(record)

    def step(self, interaction: Interaction, operation: str) -> None:
        self.apply(interaction, self.check(interaction, operation))

    def emit(self, event_type: str, interaction: Interaction) -> None:
        self.events.emit(
            "interaction",
            {"eventType": event_type, "media": interaction.media, "interaction": interaction.to_wire()},
        )

    def remove(self, interaction: Interaction) -> None:
        self.store.remove(interaction.interaction_id)
        self.cases.forget_if_empty(interaction.case_id)

    def select_case_of(self, interaction: Interaction) -> None:
        """The desktop brings forward the case of an interaction the agent starts handling."""
        if self.cases.selected != interaction.case_id:
            self.cases.select(interaction.case_id)

    # -- attached data -----------------------------------------------------------------------

    def live(self, interaction_id: str) -> Interaction:
        interaction = self.get(interaction_id)
        if not interaction.is_live:
            raise WorkspaceError(
                f"Interaction {interaction_id!r} is {interaction.state.value}: its user data can no longer change."
            )
        return interaction

    def set_user_data(self, interaction_id: str, key_values: Mapping[str, Any]) -> Interaction:
        """Overwrite those keys on a live interaction."""
        interaction = self.live(interaction_id)
        interaction.user_data.update(key_values)
        self.emit("ATTACHED_DATA_CHANGED", interaction)
        return interaction

    def delete_user_data(self, interaction_id: str, key: str) -> Interaction:
        interaction = self.live(interaction_id)
        if key not in interaction.user_data:
            raise WorkspaceError(f"Interaction {interaction_id!r} has no user data key {key!r}.")
        del interaction.user_data[key]
        self.emit("ATTACHED_DATA_CHANGED", interaction)
        return interaction

    def attach(self, interaction: Interaction, user_data: Mapping[str, Any] | None) -> None:
        """User data that comes with a transfer or conference request, announced when there is some."""
        if user_data:
            interaction.user_data.update(user_data)
            self.emit("ATTACHED_DATA_CHANGED", interaction)
