// Runs the desktop's real host bridge (HOST_BRIDGE_JS) under Node for the kept answers: one
// FIFO task queue (message events, MessageChannel tasks, forget() calls) and a scripted Python
// side that answers each message it is handed, with the token the message asks for.
// Reads one JSON line per trace on stdin: {"bridge": source, "trace": [{window, message} |
// {forget: true} | {close: window}]}; writes one JSON line per trace: {"handed": [[key, seq],
// ...], "posted": [[window, message], ...], "repeated": [batch, ...]}.
"use strict";
const readline = require("node:readline");

function run(bridgeSource, trace) {
  const tasks = [];
  let listener = null;
  Object.defineProperty(globalThis, "performance", { value: { now: () => 0 }, configurable: true, writable: true });
  globalThis.window = {
    addEventListener: (type, handler) => { if (type === "message") listener = handler; },
    removeEventListener: () => {},
  };
  globalThis.MessageChannel = class {
    constructor() {
      const port1 = { onmessage: null };
      this.port1 = port1;
      this.port2 = { postMessage: (data) => tasks.push(() => port1.onmessage({ data })) };
    }
  };
  const handed = [];
  const posted = [];
  const repeated = [];
  let bridge;
  const receive = (key, origin, text) => {
    const message = JSON.parse(text);
    handed.push([key, message.seq]);
    const reply = {};
    if (typeof message.request === "string") reply.request = message.request;
    if (message.referenceId !== undefined && message.referenceId !== null) reply.referenceId = message.referenceId;
    reply.data = message.seq;
    reply.userAgent = "WWE Server";
    reply.protocolVersion = 2;
    bridge.send(key, JSON.stringify(reply), message.keep ? message.seq + 1 : 0);
  };
  bridge = eval(bridgeSource)(receive, (batch) => repeated.push(batch));
  const sources = new Map();
  const sourceOf = (index) => {
    if (!sources.has(index)) {
      sources.set(index, { closed: false, postMessage: (data) => posted.push([index, data]) });
    }
    return sources.get(index);
  };
  trace.forEach((item) => {
    if (item.forget) tasks.push(() => bridge.forget());
    else if (item.close !== undefined) tasks.push(() => { sourceOf(item.close).closed = true; });
    else {
      const event = { source: sourceOf(item.window), origin: `https://w${item.window}.test`, data: item.message };
      tasks.push(() => listener(event));
    }
  });
  while (tasks.length > 0) tasks.shift()();
  bridge.close();
  return { handed, posted, repeated };
}

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const { bridge, trace } = JSON.parse(line);
  process.stdout.write(JSON.stringify(run(bridge, trace)) + "\n");
});
