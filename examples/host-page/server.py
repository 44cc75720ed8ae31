"""The host page's back end: serves the page (site/), its JSON file, and a stream of
server-sent events on which interactions arrive; takes what apps write (user data, the agent's
state) and confirms it on the stream. Standard library only.

    python3 examples/host-page/server.py --wwe http://127.0.0.1:8700/ \\
        --app "CRM=http://localhost:8701/..." --app "Notes=http://127.0.0.1:8702/..."

then open http://127.0.0.1:8800/ and make a call arrive:

    curl -d '{"ani": "+15550100"}' http://127.0.0.1:8800/calls
"""

from __future__ import annotations

import argparse
import itertools
import json
import queue
import threading
from collections.abc import Iterator
from datetime import datetime, timezone
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

SITE = Path(__file__).resolve().parent / "site"
HEARTBEAT_S = 15.0  # a comment line on an idle stream, so proxies keep it open


class BackEnd:
    """The host's contact centre as its server knows it: calls, their user data, the agent's
    state; every change goes to each open event stream."""

    def __init__(self, wwe: str, apps: list[dict[str, str]], refused: list[dict[str, str]]) -> None:
        self.wwe, self.apps, self.refused = wwe, apps, refused
        self.interactions: dict[str, dict[str, Any]] = {}
        self.agent_state = "NotReady"
        self._streams: list[queue.Queue[str | None]] = []
        self._lock = threading.Lock()
        self._ids = itertools.count(1)

    def host_json(self) -> dict[str, Any]:
        """What the page needs to start: the loader's address, the apps it embeds and the
        origins it serves: every app's, with the requests it may make when the app says
        ("requests": "agent.*, interaction.*"); a refused app is embedded, not served."""
        origins = ", ".join(
            _origin(app["url"]) + (f" ({app['requests']})" if app.get("requests") else "") for app in self.apps
        )
        return {"wwe": self.wwe, "apps": self.apps, "refused": self.refused, "accept": origins}

    def stream(self) -> Iterator[str]:
        """One page's stream: what is there now, then every change."""
        events: queue.Queue[str | None] = queue.Queue()
        with self._lock:
            self._streams.append(events)
            for interaction in self.interactions.values():
                events.put(_event("interaction", {"eventType": "ADDED", "interaction": interaction}))
        try:
            while True:
                try:
                    event = events.get(timeout=HEARTBEAT_S)
                except queue.Empty:
                    yield ": still here\n\n"
                    continue
                if event is None:
                    return
                yield event
        finally:
            with self._lock:
                self._streams.remove(events)

    def close(self) -> None:
        with self._lock:
            for events in self._streams:
                events.put(None)

    def _push(self, kind: str, data: dict[str, Any]) -> None:
        with self._lock:
            for events in self._streams:
                events.put(_event(kind, data))

    def call_arrives(self, ani: str, user_data: dict[str, Any]) -> dict[str, Any]:
        number = next(self._ids)
        interaction = {
            "interactionId": f"host-call-{number}", "parentInteractionId": None, "caseId": f"host-case-{number}",
            "media": "voice", "userData": dict(user_data), "state": "RINGING", "previousState": "UNKNOWN",
            "parties": [{"name": ani}], "isConsultation": False, "isMainCaseInteraction": True,
            "isCaseSelected": True, "isCaseExpanded": True, "contact": {"displayName": ani},
            "interactionUUID": f"host-uuid-{number}", "capabilities": ["answer"], "startDate": _now(),
            "endDate": None, "direction": "IN", "callType": "Inbound", "ani": ani, "dnis": "8001",
        }
        with self._lock:
            self.interactions[interaction["interactionId"]] = interaction
        self._push("interaction", {"eventType": "ADDED", "interaction": interaction})
        return interaction

    def set_user_data(self, interaction_id: str, key_values: dict[str, Any]) -> dict[str, Any] | None:
        with self._lock:
            interaction = self.interactions.get(interaction_id)
            if interaction is None:
                return None
            interaction["userData"] = {**interaction["userData"], **key_values}
        self._push("interaction", {"eventType": "ATTACHED_DATA_CHANGED", "interaction": interaction})
        return interaction

    def end_call(self, interaction_id: str) -> dict[str, Any] | None:
        with self._lock:
            interaction = self.interactions.pop(interaction_id, None)
        if interaction is not None:
            interaction = {**interaction, "state": "IDLE", "previousState": interaction["state"], "endDate": _now()}
            self._push("interaction", {"eventType": "REMOVED", "interaction": interaction})
        return interaction

    def set_agent_state(self, operation_name: str) -> None:
        self.agent_state = operation_name
        self._push("agent", {"operationName": operation_name})


def _event(kind: str, data: dict[str, Any]) -> str:
    return f"event: {kind}\ndata: {json.dumps(data)}\n\n"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class Handler(SimpleHTTPRequestHandler):
    back_end: BackEnd

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(SITE), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the tests read no access log
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path == "/host.json":
            self._json(200, self.back_end.host_json())
        elif path == "/events":
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            try:
                for chunk in self.back_end.stream():
                    self.wfile.write(chunk.encode())
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the page went away
        else:
            super().do_GET()

    def do_POST(self) -> None:
        path = urlsplit(self.path).path.strip("/").split("/")
        try:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        except json.JSONDecodeError as error:
            self._json(400, {"error": f"not JSON: {error}"})
            return
        if not isinstance(body, dict):
            self._json(400, {"error": "a JSON object, please"})
        elif path == ["calls"]:
            self._json(200, self.back_end.call_arrives(str(body.get("ani", "unknown")), dict(body.get("userData") or {})))
        elif len(path) == 3 and path[0] == "interactions" and path[2] == "user-data":
            found = self.back_end.set_user_data(path[1], body)
            self._json(200 if found else 404, found or {"error": f"no interaction {path[1]}"})
        elif len(path) == 3 and path[0] == "calls" and path[2] == "end":
            found = self.back_end.end_call(path[1])
            self._json(200 if found else 404, found or {"error": f"no call {path[1]}"})
        elif path == ["agent", "state"] and isinstance(body.get("operationName"), str):
            self.back_end.set_agent_state(body["operationName"])
            self._json(200, {"operationName": body["operationName"]})
        else:
            self._json(404, {"error": f"nothing at POST {self.path}"})

    def _json(self, status: int, data: Any) -> None:
        payload = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def serve(port: int, back_end: BackEnd, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """The back end's server, running on its own thread; `shutdown()` then `server_close()`
    to stop it (close the back end's streams first)."""
    handler = type("BoundHandler", (Handler,), {"back_end": back_end})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _titled(text: str) -> dict[str, str]:
    title, _, url = text.partition("=")
    return {"title": title, "url": url} if url else {"title": text, "url": text}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8800)
    parser.add_argument("--wwe", default="http://127.0.0.1:8700/", help="where wwe-scapi serve runs (its loader)")
    parser.add_argument("--app", action="append", default=[], metavar="TITLE=URL", help="an app to embed and serve")
    parser.add_argument("--refused", action="append", default=[], metavar="TITLE=URL", help="an app embedded, not served")
    arguments = parser.parse_args()
    back_end = BackEnd(arguments.wwe, [_titled(app) for app in arguments.app], [_titled(app) for app in arguments.refused])
    server = serve(arguments.port, back_end)
    print(f"the host page: http://127.0.0.1:{arguments.port}/ (Ctrl-C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        back_end.close()
        server.shutdown()


if __name__ == "__main__":
    main()
