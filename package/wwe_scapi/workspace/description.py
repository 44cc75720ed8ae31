"""A workspace described as data (`serve --workspace FILE.toml`): the agent, their media and
state list, the directory, options, campaigns and web-content apps, so that a test suite's
contact centre lives in its repo. Read and checked here, once by the server (from TOML) and
again by the desktop page (from /config.json, as JSON); every fault names its key."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from wwe_scapi.workspace.configuration import OptionValue
from wwe_scapi.workspace.defaults import DEFAULT_AGENT
from wwe_scapi.workspace.directory import Colleague, Directory
from wwe_scapi.workspace.states import EVENT_ONLY_TYPES, AgentState, StateType

TOP_LEVEL: Final = ("agent", "media", "initial_state", "states", "options", "directory", "campaigns", "apps", "requirements")
AGENT_KEYS: Final = tuple(DEFAULT_AGENT)
STATE_KEYS: Final = ("type", "displayName", "operationName", "reason", "reasonCode")
DIRECTORY_LISTS: Final = ("agent_groups", "skills", "interaction_queues", "routing_points", "workbins")
COLLEAGUE_KEYS: Final = ("employeeId", "name", "number")
CAMPAIGN_KEYS: Final = ("name", "mode", "description", "records", "fields", "running")
APP_KEYS: Final = ("title", "url")


class DescriptionError(ValueError):
    """A workspace description that cannot be served; the message names the key."""


@dataclass(frozen=True, slots=True)
class CampaignDescription:
    name: str
    mode: str
    description: str
    records: tuple[Any, ...]  # {field: value} or lists of them (a chain), as load_campaign takes
    fields: tuple[Mapping[str, Any], ...] | None
    running: bool


@dataclass(frozen=True, slots=True)
class WorkspaceDescription:
    agent: Mapping[str, str] | None = None
    media: Mapping[str, str | None] | None = None
    initial_state: str | None = None
    states: tuple[AgentState, ...] | None = None
    options: Mapping[str, OptionValue] = field(default_factory=dict)
    directory: Directory | None = None
    campaigns: tuple[CampaignDescription, ...] | None = None  # None: the default campaigns
    apps: tuple[Mapping[str, str], ...] = ()
    requirements: tuple[str, ...] = ()  # apps' PyPI requirements the desktop's server serves

    def workspace_arguments(self) -> dict[str, Any]:
        """Keyword arguments of Workspace(...) for what the description sets."""
        arguments: dict[str, Any] = {}
        if self.agent is not None:
            arguments["agent"] = self.agent
        if self.media is not None:
            arguments["media"] = self.media
        if self.states is not None:
            arguments["state_list"] = self.states
        if self.initial_state is not None:
            arguments["initial_state"] = self.initial_state
        if self.directory is not None:
            arguments["directory"] = self.directory
        if self.campaigns is not None:
            arguments["campaigns"] = tuple
        return arguments


def read_description(data: Any, source: str = "the workspace file") -> WorkspaceDescription:
    """Check `data` (a TOML document as tomllib reads it, or its JSON copy) and read it."""
    table = _table(data, source)
    _known(table, TOP_LEVEL, source)
    agent = _agent(table["agent"], f"{source}: [agent]") if "agent" in table else None
    media = _media(table["media"], f"{source}: [media]") if "media" in table else None
    states = _states(table["states"], f"{source}: [[states]]") if "states" in table else None
    initial = _text(table["initial_state"], f"{source}: initial_state") if "initial_state" in table else None
    listed = states if states is not None else None
    if initial is None and listed is not None and "NotReady" not in {state.operation_name for state in listed}:
        initial = listed[0].operation_name  # the default NotReady is not in this list: its first
    if initial is not None and listed is not None and initial not in {state.operation_name for state in listed}:
        raise DescriptionError(
            f"{source}: initial_state {initial!r} is not an operationName of [[states]] "
            f"({', '.join(state.operation_name for state in listed)})"
        )
    return WorkspaceDescription(
        agent=agent,
        media=media,
        initial_state=initial,
        states=states,
        options=_options(table.get("options", {}), f"{source}: [options]"),
        directory=_directory(table["directory"], f"{source}: [directory]") if "directory" in table else None,
        campaigns=_campaigns(table["campaigns"], f"{source}: [[campaigns]]") if "campaigns" in table else None,
        apps=_apps(table.get("apps", []), f"{source}: [[apps]]"),
        requirements=tuple(
            _text(item, f"{source}: requirements") for item in _list(table.get("requirements", []), f"{source}: requirements")
        ),
    )


# -- the parts ------------------------------------------------------------------------------------


def _table(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise DescriptionError(f"{where}: expected a table, got {_kind(value)}")
    return value


def _known(table: Mapping[str, Any], keys: Sequence[str], where: str) -> None:
    unknown = [key for key in table if key not in keys]
    if unknown:
        raise DescriptionError(f"{where}: unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; the keys are {', '.join(keys)}")


def _text(value: Any, where: str, *, empty: bool = False) -> str:
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise DescriptionError(f"{where}: expected {'text' if empty else 'non-empty text'}, got {_kind(value)}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise DescriptionError(f"{where}: expected a list, got {_kind(value)}")
    return value


def _entries(value: Any, where: str, keys: Sequence[str]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Each table of an array of tables, with where it is ("[[states]] #2"), its keys checked."""
    for index, item in enumerate(_list(value, where), 1):
        at = f"{where} #{index}"
        table = _table(item, at)
        _known(table, keys, at)
        yield at, table


def _agent(value: Any, where: str) -> dict[str, str]:
    table = _table(value, where)
    _known(table, AGENT_KEYS, where)
    missing = [key for key in AGENT_KEYS if key not in table]
    if missing:
        raise DescriptionError(f"{where}: missing {', '.join(missing)} (an agent has {', '.join(AGENT_KEYS)})")
    return {key: _text(table[key], f"{where} {key}") for key in AGENT_KEYS}


def _media(value: Any, where: str) -> dict[str, str | None]:
    table = _table(value, where)
    if not table:
        raise DescriptionError(f"{where}: the agent needs at least one media, e.g. voice = \"5001\"")
    # name = the voice device's number, or "" for a media without a device (chat, email)
    return {_text(name, f"{where} name"): (_text(number, f"{where} {name}", empty=True) or None) for name, number in table.items()}


def _states(value: Any, where: str) -> tuple[AgentState, ...]:
    states = []
    for at, table in _entries(value, where, STATE_KEYS):
        kind = _text(table.get("type"), f"{at} type")
        try:
            state_type = StateType(kind)
        except ValueError:
            raise DescriptionError(f"{at} type: {kind!r} is not a state type ({', '.join(t.value for t in StateType)})") from None
        if state_type in EVENT_ONLY_TYPES:
            raise DescriptionError(f"{at} type: {kind} is reported by events only; an agent cannot choose it")
        reason = table.get("reason")
        states.append(
            AgentState(
                state_type,
                _text(table.get("displayName"), f"{at} displayName"),
                _text(table.get("operationName"), f"{at} operationName"),
                _text(reason, f"{at} reason") if reason is not None else None,
                _text(table.get("reasonCode", ""), f"{at} reasonCode", empty=True) if reason is not None else None,
            )
        )
    names = [state.operation_name for state in states]
    if not states or len(set(names)) != len(names):
        raise DescriptionError(f"{where}: expected at least one state, each operationName once (got {names})")
    return tuple(states)


def _options(value: Any, where: str) -> dict[str, OptionValue]:
    table = _table(value, where)
    options: dict[str, OptionValue] = {}
    for key, option in table.items():
        if isinstance(option, bool):
            options[key] = "true" if option else "false"
        elif isinstance(option, (str, int, float)):
            options[key] = str(option)
        elif isinstance(option, list) and all(isinstance(item, str) for item in option):
            options[key] = list(option)
        else:
            raise DescriptionError(f'{where} "{key}": expected text, a number, true/false or a list of text, got {_kind(option)}')
    return options


def _directory(value: Any, where: str) -> Directory:
    table = _table(value, where)
    _known(table, ("colleagues", *DIRECTORY_LISTS), where)
    arguments: dict[str, Any] = {}
    if "colleagues" in table:
        colleagues = []
        for at, entry in _entries(table["colleagues"], f"{where} colleagues", COLLEAGUE_KEYS):
            colleagues.append(Colleague(*(_text(entry.get(key), f"{at} {key}") for key in COLLEAGUE_KEYS)))
        arguments["colleagues"] = tuple(colleagues)
    for name in DIRECTORY_LISTS:
        if name in table:
            arguments[name] = tuple(_text(item, f"{where} {name}") for item in _list(table[name], f"{where} {name}"))
    return Directory(**arguments)


def _campaigns(value: Any, where: str) -> tuple[CampaignDescription, ...]:
    campaigns = []
    for at, table in _entries(value, where, CAMPAIGN_KEYS):
        name = _text(table.get("name"), f"{at} name")
        running = table.get("running", False)
        if not isinstance(running, bool):
            raise DescriptionError(f"{at} ({name}) running: expected true or false, got {_kind(running)}")
        fields = table.get("fields")
        campaigns.append(
            CampaignDescription(
                name,
                _text(table.get("mode", "Preview"), f"{at} ({name}) mode"),
                _text(table.get("description", ""), f"{at} ({name}) description", empty=True),
                tuple(_list(table.get("records", []), f"{at} ({name}) records")),
                tuple(_table(spec, f"{at} ({name}) fields") for spec in _list(fields, f"{at} ({name}) fields")) if fields is not None else None,
                running,
            )
        )
    return tuple(campaigns)


def _apps(value: Any, where: str) -> tuple[dict[str, str], ...]:
    apps = []
    for at, table in _entries(value, where, APP_KEYS):
        url = _text(table.get("url"), f"{at} url")
        if not url.startswith(("http://", "https://")):
            raise DescriptionError(f"{at} url: expected an http(s) URL, got {url!r}")
        apps.append({"title": _text(table.get("title", url), f"{at} title"), "url": url})
    return tuple(apps)


def _kind(value: Any) -> str:
    names = {str: "text", bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a table"}
    return f"{names.get(type(value), type(value).__name__)} {value!r}"[:120]
