"""Assembling the static site: pinned Pyodide from the npm registry, our wheel, `web/`, and
the pinned wheels from PyPI that a page installs only when it needs them (`packages/`).

Everything a page loads comes from our own server. A rebuild with nothing changed only
compares hashes, sizes and stamps, so it takes a small fraction of a second.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from wwe_scapi.auth.pins import MICROPIP, TOKEN_WHEELS, Pin
from wwe_scapi.cli.bytecode import BROWSER_WHEEL_DIR, add_bytecode
from wwe_scapi.cli.errors import BuildError
from wwe_scapi.cli.requirements import APPS_FOLDER, install_requirements
from wwe_scapi.cli.snapshots import SNAPSHOTS, made_before, snapshot_key, snapshots_for_loader
from wwe_scapi.protocol.catalogue import CATALOGUE, UNDOCUMENTED

PYODIDE_VERSION = "314.0.7"
# The registry's `dist.integrity` of pyodide@314.0.7: the cached archive must match it.
PYODIDE_INTEGRITY = "sha512-0YvXxEhfEdpLfb/XkM2BFAeMROq0iMUX2bzzH9pOttyMcWkwq+HbE5uyuGD82LN7y2q+SNvi/6V5JEsOlD2R1A=="
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
    "pyodide.js",
)
LOADER = "wwe-scapi.js"
# The loader's placeholders, as they appear in web/wwe-scapi.js.
PYODIDE_PATH_PLACEHOLDER = '"__PYODIDE_PATH__"'
WHEELS_PLACEHOLDER = '["__WHEELS__"]'
WHEEL_DIR_PLACEHOLDER = '"__WHEEL_DIR__"'
SNAPSHOTS_PLACEHOLDER = '{"__SNAPSHOTS__": 0}'
SOURCES_STAMP = ".sources-sha256"
_NOT_SOURCES = ("__pycache__", ".egg-info", ".pyc")
# What no page ever imports, left out of the site's wheel (every app iframe downloads it): the
# command line and the fake page the CPython tests use.
NOT_IN_THE_BROWSER = (
    "package/wwe_scapi/__main__.py",
    "package/wwe_scapi/cli/",
    "package/wwe_scapi/pytest_plugin/",  # pytest's, in CPython
    "package/wwe_scapi/testing/goldens.py",  # the golden envelopes, for CPython tests
    "package/wwe_scapi/testing/envelopes/",
    "package/wwe_scapi/compat/fake.py",
    "package/wwe_scapi/compat/fakedom.py",
    "package/wwe_scapi/auth/keys.py",  # the server's (it needs `cryptography`)
)
PACKAGES = "packages"  # the site's folder of page-side wheels a page installs on demand


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

    @property
    def package_dir(self) -> Path:
        return self.out / PACKAGES

    @property
    def pyodide_archive(self) -> Path:
        return self.cache / f"pyodide-{PYODIDE_VERSION}.tgz"


def find_checkout(start: Path | None = None) -> Path:
    """The source checkout holding pyproject.toml, package/ and web/."""
    here = (start or Path(__file__)).resolve()
    for folder in [here, *here.parents]:
        if (folder / "pyproject.toml").is_file() and (folder / "package").is_dir() and (folder / "web").is_dir():
            return folder
    raise BuildError(
        "wwe-scapi builds its site from a source checkout (pyproject.toml, package/, web/); "
        f"none was found above {here}. Install it from a checkout: pip install -e ."
    )


def build_site(
    out: Path | None = None, *, quiet: bool = False, requirements: Sequence[str] = (), snapshots: bool = True
) -> Path:
    """Build (or bring up to date) the site and return its folder. `requirements`: apps'
    PyPI requirements, fetched into packages/apps/ (cli/requirements.py); what a build does
    not ask for is removed. `snapshots`: make (or keep) the memory snapshots pages restore
    instead of booting Pyodide (cli/snapshots.py); without, the pages boot it."""
    root = find_checkout()
    layout = SiteLayout(root, (out or root / "site").resolve(), root / ".cache")
    layout.out.mkdir(parents=True, exist_ok=True)
    layout.cache.mkdir(parents=True, exist_ok=True)
    _install_pyodide(layout, quiet)
    _install_page_packages(layout, quiet)
    install_requirements(requirements, layout.cache, layout.package_dir, quiet)
    wheels = _build_wheel(layout, quiet)
    # The loader is written from its template, after the copy.
    _sync_tree(root / "web", layout.out, keep={"pyodide", "wheels", PACKAGES, LOADER, JS_CLIENT, SNAPSHOTS})
    _write_js_client(layout)
    urls = _wheel_urls(wheels)
    table: dict[str, str] | None = None  # None: switched off, the pages never use one
    if snapshots:
        key = snapshot_key(PYODIDE_VERSION, wheels, root / "web" / LOADER)
        if not made_before(layout.out, key):
            _write_loader(layout, urls, None)  # the maker's pages boot without one
        table = snapshots_for_loader(layout.out, key, functools.partial(_say, quiet), functools.partial(_say, False))
    else:
        shutil.rmtree(layout.out / SNAPSHOTS, ignore_errors=True)
    _write_loader(layout, urls, table)
    return layout.out


# -- Pyodide ----------------------------------------------------------------------------------


def _install_pyodide(layout: SiteLayout, quiet: bool) -> None:
    target = layout.pyodide_dir
    if all((target / name).is_file() for name in PYODIDE_FILES):
        return
    archive = _pyodide_archive(layout, quiet)
    target.mkdir(parents=True, exist_ok=True)
    try:
        with tarfile.open(archive) as tar:
            for name in PYODIDE_FILES:
                member = tar.extractfile(f"package/{name}")
                if member is None:
                    raise KeyError(f"package/{name} is not a file")
                data = member.read()
                _replace_file(target / name, lambda part: part.write_bytes(data))  # noqa: B023 (used at once)
    except (tarfile.TarError, KeyError, OSError) as error:
        raise BuildError(f"cannot extract Pyodide from {archive} ({error}): delete it and build again.") from None
    for stale in (layout.out / "pyodide").iterdir():
        if stale.name != PYODIDE_VERSION:
            shutil.rmtree(stale)


def _pyodide_archive(layout: SiteLayout, quiet: bool) -> Path:
    """The cached npm package, fetched once and checked against the pinned integrity."""
    archive = layout.pyodide_archive
    if archive.is_file() and _integrity(archive) == PYODIDE_INTEGRITY:
        return archive
    if archive.is_file():
        _say(quiet, f"{archive.name} does not match its pinned integrity: fetching it again")
        archive.unlink()
    _say(quiet, f"fetching pyodide@{PYODIDE_VERSION} from the npm registry")
    _npm_pack(archive)
    if _integrity(archive) != PYODIDE_INTEGRITY:
        archive.unlink()
        raise BuildError(f"the npm registry's pyodide@{PYODIDE_VERSION} does not match {PYODIDE_INTEGRITY}.")
    return archive


def _integrity(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def _npm_pack(archive: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError("npm is needed once to fetch Pyodide (apt-get install -y npm).")
    result = subprocess.run(
        [npm, "pack", f"pyodide@{PYODIDE_VERSION}", "--pack-destination", str(archive.parent), "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not archive.is_file():
        raise BuildError(f"npm pack pyodide@{PYODIDE_VERSION} failed:\n{result.stderr.strip()}")


# -- page-side wheels from PyPI ----------------------------------------------------------------


def _install_page_packages(layout: SiteLayout, quiet: bool) -> None:
    """micropip beside Pyodide's files, its lock entry naming PyPI's wheel; the token wheels in
    packages/ (not wheels/: the loader gives every page everything in wheels/)."""
    micropip = _pinned_wheel(layout, MICROPIP, quiet)
    _copy_if_changed(micropip, layout.pyodide_dir / MICROPIP.filename)
    _point_lock_at(layout.pyodide_dir / "pyodide-lock.json", "micropip", MICROPIP)
    layout.package_dir.mkdir(parents=True, exist_ok=True)
    wanted = {pin.filename for pin in TOKEN_WHEELS} | {APPS_FOLDER}  # apps/: install_requirements's
    for pin in TOKEN_WHEELS:
        _copy_if_changed(_pinned_wheel(layout, pin, quiet), layout.package_dir / pin.filename)
    for stale in layout.package_dir.iterdir():
        if stale.name not in wanted:
            stale.unlink()


def _pinned_wheel(layout: SiteLayout, pin: Pin, quiet: bool) -> Path:
    """The cached wheel of `pin`, downloaded from PyPI once and checked against its hash."""
    cached = layout.cache / "wheels" / pin.filename
    if cached.is_file() and _sha256(cached) == pin.sha256:
        return cached
    _say(quiet, f"fetching {pin.requirement} from PyPI")
    cached.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--python-version",
             "3.14", "--quiet", "--disable-pip-version-check", "--dest", scratch, pin.requirement],
            capture_output=True,
            text=True,
        )
        got = Path(scratch) / pin.filename
        if result.returncode != 0 or not got.is_file():
            raise BuildError(f"pip download {pin.requirement} failed:\n{result.stderr.strip() or result.stdout.strip()}")
        if _sha256(got) != pin.sha256:
            raise BuildError(f"PyPI's {pin.filename} has sha256 {_sha256(got)}, not the pinned {pin.sha256}.")
        _replace_file(cached, lambda part: shutil.copyfile(got, part))
    return cached


def _point_lock_at(lock: Path, name: str, pin: Pin) -> None:
    """Make Pyodide's lock file name `pin`'s wheel (and hash) for package `name`."""
    data = json.loads(lock.read_text(encoding="utf-8"))
    entry = data["packages"][name]
    if entry.get("file_name") == pin.filename and entry.get("sha256") == pin.sha256:
        return
    entry["file_name"], entry["sha256"] = pin.filename, pin.sha256
    text = json.dumps(data)
    _replace_file(lock, lambda part: part.write_text(text, encoding="utf-8"))


def _copy_if_changed(source: Path, target: Path) -> None:
    if not (target.is_file() and _same_file(source, target)):
        _replace_file(target, lambda part: shutil.copy2(source, part))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- our wheel --------------------------------------------------------------------------------


def _source_files(root: Path) -> Iterator[Path]:
    """pyproject.toml and every file under package/ that goes into the wheel, in a stable order."""
    yield root / "pyproject.toml"
    for path in sorted((root / "package").rglob("*")):
        if path.is_file() and not any(part.endswith(_NOT_SOURCES) for part in path.parts):
            yield path


def _sources_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in _source_files(root):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _build_wheel(layout: SiteLayout, quiet: bool) -> list[Path]:
    stamp = layout.wheel_dir / SOURCES_STAMP
    digest = _sources_digest(layout.root)
    wheels = sorted(layout.wheel_dir.glob("*.whl"))
    if len(wheels) == 1 and stamp.is_file() and stamp.read_text() == digest:
        return wheels
    _say(quiet, "building the wwe_scapi wheel")
    with tempfile.TemporaryDirectory() as scratch:
        built = _pip_wheel(_copy_sources(layout.root, Path(scratch) / "src"), Path(scratch) / "out")
        add_bytecode(built, layout.pyodide_dir)  # pages then import without compiling
        layout.wheel_dir.mkdir(parents=True, exist_ok=True)
        for old in layout.wheel_dir.glob("*.whl"):
            old.unlink()
        shutil.copy2(built, layout.wheel_dir / built.name)
    stamp.write_text(digest)
    return sorted(layout.wheel_dir.glob("*.whl"))


def _copy_sources(root: Path, scratch: Path) -> Path:
    # A clean copy: setuptools never deletes from an in-tree build/ folder, so a module removed
    # from package/ would otherwise live on in the wheel; and the checkout stays untouched.
    for path in [*_source_files(root), root / "README.md"]:
        if path.is_file() and not path.relative_to(root).as_posix().startswith(NOT_IN_THE_BROWSER):
            destination = scratch / path.relative_to(root)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
    return scratch


def _pip_wheel(source: Path, out: Path) -> Path:
    result = subprocess.run(
        # pip fetches the build backend (setuptools, pinned in pyproject.toml) into an isolated
        # environment: the machine's own setuptools may be too old to build wheels by itself.
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check",
         "-w", str(out), str(source)],
        capture_output=True,
        text=True,
    )
    built = list(out.glob("*.whl"))
    if result.returncode != 0 or len(built) != 1:
        raise BuildError(f"building the wheel failed:\n{result.stderr.strip() or result.stdout.strip()}")
    return built[0]


# -- web/ and the loader ----------------------------------------------------------------------


def _sync_tree(source: Path, target: Path, keep: set[str]) -> None:
    """Copy changed files of `source` into `target`; remove what `source` no longer has.
    Top-level names in `keep` belong to other build steps and are left alone."""
    wanted = set()
    for path in source.rglob("*"):
        relative = path.relative_to(source)
        if relative.parts[0] in keep or "__pycache__" in relative.parts:
            continue
        wanted.add(relative)
        destination = target / relative
        if path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        elif not _same_file(path, destination):
            destination.parent.mkdir(parents=True, exist_ok=True)
            _replace_file(destination, functools.partial(shutil.copy2, path))
    for path in sorted(target.rglob("*"), reverse=True):
        relative = path.relative_to(target)
        if relative.parts[0] in keep or relative in wanted:
            continue
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
        else:
            path.unlink()


def _same_file(source: Path, copy: Path) -> bool:
    # copy2 keeps the modification time: equal size and time means an earlier copy.
    try:
        theirs = copy.stat()
    except FileNotFoundError:
        return False
    ours = source.stat()
    if ours.st_size != theirs.st_size:
        return False
    return ours.st_mtime_ns == theirs.st_mtime_ns or source.read_bytes() == copy.read_bytes()


def _write_from_template(layout: SiteLayout, name: str, values: dict[str, object]) -> None:
    """web/<name> into the site with each placeholder replaced by its value as JSON; the
    file is written only when it changes. A placeholder missing from the template is a
    BuildError."""
    template = layout.root / "web" / name
    text = template.read_text(encoding="utf-8")
    for placeholder, value in values.items():
        if placeholder not in text:
            raise BuildError(f"{template} has lost its placeholder {placeholder}.")
        text = text.replace(placeholder, json.dumps(value))
    written = layout.out / name
    if not written.is_file() or written.read_text(encoding="utf-8") != text:
        _replace_file(written, lambda part: part.write_text(text, encoding="utf-8"))


def _wheel_urls(wheels: list[Path]) -> list[str]:
    # ?v= changes with the wheel's content, so a browser never runs a stale cached wheel.
    return [f"wheels/{wheel.name}?v={hashlib.sha256(wheel.read_bytes()).hexdigest()[:12]}" for wheel in wheels]


def _write_loader(layout: SiteLayout, urls: list[str], snapshots: dict[str, str] | None) -> None:
    _write_from_template(layout, LOADER, {
        PYODIDE_PATH_PLACEHOLDER: f"pyodide/{PYODIDE_VERSION}/",
        WHEELS_PLACEHOLDER: urls,
        WHEEL_DIR_PLACEHOLDER: BROWSER_WHEEL_DIR,
        SNAPSHOTS_PLACEHOLDER: snapshots,
    })


JS_CLIENT = "genesys-wwe-service.js"
REQUESTS_PLACEHOLDER = '{"__REQUESTS__": 0}'


def _write_js_client(layout: SiteLayout) -> None:
    """wwe-scapi's own genesys.wwe.service, with the catalogue's documented requests (name ->
    number of parameters) written in."""
    table = {name: len(spec.params) for name, spec in CATALOGUE.items() if name not in UNDOCUMENTED}
    _write_from_template(layout, JS_CLIENT, {REQUESTS_PLACEHOLDER: table})


def _replace_file(path: Path, write: Callable[[Path], object]) -> None:
    """Write `path` through a temporary neighbour and rename it into place, so a server
    running meanwhile, or an interrupted build, never leaves a half-written file."""
    part = path.with_name(f".{path.name}.part")
    write(part)
    os.replace(part, path)


def _say(quiet: bool, message: str) -> None:
    if not quiet:
        print(f"wwe-scapi build: {message}", file=sys.stderr)
