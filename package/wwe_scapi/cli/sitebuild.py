"""Assembling the static site: pinned Pyodide from the npm registry, our wheel, and `web/`.

Everything a page loads comes from our own server. A rebuild with nothing changed only
compares hashes and stamps, so it takes a fraction of a second.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

PYODIDE_VERSION = "314.0.7"
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
    "pyodide.js",
)
LOADER = "wwe-scapi.js"


class BuildError(RuntimeError):
    """The site cannot be built; the message says what to do."""


@dataclass(frozen=True, slots=True)
class SiteLayout:
    root: Path  # the source checkout
    out: Path  # the site
    cache: Path

    @property
    def pyodide_dir(self) -> Path:
        return self.out / "pyodide" / PYODIDE_VERSION

    @property
    def wheel_dir(self) -> Path:
        return self.out / "wheels"


def find_checkout(start: Path | None = None) -> Path:
    """The source checkout holding pyproject.toml, package/ and web/."""
    here = (start or Path(__file__)).resolve()
    for folder in [here, *here.parents]:
        if (folder / "pyproject.toml").is_file() and (folder / "web").is_dir():
            return folder
    raise BuildError(
        "wwe-scapi builds its site from a source checkout (pyproject.toml, package/, web/); "
        f"none was found above {here}."
    )


def build_site(out: Path | None = None, *, quiet: bool = False) -> Path:
    """Build (or bring up to date) the site and return its folder."""
    root = find_checkout()
    layout = SiteLayout(root, (out or root / "site").resolve(), root / ".cache")
    layout.out.mkdir(parents=True, exist_ok=True)
    layout.cache.mkdir(parents=True, exist_ok=True)
    _install_pyodide(layout, quiet)
    wheels = _build_wheel(layout, quiet)
    # The loader is written from its template, after the copy.
    _sync_tree(root / "web", layout.out, keep={"pyodide", "wheels", LOADER})
    _write_loader(layout, wheels)
    return layout.out


# -- Pyodide ----------------------------------------------------------------------------------


def _install_pyodide(layout: SiteLayout, quiet: bool) -> None:
    target = layout.pyodide_dir
    if all((target / name).is_file() for name in PYODIDE_FILES):
        return
    archive = layout.cache / f"pyodide-{PYODIDE_VERSION}.tgz"
    if not archive.is_file():
        _say(quiet, f"fetching pyodide@{PYODIDE_VERSION} from the npm registry")
        _npm_pack(layout.cache)
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive) as tar:
        for name in PYODIDE_FILES:
            member = tar.extractfile(f"package/{name}")
            if member is None:
                raise BuildError(f"{archive} has no package/{name}: delete it and build again.")
            (target / name).write_bytes(member.read())
    for stale in (layout.out / "pyodide").iterdir():
        if stale.name != PYODIDE_VERSION:
            shutil.rmtree(stale)


def _npm_pack(cache: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError("npm is needed once to fetch Pyodide (apt-get install -y npm).")
    result = subprocess.run(
        [npm, "pack", f"pyodide@{PYODIDE_VERSION}", "--pack-destination", str(cache), "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not (cache / f"pyodide-{PYODIDE_VERSION}.tgz").is_file():
        raise BuildError(f"npm pack pyodide@{PYODIDE_VERSION} failed:\n{result.stderr.strip()}")


# -- our wheel --------------------------------------------------------------------------------


def _sources_digest(root: Path) -> str:
    digest = hashlib.sha256()
    files = sorted(
        path
        for path in (root / "package").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and ".egg-info" not in str(path)
    )
    for path in [root / "pyproject.toml", *files]:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _build_wheel(layout: SiteLayout, quiet: bool) -> list[Path]:
    stamp = layout.wheel_dir / ".sources-sha256"
    digest = _sources_digest(layout.root)
    wheels = sorted(layout.wheel_dir.glob("*.whl"))
    if wheels and stamp.is_file() and stamp.read_text() == digest:
        return wheels
    _say(quiet, "building the wwe_scapi wheel")
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run(
            # pip fetches the build backend (setuptools) into an isolated environment.
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", scratch, str(layout.root)],
            capture_output=True,
            text=True,
        )
        built = list(Path(scratch).glob("*.whl"))
        if result.returncode != 0 or len(built) != 1:
            raise BuildError(f"building the wheel failed:\n{result.stderr.strip()}")
        layout.wheel_dir.mkdir(parents=True, exist_ok=True)
        for old in layout.wheel_dir.glob("*.whl"):
            old.unlink()
        shutil.copy2(built[0], layout.wheel_dir / built[0].name)
    stamp.write_text(digest)
    return sorted(layout.wheel_dir.glob("*.whl"))


# -- web/ and the loader ----------------------------------------------------------------------


def _sync_tree(source: Path, target: Path, keep: set[str]) -> None:
    """Copy changed files of `source` into `target`; remove what `source` no longer has."""
    wanted = set()
    for path in source.rglob("*"):
        relative = path.relative_to(source)
        if relative.parts[0] in keep:
            continue
        wanted.add(relative)
        destination = target / relative
        if path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        elif not destination.is_file() or destination.read_bytes() != path.read_bytes():
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
    for path in sorted(target.rglob("*"), reverse=True):
        relative = path.relative_to(target)
        if relative.parts[0] in keep or relative in wanted:
            continue
        if path.is_file():
            path.unlink()
        elif not any(path.iterdir()):
            path.rmdir()


def _write_loader(layout: SiteLayout, wheels: list[Path]) -> None:
    loader = layout.out / LOADER
    text = (layout.root / "web" / LOADER).read_text()
    urls = [
        f"wheels/{wheel.name}?v={hashlib.sha256(wheel.read_bytes()).hexdigest()[:12]}"
        for wheel in wheels
    ]
    text = text.replace('"__PYODIDE_PATH__"', json.dumps(f"pyodide/{PYODIDE_VERSION}/"))
    text = text.replace('["__WHEELS__"]', json.dumps(urls))
    if loader.is_file() and loader.read_text() == text:
        return
    loader.write_text(text)


def _say(quiet: bool, message: str) -> None:
    if not quiet:
        print(f"wwe-scapi build: {message}", file=sys.stderr)
