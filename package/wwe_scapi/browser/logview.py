"""The desktop's protocol log panel: renders log entries in batches, off the request path."""

from __future__ import annotations

from typing import Any

import js
from pyodide.ffi import create_proxy

from wwe_scapi.service.log import LogEntry, ProtocolLog

_LOG_ROWS = 300
_LOG_FLUSH_MS = 150


def _cell(text: str) -> Any:
    node = js.document.createElement("td")
    node.textContent = text
    return node


class ProtocolLogView:
    """Keeps the newest entries of the service's protocol log in the page's log table."""

    def __init__(self, log: ProtocolLog) -> None:
        self._log = log
        self._pending: list[LogEntry] = []
        self._flush_scheduled = False
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
        body = js.document.getElementById("protocol-log-body")
        if body is None:
            return
        time = js.Date.new().toLocaleTimeString()
        for entry in entries:
            row = js.document.createElement("tr")
            row.className = f"log-{entry.direction.value} {'ok' if entry.ok else 'failed'}"
            for text in (
                time,
                entry.direction.value,
                entry.origin,
                "" if entry.frame is None else str(entry.frame),
                entry.request,
                entry.result,
            ):
                row.appendChild(_cell(text))
            body.prepend(row)
        while body.rows.length > _LOG_ROWS:
            body.deleteRow(-1)
