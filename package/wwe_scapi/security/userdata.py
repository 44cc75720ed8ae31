"""`service-client-api.user-data.write-allowed` / `.read-allowed`: which attached-data keys
apps may write, and which they may see in any `userData` that leaves the service."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

WRITE_OPTION = "service-client-api.user-data.write-allowed"
READ_OPTION = "service-client-api.user-data.read-allowed"


@dataclass(frozen=True, slots=True)
class KeyAllowList:
    """None means every key (the option unset, or `*`)."""

    keys: frozenset[str] | None = None

    @classmethod
    def parse(cls, text: str | list[str] | None) -> KeyAllowList:
        if text is None:
            return cls()
        items = text if isinstance(text, list) else text.split(",")
        keys = frozenset(item.strip() for item in items if item.strip())
        if "*" in keys:
            return cls()
        return cls(keys)

    def allows(self, key: str) -> bool:
        return self.keys is None or key in self.keys

    def forbidden(self, keys: Iterable[str]) -> list[str]:
        return [key for key in keys if not self.allows(key)]

    def filter(self, user_data: Mapping[str, Any]) -> dict[str, Any]:
        if self.keys is None:
            return dict(user_data)
        return {key: value for key, value in user_data.items() if key in self.keys}


def filter_user_data_everywhere(value: Any, readable: KeyAllowList) -> Any:
    """A copy of a response or event payload where every `userData` object shows only
    readable keys, however deep it sits (interaction objects, lists of them...)."""
    if readable.keys is None:
        return value
    if isinstance(value, dict):
        return {
            key: (
                readable.filter(item)
                if key == "userData" and isinstance(item, dict)
                else filter_user_data_everywhere(item, readable)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [filter_user_data_everywhere(item, readable) for item in value]
    return value
