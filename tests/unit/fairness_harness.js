// Runs the desktop's real host bridge (HOST_BRIDGE_JS) under Node on a simulated page: one
// FIFO task queue (message events, MessageChannel wake-ups, idle gaps) and a clock that only
// moves while a message is served (by the message's `cost`, in ms) or during a gap.
// Reads one JSON line per trace on stdin: {"bridge": source, "trace": [{window, cost} |
// {gap}]}; writes one JSON line per trace: [[window, seq, servedAt], ...] in serving order.
"use strict";
const { simulatedPage, serveLines } = require("./node_page.js");

function run(bridgeSource, trace) {
  let now = 0;
  const page = simulatedPage(() => now);
  const tasks = page.tasks;
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
    tasks.push(() => page.listener(event));
  });
  page.drain();
  bridge.close();
  return served;
}

serveLines(run);
