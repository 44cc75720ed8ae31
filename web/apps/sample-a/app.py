"""Sample A, "Agent panel": who the agent is, their state, and a way to change it;
every agent and media event as it arrives; a note broadcast to the other apps."""

import asyncio
import inspect
import json

from js import document
from pyodide.ffi import create_proxy

from wwe_scapi import RequestFailed, connect

service = connect()
root = document.getElementById("app")
keep = []  # event listener proxies live as long as the page


def element(tag, text=None, **attributes):
    node = document.createElement(tag)
    if text is not None:
        node.textContent = text
    for name, value in attributes.items():
        node.setAttribute(name.replace("_", "-"), value)
    return node


def on_click(node, handler):
    def run(event):
        result = handler(event)
        if inspect.isawaitable(result):
            asyncio.ensure_future(result)

    proxy = create_proxy(run)
    keep.append(proxy)
    node.addEventListener("click", proxy)


agent = await service.agent.get()
states = await service.agent.get_state_list()

root.appendChild(element("h2", f"{agent['firstname']} {agent['lastname']}", id="agent-name"))
state_line = element("p", "", id="agent-state", aria_live="polite")
root.appendChild(state_line)


async def show_state():
    state = await service.agent.get_state()
    state_line.textContent = f"State: {state['displayName']}"
    state_line.setAttribute("data-state", state["type"])


async def set_state(operation_name):
    try:
        await service.agent.set_state(operation_name)
    except RequestFailed as error:
        status.textContent = str(error)


buttons = element("div", role="group", aria_label="Change state")
for state in states:
    button = element("button", state["displayName"], type="button", data_operation=state["operationName"])
    on_click(button, lambda _event, name=state["operationName"]: set_state(name))
    buttons.appendChild(button)
root.appendChild(buttons)

root.appendChild(element("h3", "Send a note to the other apps"))
note = element("input", id="note-text", aria_label="Note", value="Customer asked for a callback")
send = element("button", "Broadcast", id="note-send", type="button")
status = element("p", "", id="status", aria_live="polite")


async def broadcast(_event):
    delivered = await service.messenger.broadcast_message("sample-notes", {"text": note.value, "from": agent["username"]})
    status.textContent = f"Delivered to {delivered} app(s)."


on_click(send, broadcast)
root.append(note, send, status)

root.appendChild(element("h3", "Events"))
events = element("ol", id="events")
root.appendChild(events)


async def on_event(message):
    data = message.get("data") or {}
    events.prepend(element("li", f"{message['event']} {data.get('eventType', '')}: {json.dumps(data)}"))
    if message["event"] == "agent":
        await show_state()


await service.subscribe(["agent", "media"], on_event)
await show_state()
