"""Small JavaScript functions that keep cross-origin windows on the JS side.

Every touch of a cross-origin window from Python costs ~0.8 ms, so the windows, their
origins and `postMessage` stay in JavaScript; only JSON text crosses into Python.
"""

from __future__ import annotations

from typing import Any

from pyodide.code import run_js

# Service side: remembers each source window under an integer key; a window that comes
# back from another origin (it navigated) gets a new key.
_HOST_BRIDGE = r"""
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
  window.addEventListener("message", (event) => {
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
  });
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
  };
}
"""

# Client side: picks the service window as the vendor client does (an explicit target,
# else window.opener, else window.parent), posts to its known origin rather than "*",
# and only listens to that window.
_CLIENT_BRIDGE = r"""
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
  window.addEventListener("message", (event) => {
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
  });
  return {
    kind,
    origin: () => origin,
    post: (text) => target.postMessage(JSON.parse(text), origin),
  };
}
"""


def host_bridge(receive: Any) -> Any:
    """Install the service's message listener; returns {send(key, text), place(key), focus(key)}."""
    return run_js(_HOST_BRIDGE)(receive)


def client_bridge(target: Any, origin: str | None, receive: Any) -> Any:
    """Install an app's listener; returns {kind, origin(), post(text)} or None without a service."""
    return run_js(_CLIENT_BRIDGE)(target, origin, receive)
