"""Greeter, in Python: greets the agent by the name the host's contact centre gives, and tags
each arriving call for the CRM (interaction.setUserData), which the host's back end confirms."""

from js import document

from wwe_scapi import connect

service = connect()
agent = await service.agent.get()
options = await service.configuration.get_option("crm.url")
document.getElementById("agent").textContent = f"Hello {agent['firstname']} · CRM at {options['interaction-workspace']['crm.url']}"


async def on_interaction(message):
    data = message["data"]
    call = data["interaction"]
    document.getElementById("call").textContent = f"{data['eventType']}: {call.get('ani')} {call['userData']}"
    if data["eventType"] == "ADDED":
        await service.interaction.set_user_data(call["interactionId"], {"GreetedBy": agent["username"]})


await service.subscribe(["interaction"], on_interaction)
