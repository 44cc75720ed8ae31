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
  const filter = document.getElementById("log-filter");
  const kept = [];  // the newest `limit` entries, oldest first
  let shown = atTop;
  let wanted = "";  // the filter's text, lower case: rows whose origin, frame or tab hold it
  const clock = new Intl.DateTimeFormat(undefined, {timeStyle: "medium"});
  let second = NaN;
  let label = "";
  const timeLabel = (ms) => {
    if (Math.floor(ms / 1000) !== second) [second, label] = [Math.floor(ms / 1000), clock.format(ms)];
    return label;
  };
  const matches = (row) => !wanted || row.dataset.who.includes(wanted);
  const rowsOf = (entries) => {
    const fragment = document.createDocumentFragment();
    for (let index = entries.length - 1; index >= 0; index--) {
      const [time, direction, origin, frame, request, result, ok, warned, tab, details] = entries[index];
      const row = document.createElement("tr");
      row.className = `log-${direction} ${ok ? "ok" : "failed"}${warned ? " warned" : ""}`;
      row.dataset.who = `${origin} ${frame} ${tab}`.toLowerCase();
      for (const cell of [timeLabel(time), direction, origin, tab ? `${frame} · ${tab}` : frame, request]) {
        row.insertCell().textContent = cell;
      }
      const last = row.insertCell();
      if (details) {
        const more = document.createElement("details");
        const summary = document.createElement("summary");
        const pre = document.createElement("pre");
        summary.textContent = result;
        pre.textContent = details;
        more.append(summary, pre);
        last.append(more);
      } else {
        last.textContent = result;
      }
      row.hidden = !matches(row);
      fragment.append(row);
    }
    return fragment;
  };
  const trim = () => {
    while (body.rows.length > shown) body.lastElementChild.remove();
  };
  const scroller = body.closest(".log-scroll");
  scroller?.addEventListener("scroll", () => {
    const wantedRows = scroller.scrollTop > 0 || wanted ? limit : atTop;
    if (wantedRows === shown) return;
    shown = wantedRows;
    if (shown === limit) body.replaceChildren(rowsOf(kept));
    else trim();
  }, {passive: true});
  filter?.addEventListener("input", () => {
    wanted = filter.value.trim().toLowerCase();
    shown = wanted ? limit : atTop;  // a filter looks through every kept entry
    body.replaceChildren(rowsOf(kept.slice(-shown)));
  });
  return (text) => {
    const batch = JSON.parse(text);
    kept.push(...batch);
    kept.splice(0, kept.length - limit);
    body.prepend(rowsOf(batch.slice(-shown)));
    trim();
  };
}
"""


# Platform.post_text: a POST to the page's own server whose answer nobody waits for.
POST_TEXT: Final = r"""
(url, text) => {
  fetch(url, {method: "POST", body: text, headers: {"Content-Type": "text/plain; charset=utf-8"}, keepalive: text.length < 60000})
    .then((response) => { if (!response.ok) console.warn(`wwe-scapi: ${url} answered ${response.status}`); })
    .catch((error) => console.warn(`wwe-scapi: cannot post to ${url}:`, error));
}
"""
