"""An app author's code, type-checked against the package by tests/unit/test_typecheck.py: the
results are typed, so the one wrong line below is the one mypy reports."""

from __future__ import annotations

from wwe_scapi import Agent, Interaction, MemoryNetwork, RequestFailed, build_service


async def main() -> None:
    network = MemoryNetwork()
    service = build_service({"service-client-api.accepted-web-content-origins": "http://a.test"}, transport=network.service_side)
    client = network.connect("http://a.test")
    agent: Agent = await client.agent.get()
    username: str = agent["username"]
    call = service.workspace.scenario.ring_inbound_call()
    found: Interaction | None = await client.interaction.get_by_interaction_id(call.interaction_id)
    visible: bool = await client.system.am_i_visible()
    try:
        toast: str = await client.system.popup_toast({"title": "Hello", "autoHideTimeout": 5000})
    except RequestFailed as error:
        print(error.error_message)
    print(username, found, visible, toast)
    wrong: int = agent["firstname"]  # the one error: a str is not an int
    print(wrong)
