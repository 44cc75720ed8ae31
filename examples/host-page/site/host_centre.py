"""The host page's own contact centre (a wwe-scapi ContactCentre): the agent, its states, the
media and the options come from the page's JSON file; interactions arrive from the back end's
stream of server-sent events; what apps write goes to the back end, which confirms it on the
stream. Plain Python, no browser: the page gives it the JSON and a back end to post to
(centre.py), the tests give it theirs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from wwe_scapi.service.centre import Caller, CentreEvents
from wwe_scapi.service.errors import RequestError
from wwe_scapi.workspace.configuration import ConfigurationStore

Post = Callable[[str, dict[str, Any]], Awaitable[Any]]  # (path on the back end, JSON body) -> its answer


class JsonCentre(CentreEvents):
    """Answers agent.get/getState/getStateList/setState, media.getMediaList,
    configuration.getOption, interaction.getInteractions/getByInteractionId/setUserData; any
    other request fails, naming what this centre lacks (the service says so)."""

    def __init__(self, data: dict[str, Any], post: Post) -> None:
        super().__init__()
        self._agent = dict(data["agent"])
        self._states: list[dict[str, Any]] = [dict(state) for state in data["states"]]
        self._state = dict(self._states[0])
        self._media = [dict(media) for media in data.get("media", [])]
        self._options = ConfigurationStore(data.get("options", {}))
        self._interactions: dict[str, dict[str, Any]] = {}
        self._post = post

    # -- what apps ask ------------------------------------------------------------------------

    def agent_get(self, caller: Caller) -> dict[str, Any]:
        return dict(self._agent)

    def agent_get_state(self, caller: Caller) -> dict[str, Any]:
        return dict(self._state)

    def agent_get_state_list(self, caller: Caller) -> list[dict[str, Any]]:
        return [dict(state) for state in self._states]

    async def agent_set_state(self, caller: Caller, state: str | int) -> None:
        chosen = self._state_of(state)
        await self._post("/agent/state", {"operationName": chosen["operationName"], "by": caller.origin})

    def media_get_media_list(self, caller: Caller) -> list[dict[str, Any]]:
        return [{**media, "state": dict(self._state)} for media in self._media]

    def configuration_get_option(self, caller: Caller, options: str | list[str]) -> dict[str, dict[str, Any]]:
        try:
            return self._options.select(options)
        except ValueError as error:
            raise RequestError(f"configuration.getOption: {error}") from None

    def interaction_get_interactions(self, caller: Caller) -> list[dict[str, Any]]:
        return list(self._interactions.values())

    def interaction_get_by_interaction_id(self, caller: Caller, interaction_id: str) -> dict[str, Any] | None:
        return self._interactions.get(interaction_id)

    async def interaction_set_user_data(self, caller: Caller, interaction_id: str, key_values: dict[str, Any]) -> None:
        if interaction_id not in self._interactions:
            raise RequestError(f"interaction.setUserData: no interaction {interaction_id!r} on this desk.")
        await self._post(f"/interactions/{interaction_id}/user-data", key_values)

    # -- what the back end says ---------------------------------------------------------------

    def back_end_event(self, kind: str, data: dict[str, Any]) -> None:
        """One event of the back end's stream: the centre's own state first, then the apps'
        event. `interaction`: {"eventType", "interaction"}; `agent`: {"operationName"}."""
        if kind == "interaction":
            interaction = data["interaction"]
            if data["eventType"] == "REMOVED":
                self._interactions.pop(interaction["interactionId"], None)
            else:
                self._interactions[interaction["interactionId"]] = interaction
            self.publish("interaction", {"eventType": data["eventType"], "media": interaction["media"], "interaction": interaction})
        elif kind == "agent":
            self._state = dict(self._state_of(data["operationName"]))
            fields = {key: self._state[key] for key in ("reason", "reasonCode") if key in self._state}
            self.publish("agent", {"eventType": "STATE_CHANGED", "mediaState": self._state["type"], **fields})

    def _state_of(self, choice: str | int) -> dict[str, Any]:
        if isinstance(choice, int):
            if 0 <= choice < len(self._states):
                return self._states[choice]
        else:
            for state in self._states:
                if state["operationName"] == choice:
                    return state
        names = ", ".join(state["operationName"] for state in self._states)
        raise RequestError(f"agent.setState: {choice!r} is not one of this desk's states ({names}).")
