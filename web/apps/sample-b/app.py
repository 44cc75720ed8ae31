"""Sample B, "Team notes": notes broadcast by other apps on the `sample-notes` channel,
a few configuration options, the requests this app's origin may use, and the interactions
with buttons that call the API (answer, hold, resume, hang up, accept, mark done)."""

import asyncio
import json

from js import document
from pyodide.ffi import create_proxy

from wwe_scapi import RequestFailed, connect

service = connect()
root = document.getElementById("app")


def element(tag, text=None, **attributes):
    node = document.createElement(tag)
    if text is not None:
        node.textContent = text
    for name, value in attributes.items():
        node.setAttribute(name.replace("_", "-"), value)
    return node


root.appendChild(element("h2", "Notes from other apps"))
notes = element("ul", id="notes", aria_live="polite")
root.appendChild(notes)


def on_note(message):
    note = message.get("data") or {}
    notes.prepend(element("li", f"{note.get('from', '?')}: {note.get('text', json.dumps(note))}"))


await service.subscribe("messenger:sample-notes", on_note)

root.appendChild(element("h3", "Options (CustomAPI/test.*, voice.*)"))
options = await service.configuration.get_option(["CustomAPI/test.*", "voice.*"])
root.appendChild(element("pre", json.dumps(options, indent=2), id="options"))

allowed = await service.system.get_allowed_services()
root.appendChild(element("h3", f"This origin may use {len(allowed)} requests"))
root.appendChild(element("p", ", ".join(allowed), id="allowed"))

# -- interactions: what this app sees and can do through the API ---------------------------

keep = []  # click listener proxies live as long as the page
root.appendChild(element("h3", "Interactions"))
listing = element("ul", id="interactions", aria_live="polite")
problem = element("p", "", id="problem", role="alert")
root.append(listing, problem)

# Buttons offered by state: (label, coroutine factory).
ACTIONS = {
    "RINGING": [("Answer", service.voice.answer)],
    "INVITED": [("Accept", service.interaction.accept)],
    "TALKING": [("Hold", service.voice.hold), ("Hang up", service.voice.hang_up)],
    "HELD": [("Resume", service.voice.resume), ("Hang up", service.voice.hang_up)],
    "ACCEPTED": [("Mark done", service.interaction.markdone)],
    "IDLE": [("Mark done", service.interaction.markdone)],
}


def button(label, action, interaction_id):
    node = element("button", label, type="button")

    async def run():
        try:
            await action(interaction_id)
            problem.textContent = ""
        except RequestFailed as error:
            problem.textContent = error.error_message

    proxy = create_proxy(lambda _event: asyncio.ensure_future(run()))
    keep.append(proxy)
    node.addEventListener("click", proxy)
    return node


async def show_interactions(_message=None):
    items = []
    for interaction in await service.interaction.get_interactions():
        interaction_id = interaction["interactionId"]
        who = interaction["contact"].get("displayName", "")
        item = element("li", f"#{interaction_id} {interaction['media']} {interaction['state']} {who} ")
        for label, action in ACTIONS.get(interaction["state"], []):
            item.appendChild(button(label, action, interaction_id))
        items.append(item)
    listing.replaceChildren(*items)


await service.subscribe("interaction", show_interactions)
await show_interactions()
