// wwe-scapi's own `genesys.wwe.service`: the Service Client API for JavaScript apps, with the
// calls of the vendor's reference (namespace.method(...parameters, succeeded, failed),
// subscribe(events, handler, context), unsubscribe(id)) and the envelopes of PROTOCOL.md on
// the wire. Not the vendor's library: apps in the field load the vendor's
// wwe-service-client-api.js (docs/javascript.md); this one lets an app run and be tested
// against the simulated desktop without it. A classic script: <script src=".../genesys-wwe-service.js">.
// The build fills in the request table below (name -> number of parameters) from the catalogue.
(function () {
  "use strict";
  const REQUESTS = {"__REQUESTS__": 0};
  const TIMEOUT_MS = 10000;  // the vendor's: a request unanswered for 10 s fails with "Request timeout"
  const pending = new Map();  // referenceId -> {succeeded, failed, timer}
  const handlers = [];  // [events, handler, context]
  let counter = 0;
  let frameId;
  let target = null;  // targetWWEWindow(win)

  function serviceWindow() {
    if (target) return target;
    if (window.opener && window.opener !== window) return window.opener;
    if (window.parent !== window) return window.parent;
    return null;
  }

  // The desktop's origin where the browser tells it (an iframe), else any: the vendor's client
  // posts to "*"; the service answers only the sender's origin.
  function serviceOrigin() {
    const ancestors = window.location.ancestorOrigins;
    return !target && ancestors && ancestors.length ? ancestors[0] : "*";
  }

  function post(message) {
    const win = serviceWindow();
    if (!win) throw new Error("genesys.wwe.service: this page is neither in an iframe nor a popup; call targetWWEWindow(win)");
    message.referenceId = String(counter++);
    message.userAgent = "WWE Client";
    message.protocolVersion = 2;
    if (frameId !== undefined) message.frameId = frameId;
    win.postMessage(message, serviceOrigin());
    return message.referenceId;
  }

  function send(message, succeeded, failed) {
    const referenceId = post(message);
    const timer = setTimeout(() => {
      pending.delete(referenceId);
      if (typeof failed === "function") failed("Request timeout");
    }, TIMEOUT_MS);
    pending.set(referenceId, {succeeded, failed, timer});
  }

  function call(name, count, args) {
    const firstFunction = args.findIndex((arg) => typeof arg === "function");
    const given = firstFunction < 0 ? args : args.slice(0, firstFunction);
    const [succeeded, failed] = firstFunction < 0 ? [] : args.slice(firstFunction);
    const message = {request: name};
    if (count > 0 || given.length > 0) {
      const parameters = given.slice();
      while (parameters.length < count) parameters.push(null);  // voice.dial(dest, ok, ko) -> [dest, null]
      message.parameters = parameters;
    }
    send(message, succeeded, failed);
  }

  window.addEventListener("message", (event) => {
    const message = event.data;
    if (!message || typeof message !== "object" || String(message.userAgent || "").indexOf("WWE") < 0) return;
    if (message.event) {
      for (const [events, handler, context] of handlers) {
        if (events.indexOf(message.event) >= 0) handler.call(context, message);
      }
    } else if (message.referenceId) {
      const entry = pending.get(String(message.referenceId));
      if (!entry) return;
      pending.delete(String(message.referenceId));
      clearTimeout(entry.timer);
      const result = Object.assign({}, message);
      delete result.referenceId;
      const callback = message.errorMessage !== undefined ? entry.failed : entry.succeeded;
      if (typeof callback === "function") callback(result);
    } else if (message.frameId !== undefined) {
      frameId = message.frameId;
    }
  });

  const service = {
    targetWWEWindow(win) { target = win; },
    subscribe(events, handler, context, succeeded, failed) {
      const names = Array.isArray(events) ? events : [events];
      const entry = [names, handler, context, null];
      handlers.push(entry);
      send({event: "subscribe", data: names}, (result) => {
        entry[3] = result.subscriptionId;
        if (typeof succeeded === "function") succeeded(result);
      }, (result) => {
        handlers.splice(handlers.indexOf(entry), 1);
        if (typeof failed === "function") failed(result);
      });
    },
    unsubscribe(subscriptionId, succeeded, failed) {
      send({event: "unsubscribe", data: subscriptionId}, (result) => {
        for (let index = handlers.length - 1; index >= 0; index--) {
          if (handlers[index][3] === subscriptionId) handlers.splice(index, 1);
        }
        if (typeof succeeded === "function") succeeded(result);
      }, failed);
    },
  };
  for (const [name, count] of Object.entries(REQUESTS)) {
    const [namespace, method] = name.split(".");
    service[namespace] = service[namespace] || {};
    service[namespace][method] = (...args) => call(name, count, args);
  }
  window.genesys = window.genesys || {};
  window.genesys.wwe = window.genesys.wwe || {};
  window.genesys.wwe.service = service;
})();
