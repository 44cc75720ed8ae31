"""A static server for the built site on several distinct origins at once (one threaded
HTTP server per origin), with the desktop's `/config.json` generated in memory."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".py": "text/plain; charset=utf-8",
    ".wasm": "application/wasm",
    ".whl": "application/octet-stream",
    ".zip": "application/octet-stream",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}
_IMMUTABLE_PREFIXES = ("/pyodide/", "/wheels/")  # versioned URLs


@dataclass(slots=True)
class Origin:
    host: str
    port: int

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


@dataclass(slots=True)
class DesktopConfig:
    """What the desktop origin answers at /config.json; replaceable while serving (tests)."""

    value: Mapping[str, Any] | None = None

    def encoded(self) -> bytes | None:
        return None if self.value is None else json.dumps(self.value).encode()


class _Handler(http.server.SimpleHTTPRequestHandler):
    mounts: Mapping[str, Path] = {}
    config: DesktopConfig | None = None
    verbose = False

    def end_headers(self) -> None:
        # Pages on other origins import the loader module and Pyodide's files.
        self.send_header("Access-Control-Allow-Origin", "*")
        path = urlsplit(self.path).path
        if path.startswith(_IMMUTABLE_PREFIXES):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self) -> None:
        body = self.config.encoded() if self.config is not None else None
        if body is not None and urlsplit(self.path).path == "/config.json":
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def translate_path(self, path: str) -> str:
        clean = urlsplit(path).path
        for prefix, folder in self.mounts.items():
            if clean.startswith(prefix):
                relative = clean[len(prefix):]
                return super().translate_path("/" + relative).replace(self.directory, str(folder), 1)
        return super().translate_path(path)

    def guess_type(self, path: Any) -> str:
        return _TYPES.get(Path(str(path)).suffix, "application/octet-stream")

    def log_message(self, format: str, *args: Any) -> None:
        if self.verbose:
            super().log_message(format, *args)


@dataclass
class RunningSite:
    """Servers started by `serve_site`; `stop()` ends them all."""

    origins: list[str]
    config: DesktopConfig
    _servers: list[http.server.ThreadingHTTPServer] = field(default_factory=list)

    @property
    def desktop(self) -> str:
        return self.origins[0]

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()


def serve_site(
    site: Path,
    origins: list[Origin],
    *,
    config: Mapping[str, Any] | None = None,
    mounts: Mapping[str, Path] | None = None,
    verbose: bool = False,
) -> RunningSite:
    """Serve `site` on every origin; the first one is the desktop and answers /config.json.

    `mounts` maps URL prefixes (e.g. "/test-apps/") to extra folders, on every origin.
    Raises OSError when a port cannot be bound.
    """
    running = RunningSite([origin.url for origin in origins], DesktopConfig(config))
    try:
        for index, origin in enumerate(origins):
            handler = type(
                "SiteHandler",
                (_Handler,),
                {
                    "mounts": dict(mounts or {}),
                    "config": running.config if index == 0 else None,
                    "verbose": verbose,
                },
            )
            server = http.server.ThreadingHTTPServer(
                (_bind_address(origin.host), origin.port),
                functools.partial(handler, directory=str(site)),
            )
            server.daemon_threads = True
            running._servers.append(server)
            threading.Thread(target=server.serve_forever, name=f"site {origin.url}", daemon=True).start()
    except OSError:
        running.stop()
        raise
    return running


def _bind_address(host: str) -> str:
    # Chromium resolves `localhost` to the loopback address itself.
    return "127.0.0.1" if host == "localhost" else host
