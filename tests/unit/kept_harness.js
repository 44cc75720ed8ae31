// Runs the desktop's real host bridge (HOST_BRIDGE_JS) under Node for the kept answers: one
// FIFO task queue (message events, MessageChannel tasks, forget() calls) and a scripted Python
// side that answers each message it is handed, with the token the message asks for.
// Reads one JSON line per trace on stdin: {"bridge": source, "trace": [{window, message} |
// {forget: true} | {close: window} | {fanout: [window, ...], seq}]}; writes one JSON line per
// trace: {"handed": [[key, seq], ...], "posted": [[window, message], ...], "repeated": [batch,
// ...], "gone": [what sendAll answered, ...]}. Window w has key w + 1.
"use strict";
const { simulatedPage, serveLines } = require("./node_page.js");

function run(bridgeSource, trace) {
  const page = simulatedPage(() => 0);
  const tasks = page.tasks;
  const handed = [];
  const posted = [];
  const repeated = [];
  const gone = [];
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
    else if (item.fanout !== undefined) {
      const text = JSON.stringify({ event: "agent", data: item.seq, userAgent: "WWE Server", protocolVersion: 2 });
      tasks.push(() => gone.push(bridge.sendAll(item.fanout.map((w) => String(w + 1)).join(","), text)));
    }
    else {
      const event = { source: sourceOf(item.window), origin: `https://w${item.window}.test`, data: item.message };
      tasks.push(() => page.listener(event));
    }
  });
  page.drain();
  bridge.close();
  return { handed, posted, repeated, gone };
}

serveLines(run);
