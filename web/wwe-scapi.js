// wwe-scapi loader: boots Pyodide from this server, installs the wwe_scapi wheel, then runs
// Python. Any page, on any origin, may import it: everything is fetched relative to this file.
const BASE = new URL(".", import.meta.url);
const PYODIDE_PATH = "__PYODIDE_PATH__";
const WHEELS = ["__WHEELS__"];
const timings = (window.wweTimings = {start: performance.now()});

function fetchBytes(path) {
  const url = new URL(path, BASE);
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`wwe-scapi: ${url} answered ${response.status}`);
    return response.arrayBuffer();
  });
}

function fetchText(url) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`wwe-scapi: ${url} answered ${response.status}`);
    return response.text();
  });
}

function showError(error) {
  const box = document.getElementById("boot-error");
  if (box) box.textContent = String(error && error.stack ? error.stack : error);
}

let booting = null;

// Pyodide with wwe_scapi importable; the wheels download while Pyodide boots.
export function bootPython() {
  if (booting) return booting;
  booting = (async () => {
    const wheels = WHEELS.map(fetchBytes);
    const {loadPyodide} = await import(new URL(PYODIDE_PATH + "pyodide.mjs", BASE).href);
    const pyodide = await loadPyodide({indexURL: new URL(PYODIDE_PATH, BASE).href});
    timings.pyodide = performance.now();
    const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
    for (const wheel of await Promise.all(wheels)) {
      pyodide.unpackArchive(wheel, "wheel", {extractDir: sitePackages});
    }
    pyodide.pyimport("wwe_scapi");
    timings.wheels = performance.now();
    window.pyodide = pyodide;
    return pyodide;
  })();
  return booting;
}

// The desktop: the service with the options and apps of /config.json.
export async function startDesktop() {
  try {
    const [pyodide, config] = await Promise.all([
      bootPython(),
      fetch("/config.json").then((response) => {
        if (!response.ok) throw new Error(`wwe-scapi: /config.json answered ${response.status}`);
        return response.json();
      }),
    ]);
    const host = pyodide.pyimport("wwe_scapi.browser.host");
    host.start(pyodide.toPy(config));
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
    const [pyodide, source] = await Promise.all([bootPython(), fetchText(new URL(pythonUrl, document.baseURI))]);
    await pyodide.runPythonAsync(source, {filename: pythonUrl});
    timings.ready = performance.now();
    window.wweAppReady = true;
  } catch (error) {
    showError(error);
    throw error;
  }
}
