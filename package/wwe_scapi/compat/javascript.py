"""JavaScript the desktop's views run in the page (compat/in_pyodide.py runs it; compat/fake.py
stands in for it in CPython). The postMessage bridges are the JavaScript half of the browser
transport and live beside its Python half, in transports/postmessage.py."""

from __future__ import annotations

from typing import Final

# The protocol log's table. Given the limits and fetch(what, n) (Python's: "rows" → JSON of the
# newest n rows already drawn or due, oldest first; "details" → the text of row key n, "" if no
# longer kept), returns draw(text): prepends a JSON batch of rows, oldest first, to the table,
# which reads newest first, and answers how many rows the next batch may bring at most (`atTop`
# while the reader is at the top and filters nothing, else `limit`). The table holds only what
# it shows; scrolling or filtering fetches the older rows, and a row's details are fetched when
# it is opened: a flush under a burst of requests builds and lays out a few rows, not 200.
LOG_DRAWER: Final = r"""
(limit, atTop, fetch) => {
  const body = document.getElementById("protocol-log-body");
  if (!body) return () => atTop;
  const filter = document.getElementById("log-filter");
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
  const opened = (event) => {
    const more = event.target;
    if (!more.open || more.dataset.key === undefined) return;
    const text = fetch("details", Number(more.dataset.key));
    more.lastElementChild.textContent = text || "(no longer kept: only the newest entries are)";
    delete more.dataset.key;
  };
  const rowsOf = (entries) => {
    const fragment = document.createDocumentFragment();
    for (let index = entries.length - 1; index >= 0; index--) {
      const [time, direction, origin, frame, request, result, ok, warned, tab, key] = entries[index];
      const row = document.createElement("tr");
      row.className = `log-${direction} ${ok ? "ok" : "failed"}${warned ? " warned" : ""}`;
      row.dataset.who = `${origin} ${frame} ${tab}`.toLowerCase();
      for (const cell of [timeLabel(time), direction, origin, tab ? `${frame} · ${tab}` : frame, request]) {
        row.insertCell().textContent = cell;
      }
      const last = row.insertCell();
      if (key) {
        const more = document.createElement("details");
        const summary = document.createElement("summary");
        summary.textContent = result;
        more.dataset.key = String(key);
        more.append(summary, document.createElement("pre"));
        more.addEventListener("toggle", opened);
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
  // More rows wanted (the reader scrolled or filters): the older ones are fetched and drawn
  // below those shown, which stay as they are (an opened row stays open).
  const extend = () => {
    if (body.rows.length >= shown) return;
    const rows = JSON.parse(fetch("rows", shown));
    body.append(rowsOf(rows.slice(0, Math.max(0, rows.length - body.rows.length))));
  };
  const scroller = body.closest(".log-scroll");
  const resize = () => {
    shown = (scroller && scroller.scrollTop > 0) || wanted ? limit : atTop;
    extend();
    trim();
  };
  scroller?.addEventListener("scroll", () => {
    if (((scroller.scrollTop > 0 || wanted) ? limit : atTop) !== shown) resize();
  }, {passive: true});
  filter?.addEventListener("input", () => {
    wanted = filter.value.trim().toLowerCase();  // a filter looks through every kept entry
    resize();
    for (const row of body.rows) row.hidden = !matches(row);
  });
  return (text) => {
    body.prepend(rowsOf(JSON.parse(text)));
    trim();
    return shown;
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

# A page function Python exposes (Platform.expose): Python answers JSON text, parsed here; a
# promise (a Python future) passes as it is. One JSON.parse costs a fraction of converting a
# nested dict object by object (to_js), and this answer is in the task of whatever called it:
# a scenario's ring, whose events reach the apps only once that task has ended.
EXPOSED: Final = r"""
(call) => (...args) => {
  const answer = call(...args);
  return typeof answer === "string" ? JSON.parse(answer) : answer;
}
"""
