"""What `serve` warns of before it starts: option names the Agent Workspace does not know (with
the nearest known one), and embedded apps whose origin the desktop would refuse."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from wwe_scapi.security.origins import OPTION as ORIGINS_OPTION
from wwe_scapi.security.origins import OriginPolicy
from wwe_scapi.security.policy import QUARANTINE_OPTION, RATE_LIMIT_OPTION
from wwe_scapi.security.userdata import READ_OPTION, WRITE_OPTION
from wwe_scapi.workspace import autoanswer, tokens
from wwe_scapi.workspace.configuration import DEFAULT_SECTION
from wwe_scapi.workspace.defaults import DEFAULT_OPTIONS

KNOWN_OPTIONS = frozenset(DEFAULT_OPTIONS[DEFAULT_SECTION]) | {
    ORIGINS_OPTION,
    RATE_LIMIT_OPTION,
    QUARANTINE_OPTION,
    READ_OPTION,
    WRITE_OPTION,
} | autoanswer.OPTIONS | tokens.OPTIONS


def unknown_option_warnings(names: Iterable[str]) -> list[str]:
    """Options of the default section (`name` or `interaction-workspace/name`) that the desktop
    does not know; options of other sections are the deployment's own and are not judged."""
    warnings = []
    for given in names:
        section, slash, name = given.rpartition("/")
        if slash and section != DEFAULT_SECTION:
            continue
        if name in KNOWN_OPTIONS or name.startswith(RATE_LIMIT_OPTION + "."):
            continue
        nearest = difflib.get_close_matches(name, sorted(KNOWN_OPTIONS), n=1, cutoff=0.6)
        hint = f" Did you mean {nearest[0]!r}?" if nearest else ""
        warnings.append(
            f"option {given!r} is not one the simulated Agent Workspace uses (it is kept, and "
            f"configuration.getOption answers it).{hint}"
        )
    return warnings


def refused_app_warnings(urls: Iterable[str], options: Mapping[str, object]) -> list[str]:
    """Embedded apps whose origin accepted-web-content-origins does not accept."""
    value = options.get(ORIGINS_OPTION, options.get(f"{DEFAULT_SECTION}/{ORIGINS_OPTION}"))
    policy = OriginPolicy.parse(value if isinstance(value, str) else None)
    warnings = []
    for url in urls:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        if not policy.accepts_origin(origin):
            warnings.append(
                f"--app {url}: its origin {origin} is not accepted by {ORIGINS_OPTION}, "
                "so the desktop will refuse every request it sends"
            )
    return warnings
