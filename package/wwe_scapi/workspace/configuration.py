"""Agent Workspace configuration options and the reference's option selectors
(`name`, `Section/name`, a trailing `*` wildcard, `Section/*` for a whole section; a `*`
starting a longer name, `*.mark-done`, is refused, as the reference says)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from wwe_scapi.workspace.errors import WorkspaceError

OptionValue = str | list[str]
DEFAULT_SECTION = "interaction-workspace"
WILDCARD = "*"


@dataclass(frozen=True, slots=True)
class _Pattern:
    text: str

    @property
    def is_prefix(self) -> bool:
        return self.text.endswith(WILDCARD)

    def matches(self, name: str) -> bool:
        if self.is_prefix:
            return name.startswith(self.text[:-1])
        return name == self.text


@dataclass(frozen=True, slots=True)
class OptionSelector:
    section: _Pattern
    option: _Pattern

    @classmethod
    def parse(cls, text: str) -> OptionSelector:
        section, slash, option = text.partition("/")
        if not slash:
            section, option = DEFAULT_SECTION, text
        for part, what in ((section, "section"), (option, "option")):
            _check_pattern(text, part, what)
        return cls(_Pattern(section), _Pattern(option))


def _check_pattern(selector: str, part: str, what: str) -> None:
    if not part:
        raise WorkspaceError(f"Invalid option selector {selector!r}: the {what} name is empty.")
    if part == WILDCARD and what == "option":
        return  # "Section/*": every option of that section (the vendor's sample page asks so)
    if part.startswith(WILDCARD):
        raise WorkspaceError(
            f"Invalid option selector {selector!r}: a '*' wildcard may not start the {what} name; "
            "use it at the end of a word only, e.g. 'voice.*'."
        )
    if WILDCARD in part[:-1]:
        raise WorkspaceError(
            f"Invalid option selector {selector!r}: a '*' wildcard is allowed only at the end."
        )


class ConfigurationStore:
    """Options by section. Values are strings or arrays of strings, as the reference returns them."""

    def __init__(self, sections: Mapping[str, Mapping[str, OptionValue]] | None = None) -> None:
        self._sections: dict[str, dict[str, OptionValue]] = {}
        for section, options in (sections or {}).items():
            for name, value in options.items():
                self.set(f"{section}/{name}", value)

    def set(self, key: str, value: OptionValue) -> None:
        """Set `Section/name` or `name` (in the default section)."""
        section, slash, name = key.partition("/")
        if not slash:
            section, name = DEFAULT_SECTION, key
        if not section or not name:
            raise WorkspaceError(f"Invalid option key {key!r}: expected 'name' or 'Section/name'.")
        self._sections.setdefault(section, {})[name] = _copy(value)

    def get(self, key: str, default: OptionValue | None = None) -> OptionValue | None:
        section, slash, name = key.partition("/")
        if not slash:
            section, name = DEFAULT_SECTION, key
        return _copy_value(self._sections.get(section, {}).get(name, default))

    def select(self, selectors: str | Iterable[str]) -> dict[str, dict[str, OptionValue]]:
        """The options matching any selector, as {section: {option: value}}."""
        texts = [selectors] if isinstance(selectors, str) else list(selectors)
        parsed = [OptionSelector.parse(text) for text in texts]  # refuse before answering
        result: dict[str, dict[str, OptionValue]] = {}
        for selector in parsed:
            for section, options in self._sections.items():
                if not selector.section.matches(section):
                    continue
                for name, value in options.items():
                    if selector.option.matches(name):
                        result.setdefault(section, {})[name] = _copy(value)
        return result

    def sections(self) -> dict[str, dict[str, OptionValue]]:
        return {section: dict(options) for section, options in self._sections.items()}


def _copy_value(value: OptionValue | None) -> OptionValue | None:
    return None if value is None else _copy(value)


def _copy(value: OptionValue) -> OptionValue:
    return list(value) if isinstance(value, list) else value
