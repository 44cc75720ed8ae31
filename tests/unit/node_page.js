// A page for the desktop's host bridge under Node (the harnesses beside this file): one FIFO
// task queue that message events, MessageChannel tasks and timers join (a timer as a task
// behind those queued, whatever its delay: compat/fake.py's), microtasks run at the end of
// each task, a clock read from `now()`, and a line loop that runs one trace per JSON line on
// stdin.
"use strict";
const readline = require("node:readline");

function simulatedPage(now) {
  const page = { tasks: [], microtasks: [], listener: null };
  Object.defineProperty(globalThis, "performance", { value: { now }, configurable: true, writable: true });
  globalThis.window = {
    addEventListener: (type, handler) => { if (type === "message") page.listener = handler; },
    removeEventListener: () => {},
  };
  globalThis.MessageChannel = class {
    constructor() {
      const port1 = { onmessage: null };
      this.port1 = port1;
      this.port2 = { postMessage: (data) => page.tasks.push(() => port1.onmessage({ data })) };
    }
  };
  globalThis.setTimeout = (callback) => { page.tasks.push(callback); };
  globalThis.queueMicrotask = (callback) => { page.microtasks.push(callback); };
  const endOfTask = () => { while (page.microtasks.length > 0) page.microtasks.shift()(); };
  page.drain = () => {
    endOfTask();
    while (page.tasks.length > 0) {
      page.tasks.shift()();
      endOfTask();
    }
  };
  return page;
}

function serveLines(run) {
  const lines = readline.createInterface({ input: process.stdin });
  lines.on("line", (line) => {
    const { bridge, trace } = JSON.parse(line);
    process.stdout.write(JSON.stringify(run(bridge, trace)) + "\n");
  });
}

module.exports = { simulatedPage, serveLines };
