"""Apps' PyPI requirements, served by the desktop's own server: `serve --requirement SPEC`
(or `requirements` in the workspace file) has the build fetch each one's wheels, dependencies
included, for Pyodide's Python (pure-Python wheels: py3-none-any), into the site's
`packages/apps/` with an index; an app's `startApp(..., {requirements: [...]})` installs them
with micropip from there. Nothing comes from a CDN at run time."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from wwe_scapi.cli.errors import BuildError

APPS_FOLDER: Final = "apps"  # in the site's packages/
INDEX: Final = "requirements.json"
PYODIDE_PYTHON: Final = "3.14"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def project_name(requirement: str) -> str:
    """PEP 503's normalized name of a requirement's project: "Python_DateUtil>=2" -> "python-dateutil"."""
    found = _NAME.match(requirement)
    if found is None:
        raise BuildError(f"--requirement {requirement!r}: expected a PyPI requirement such as 'python-dateutil==2.9.0.post0'")
    return re.sub(r"[-_.]+", "-", found.group(1)).lower()


def _download(requirement: str, cache: Path, quiet: bool) -> list[Path]:
    """The wheels of `requirement` and its dependencies, from PyPI once, then from the cache."""
    folder = cache / "requirements" / hashlib.sha256(requirement.encode()).hexdigest()[:16]
    listing = folder / "wheels.json"
    if listing.is_file():
        names = json.loads(listing.read_text(encoding="utf-8"))
        if all((folder / name).is_file() for name in names):
            return [folder / name for name in names]
    if not quiet:
        print(f"fetching {requirement} (and its dependencies) from PyPI", flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--only-binary=:all:", "--python-version", PYODIDE_PYTHON,
             "--implementation", "py", "--abi", "none", "--platform", "any", "--quiet",
             "--disable-pip-version-check", "--dest", scratch, requirement],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            detail = (result.stderr.strip() or result.stdout.strip()).splitlines()
            raise BuildError(
                f"--requirement {requirement}: pip could not fetch pure-Python wheels of it and its dependencies "
                f"for Pyodide (Python {PYODIDE_PYTHON}, py3-none-any): {' '.join(detail[-3:])}"
            )
        got = sorted(Path(scratch).glob("*.whl"))
        folder.mkdir(parents=True, exist_ok=True)
        for wheel in got:
            shutil.copyfile(wheel, folder / wheel.name)
    listing.write_text(json.dumps([wheel.name for wheel in got]), encoding="utf-8")
    return [folder / wheel.name for wheel in got]


def install_requirements(requirements: Sequence[str], cache: Path, packages: Path, quiet: bool) -> None:
    """packages/apps/: every requirement's wheels, and the index the loader reads:
    {"requirements": {project: {"requirement", "wheels": [file, ...]}}}. Only what is asked
    for stays: a requirement dropped since the last build is gone."""
    target = packages / APPS_FOLDER
    index: dict[str, dict[str, object]] = {}
    wanted: set[str] = {INDEX}
    for requirement in dict.fromkeys(spec.strip() for spec in requirements if spec.strip()):
        name = project_name(requirement)
        if name in index:
            raise BuildError(f"--requirement {requirement}: {name} is required twice ({index[name]['requirement']})")
        wheels = _download(requirement, cache, quiet)
        index[name] = {"requirement": requirement, "wheels": [wheel.name for wheel in wheels]}
        target.mkdir(parents=True, exist_ok=True)
        for wheel in wheels:
            wanted.add(wheel.name)
            destination = target / wheel.name
            if not destination.is_file() or destination.stat().st_size != wheel.stat().st_size:
                shutil.copyfile(wheel, destination)
    if not index:
        if target.is_dir():
            shutil.rmtree(target)
        return
    (target / INDEX).write_text(json.dumps({"requirements": index}, indent=1), encoding="utf-8")
    for stale in target.iterdir():
        if stale.name not in wanted:
            stale.unlink()
