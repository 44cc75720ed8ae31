"""JavaScript the desktop's views run in the page (compat/in_pyodide.py runs it; compat/fake.py
stands in for it in CPython). The postMessage bridges are the JavaScript half of the browser
transport and live beside its Python half, in transports/postmessage.py."""

from __future__ import annotations

from typing import Final

# The protocol log's table. Given the limits, returns draw(text): adds a JSON batch of rows,
# oldest first, to the table, which reads newest first; keeps the newest `limit` and draws
# `atTop` of them until the reader scrolls the panel.
LOG_DRAWER: Final = r"""
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
      const [time, direction, origin, frame, request, result, ok, warned] = entries[index];
      const row = document.createElement("tr");
      row.className = `log-${direction} ${ok ? "ok" : "failed"}${warned ? " warned" : ""}`;
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
