// wwe-scapi loader: boots Pyodide from this server, installs the wwe_scapi wheel, then runs
// Python. Any page, on any origin, may import it: everything is fetched relative to this file.
// The build replaces the four placeholders below (keep them exactly as they are).
const BASE = new URL(".", import.meta.url);
const PYODIDE_PATH = "__PYODIDE_PATH__";
const WHEELS = ["__WHEELS__"];
// Where the wheels go in Pyodide's file system; each one is a sys.path entry of its own.
const WHEEL_DIR = "__WHEEL_DIR__";
const INDEX_URL = new URL(PYODIDE_PATH, BASE).href;  // Pyodide's folder, as loadPyodide() takes it
// The memory snapshots the build made (cli/snapshots.py): {key, engine, app, desktop} (what
// they depend on, hashed; the engine's user agent; each kind's URL), engine and URLs missing
// when it could make none; null when snapshots are switched off (build --no-snapshots). A
// snapshot is a Pyodide already booted with the wheels imported, restored instead of booted
// (about a quarter of the time). A desktop in a browser the build made none for makes its own
// on its first boot and keeps it in its origin's IndexedDB (below).
export const SNAPSHOTS = {"__SNAPSHOTS__": 0};
// What each kind of page imports before the snapshot is made (cli/snapshots.py's KINDS).
const SNAPSHOT_IMPORTS = {app: ["wwe_scapi.browser.app"], desktop: ["wwe_scapi.browser.host", "wwe_scapi.browser.embed"]};
const SNAPSHOT_MAGIC = 1886286592;  // a Pyodide snapshot's first four bytes (little-endian u32)
const timings = (window.wweTimings = {start: performance.now()});

async function fetchOk(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`wwe-scapi: cannot fetch ${url}: ${error.message}`);
  }
  if (!response.ok) throw new Error(`wwe-scapi: ${url} answered ${response.status} ${response.statusText}`);
  return response;
}

// (A failure may come before the document is parsed: the box is filled once it exists.)
function showError(error) {
  documentParsed().then(() => {
    const box = document.getElementById("boot-error");
    if (box) box.textContent = String(error && error.stack ? error.stack : error);
  });
}

// An error's message (or the error itself, when it has none), for a one-line account.
function messageOf(error) {
  return error && error.message ? error.message : error;
}

// The engine a snapshot is for: its user agent, headless or not (the same binary).
function engineOf(userAgent) {
  return String(userAgent).replace("HeadlessChrome/", "Chrome/");
}

// The snapshot of this kind for this browser, or why there is none, and then the key of the
// page's own (`own`) when it may make and keep one. A test page may set
// window.wweScapiSnapshots (the same form as SNAPSHOTS; null: none at all) before it boots.
function snapshotFor(kind) {
  const table = window.wweScapiSnapshots !== undefined ? window.wweScapiSnapshots : SNAPSHOTS;
  if (!table || typeof table !== "object") return {why: "the build made none"};
  const own = ownSnapshotKey(kind);
  if (typeof table.engine !== "string") return {why: "the build made none (it could not run a browser)", own};
  if (engineOf(table.engine) !== engineOf(navigator.userAgent)) return {why: `it was made by another browser (${table.engine})`, own};
  if (typeof table[kind] !== "string") return {why: `the build made none for a page of kind ${kind}`};
  const url = new URL(table[kind], BASE);
  // (It holds the desktop's hash secret: its server gives it to pages of its origin only.)
  if (kind === "desktop" && url.origin !== location.origin) {
    return {why: `the desktop's snapshot is for pages of ${url.origin} only`, own};
  }
  return {url};
}

function checkedSnapshot(bytes, where) {
  if (bytes.length < 64 || bytes.length % 4 || new Uint32Array(bytes.buffer, bytes.byteOffset, 1)[0] !== SNAPSHOT_MAGIC) {
    throw new Error(`${where} is not a Pyodide memory snapshot`);
  }
  return bytes;
}

async function snapshotBytes(url) {
  return checkedSnapshot(new Uint8Array(await (await fetchOk(url)).arrayBuffer()), url);
}

// The page's own snapshot: a desktop (top-level, where IndexedDB is its origin's) in a browser
// the build made none for makes one on its first boot, right after the imports the build's
// would hold, and keeps it in IndexedDB under a key of the build's snapshot key, the kind and
// this browser's user agent (a new browser version, a new build: a new snapshot, the old one
// replaced). Only the desktop: an app's iframe is another site's, whose storage a browser
// may deny or partition; the desktop's holds its Python hash secret, readable by its own origin only.
const OWN_DB = "wwe-scapi";
const OWN_STORE = "snapshots";
const OWN_KINDS = ["desktop"];

function ownSnapshotKey(kind) {
  if (!OWN_KINDS.includes(kind) || window.top !== window || typeof indexedDB === "undefined") return undefined;
  if (!SNAPSHOTS || typeof SNAPSHOTS.key !== "string") return undefined;
  return `${kind} ${SNAPSHOTS.key} ${navigator.userAgent}`;
}

// One IndexedDB request on the store, in a transaction of its own: its result once committed.
function ownStore(mode, use) {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(OWN_DB, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(OWN_STORE);
    opening.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      let request;
      try {
        const transaction = db.transaction(OWN_STORE, mode);
        request = use(transaction.objectStore(OWN_STORE));
        transaction.oncomplete = () => { db.close(); resolve(request && request.result); };
        transaction.onerror = transaction.onabort = () => { db.close(); reject(transaction.error); };
      } catch (error) {
        db.close();
        reject(error);
      }
    };
  });
}

// This page's own snapshot's bytes, or null when none is kept (or IndexedDB cannot be read).
async function ownSnapshotBytes(key) {
  let kept;
  try {
    kept = await ownStore("readonly", (store) => store.get(key));
  } catch (error) {
    console.warn("wwe-scapi: cannot read this browser's own memory snapshot (IndexedDB):", error);
    return null;
  }
  if (kept === undefined) return null;
  return checkedSnapshot(kept instanceof Uint8Array ? kept : new Uint8Array(kept), "this browser's own snapshot (IndexedDB)");
}

// Kept in place of any other (an older build's, an older browser's): one snapshot per desktop origin.
function keepOwnSnapshot(key, bytes) {
  timings.ownSnapshot = "storing";
  ownStore("readwrite", (store) => { store.clear(); return store.put(bytes, key); }).then(
    () => { timings.ownSnapshot = "stored"; },
    (error) => {
      timings.ownSnapshot = `not stored: ${messageOf(error)}`;
      console.warn("wwe-scapi: cannot keep this browser's own memory snapshot (IndexedDB):", error);
    },
  );
}

function dropOwnSnapshot() {
  ownStore("readwrite", (store) => store.clear()).catch(() => {});
}

// loadPyodide() from this server's Pyodide, with these options besides its folder; its module
// imported once, as soon as pyodideModule() is first called.
let pyodideImport = null;
function pyodideModule() {
  pyodideImport ??= import(INDEX_URL + "pyodide.mjs");
  return pyodideImport;
}
async function loadPyodideWith(options = {}) {
  const {loadPyodide} = await pyodideModule();
  return loadPyodide({indexURL: INDEX_URL, ...options});
}

// The bytes to come, as a thenable that lets go of them once taken: Pyodide keeps what it was
// given in its configuration for good, and 30 MiB of snapshot would stay in the page's memory.
function handOnce(bytes) {
  let held = bytes;
  return {then(resolve, reject) { const taken = held; held = null; return taken.then(resolve, reject); }};
}

// Pyodide, from this kind's snapshot when there is one for this browser, else booted. Any
// failure of the snapshot (missing, another browser, not a snapshot, another Pyodide build)
// boots normally and says why: console.warn, and wweTimings.snapshot. `making`: the key to
// keep this page's own snapshot under once it is made (bootPython makes it).
async function loadPyodideHere(kind) {
  const chosen = snapshotFor(kind);
  // Fetched (or read) while Pyodide's own files load; a failure is caught where it is awaited.
  const fetched = chosen.url ? snapshotBytes(chosen.url) : null;
  const ownRead = chosen.own ? ownSnapshotBytes(chosen.own) : null;
  for (const pending of [fetched, ownRead]) pending?.catch(() => {});
  await pyodideModule();
  const failed = (what, error) => {
    chosen.why = `${what} failed: ${messageOf(error)}`;
    console.warn(`wwe-scapi: booting Pyodide without its memory snapshot: ${chosen.why}`);
  };
  let source = fetched ? {bytes: fetched, what: `restoring ${chosen.url}`} : null;
  if (ownRead) {
    try {
      const kept = await ownRead;
      if (kept) source = {bytes: Promise.resolve(kept), what: "restoring this browser's own snapshot (IndexedDB)", own: true};
    } catch (error) {
      failed("reading this browser's own snapshot (IndexedDB)", error);
      dropOwnSnapshot();
      chosen.own = undefined;  // made again on the next boot, not on this one
    }
  }
  if (source) {
    try {
      const pyodide = await loadPyodideWith({_loadSnapshot: handOnce(source.bytes)});
      timings.pyodide = performance.now();
      timings.snapshot = source.own ? "restored: this browser's own (IndexedDB)" : "restored";
      return {pyodide, restored: true};
    } catch (error) {
      failed(source.what, error);
      if (source.own) {
        dropOwnSnapshot();
        chosen.own = undefined;
      }
    }
  }
  timings.snapshot = `not used: ${chosen.why}` + (chosen.own ? "; this browser's own is made now (IndexedDB)" : "");
  const pyodide = await loadPyodideWith(chosen.own ? {_makeSnapshot: true} : {});
  timings.pyodide = performance.now();
  return {pyodide, restored: false, making: chosen.own};
}

// The wheels, fetched (while Pyodide boots).
function fetchWheels() {
  return WHEELS.map(async (path) => {
    const url = new URL(path, BASE);
    return {name: url.pathname.split("/").pop(), bytes: new Uint8Array(await (await fetchOk(url)).arrayBuffer())};
  });
}

// Each wheel written into Pyodide's file system, and its zip directory read now (kept for
// the imports), so a wheel that is not a zip archive fails here, by name, rather than as a
// missing module later. A restored snapshot has the wheels on sys.path already, but not their
// files (a snapshot holds memory, not files): their directories are read again from the files.
const ADD_WHEELS = `
import sys, zipimport
for path in paths:
    zipimport._zip_directory_cache.pop(path, None)
    zipimport.zipimporter(path)
sys.path[0:0] = [path for path in paths if path not in sys.path]
if restored and "random" in sys.modules:  # (imported later, it seeds itself then)
    sys.modules["random"].seed()  # the snapshot's random state is the build's: every page would share it
`;
function addWheels(pyodide, wheels, restored) {
  pyodide.FS.mkdirTree(WHEEL_DIR);
  const paths = wheels.map(({name, bytes}) => {
    pyodide.FS.writeFile(`${WHEEL_DIR}/${name}`, bytes);
    return `${WHEEL_DIR}/${name}`;
  });
  const scratch = pyodide.toPy({paths, restored});  // the page's own globals stay clean
  try {
    pyodide.runPython(ADD_WHEELS, {globals: scratch});
  } finally {
    scratch.destroy();
  }
}

let booting = null;

// Pyodide with wwe_scapi importable; the wheels download while Pyodide boots. Every caller
// gets the same Pyodide (the first caller's kind decides the snapshot: "app" or "desktop").
// A pure-Python wheel is a zip archive Python imports from as it is (zipimport, the way
// Pyodide's own standard library is imported): nothing is unpacked, and the wheel's .pyc
// files are used as they are. unpackArchive() cost ~20 ms after loadPyodide().
export function bootPython(kind = "app") {
  booting ??= (async () => {
    let [{pyodide, restored, making}, ...wheels] = await Promise.all([loadPyodideHere(kind), ...fetchWheels()]);
    addWheels(pyodide, wheels, restored);
    pyodide.pyimport("wwe_scapi").destroy();
    if (making) {
      const start = performance.now();
      pyodide = await pyodideAfterMaking(pyodide, kind, making);
      timings.ownSnapshotCostMs = performance.now() - start;  // made, then restored: once per browser and build
      addWheels(pyodide, wheels, true);
      timings.pyodide = performance.now();
    }
    timings.wheels = performance.now();
    window.pyodide = pyodide;
    return pyodide;
  })();
  return booting;
}

// The build's: a snapshot of a page of this kind, made in this browser (cli/snapshotmaker.py
// opens a page that calls it). The same boot as bootPython's, then the kind's imports, then
// Pyodide's memory, before any page wiring (a snapshot may hold no JavaScript object but
// the globals'). Resolves to the snapshot's bytes.
export async function makeSnapshot(kind) {
  if (!SNAPSHOT_IMPORTS[kind]) throw new Error(`wwe-scapi: no snapshot kind ${kind} (the kinds: ${Object.keys(SNAPSHOT_IMPORTS).join(", ")})`);
  const [pyodide, ...wheels] = await Promise.all([loadPyodideWith({_makeSnapshot: true}), ...fetchWheels()]);
  addWheels(pyodide, wheels, false);
  pyodide.pyimport("wwe_scapi").destroy();
  return snapshotOf(pyodide, kind);
}

// A snapshot of a Pyodide booted for one (`_makeSnapshot`), the wheels added: the kind's
// imports, then its memory.
function snapshotOf(pyodide, kind) {
  for (const name of SNAPSHOT_IMPORTS[kind]) pyodide.pyimport(name).destroy();
  return pyodide.makeMemorySnapshot();
}

// This page's own snapshot, made as the build makes one (snapshotOf), before any page wiring.
// A Pyodide booted to make a snapshot cannot serve the page (its `js` is a recording proxy of
// the globals, on whose behalf the DOM's getters fail): the page goes on with one restored from
// the snapshot just made, as its next boots will, or, if that fails, one booted as before. Its
// making failing costs nothing but the next boot's speed.
async function pyodideAfterMaking(maker, kind, key) {
  const made = makeOwnSnapshot(maker, kind, key);
  if (made) {
    try {
      return await loadPyodideWith({_loadSnapshot: handOnce(made)});
    } catch (error) {
      console.warn("wwe-scapi: this browser's own snapshot, just made, cannot be restored:", error);
      dropOwnSnapshot();
    }
  }
  return loadPyodideWith();
}

// Resolves to its bytes; null when it could not be made (said in the console).
function makeOwnSnapshot(pyodide, kind, key) {
  const start = performance.now();
  try {
    const bytes = snapshotOf(pyodide, kind);
    timings.ownSnapshotMadeMs = performance.now() - start;
    keepOwnSnapshot(key, bytes);
    return Promise.resolve(bytes);
  } catch (error) {
    timings.ownSnapshot = `not made: ${messageOf(error)}`;
    console.warn("wwe-scapi: cannot make this browser's own memory snapshot:", error);
    return null;
  }
}

// Messages frames post to this page before its service is up (an iframe whose app boots
// faster than the page's Python): held, in order, and served first once the service's
// transport starts (transports/postmessage.py takes them). A flood before then is capped.
const EARLY_MESSAGES_HELD = 20000;
function holdEarlyMessages() {
  if (window.wweScapiEarlyMessages !== undefined) return;
  const held = [];
  let dropped = 0;
  const hold = (event) => {
    if (!event.source || event.source === window) return;
    if (held.length < EARLY_MESSAGES_HELD) held.push(event);
    else if (dropped++ === 0) console.warn(`wwe-scapi: more than ${EARLY_MESSAGES_HELD} messages before the service was up: later ones are dropped`);
  };
  window.addEventListener("message", hold);
  window.wweScapiEarlyMessages = {held, stop: () => window.removeEventListener("message", hold)};
}

async function fetchConfig() {
  const response = await fetchOk(new URL("/config.json", location.href));
  return response.json();
}

function documentParsed() {
  if (document.readyState !== "loading") return Promise.resolve();
  return new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, {once: true}));
}

// This tab's number among the desktop's open tabs (1, 2, ...; 1 again once every tab has
// closed), drawn under a Web Lock so that two tabs never draw the same: it gives each tab its
// own block of frame ids. Each tab holds a shared lock while it lives, which tells whether any
// tab is still open. null when the browser cannot join tabs (no Web Locks, BroadcastChannel
// or localStorage here): the desktop then runs in this tab alone.
const TAB_COUNTER = "wwe-scapi-desktop-tab-numbers";
const TAB_ALIVE = "wwe-scapi-desktop-tab-alive";
async function drawTabNumber() {
  if (!navigator.locks || typeof BroadcastChannel !== "function") return null;
  try {
    return await navigator.locks.request(TAB_COUNTER, async () => {
      const {held} = await navigator.locks.query();
      const anyOpen = held.some((lock) => lock.name === TAB_ALIVE);
      const number = (anyOpen ? Number(localStorage.getItem(TAB_COUNTER)) || 0 : 0) + 1;
      localStorage.setItem(TAB_COUNTER, String(number));
      await new Promise((granted) => navigator.locks.request(TAB_ALIVE, {mode: "shared"}, () => {
        granted();
        return new Promise(() => {});  // held until the tab closes
      }));
      return number;
    });
  } catch (error) {
    console.warn("wwe-scapi: this tab cannot join the desktop's other tabs:", error);
    return null;
  }
}

// An argument a function does not take fails by name, never ignored.
function checkArguments(who, args, known) {
  const unknown = Object.keys(args).filter((name) => !known.includes(name));
  if (unknown.length) throw new Error(`wwe-scapi: ${who} takes no ${unknown.join(", ")} (it takes ${known.join(", ")})`);
}

// What startDesktop serves: /config.json (wwe-scapi serve's), with the page's own arguments
// over it: startService's options (merged over the server's), workspace description and
// strict, and more apps as tabs. What startService lets a page draw or answer itself, the
// desktop does with the simulator's views over the simulated contact centre.
const DESKTOP_ARGUMENTS = ["options", "workspace", "strict", "apps"];
const THE_DESKTOPS_OWN = ["centre", "serveFrame", "onToasts", "onDialogs", "onMenuBar"];
export function desktopConfig(config, args = {}) {
  const theirs = THE_DESKTOPS_OWN.filter((name) => args[name] !== undefined);
  if (theirs.length) {
    throw new Error(`wwe-scapi: startDesktop draws the simulator's views over the simulated contact centre, so it takes no ` +
      `${theirs.join(", ")}: that is startService, in a page of your own (docs/embedding.md)`);
  }
  checkArguments("startDesktop", args, DESKTOP_ARGUMENTS);
  if (args.apps !== undefined && !(Array.isArray(args.apps) && args.apps.every((app) => app && typeof app.url === "string"))) {
    throw new Error("wwe-scapi: startDesktop: apps is a list of {title, url}");
  }
  return {
    ...config,
    options: {...(config.options || {}), ...(args.options || {})},
    ...(args.workspace !== undefined ? {workspace: args.workspace} : {}),
    strict: args.strict !== undefined ? Boolean(args.strict) : Boolean(config.strict),
    apps: [...(config.apps || []), ...(args.apps || [])],
  };
}

// The apps' tabs' iframes, made as soon as the configuration is known, so that the apps boot
// beside the desktop's Python rather than after it (what they post meanwhile is held): the
// elements the desktop's apps view draws (browser/appsview.py), which it adopts.
function startAppFrames(apps) {
  const panels = document.getElementById("app-panels");
  if (!panels) return;
  apps.forEach((app, index) => {
    const panel = document.createElement("div");
    panel.setAttribute("role", "tabpanel");
    panel.id = `app-panel-${index}`;
    panel.setAttribute("aria-labelledby", `app-tab-${index}`);
    const frame = document.createElement("iframe");
    frame.src = app.url;
    frame.title = app.title || app.url;
    frame.id = `app-frame-${index}`;
    frame.setAttribute("data-app-url", app.url);
    panel.append(frame);
    if (index !== 0) {
      panel.hidden = true;
      panel.inert = true;
    }
    panels.append(panel);
  });
  timings.appFrames = performance.now();
}

// The desktop: the service with the options and apps of /config.json, and the page's own
// arguments over them (desktopConfig). It may be called before the document is parsed:
// Python boots meanwhile.
export async function startDesktop(args = {}) {
  holdEarlyMessages();
  try {
    desktopConfig({}, args);  // a wrong argument fails now, not after the boot
    const configured = (async () => {
      const config = desktopConfig(await fetchConfig(), args);
      await documentParsed();
      startAppFrames(config.apps);
      return config;
    })();
    const [pyodide, config, tab] = await Promise.all([bootPython("desktop"), configured, drawTabNumber()]);
    timings.tab = tab;
    const host = pyodide.pyimport("wwe_scapi.browser.host");
    timings.hostImported = performance.now();  // the desktop's modules imported; then start()
    const page = {site: BASE.href, origin: location.origin};
    const options = pyodide.toPy(tab === null ? {...config, ...page} : {...config, ...page, tab});
    // The running desktop (a DesktopHost), for tests and the console: window.wweDesktop.
    window.wweDesktop = host.start(options);
    options.destroy();
    host.destroy();
    // The desktop's page API for tests (docs/testing.md): the protocol log and the
    // interactions as plain data; window.wweScenario(step, {keyword: value}) drives the calls.
    window.wweLog = (since = 0) => JSON.parse(window.wweDesktop.log_json(since));
    window.wweInteractions = () => JSON.parse(window.wweDesktop.interactions_json());
    timings.ready = performance.now();
    window.wweDesktopReady = true;
  } catch (error) {
    window.wweDesktopFailed = String(error && error.stack ? error.stack : error);
    showError(error);
    throw error;
  }
}

// A failure as people read it: a Python error's traceback (its message; the JS frames of its
// stack are Pyodide's, not the app's), else the JavaScript stack.
function failureText(error) {
  if (error && error.type && typeof error.message === "string") return error.message;
  return String(error && error.stack ? error.stack : error);
}

// After the boot, what fails outside the client's handlers is reported too, as a crash: an
// exception no asyncio task of the app's handled (asyncio's exception handler, which still
// logs it), and an uncaught JavaScript error or rejection in the app's page.
const CRASH_WATCH = `
import asyncio, traceback
from js import wweReportCrash

def _wwe_scapi_crashed(loop, context):
    loop.default_exception_handler(context)
    error = context.get("exception")
    text = "".join(traceback.format_exception(error)) if error is not None else str(context.get("message"))
    wweReportCrash(text)

asyncio.get_event_loop().set_exception_handler(_wwe_scapi_crashed)
`;
const bootFailures = new WeakSet();  // reported as the boot's: startApp's own rejection is not a crash
function watchForCrashes(pyodide) {
  window.wweReportCrash = (text) => reportToDesktop("crash", text);
  const scratch = pyodide.toPy({});
  try {
    pyodide.runPython(CRASH_WATCH, {globals: scratch});
  } finally {
    scratch.destroy();
  }
  const crashed = (error) => {
    if (!(error instanceof Object && bootFailures.has(error))) reportToDesktop("crash", failureText(error));
  };
  window.addEventListener("error", (event) => crashed(event.error || event.message));
  window.addEventListener("unhandledrejection", (event) => crashed(event.reason));
}

// The wheels of an app's PyPI requirements, as the desktop's server serves them (serve
// --requirement, cli/requirements.py): their URLs, dependencies included. A requirement the
// server was not started with fails here, saying how to serve it.
async function requiredWheels(requirements) {
  if (!requirements.length) return [];
  const folder = new URL("packages/apps/", BASE);
  let index = {requirements: {}};
  const response = await fetch(new URL("requirements.json", folder), {cache: "no-cache"});
  if (response.ok) index = await response.json();
  else if (response.status !== 404) throw new Error(`wwe-scapi: ${folder}requirements.json answered ${response.status}`);
  const wheels = new Set();
  for (const requirement of requirements) {
    const name = (/^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement) || [, requirement])[1].replace(/[-_.]+/g, "-").toLowerCase();
    const served = index.requirements[name];
    if (!served) {
      throw new Error(`wwe-scapi: startApp: the desktop's server does not serve ${requirement}: start it with ` +
        `--requirement "${requirement}" (or list it under requirements in its workspace file)`);
    }
    for (const wheel of served.wheels) wheels.add(new URL(wheel, folder).href);
  }
  return [...wheels];
}

// Tells the desktop that this app failed (wwe-scapi's own app report, which the real Agent
// Workspace ignores): the simulated desktop shows it on the app's tab and in its protocol log.
// Only to the embedding page's known origin (an iframe's ancestorOrigins): a traceback is never
// posted to "*", so a popup, whose opener's origin is unknown, reports nothing.
function reportToDesktop(kind, text) {
  const ancestors = window.location.ancestorOrigins;
  if (window.parent === window || !ancestors || !ancestors.length) return;
  try {
    window.parent.postMessage({wweScapiAppReport: kind, text}, ancestors[0]);
  } catch (error) {
    console.warn("wwe-scapi: could not tell the desktop of the failure:", error);
  }
}

// The service in a page of your own (docs/embedding.md): every frame of this page, those made
// later and popups it opens, served with these Agent Workspace options (the accepted origins
// must be given; "*" only with allowAnyOrigin: true) over the simulated contact centre, the
// one a workspace description says, or the page's own (`centre`: a Python file leaving a
// ContactCentre in its global `centre`, or {python, modules}). No simulator UI: onToasts(list), onDialogs(list) and
// onMenuBar(list) hand the page what apps ask it to show; serveFrame(iframe, origin) has the
// page's say on which frames are served, after the security options. Resolves to the running service (also
// window.wweService): log(since) gives its protocol log as data, close() stops it.
const SERVICE_ARGUMENTS = ["options", "workspace", "centre", "strict", "allowAnyOrigin", "serveFrame", "onToasts", "onDialogs", "onMenuBar"];
export async function startService(args = {}) {
  holdEarlyMessages();
  const {options = {}, workspace, centre, strict = false, allowAnyOrigin = false, serveFrame, onToasts, onDialogs, onMenuBar} = args;
  try {
    checkArguments("startService", args, SERVICE_ARGUMENTS);
    const pyodide = await bootPython("desktop");
    const ownCentre = centre === undefined ? null : await hostCentre(pyodide, centre);
    const embed = pyodide.pyimport("wwe_scapi.browser.embed");
    // What the page draws itself: each callback gets the whole list of its kind, each time it changes.
    const views = {};
    for (const [kind, callback] of [["toasts", onToasts], ["dialogs", onDialogs], ["menu-bar", onMenuBar]]) {
      if (typeof callback === "function") views[kind] = (text) => callback(JSON.parse(text));
    }
    const config = pyodide.toPy({options, strict, allowAnyOrigin, ...(workspace === undefined ? {} : {workspace})});
    config.set("views", pyodide.toPy(views));
    if (typeof serveFrame === "function") config.set("serveFrame", serveFrame);
    if (ownCentre !== null) {
      config.set("centre", ownCentre);
      ownCentre.destroy();
    }
    let running;
    try {
      running = embed.start(config);
    } finally {
      config.destroy();
      embed.destroy();
    }
    const service = {
      log: (since = 0) => JSON.parse(running.log_json(since)),
      scenario: (step, args = {}) => JSON.parse(running.scenario_json(step, JSON.stringify(args))),
      clickToast: (id, choice) => JSON.parse(running.click_toast(id, choice)),
      close: () => running.close(),
      python: running,
    };
    window.wweService = service;
    timings.ready = performance.now();
    window.wweServiceReady = true;
    return service;
  } catch (error) {
    window.wweServiceFailed = failureText(error);
    throw error;
  }
}

// An app written in Python: its source runs with top-level await allowed. `modules`: more of
// the app's Python files (or a package's: "./crm/__init__.py", "./crm/lookup.py"), relative to
// the page like `pythonUrl`; each is written into Pyodide's file system at its path relative
// to the main file's folder, a folder put on sys.path, so the app imports them as usual.
const APP_DIR = "/home/pyodide/wwe-app";
const CENTRE_DIR = "/home/pyodide/wwe-centre";

// A Python program's files, fetched: its main file and `modules` (relative to the page, in the
// main file's folder), each to be written at its path relative to that folder under `dir`.
async function pythonFiles(who, pythonUrl, modules, dir) {
  const url = new URL(pythonUrl, document.baseURI);
  const base = new URL(".", url);
  const files = modules.map((module) => {
    const moduleUrl = new URL(module, document.baseURI);
    if (!moduleUrl.href.startsWith(base.href)) {
      throw new Error(`wwe-scapi: ${who}: the module ${moduleUrl.href} is not in the main file's folder ${base.href}`);
    }
    return {url: moduleUrl, path: `${dir}/${decodeURIComponent(moduleUrl.href.slice(base.href.length))}`};
  });
  const text = (address) => fetchOk(address).then((response) => response.text());
  const [source, ...sources] = await Promise.all([text(url), ...files.map((file) => text(file.url))]);
  return {url, source, files: files.map((file, index) => ({...file, source: sources[index]}))};
}

// Writes the modules into Pyodide's file system, their folder first on sys.path.
function writeModules(pyodide, files, dir) {
  pyodide.FS.mkdirTree(dir);
  for (const file of files) {
    pyodide.FS.mkdirTree(file.path.slice(0, file.path.lastIndexOf("/")));
    pyodide.FS.writeFile(file.path, file.source);
  }
  if (files.length) pyodide.runPython(`import sys\nif ${JSON.stringify(dir)} not in sys.path: sys.path.insert(0, ${JSON.stringify(dir)})`);
}

// The page's own contact centre (docs/embedding.md): its Python file runs (top-level await
// allowed) and leaves the centre in its global `centre`.
async function hostCentre(pyodide, centre) {
  const {python, modules = []} = typeof centre === "string" ? {python: centre} : centre;
  if (typeof python !== "string") throw new Error("wwe-scapi: startService: centre is a Python file's URL, or {python: URL, modules: [URL, ...]}");
  const program = await pythonFiles("startService's centre", python, modules, CENTRE_DIR);
  writeModules(pyodide, program.files, CENTRE_DIR);
  const scope = pyodide.toPy({});
  try {
    await pyodide.runPythonAsync(program.source, {globals: scope, filename: program.url.pathname});
    if (!scope.has("centre")) {
      throw new Error(`wwe-scapi: startService: the centre file ${program.url.href} ran but left no global \`centre\` (the contact centre object)`);
    }
    return scope.get("centre");
  } finally {
    scope.destroy();
  }
}

export async function startApp(pythonUrl, {modules = [], requirements = []} = {}) {
  window.wweAppStarting = true;  // tests wait for wweAppReady, or wweAppFailed
  try {
    const [pyodide, wheels, program] = await Promise.all(
      [bootPython(), requiredWheels(requirements), pythonFiles("startApp", pythonUrl, modules, APP_DIR)]);
    if (wheels.length) {
      await pyodide.loadPackage("micropip");
      const install = pyodide.runPython("import micropip\nmicropip.install");
      try {
        await install.callKwargs(wheels, {deps: false});
      } finally {
        install.destroy();
      }
    }
    writeModules(pyodide, program.files, APP_DIR);
    watchForCrashes(pyodide);
    await pyodide.runPythonAsync(program.source, {filename: program.url.pathname});
    timings.ready = performance.now();
    window.wweAppReady = true;
  } catch (error) {
    window.wweAppFailed = failureText(error);
    if (error instanceof Object) bootFailures.add(error);
    reportToDesktop("boot", window.wweAppFailed);
    showError(error);
    throw error;
  }
}
