"""Cases: every interaction belongs to one; the desktop selects and expands them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.interactions import Interaction, InteractionStore

CaseEventSink = Callable[[dict[str, Any]], None]


# The attached-data key the Agent Workspace keeps an interaction's case id under.
CASE_UID_KEY = "IW_CaseUid"


class CaseBoard:
    """Which case is selected and which are expanded, mirrored on the interactions' flags."""

    def __init__(self, store: InteractionStore, emit: CaseEventSink) -> None:
        self._store = store
        self._emit = emit
        self.selected: str | None = None
        self.expanded: set[str] = set()

    def select(self, case_id: str) -> None:
        """CASE_COLLAPSED for the case left, CASE_EXPANDED and CASE_SELECTED for this one."""
        if not self._store.in_case(case_id):
            known = sorted({i.case_id for i in self._store})
            raise WorkspaceError(f"Unknown case {case_id!r}. Current cases: {', '.join(known) or 'none'}.")
        previous = self.selected
        if previous is not None and previous != case_id and previous in self.expanded:
            self.expanded.discard(previous)
            self._case_event("CASE_COLLAPSED", previous)
        if case_id not in self.expanded:
            self.expanded.add(case_id)
            self._case_event("CASE_EXPANDED", case_id)
        self.selected = case_id
        self._case_event("CASE_SELECTED", case_id)

    def refresh_flags(self) -> None:
        for interaction in self._store:
            self.set_flags(interaction)

    def set_flags(self, interaction: Interaction) -> None:
        """Its isCaseSelected and isCaseExpanded; a new interaction needs only its own (the
        others' change only when a case does, and are refreshed then)."""
        interaction.is_case_selected = interaction.case_id == self.selected
        interaction.is_case_expanded = interaction.case_id in self.expanded

    def rename(self, previous: str, new: str) -> None:
        """The contact centre gave the case a new id (CASE_ID_CHANGED)."""
        for interaction in self._store.in_case(previous):
            interaction.case_id = new
            # The desktop updates the interaction's attached data with the new case id too
            # (reference, "Supporting multiple browser tabs").
            interaction.user_data[CASE_UID_KEY] = new
        if self.selected == previous:
            self.selected = new
        if previous in self.expanded:
            self.expanded.discard(previous)
            self.expanded.add(new)
        self._emit({"eventType": "CASE_ID_CHANGED", "caseId": new, "previousCaseId": previous})

    def forget_if_empty(self, case_id: str) -> None:
        if self._store.in_case(case_id):
            return
        self.expanded.discard(case_id)
        if self.selected == case_id:
            self.selected = None

    def _case_event(self, event_type: str, case_id: str) -> None:
        self.refresh_flags()
        self._emit({"eventType": event_type, "selectedCaseId": case_id})
