"""`serve --log FILE`: the desktop page posts its protocol log to its server as JSON lines, in
batches (one POST per half second of traffic at most), off the request path."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

from wwe_scapi.clock import Clock
from wwe_scapi.service.logrecord import LogRecord

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import Platform

FLUSH_S: Final = 0.5


class LogPoster:
    def __init__(self, record: LogRecord, platform: Platform, clock: Clock, url: str) -> None:
        self._platform = platform
        self._clock = clock
        self._url = url
        self._lines: list[str] = []
        self._scheduled = False
        self.stop = record.on_entry(self._on_entry)

    def _on_entry(self, entry: dict[str, Any]) -> None:
        self._lines.append(json.dumps(entry, default=str, ensure_ascii=False))
        if not self._scheduled:
            self._scheduled = True
            self._clock.call_later(FLUSH_S, self.flush)

    def flush(self) -> None:
        self._scheduled = False
        if self._lines:
            text, self._lines = "\n".join(self._lines) + "\n", []
            self._platform.post_text(self._url, text)
