"""The desktop's protocol log panel: entries are kept in Python and drawn in batches, off the
request path, by one JavaScript call per batch (a row built from Python costs ~20 calls)."""

from __future__ import annotations

import json
from typing import Any

import js
from pyodide.code import run_js
from pyodide.ffi import create_proxy

from wwe_scapi.service.log import LogEntry, ProtocolLog

_LOG_ROWS = 200
_LOG_FLUSH_MS = 150

# Prepends the batch (newest first) and trims the table to `limit` rows.
_DRAW_ROWS = r"""
(text, limit) => {
  const body = document.getElementById("protocol-log-body");
  if (!body) return;
  const time = new Date().toLocaleTimeString();
  const fragment = document.createDocumentFragment();
  for (const [direction, origin, frame, request, result, ok] of JSON.parse(text).reverse()) {
    const row = document.createElement("tr");
    row.className = `log-${direction} ${ok ? "ok" : "failed"}`;
    for (const cell of [time, direction, origin, frame, request, result]) {
      const td = document.createElement("td");
      td.textContent = cell;
      row.appendChild(td);
    }
    fragment.appendChild(row);
  }
  body.prepend(fragment);
  while (body.rows.length > limit) body.deleteRow(-1);
}
"""


class ProtocolLogView:
    """Keeps the newest entries of the service's protocol log in the page's log table."""

    def __init__(self, log: ProtocolLog) -> None:
        self._log = log
        self._pending: list[LogEntry] = []
        self._flush_scheduled = False
        self._draw: Any = run_js(_DRAW_ROWS)
        self._flush_proxy = create_proxy(self._flush)  # lives as long as the page

    def start(self) -> None:
        self._log.add(self._on_log)

    def _on_log(self, entry: LogEntry) -> None:
        # Rendering is batched so that logging never sits on a request's round trip.
        self._pending.append(entry)
        if not self._flush_scheduled:
            self._flush_scheduled = True
            js.setTimeout(self._flush_proxy, _LOG_FLUSH_MS)

    def _flush(self) -> None:
        self._flush_scheduled = False
        entries, self._pending = self._pending[-_LOG_ROWS:], []
        rows = [
            [e.direction.value, e.origin, "" if e.frame is None else str(e.frame), e.request, e.result, e.ok]
            for e in entries
        ]
        self._draw(json.dumps(rows), _LOG_ROWS)
