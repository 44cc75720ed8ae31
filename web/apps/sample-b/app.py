"""Sample B, "Team notes": notes broadcast by other apps on the `sample-notes` channel,
a few configuration options, and the requests this app's origin may use."""

import json

from js import document

from wwe_scapi.browser import connect

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
