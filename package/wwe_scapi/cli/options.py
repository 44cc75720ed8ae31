"""Agent Workspace options from the command line (`--option KEY=VALUE`) and from files
(`--config FILE`: `key=value` lines, `#` comments, optional `[section]` headers)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit


class OptionError(ValueError):
    """An option the user gave cannot be read; the message names it."""


def parse_option(text: str, where: str = "--option") -> tuple[str, str]:
    key, equals, value = text.partition("=")
    key = key.strip()
    if not equals:
        raise OptionError(f"{where} {text!r}: expected KEY=VALUE")
    if not key or key.startswith("/") or key.endswith("/"):
        raise OptionError(f"{where} {text!r}: the key is empty (expected 'name' or 'Section/name')")
    return key, value.strip()


def read_config_file(path: Path) -> dict[str, str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise OptionError(f"--config {path}: cannot read it ({error.strerror or error})") from None
    options: dict[str, str] = {}
    section = ""
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            if not section:
                raise OptionError(f"--config {path}, line {number}: empty [section] header")
            continue
        key, value = parse_option(line, where=f"--config {path}, line {number}:")
        options[f"{section}/{key}" if section and "/" not in key else key] = value
    return options


def option_is_set(options: dict[str, str], name: str) -> bool:
    """Whether `name` is set, plainly or as `interaction-workspace/name`."""
    return name in options or f"interaction-workspace/{name}" in options


def parse_app(text: str) -> dict[str, str]:
    """`--app URL` or `--app TITLE=URL` as {"title", "url"}; the title defaults to the URL's
    host and port. An `=` inside the URL (a query) is the URL's: a title never holds `://`."""
    title, equals, url = text.partition("=")
    if not equals or "://" in title:
        title, url = "", text
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise OptionError(f"--app {text!r}: expected an http(s) URL, or TITLE=URL")
    return {"title": title.strip() or parts.netloc, "url": url}
