"""The desktop's protocol log panel: entries are gathered in Python and drawn in batches, off
the request path, by one JavaScript call per batch (a row built from Python costs ~20 calls);
the JavaScript side keeps the newest 200 and draws what the panel can show."""

from __future__ import annotations

import json
from collections import deque
from typing import Any

import js
from pyodide.code import run_js
from pyodide.ffi import create_proxy

from wwe_scapi.service.log import LogEntry, ProtocolLog

# Entries kept for the table, and rows drawn while the panel is scrolled to the top (it shows
# about ten). Under a burst of requests every flush replaces the whole table: laying out and
# painting 200 new rows stalls the desktop for ~30 ms, delaying the next request, so the older
# rows are drawn only once the reader scrolls the panel.
_LOG_ROWS = 200
_LOG_ROWS_AT_TOP = 25
# One flush per burst of this length: the log is for people (four updates a second are
# plenty), and each flush is a stall of a few ms for whatever request arrives meanwhile.
_LOG_FLUSH_MS = 250

# Given the limits, returns draw(text): adds a JSON batch of rows, oldest first, to the table,
# which reads newest first.
_ROW_DRAWER = r"""
(limit, atTop) => {
  const body = document.getElementById("protocol-log-body");
  if (!body) return () => {};
  const kept = [];  // the newest `limit` entries, oldest first
  let shown = atTop;
  const clock = new Intl.DateTimeFormat(undefined, {timeStyle: "medium"});
  let second = NaN;
  let label = "";
  const timeLabel = (ms) => {
    if (Math.floor(ms / 1000) !== second) [second, label] = [Math.floor(ms / 1000), clock.format(ms)];
    return label;
  };
  const rowsOf = (entries) => {
    const fragment = document.createDocumentFragment();
    for (let index = entries.length - 1; index >= 0; index--) {
      const [time, direction, origin, frame, request, result, ok] = entries[index];
      const row = document.createElement("tr");
      row.className = `log-${direction} ${ok ? "ok" : "failed"}`;
      for (const cell of [timeLabel(time), direction, origin, frame, request, result]) {
        row.insertCell().textContent = cell;
      }
      fragment.append(row);
    }
    return fragment;
  };
  const trim = () => {
    while (body.rows.length > shown) body.lastElementChild.remove();
  };
  const scroller = body.closest(".log-scroll");
  scroller?.addEventListener("scroll", () => {
    const wanted = scroller.scrollTop > 0 ? limit : atTop;
    if (wanted === shown) return;
    shown = wanted;
    if (shown === limit) body.replaceChildren(rowsOf(kept));
    else trim();
  }, {passive: true});
  return (text) => {
    const batch = JSON.parse(text);
    kept.push(...batch);
    kept.splice(0, kept.length - limit);
    body.prepend(rowsOf(batch.slice(-shown)));
    trim();
  };
}
"""


def _row(entry: LogEntry) -> list[Any]:
    """One row of a batch, in the order the drawer reads it."""
    frame = "" if entry.frame is None else str(entry.frame)
    return [entry.at * 1000, entry.direction.value, entry.origin, frame, entry.request, entry.result, entry.ok]


class ProtocolLogView:
    """Keeps the newest entries of the service's protocol log in the page's log table."""

    def __init__(self, log: ProtocolLog) -> None:
        self._log = log
        # Entries older than the table's limit would be drawn only to be trimmed at once.
        self._pending: deque[LogEntry] = deque(maxlen=_LOG_ROWS)
        self._flush_scheduled = False
        self._draw: Any = run_js(_ROW_DRAWER)(_LOG_ROWS, _LOG_ROWS_AT_TOP)
        self._flush_proxy = create_proxy(self._flush)  # lives as long as the page

    def start(self) -> None:
        self._log.add(self._on_log)

    def _on_log(self, entry: LogEntry) -> None:
        # Rendering is batched so that logging never sits on a request's round trip; the time
        # shown is the entry's own, not the flush's.
        self._pending.append(entry)
        if not self._flush_scheduled:
            self._flush_scheduled = True
            js.setTimeout(self._flush_proxy, _LOG_FLUSH_MS)

    def _flush(self) -> None:
        self._flush_scheduled = False
        rows = [_row(entry) for entry in self._pending]
        self._pending.clear()
        self._draw(json.dumps(rows))
