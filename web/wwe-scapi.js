// wwe-scapi loader: boots Pyodide from this server, installs the wwe_scapi wheel, then runs
// Python. Any page, on any origin, may import it: everything is fetched relative to this file.
// The build replaces the two placeholders below (keep them exactly as they are).
const BASE = new URL(".", import.meta.url);
const PYODIDE_PATH = "__PYODIDE_PATH__";
const WHEELS = ["__WHEELS__"];
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

function showError(error) {
  const box = document.getElementById("boot-error");
  if (box) box.textContent = String(error && error.stack ? error.stack : error);
}

async function loadPyodideHere() {
  const indexURL = new URL(PYODIDE_PATH, BASE).href;
  const {loadPyodide} = await import(indexURL + "pyodide.mjs");
  const pyodide = await loadPyodide({indexURL});
  timings.pyodide = performance.now();
  return pyodide;
}

// A wheel's files as [path, bytes] pairs, read in JS while Pyodide boots: Pyodide's
// unpackArchive() would cost ~20 ms after loadPyodide(), importing and running zipfile.
// Our wheels are plain zip archives (no zip64, no encryption), entries stored or deflated.
async function unzip(buffer, url) {
  const view = new DataView(buffer);
  const u16 = (at) => view.getUint16(at, true);
  const u32 = (at) => view.getUint32(at, true);
  let end = buffer.byteLength - 22; // the end-of-central-directory record, before any comment
  while (end >= 0 && u32(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`wwe-scapi: ${url} is not a zip archive`);
  const names = new TextDecoder();
  const files = [];
  for (let at = u32(end + 16), index = u16(end + 10); index > 0; index--) {
    const [method, size, nameLength] = [u16(at + 10), u32(at + 20), u16(at + 28)];
    const name = names.decode(new Uint8Array(buffer, at + 46, nameLength));
    const local = u32(at + 42);
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (name.endsWith("/")) continue;
    if (method !== 0 && method !== 8) throw new Error(`wwe-scapi: ${url}: ${name} uses zip method ${method}`);
    const data = new Uint8Array(buffer, local + 30 + u16(local + 26) + u16(local + 28), size);
    files.push(method === 0 ? [name, data] : inflate(data).then((bytes) => [name, bytes]));
  }
  return Promise.all(files);
}

// (Written straight into the stream: a Blob's stream() would read each entry back through the
// browser process, and those reads (one per file) queue behind loadPyodide()'s work for tens of ms.)
async function inflate(data) {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  writer.write(data);
  writer.close();
  return new Uint8Array(await new Response(stream.readable).arrayBuffer());
}

function install(pyodide, files, directory) {
  const made = new Set();
  for (const [name, bytes] of files) {
    const path = `${directory}/${name}`;
    const folder = path.slice(0, path.lastIndexOf("/"));
    if (!made.has(folder)) pyodide.FS.mkdirTree(folder);
    made.add(folder);
    pyodide.FS.writeFile(path, bytes);
  }
}

let booting = null;

// Pyodide with wwe_scapi importable; the wheels download and unzip while Pyodide boots.
// Every caller gets the same Pyodide.
export function bootPython() {
  booting ??= (async () => {
    const [pyodide, ...wheels] = await Promise.all([
      loadPyodideHere(),
      ...WHEELS.map(async (path) => {
        const url = new URL(path, BASE);
        return unzip(await (await fetchOk(url)).arrayBuffer(), url);
      }),
    ]);
    // A wheel's files belong in site-packages (its .dist-info comes along, so
    // importlib.metadata sees it). sysconfig and importlib.invalidate_caches() would cost
    // ~50 ms between them: read sys.path, and refresh only the site-packages finder.
    const sitePackages = pyodide.runPython(
      "import sys; next(p for p in sys.path if p.endswith('site-packages'))");
    for (const files of wheels) install(pyodide, files, sitePackages);
    pyodide.runPython(
      `import sys; finder = sys.path_importer_cache.get(${JSON.stringify(sitePackages)}); ` +
      "finder is not None and finder.invalidate_caches()");
    pyodide.pyimport("wwe_scapi");
    timings.wheels = performance.now();
    window.pyodide = pyodide;
    return pyodide;
  })();
  return booting;
}

async function fetchConfig() {
  const response = await fetchOk(new URL("/config.json", location.href));
  return response.json();
}

// The desktop: the service with the options and apps of /config.json.
export async function startDesktop() {
  try {
    const [pyodide, config] = await Promise.all([bootPython(), fetchConfig()]);
    const host = pyodide.pyimport("wwe_scapi.browser.host");
    await host.start(pyodide.toPy(config));
    timings.ready = performance.now();
    window.wweDesktopReady = true;
  } catch (error) {
    showError(error);
    throw error;
  }
}

// An app written in Python: its source runs with top-level await allowed.
export async function startApp(pythonUrl) {
  try {
    const url = new URL(pythonUrl, document.baseURI);
    const [pyodide, source] = await Promise.all([bootPython(), fetchOk(url).then((response) => response.text())]);
    await pyodide.runPythonAsync(source, {filename: url.pathname});
    timings.ready = performance.now();
    window.wweAppReady = true;
  } catch (error) {
    showError(error);
    throw error;
  }
}
