"""Bytecode for the browser: our wheel gets a `.pyc` beside each module, compiled by Pyodide's
own CPython (run under Node.js), so pages import it without compiling it first. Compiling our
modules was half of the desktop's start-up in Python (81 of 150 ms). Pages import straight from
the wheel (zipimport, which reads `.pyc` files only beside their source, not in `__pycache__`)."""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from wwe_scapi.cli.errors import BuildError

# Where the loader (web/wwe-scapi.js) puts the wheels in Pyodide's file system: compiled
# code names its files as they will be there (wheel/package/module.py), for tracebacks.
BROWSER_WHEEL_DIR = "/home/pyodide/wheels"

# Pyodide under Node.js compiles the unpacked wheel in place, through a NODEFS mount.
# Unchecked-hash .pyc files are used as they are: the wheel's files never change once built.
_COMPILE = r"""
import {pathToFileURL} from "node:url";
const {WWE_PYODIDE_DIR: pyodideDir, WWE_TARGET: target, WWE_PACKAGE: name, WWE_SHOWN_AS: shownAs} = process.env;
const {loadPyodide} = await import(pathToFileURL(pyodideDir + "/pyodide.mjs").href);
const pyodide = await loadPyodide({indexURL: pyodideDir + "/"});
pyodide.FS.mkdirTree("/wheel");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, {root: target}, "/wheel");
pyodide.runPython(`
import compileall, py_compile
if not compileall.compile_dir("/wheel/${name}", ddir="${shownAs}", quiet=1, legacy=True,
                              invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH):
    raise SystemExit("compileall failed")
`);
"""


def add_bytecode(wheel: Path, pyodide_dir: Path, package: str = "wwe_scapi") -> int:
    """Compile the wheel's modules with Pyodide and add the .pyc files (and RECORD lines) to
    it; answers how many were added. Raises BuildError when Node.js or Pyodide fails."""
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        raise BuildError("compiling the wheel for Pyodide needs Node.js (Debian: apt-get install nodejs)")
    with tempfile.TemporaryDirectory() as scratch:
        unpacked = Path(scratch)
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(unpacked)
        environment = {
            **os.environ,
            "WWE_PYODIDE_DIR": str(pyodide_dir),
            "WWE_TARGET": str(unpacked),
            "WWE_PACKAGE": package,
            "WWE_SHOWN_AS": f"{BROWSER_WHEEL_DIR}/{wheel.name}/{package}",
        }
        result = subprocess.run(
            [node, "--input-type=module", "-e", _COMPILE], env=environment, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise BuildError(f"compiling the wheel with Pyodide failed:\n{(result.stderr or result.stdout).strip()}")
        compiled = sorted(unpacked.glob(f"{package}/**/*.pyc"))
        _rewrite(wheel, unpacked, compiled)
        return len(compiled)


def _rewrite(wheel: Path, unpacked: Path, compiled: list[Path]) -> None:
    with zipfile.ZipFile(wheel) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    added = [(path.relative_to(unpacked).as_posix(), path.read_bytes()) for path in compiled]
    record_lines = [f"{name},sha256={_digest(data)},{len(data)}" for name, data in added]
    temporary = wheel.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            if info.filename.endswith(".dist-info/RECORD"):
                continue
            archive.writestr(info, data)
        for name, data in added:
            archive.writestr(name, data)
        for info, data in entries:
            if info.filename.endswith(".dist-info/RECORD"):
                text = data.decode().rstrip("\n").split("\n")
                archive.writestr(info, "\n".join(text[:-1] + record_lines + text[-1:]) + "\n")
    temporary.replace(wheel)


def _digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
