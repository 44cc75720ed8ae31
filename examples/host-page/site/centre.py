# The page's contact centre, run by startService before any frame is served (top-level await
# allowed): the JSON file's agent and options, the back end's event stream, the back end's
# answers to what apps write. It leaves the centre in the global `centre`.
import json

from js import EventSource
from pyodide.ffi import create_proxy
from pyodide.http import pyfetch

from host_centre import JsonCentre
from wwe_scapi.service.errors import RequestError


async def post(path, body):
    """To the back end; a refusal there is the app's failure, with the back end's reason."""
    response = await pyfetch(path.lstrip("/"), method="POST", body=json.dumps(body), headers={"Content-Type": "application/json"})
    answer = await response.json()
    if not response.ok:
        raise RequestError(f"the host's back end answered {response.status}: {answer.get('error')}")
    return answer


data = await (await pyfetch("contact-centre.json")).json()
centre = JsonCentre(data, post)

stream = EventSource.new("events")
listeners = []  # held for the page's life: the stream calls them
for kind in ("interaction", "agent"):
    listener = create_proxy(lambda event, kind=kind: centre.back_end_event(kind, json.loads(event.data)))
    listeners.append(listener)
    stream.addEventListener(kind, listener)
