"""The simulated desktop's site, served on free local ports for the plugin's tests: built once
per session, one server per set of app folders, the desktop's options and apps swapped per
test (the page reads them at /config.json when it opens)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

from wwe_scapi.cli.main import default_accepted_origins
from wwe_scapi.cli.options import option_is_set
from wwe_scapi.cli.server import Origin, RunningSite, serve_site
from wwe_scapi.cli.server import free_port as free_port  # the plugin's users import it from here
from wwe_scapi.cli.sitebuild import build_site
from wwe_scapi.security.origins import OPTION as ORIGINS_OPTION
from wwe_scapi.service.setup import build_service

# The desktop on 127.0.0.1, the app origins alternating host and port, so that neighbouring
# origins differ in both (as the samples of `serve` do).
DESKTOP_HOST: Final = "127.0.0.1"
APP_HOSTS: Final = ("localhost", "127.0.0.1")
SPARE_APP_ORIGINS: Final = 4  # app origins beyond the folders, for apps given as "/path" (one each, in turn)

App = str | Path


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True, slots=True)
class EmbeddedApp:
    title: str
    url: str

    @property
    def origin(self) -> str:
        return origin_of(self.url)


class SitePool:
    """Running sites by the folders they mount; `stop()` ends them all."""

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._sites: dict[tuple[Path, ...], RunningSite] = {}
        self._requirements: set[str] = set()

    def site_for(self, folders: Sequence[Path], requirements: Sequence[str] = ()) -> RunningSite:
        """A site whose app origin i+1 serves folders[i] at /wwe-app-<i>/ (every origin serves
        the desktop's files too: apps import the loader from their own origin), and the apps'
        PyPI `requirements` (every requirement asked for in the session so far)."""
        wanted = set(requirements)
        if self._folder is None or not wanted <= self._requirements:
            self._requirements |= wanted
            self._folder = build_site(quiet=True, requirements=sorted(self._requirements))
        key = tuple(folder.resolve() for folder in folders)
        running = self._sites.get(key)
        if running is None:
            origins = [Origin(DESKTOP_HOST, free_port())]
            for index in range(len(key) + SPARE_APP_ORIGINS):
                host = APP_HOSTS[index % len(APP_HOSTS)]
                origins.append(Origin(host, free_port()))
            mounts = {f"/wwe-app-{index}/": folder for index, folder in enumerate(key)}
            running = serve_site(self._folder, origins, config={}, mounts=mounts)
            self._sites[key] = running
        return running

    def stop(self) -> None:
        for running in self._sites.values():
            running.stop()
        self._sites.clear()


def resolve_apps(apps: Sequence[App | tuple[str, App]]) -> tuple[list[Path], list[tuple[str | None, App]]]:
    """The folders to mount (one per app given as a path) and the apps with their titles."""
    folders: list[Path] = []
    titled: list[tuple[str | None, App]] = []
    for item in apps:
        title, app = item if isinstance(item, tuple) else (None, item)
        if isinstance(app, Path):
            path = app.resolve()
            if not path.exists():
                raise FileNotFoundError(f"wwe_desktop: the app {app} does not exist")
            folder = path if path.is_dir() else path.parent
            if folder not in folders:
                folders.append(folder)
        elif not isinstance(app, str):
            raise TypeError(f"wwe_desktop: an app is a URL (str), a '/path' on the app origins or a pathlib.Path, not {app!r}")
        titled.append((title, app))
    return folders, titled


def app_urls(site: RunningSite, folders: Sequence[Path], titled: Sequence[tuple[str | None, App]]) -> list[EmbeddedApp]:
    """Each app's URL: a path's on the origin serving its folder, a "/path" on the first app
    origins (one each, in turn), a URL as it is."""
    spare = site.origins[1 + len(folders):]
    out: list[EmbeddedApp] = []
    slashed = 0
    for index, (title, app) in enumerate(titled):
        if isinstance(app, Path):
            path = app.resolve()
            folder_index = folders.index(path if path.is_dir() else path.parent)
            tail = "" if path.is_dir() else path.name
            url = f"{site.origins[1 + folder_index]}/wwe-app-{folder_index}/{tail}"
        elif app.startswith("/"):
            url = spare[slashed % len(spare)] + app
            slashed += 1
        else:
            url = app
        out.append(EmbeddedApp(title or f"App {index + 1}", url))
    return out


def _option_text(value: Any) -> str:
    """Options are text, as in the Agent Workspace's configuration: True is "true"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(str(item) for item in value)
    return str(value)


def desktop_config(apps: Sequence[EmbeddedApp], options: Mapping[str, Any], strict: bool) -> dict[str, Any]:
    """What /config.json answers: the options, with the apps' origins accepted unless the
    options say which origins are (as `serve` does). Raises PolicyConfigError (a ValueError
    naming the option) for an invalid option, as `serve` refuses to start."""
    chosen = {key: _option_text(value) for key, value in options.items()}
    build_service(chosen)  # a bad option is refused here, naming it, before a page opens
    listed = [{"title": app.title, "url": app.url} for app in apps]
    if not option_is_set(chosen, ORIGINS_OPTION):
        accepted = default_accepted_origins(listed, chosen)
        if accepted:
            chosen[ORIGINS_OPTION] = accepted
    return {"options": chosen, "apps": listed, "strict": strict}
