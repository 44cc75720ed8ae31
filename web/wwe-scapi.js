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

let booting = null;

// Pyodide with wwe_scapi importable; the wheels download while Pyodide boots. Every caller
// gets the same Pyodide.
export function bootPython() {
  booting ??= (async () => {
    const [pyodide, ...wheels] = await Promise.all([
      loadPyodideHere(),
      ...WHEELS.map((path) => fetchOk(new URL(path, BASE)).then((response) => response.arrayBuffer())),
    ]);
    // unpackArchive extracts into the working directory unless told otherwise; a wheel's files
    // belong in site-packages (its .dist-info comes along, so importlib.metadata sees it).
    // (sysconfig and importlib.invalidate_caches() cost ~50 ms between them: read sys.path, and
    // refresh only the site-packages finder.)
    const sitePackages = pyodide.runPython(
      "import sys; next(p for p in sys.path if p.endswith('site-packages'))");
    for (const wheel of wheels) pyodide.unpackArchive(wheel, "wheel", {extractDir: sitePackages});
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
