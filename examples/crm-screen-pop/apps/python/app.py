"""CRM screen pop, in Python: on a ringing call, look the caller up in the CRM, show the
account and attach its id to the call (interaction.setUserData), for every app and the agent."""

from js import document

from crm import account_for
from wwe_scapi import connect

service = connect()
shown = document.getElementById("account")


async def on_interaction(message):
    data = message["data"]
    call = data.get("interaction") or {}
    if data.get("eventType") != "ADDED" or call.get("media") != "voice":
        return
    found = account_for(call.get("ani"))
    if found is None:
        shown.textContent = f"Unknown caller {call.get('ani')}"
        return
    account_id, name = found
    shown.textContent = f"{name} ({account_id})"
    await service.interaction.set_user_data(call["interactionId"], {"CRM_AccountId": account_id})


await service.subscribe(["interaction"], on_interaction)
