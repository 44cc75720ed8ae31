"""The page's side of wwe_scapi.tabs: a BroadcastChannel to the desktop's other tabs, a Web
Lock for the lead, and what tells that the agent uses this tab. JavaScript run by the
platform (compat.layer.Platform.tab_bridge)."""

from __future__ import annotations

from typing import Final

# (receive(text), granted(), active(), hidden()) -> {post(text), requestLead(), close()}, or
# null when the browser has no BroadcastChannel or Web Locks (an insecure origin): one tab.
# active(): a click or a key in this tab, its window gaining focus, or a click into one of its
# iframes (which the page's own listeners never see; headless Chromium reports every page as
# focused, so these count on their own). hidden(): the page is going away.
TAB_BRIDGE_JS: Final = r"""
(receive, granted, active, hidden) => {
  if (typeof BroadcastChannel !== "function" || !navigator.locks) return null;
  const channel = new BroadcastChannel("wwe-scapi-desktop-tabs");
  let release = null;
  let closed = false;
  channel.onmessage = (event) => { if (!closed && typeof event.data === "string") receive(event.data); };
  const onActive = () => { if (!closed) active(); };
  const onBlur = () => setTimeout(() => {
    const focused = document.activeElement;
    if (focused && focused.tagName === "IFRAME" && document.hasFocus()) onActive();
  }, 0);
  const onHide = () => { if (!closed) hidden(); };
  const listeners = [["pointerdown", onActive, true], ["keydown", onActive, true], ["focus", onActive, false],
                     ["blur", onBlur, false], ["pagehide", onHide, false]];
  for (const [kind, listener, capture] of listeners) window.addEventListener(kind, listener, capture);
  return {
    post(text) { if (!closed) channel.postMessage(text); },
    requestLead() {
      navigator.locks.request("wwe-scapi-desktop-leader", () => new Promise((resolve) => {
        release = resolve;
        if (closed) resolve(); else granted();
      }));
    },
    close() {
      closed = true;
      channel.close();
      for (const [kind, listener, capture] of listeners) window.removeEventListener(kind, listener, capture);
      if (release) release();
    },
  };
}
"""
