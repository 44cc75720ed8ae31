"""The three states a desktop tab can be in (the reference's `frameState`), and how frame
ids stay unique over every tab of the desktop."""

from __future__ import annotations

import enum
from typing import Final


class FrameState(enum.StrEnum):
    LEADING = "LEADING"  # this tab holds the lead: it owns the contact centre
    FOLLOWING = "FOLLOWING"  # another tab leads; this one keeps a replica
    NEGOTIATING = "NEGOTIATING"  # no tab is known to lead yet


# Frame ids are the keys a tab's postMessage transport gives its windows. Each tab starts its
# keys in a block of its own (tab n: (n - 1) * FRAME_BLOCK + 1 ...), so a frame id names one
# frame of the whole desktop: toasts, dialogs and menu-bar views record their owner by it.
FRAME_BLOCK: Final = 10_000


def first_frame_id(tab: int) -> int:
    return (tab - 1) * FRAME_BLOCK + 1


def tab_of_frame(frame_id: int) -> int:
    return (frame_id - 1) // FRAME_BLOCK + 1
