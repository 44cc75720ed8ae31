"""The JavaScript the browser layer runs in the page (compat/in_pyodide.py runs it; compat/fake.py
does the same in Python for CPython tests). Every touch of a cross-origin window from Python
costs ~0.8 ms, so the windows, their origins and `postMessage` stay in JavaScript; only JSON
text crosses into Python."""

from __future__ import annotations

from typing import Final

# The service's side: remembers each source window under an integer key; a window that comes
# back from another origin (it navigated) gets a new key. Replies go to the window's own
# origin, never "*". Returns {send(key, text), place(key), focus(key), close()}.
HOST_BRIDGE: Final = r"""
(receive) => {
  const keys = new Map();
  const windows = new Map();
  let lastKey = 0;
  const keyOf = (source, origin) => {
    const key = keys.get(source);
    if (key !== undefined && windows.get(key)[1] === origin) return key;
    lastKey += 1;
    keys.set(source, lastKey);
    windows.set(lastKey, [source, origin]);
    return lastKey;
  };
  const listener = (event) => {
    const source = event.source;
    if (!source || source === window) return;
    const key = keyOf(source, event.origin);
    let text;
    try {
      text = JSON.stringify(event.data);
    } catch (error) {
      const data = event.data || {};
      const ref = data.referenceId;
      const usable = typeof ref === "string" || typeof ref === "number";
      receive(key, event.origin, undefined, String(data.request), usable ? ref : undefined, String(error));
      return;
    }
    receive(key, event.origin, text === undefined ? "null" : text);
  };
  window.addEventListener("message", listener);
  return {
    send(key, text) {
      const entry = windows.get(key);
      if (entry === undefined) return false;
      if (entry[0].closed) {
        windows.delete(key);
        keys.delete(entry[0]);
        return false;
      }
      entry[0].postMessage(JSON.parse(text), entry[1]);
      return true;
    },
    // Where that window is shown: the id of the desktop's iframe holding it (itself or an
    // ancestor), "popup" for a window opened from here, null when unknown or gone.
    place(key) {
      const entry = windows.get(key);
      if (entry === undefined || entry[0].closed) return null;
      for (let w = entry[0], depth = 0; w && depth < 16; w = w.parent, depth += 1) {
        for (const frame of document.querySelectorAll("iframe")) {
          if (frame.contentWindow === w) return frame.id || null;
        }
        if (w.opener === window) return "popup";
        if (w.parent === w) break;
      }
      return null;
    },
    focus(key) {
      const entry = windows.get(key);
      if (entry !== undefined && !entry[0].closed) entry[0].focus();
    },
    close() {
      window.removeEventListener("message", listener);
      keys.clear();
      windows.clear();
    },
  };
}
"""

# An app's side: picks the service window as the vendor client does (an explicit target,
# else window.opener, else window.parent), posts to its known origin rather than "*", and
# only listens to that window. Returns {kind, origin(), post(text), close()}, or undefined
# when the page has no service window.
CLIENT_BRIDGE: Final = r"""
(explicitTarget, explicitOrigin, receive) => {
  let target = explicitTarget;
  let kind = "explicit";
  if (!target) {
    if (window.opener && !window.opener.closed) { target = window.opener; kind = "opener"; }
    else if (window.parent !== window) { target = window.parent; kind = "parent"; }
    else return undefined;
  }
  let origin = explicitOrigin;
  if (!origin && kind === "parent" && location.ancestorOrigins && location.ancestorOrigins.length)
    origin = location.ancestorOrigins[0];
  if (!origin && kind === "opener" && document.referrer) {
    try { origin = new URL(document.referrer).origin; } catch (error) { origin = null; }
  }
  if (!origin || origin === "null") origin = "*";
  const listener = (event) => {
    if (event.source !== target) return;
    if (origin !== "*" && event.origin !== origin) return;
    const data = event.data;
    if (typeof data === "string") {
      if (data.startsWith("wwe")) receive(JSON.stringify(data));
      return;
    }
    if (data === null || typeof data !== "object" || typeof data.userAgent !== "string"
        || !data.userAgent.includes("WWE")) return;
    if (origin === "*") origin = event.origin;
    receive(JSON.stringify(data));
  };
  window.addEventListener("message", listener);
  return {
    kind,
    origin: () => origin,
    post: (text) => target.postMessage(JSON.parse(text), origin),
    close: () => window.removeEventListener("message", listener),
  };
}
"""

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
