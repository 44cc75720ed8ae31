// Runs the desktop's real host bridge (HOST_BRIDGE_JS) under Node on a simulated page: one
// FIFO task queue (message events, MessageChannel wake-ups, idle gaps) and a clock that only
// moves while a message is served (by the message's `cost`, in ms) or during a gap.
// Reads one JSON line per trace on stdin: {"bridge": source, "trace": [{window, cost} |
// {gap}]}; writes one JSON line per trace: [[window, seq, servedAt], ...] in serving order.
"use strict";
const readline = require("node:readline");

function run(bridgeSource, trace) {
  let now = 0;
  const tasks = [];
  let listener = null;
  Object.defineProperty(globalThis, "performance", { value: { now: () => now }, configurable: true, writable: true });
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
  const served = [];
  const receive = (key, origin, text) => {
    const data = JSON.parse(text);
    served.push([data.window, data.seq, now]);
    now += data.cost;
  };
  const bridge = eval(bridgeSource)(receive);
  const sources = new Map();
  const sourceOf = (index) => {
    if (!sources.has(index)) sources.set(index, { closed: false, postMessage: () => {} });
    return sources.get(index);
  };
  trace.forEach((item, seq) => {
    if (item.gap !== undefined) {
      tasks.push(() => { now += item.gap; });
      return;
    }
    const data = { window: item.window, seq, cost: item.cost };
    const event = { source: sourceOf(item.window), origin: `https://w${item.window}.test`, data };
    tasks.push(() => listener(event));
  });
  while (tasks.length > 0) tasks.shift()();
  bridge.close();
  return served;
}

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const { bridge, trace } = JSON.parse(line);
  process.stdout.write(JSON.stringify(run(bridge, trace)) + "\n");
});
