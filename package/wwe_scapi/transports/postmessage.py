"""The browser's transport: `window.postMessage` between the desktop page and its apps. Each
side is a small JavaScript bridge (below; the page runs it through compat/) and a Python
class. Every touch of a cross-origin window from Python costs ~0.8 ms, so the windows, their
origins and `postMessage` stay in JavaScript; only JSON text crosses into Python."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from wwe_scapi.protocol.constants import (
    FAIRNESS_SLICE_MS,
    KEPT_PER_WINDOW,
    KEPT_TELL_MS,
    MAX_MESSAGE_CHARS,
    SERVER_USER_AGENT,
)
from wwe_scapi.protocol.messages import Unreadable

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import ClientBridge, HostBridge, Platform
    from wwe_scapi.transports.base import ClientReceiver, Message, Repeated, ServiceReceiver


# The service's side: remembers each source window under an integer key; a window that comes
# back from another origin (it navigated) gets a new key. Replies go to the window's own
# origin, never "*". Returns {send(key, text, token), forget(), place(key), focus(key),
# renew(key), close()}.
#
# Kept answers: a reply Python sends with a token (a plain read, answered from the workspace
# alone) is kept for that window; the same read again from it (the same request and
# parameters, its own frame id) is answered here, without entering Python, and `repeated`
# tells Python which (window key, token) it answered, within KEPT_TELL_MS: before anything else
# reaches Python (a message, a reply or an event Python sends), so the protocol log keeps the
# wire's order. Python calls forget() whenever the workspace changes.
_HOST_BRIDGE_TEMPLATE: Final = r"""
(receive, repeated) => {
  const keys = new Map();
  const windows = new Map();
  let lastKey = 0;
  const kept = new Map();  // key -> Map(read text -> [reply, token])
  const KEPT_PER_WINDOW = __KEPT_PER_WINDOW__;
  let answered = [];  // window key, token, ...: repeated reads Python has not been told of
  let telling = false;
  const told = () => { telling = false; settle(); };
  const settle = () => {
    if (answered.length === 0) return;
    const batch = answered.join(",");
    answered = [];
    repeated(batch);
  };
  // Every post waits for the end of its task, in one queue (a microtask): a postMessage made
  // while Python is on the stack costs Chromium ~0.1 ms, one made from here ~15 µs, and no
  // message leaves before its task has ended anyway. One queue: the wire's order is kept.
  let outbox = [];
  const flush = () => {
    const posts = outbox;
    outbox = [];
    for (let i = 0; i < posts.length; i += 3) {
      try {
        posts[i].postMessage(posts[i + 1], posts[i + 2]);
      } catch (error) {
        console.error("wwe-scapi: a message could not be posted", error);
      }
    }
  };
  const post = (target, message, origin) => {
    if (outbox.length === 0) queueMicrotask(flush);
    outbox.push(target, message, origin);
  };
  const keyOf = (source, origin) => {
    const key = keys.get(source);
    if (key !== undefined && windows.get(key)[1] === origin) return key;
    if (key !== undefined) { windows.delete(key); kept.delete(key); }  // it navigated: its old key is gone
    lastKey += 1;
    keys.set(source, lastKey);
    windows.set(lastKey, [source, origin]);
    return lastKey;
  };
  // The text a plain read is kept under (its request and parameters), when the message is a
  // request carrying this window's frame id; undefined for any other message.
  const readOf = (key, data) => {
    if (typeof data.request !== "string" || "event" in data) return undefined;
    const frameId = data.frameId;
    if ((typeof frameId !== "number" && typeof frameId !== "string") || String(frameId) !== String(key)) return undefined;
    if (typeof data.userAgent === "string" && data.userAgent.includes("__SERVER_USER_AGENT__")) return undefined;
    const parameters = data.parameters;
    if (parameters === undefined || parameters === null) return data.request + " []";
    return Array.isArray(parameters) ? data.request + " " + JSON.stringify(parameters) : undefined;
  };
  // Answers a read again from the window's kept reply: the same message but its reference id.
  const answerAgain = (key, data, read) => {
    const table = kept.get(key);
    const found = table === undefined ? undefined : table.get(read);
    const entry = windows.get(key);
    if (found === undefined || entry === undefined || entry[0].closed) return false;
    const [reply, token] = found;
    const referenceId = data.referenceId;
    const answer = {};
    for (const name in reply) {
      if (name === "referenceId") continue;
      answer[name] = reply[name];
      if (name === "request" && referenceId !== undefined && referenceId !== null) answer.referenceId = referenceId;
    }
    post(entry[0], answer, entry[1]);
    answered.push(key, token);
    if (!telling) {
      telling = true;
      setTimeout(told, __KEPT_TELL_MS__);
    }
    return true;
  };
  let serving = 0;  // the window whose message Python is serving now, with its read
  let servingRead;
  // What can be read of a message JSON cannot hold (a BigInt, a cycle...): its request name,
  // and its reference id as JSON text when that alone is JSON (the client may match it).
  const readable = (value) => {
    try { return JSON.stringify(value); } catch (error) { return undefined; }
  };
  // Hands one message to Python (JSON text, or what can be read of it).
  const serve = (key, origin, message) => {
    const data = message !== null && typeof message === "object" ? message : {};
    const request = typeof data.request === "string" ? data.request : undefined;
    let text;
    try {
      text = JSON.stringify(message);
    } catch (error) {
      settle();
      receive(key, origin, undefined, request, readable(data.referenceId), String(error));
      return;
    }
    if (text !== undefined && text.length > __MAX_MESSAGE_CHARS__) {
      settle();
      receive(key, origin, undefined, request, readable(data.referenceId), "too large", text.length);
      return;
    }
    const read = readOf(key, data);
    if (read !== undefined && kept.has(key) && answerAgain(key, data, read)) return;
    settle();
    [serving, servingRead] = [key, read];
    try {
      receive(key, origin, text === undefined ? "null" : text);
    } finally {
      [serving, servingRead] = [0, undefined];
    }
  };
  const serveSafely = (key, origin, message) => {
    const start = performance.now();
    try {
      serve(key, origin, message);
    } catch (error) {
      // Nothing a frame sends may escape the listener (it is the desktop's page).
      console.error("wwe-scapi: a message could not be handled", error);
    }
    work += performance.now() - start;
  };
  // Fairness: while the page is idle each message is served at once; once serving takes more
  // than half of a slice, messages wait in one queue per window and are served one window
  // after the other, in slices that let the page's other tasks (other windows' messages) in.
  // A flooding window then slows only itself. compat/fairness.py is the same, in Python; the
  // tests hold the two to the same order.
  const SLICE_MS = __SLICE_MS__;
  // key -> {events, head}: that window's message events not served yet, from `head` on. The
  // events themselves are kept: their data is read (deserialized) when served, in the window's
  // own turn, not while the browser hands over a flood.
  const queues = new Map();
  let waiting = 0;
  let sliceStart = 0;
  let work = 0;  // ms spent serving in the current slice
  let draining = false;
  const wake = new MessageChannel();
  const busy = () => {
    const now = performance.now();
    if (now - sliceStart >= SLICE_MS) [sliceStart, work] = [now, 0];
    return work > SLICE_MS / 2;
  };
  const drain = () => {
    const end = performance.now() + SLICE_MS;
    while (waiting > 0 && performance.now() < end) {
      for (const [key, queue] of queues) {  // one message of each window in turn
        const event = queue.events[queue.head];
        queue.events[queue.head] = undefined;
        queue.head += 1;
        waiting -= 1;
        if (queue.head === queue.events.length) queues.delete(key);
        serveSafely(key, event.origin, event.data);
      }
    }
    draining = waiting > 0;
    if (draining) wake.port2.postMessage(null);
  };
  wake.port1.onmessage = drain;
  const listener = (event) => {
    const source = event.source;
    if (!source || source === window) return;
    const key = keyOf(source, event.origin);
    if (waiting === 0 && !busy()) {
      serveSafely(key, event.origin, event.data);
      return;
    }
    const queue = queues.get(key);
    if (queue === undefined) queues.set(key, {events: [event], head: 0});
    else queue.events.push(event);
    waiting += 1;
    if (!draining) {
      draining = true;
      wake.port2.postMessage(null);
    }
  };
  // What frames posted before the service was up, held by the loader: served first, in order,
  // once this function has returned (a reply needs the bridge it returns); the loader holds
  // what comes meanwhile, and no message event runs before a microtask.
  let closed = false;
  const early = window.wweScapiEarlyMessages;
  if (early !== undefined) {
    window.wweScapiEarlyMessages = undefined;
    queueMicrotask(() => {
      early.stop();
      if (closed) return;
      for (const event of early.held) listener(event);
      window.addEventListener("message", listener);
    });
  } else {
    window.addEventListener("message", listener);
  }
  return {
    // token: keep the reply as the answer to the read being served (a plain read's).
    send(key, text, token) {
      settle();
      const entry = windows.get(key);
      if (entry === undefined) return false;
      if (entry[0].closed) {
        windows.delete(key);
        keys.delete(entry[0]);
        kept.delete(key);
        return false;
      }
      const message = JSON.parse(text);
      post(entry[0], message, entry[1]);
      if (token && key === serving && servingRead !== undefined) {
        let table = kept.get(key);
        if (table === undefined) kept.set(key, table = new Map());
        if (table.size < KEPT_PER_WINDOW) table.set(servingRead, [message, token]);
      }
      return true;
    },
    // One message to several windows (an event fanned out): "1,2,3" in, the keys whose
    // window is gone out ("" when none), each window's its own copy (posted later).
    sendAll(keysText, text) {
      settle();
      const message = JSON.parse(text);
      let gone = "";
      for (const part of keysText.split(",")) {
        const key = Number(part);
        const entry = windows.get(key);
        if (entry !== undefined && !entry[0].closed) {
          post(entry[0], message, entry[1]);
          continue;
        }
        if (entry !== undefined) {
          windows.delete(key);
          keys.delete(entry[0]);
          kept.delete(key);
        }
        gone = gone === "" ? part : gone + "," + part;
      }
      return gone;
    },
    // The workspace changed: no kept answer holds any more (those given are told first).
    forget() {
      settle();
      kept.clear();
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
    // How that window is shown, for a page of its own (startService): "visible" or "hidden" (its
    // iframe, or the iframe holding it, drawn on screen in a visible page, or not), with the
    // iframe's src; a popup window is visible; "unknown" when it is neither.
    shown(key) {
      const entry = windows.get(key);
      if (entry === undefined || entry[0].closed) return JSON.stringify(["unknown", null]);
      for (let w = entry[0], depth = 0; w && depth < 16; w = w.parent, depth += 1) {
        for (const frame of document.querySelectorAll("iframe")) {
          if (frame.contentWindow !== w) continue;
          const box = frame.getBoundingClientRect();
          const drawn = document.visibilityState === "visible" && frame.isConnected
            && (!frame.checkVisibility || frame.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}))
            && box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < window.innerHeight && box.left < window.innerWidth;
          return JSON.stringify([drawn ? "visible" : "hidden", frame.src || null]);
        }
        if (w.opener === window) return JSON.stringify(["visible", null]);
        if (w.parent === w) break;
      }
      return JSON.stringify(["unknown", null]);
    },
    // The host page's own say on a window (startService's serveFrame): predicate(iframe element
    // holding it, or null for a popup or a window it cannot place, origin); false if it throws.
    admits(key, predicate) {
      const entry = windows.get(key);
      if (entry === undefined || entry[0].closed) return false;
      let element = null;
      search: for (let w = entry[0], depth = 0; w && depth < 16; w = w.parent, depth += 1) {
        for (const frame of document.querySelectorAll("iframe")) {
          if (frame.contentWindow === w) { element = frame; break search; }
        }
        if (w.parent === w) break;
      }
      try {
        return Boolean(predicate(element, entry[1]));
      } catch (error) {
        console.error("wwe-scapi: serveFrame threw; the frame is not served", error);
        return false;
      }
    },
    // A new page was found in that window: a new key for it, the old one forgotten.
    renew(key) {
      const entry = windows.get(key);
      if (entry === undefined) return null;
      windows.delete(key);
      kept.delete(key);
      lastKey += 1;
      windows.set(lastKey, entry);
      keys.set(entry[0], lastKey);
      return lastKey;
    },
    close() {
      closed = true;
      window.removeEventListener("message", listener);
      queues.clear();
      waiting = 0;
      keys.clear();
      windows.clear();
      kept.clear();
      answered = [];
    },
  };
}
"""

HOST_BRIDGE_JS: Final = (
    _HOST_BRIDGE_TEMPLATE.replace("__MAX_MESSAGE_CHARS__", str(MAX_MESSAGE_CHARS))
    .replace("__SLICE_MS__", str(FAIRNESS_SLICE_MS))
    .replace("__KEPT_PER_WINDOW__", str(KEPT_PER_WINDOW))
    .replace("__KEPT_TELL_MS__", str(KEPT_TELL_MS))
    .replace("__SERVER_USER_AGENT__", SERVER_USER_AGENT)
)

# An app's side: picks the service window as the vendor client does (an explicit target,
# else window.opener, else window.parent), posts to its known origin rather than "*", and
# only listens to that window; calls `hidden()` when the page unloads for good (pagehide, not
# persisted in the back/forward cache). Returns {kind, origin(), post(text), close()}, or
# undefined when the page has no service window.
CLIENT_BRIDGE_JS: Final = r"""
(explicitTarget, explicitOrigin, receive, hidden) => {
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
  // Posts wait for the end of the task, as the host bridge's do (a post made while Python is
  // on the stack costs Chromium ~0.1 ms; none leaves before its task ends anyway).
  let outbox = [];
  const flush = () => {
    const texts = outbox;
    outbox = [];
    for (const text of texts) {
      try {
        target.postMessage(JSON.parse(text), origin);
      } catch (error) {
        console.error("wwe-scapi: a message could not be posted", error);
      }
    }
  };
  const onHide = (event) => { if (!event.persisted) hidden(); };
  window.addEventListener("message", listener);
  window.addEventListener("pagehide", onHide);
  return {
    kind,
    origin: () => origin,
    post: (text) => {
      if (outbox.length === 0) queueMicrotask(flush);
      outbox.push(text);
    },
    close: () => {
      window.removeEventListener("message", listener);
      window.removeEventListener("pagehide", onHide);
    },
  };
}
"""


_FIRST_KEY_LINE: Final = "let lastKey = 0;"
assert _FIRST_KEY_LINE in HOST_BRIDGE_JS


class PostMessageServiceTransport:
    """The service's side, on the desktop page: every window that posts to it gets a key.
    It keeps answers (transports/base.py's AnswerKeeper): the bridge answers a window's
    repeated plain read itself."""

    def __init__(self, platform: Platform, first_key: int = 1, keeps_answers: bool = True) -> None:
        """`first_key`: the key of the first window (each desktop tab has a block of its own).
        `keeps_answers`: False, and the bridge keeps no answer: every request reaches Python."""
        self._platform = platform
        self._source = HOST_BRIDGE_JS.replace(_FIRST_KEY_LINE, f"let lastKey = {int(first_key) - 1};")
        self._bridge: HostBridge | None = None
        self._receiver: ServiceReceiver | None = None
        self._repeated: Repeated | None = None
        self._post: Callable[[int, str, int], bool] = _no_window
        self._post_all: Callable[[str, str], str] = _no_windows
        self.keeps_answers = keeps_answers

    def start(self, receiver: ServiceReceiver) -> None:
        if self._bridge is not None:
            raise RuntimeError("This transport has already been started by a service.")
        self._receiver = receiver
        self._bridge = self._platform.host_bridge(self._source, self._receive, self._answered_again)
        self._post = self._bridge.send  # a JavaScript function, held: one call per message
        self._post_all = self._bridge.send_all

    def send(self, key: int, message: Message, token: int = 0) -> bool:
        return bool(self._post(key, json.dumps(message), token))

    def send_all(self, keys: list[int], message: Message) -> list[int]:
        """transports/base.py's Broadcaster: the message's JSON made once, one call."""
        if not keys:
            return []
        gone = self._post_all(",".join(str(int(key)) for key in keys), json.dumps(message))
        return [int(key) for key in gone.split(",")] if gone else []

    def on_repeated(self, repeated: Repeated) -> None:
        self._repeated = repeated

    def forget(self) -> None:
        if self._bridge is not None:
            self._bridge.forget()

    def _answered_again(self, batch: str) -> None:
        numbers = [int(number) for number in batch.split(",")]
        if self._repeated is not None:
            self._repeated(list(zip(numbers[::2], numbers[1::2])))

    def _receive(
        self,
        key: int,
        origin: str,
        text: str | None = None,
        request: Any = None,
        reference_id: Any = None,
        error: str | None = None,
        size: int | None = None,
    ) -> None:
        if self._receiver is None:
            return
        if error is not None:
            # reference_id: JSON text of the message's referenceId, when that alone is JSON;
            # size: the message's length as JSON, when it was too large to read.
            reference = json.loads(reference_id) if isinstance(reference_id, str) else None
            self._receiver(key, origin, Unreadable(request, reference, error, int(size or 0)))
        else:
            self._receiver(key, origin, json.loads(text or "null"))

    def place(self, key: int) -> str | None:
        return None if self._bridge is None else self._bridge.place(key)

    def focus(self, key: int) -> None:
        if self._bridge is not None:
            self._bridge.focus(key)

    def admits(self, key: int, predicate: Any) -> bool:
        """What the page's predicate(iframe element or None, origin) says of that window."""
        return self._bridge is not None and self._bridge.admits(key, predicate)

    def shown(self, key: int) -> tuple[str, str | None]:
        """("visible" | "hidden" | "unknown", the src of the iframe showing that window)."""
        if self._bridge is None:
            return "unknown", None
        state, src = json.loads(self._bridge.shown(key))
        return str(state), src if isinstance(src, str) else None

    def renew(self, key: int) -> int | None:
        return None if self._bridge is None else self._bridge.renew(key)

    def close(self) -> None:
        if self._bridge is not None:
            self._bridge.close()
        self._receiver = None
        self._repeated = None
        self._post = _no_window
        self._post_all = _no_windows


def _no_window(key: int, text: str, token: int = 0) -> bool:
    return False


def _no_windows(keys: str, text: str) -> str:
    return keys


class PostMessageClientTransport:
    """An app's side: posts to the service window (an explicit target, else window.opener,
    else window.parent), to its origin once known, and listens to that window only."""

    _bridge: ClientBridge
    _post: Callable[[str], None]
    kind: str  # which window it talks to: "explicit", "opener" or "parent"

    def __init__(self) -> None:
        """Use `open`, which finds the service window first."""
        self._receiver: ClientReceiver | None = None
        self._gone: Callable[[str], None] | None = None

    @classmethod
    def open(
        cls, platform: Platform, target: Any = None, service_origin: str | None = None
    ) -> PostMessageClientTransport | None:
        """The transport to this page's service window; None when the page is neither in an
        iframe nor a popup and no target is given."""
        transport = cls()
        bridge = platform.client_bridge(
            CLIENT_BRIDGE_JS, target, service_origin, transport._receive, transport._page_hidden
        )
        if bridge is None:
            return None
        transport._bridge = bridge
        transport.kind = bridge.kind
        transport._post = bridge.post  # a JavaScript function, held: one call per message
        return transport

    @property
    def service_origin(self) -> str:
        """The origin requests are posted to ("*" until the service has answered once)."""
        return self._bridge.origin()

    @property
    def destination(self) -> str:
        origin = self.service_origin
        where = "origin not known yet" if origin == "*" else origin
        return f"the {self.kind} window ({where})"

    def start(self, receiver: ClientReceiver, gone: Callable[[str], None] | None = None) -> None:
        self._receiver = receiver
        self._gone = gone

    def post(self, message: Message) -> None:
        self._post(json.dumps(message))

    def _page_hidden(self) -> None:
        if self._gone is not None:
            self._gone("the app's page is unloading")

    def _receive(self, text: str) -> None:
        if self._receiver is not None:
            self._receiver(json.loads(text))

    def close(self) -> None:
        self._receiver = None
        self._gone = None
        self._bridge.close()
