"""Web content: the apps the desktop embeds, described by option sections as in the real
Agent Workspace. `interaction-workspace/interaction.web-content` lists section names; each
section has `url`, `title` (default: the section name) and `visibility`:
TAB (a tab of the apps area, the default), POPUP (a window the agent opens; it talks through
window.opener), BACKGROUND (loaded, running, never shown) or HIDDEN (configured, not loaded).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from wwe_scapi.workspace.configuration import ConfigurationStore
from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.params import is_http_url

WEB_CONTENT_OPTION = "interaction.web-content"


class Placement(enum.StrEnum):
    TAB = "TAB"
    POPUP = "POPUP"
    BACKGROUND = "BACKGROUND"
    HIDDEN = "HIDDEN"


@dataclass(frozen=True, slots=True)
class WebContent:
    name: str
    url: str
    title: str
    placement: Placement


def web_contents(configuration: ConfigurationStore) -> list[WebContent]:
    """The apps the options describe, in the order listed; a bad section is refused by name."""
    listed = configuration.get(WEB_CONTENT_OPTION) or []
    names = listed if isinstance(listed, list) else [n.strip() for n in listed.split(",")]
    return [_section(configuration, name) for name in names if name]


def _section(configuration: ConfigurationStore, name: str) -> WebContent:
    where = f"{WEB_CONTENT_OPTION}: section {name!r}"
    url = configuration.get(f"{name}/url")
    if not isinstance(url, str) or not url:
        raise WorkspaceError(f"{where} needs a url option ({name}/url).")
    if not is_http_url(url):
        raise WorkspaceError(f"{where}: url must be an absolute http(s) URL, got {url!r}.")
    title = configuration.get(f"{name}/title") or name
    visibility = configuration.get(f"{name}/visibility") or Placement.TAB.value
    try:
        placement = Placement(str(visibility).upper())
    except ValueError:
        raise WorkspaceError(
            f"{where}: visibility must be one of {', '.join(Placement)}, got {visibility!r}."
        ) from None
    return WebContent(name, url, str(title), placement)
