"""The desktop's protocol log panel: entries are kept in Python (the newest 200) and drawn in
batches, off the request path, by one JavaScript call per batch (a row built from Python costs
~20 calls); the JavaScript side (compat/javascript.py) draws what the panel shows and fetches
the rest, and a row's details, only when the reader scrolls, filters or opens one."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wwe_scapi.clock import Clock
from wwe_scapi.service.broker import LogEntry, ProtocolLog

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import Platform

# Entries kept for the table, and rows drawn while the panel is scrolled to the top (it shows
# about ten). Under a burst of requests a flush that built 200 rows, each with its details as
# indented JSON, stalled the desktop for 5-15 ms, delaying the next request: a flush builds
# only the rows the table draws, and the rest when the reader asks for them.
_LOG_ROWS = 200
_LOG_ROWS_AT_TOP = 25
# One flush per burst of this length: the log is for people (four updates a second are
# plenty), and each flush is a stall of a few ms for whatever request arrives meanwhile: the
# browser's style, layout and paint of the new rows, 5-13 ms on the desktop page (2 vCPUs),
# more than the script. So while requests keep coming (the last less than _LOG_QUIET_S ago)
# the flush waits, up to _LOG_FLUSH_MAX_S after the entry it was due for: under a sustained
# burst the log is drawn once a second, not four times.
_LOG_FLUSH_S = 0.25
_LOG_QUIET_S = 0.05
_LOG_FLUSH_MAX_S = 1.0
_CELL_CHARS = 500
_DETAIL_CHARS = 4000  # of a message's parameters and payload, shown when the row is opened


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _details(entry: LogEntry) -> str:
    """The message's parameters and payload as JSON, for the row's expandable part ("" if none)."""
    parts = []
    if entry.parameters not in (None, []):
        parts.append("parameters: " + json.dumps(entry.parameters, indent=1, default=str, ensure_ascii=False))
    if entry.data is not None:
        label = "traceback" if entry.direction.value == "app" else "data"
        text = entry.data if isinstance(entry.data, str) and label == "traceback" else json.dumps(entry.data, indent=1, default=str, ensure_ascii=False)
        parts.append(f"{label}: {text}")
    return _cut("\n".join(parts), _DETAIL_CHARS)


def _has_details(entry: LogEntry) -> bool:
    return entry.parameters not in (None, []) or entry.data is not None


def _row(key: int, entry: LogEntry, tab: str | None) -> list[Any]:
    """One row of a batch, in the order the drawer reads it; a served request's warnings follow
    its result; then the frame's tab title and the key of its details (0: none), which the
    drawer fetches when the row is opened."""
    frame = "" if entry.frame is None else str(entry.frame)
    result = _cut(entry.result + "".join(f" ⚠ {warning}" for warning in entry.warnings), _CELL_CHARS)  # small, whatever a frame sent
    return [
        entry.at * 1000, entry.direction.value, entry.origin, frame, entry.request, result, entry.ok,
        bool(entry.warnings), tab or "", key if _has_details(entry) else 0,
    ]


class ProtocolLogView:
    """Keeps the newest entries of the service's protocol log in the page's log table."""

    def __init__(
        self, log: ProtocolLog, platform: Platform, clock: Clock, tab_of: Callable[[int], str | None] | None = None
    ) -> None:
        """`tab_of(frame_id)`: the title of the desktop tab showing that frame, for the rows."""
        self._log = log
        self._clock = clock
        self._tab_of = tab_of
        self._tabs: dict[int, str | None] = {}
        self._kept: deque[LogEntry] = deque(maxlen=_LOG_ROWS)
        self._last_key = 0  # the newest kept entry's key; keys count up by one, so none is stored
        self._due = 0  # how many of the newest kept entries the table has not drawn yet
        self._wanted = _LOG_ROWS_AT_TOP  # rows the table draws of a batch, as it last said
        self._flush_scheduled = False
        self._first_due_at = 0.0  # monotonic: when the oldest entry not drawn yet came
        self._last_at = 0.0  # monotonic: when the newest entry came
        self._draw: Callable[[str], int] = platform.log_drawer(_LOG_ROWS, _LOG_ROWS_AT_TOP, self._fetch)

    def start(self) -> None:
        self._log.add(self._on_log)

    def _on_log(self, entry: LogEntry) -> None:
        # Rendering is batched so that logging never sits on a request's round trip; the time
        # shown is the entry's own, not the flush's.
        self._kept.append(entry)
        self._last_key += 1
        self._due = min(self._due + 1, _LOG_ROWS)
        self._last_at = self._clock.monotonic()
        if not self._flush_scheduled:
            self._flush_scheduled = True
            self._first_due_at = self._last_at
            self._clock.call_later(_LOG_FLUSH_S, self._flush)

    def _tab(self, frame: int | None) -> str | None:
        if frame is None or self._tab_of is None:
            return None
        if frame not in self._tabs:
            self._tabs[frame] = self._tab_of(frame)
        return self._tabs[frame]

    @property
    def _first_key(self) -> int:
        """The oldest kept entry's key."""
        return self._last_key - len(self._kept) + 1

    def _rows(self, count: int, skip: int = 0) -> list[list[Any]]:
        """The rows of the newest `count` kept entries but the `skip` newest, oldest first."""
        end = len(self._kept) - skip
        start = max(0, end - count)
        first_key = self._first_key
        return [_row(first_key + index, self._kept[index], self._tab(self._kept[index].frame)) for index in range(start, end)]

    def _flush(self) -> None:
        now = self._clock.monotonic()
        in_burst = now - self._last_at < _LOG_QUIET_S
        if in_burst and now + _LOG_FLUSH_S - self._first_due_at <= _LOG_FLUSH_MAX_S + 1e-9:
            self._clock.call_later(_LOG_FLUSH_S, self._flush)  # not between a burst's requests
            return
        self._flush_scheduled = False
        rows = self._rows(min(self._due, self._wanted))
        self._due = 0
        self._wanted = int(self._draw(json.dumps(rows)))

    def _fetch(self, what: str, number: int) -> str:
        """What the drawer asks for: "rows" (the newest `number` it was given or is due to be,
        not those of the next batch), or "details" of the entry of key `number`."""
        if what == "rows":  # the table now draws that many of each batch
            self._wanted = int(number)
            return json.dumps(self._rows(self._wanted, skip=self._due))
        if what == "details":
            index = int(number) - self._first_key
            return _details(self._kept[index]) if 0 <= index < len(self._kept) else ""
        raise ValueError(f"the protocol log's table asked for {what!r}: only 'rows' or 'details'")
