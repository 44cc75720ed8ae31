"""A static server for the built site on several distinct origins at once (threaded HTTP
servers, one per origin and address), with the desktop's `/config.json` generated in memory."""

from __future__ import annotations

import errno
import functools
import http.server
import ipaddress
import json
import shutil
import socket
import socketserver
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from wwe_scapi.auth.keys import SigningKey, new_signing_key

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
    ".map": "application/json; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
}
_IMMUTABLE_PREFIXES = ("/pyodide/", "/wheels/", "/packages/", "/snapshots/")  # versioned URLs
_POLL_SECONDS = 0.2  # how soon a server notices stop()
_COMPRESSED_SUFFIXES = (".bin",)  # served from a .gz beside them when the build wrote one


@dataclass(slots=True)
class Origin:
    host: str
    port: int

    @property
    def url(self) -> str:
        host = self.host.strip("[]")
        return f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"


# The desktop's signing key: the private half to the desktop page only (same origin), the
# public half to anyone (an app's back end checks auth.getJwtToken's tokens with it).
KEY_PATH = "/auth/desktop-signing-key.json"
JWKS_PATH = "/.well-known/jwks.json"
# Where the desktop page posts its protocol log (JSON lines) when `serve --log FILE` is given.
LOG_PATH = "/wwe-scapi/protocol-log"
_LOG_BODY_LIMIT = 8 * 1024 * 1024  # one batch of the page's log, at most


class LogFile:
    """The protocol log's JSON lines, appended as the desktop page posts them (one writer at a
    time: the server answers on several threads)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")  # a new file per serve

    def append(self, text: str) -> None:
        with self._lock, self.path.open("a", encoding="utf-8") as out:
            out.write(text if text.endswith("\n") else text + "\n")


@dataclass(slots=True)
class DesktopConfig:
    """What the desktop origin answers at /config.json; replaceable while serving (tests).
    With a signing key, it tells the page where the key is."""

    value: Mapping[str, Any] | None = None
    signing_key: SigningKey | None = None
    log_file: LogFile | None = None

    def encoded(self) -> bytes | None:
        if self.value is None:
            return None
        value = dict(self.value)
        if self.signing_key is not None:
            value["auth"] = {"key": KEY_PATH, "jwks": JWKS_PATH}
        if self.log_file is not None:
            value["log"] = LOG_PATH
        return json.dumps(value).encode()


class _Handler(http.server.SimpleHTTPRequestHandler):
    mounts: Mapping[str, Path] = {}
    config: DesktopConfig | None = None
    verbose = False
    compress_to_loopback = False

    def end_headers(self) -> None:
        path = urlsplit(self.path).path
        if path == KEY_PATH:  # for the desktop page alone, and never kept
            self.send_header("Cache-Control", "no-store")
            super().end_headers()
            return
        if _is_desktop_snapshot(path):  # for pages of this origin alone: no CORS
            self.send_header("Cache-Control", "private, max-age=31536000, immutable")
            super().end_headers()
            return
        # Pages on other origins import the loader module and Pyodide's files.
        self.send_header("Access-Control-Allow-Origin", "*")
        if path.startswith(_IMMUTABLE_PREFIXES):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self) -> None:
        if not (self._refused(with_body=True) or self._send_generated(with_body=True) or self._send_compressed(with_body=True)):
            super().do_GET()

    def do_HEAD(self) -> None:
        if not (self._refused(with_body=False) or self._send_generated(with_body=False) or self._send_compressed(with_body=False)):
            super().do_HEAD()

    def _refused(self, with_body: bool) -> bool:
        """The desktop's memory snapshot holds its Python's hash secret (randomized when the
        snapshot was made, the same in every desktop restored from it): with it, an app could
        send keys that all collide and stall the desktop's dicts. Browsers set Sec-Fetch-Site and
        pages cannot: only a page of the desktop's own origin gets it."""
        path = urlsplit(self.path).path
        site = self.headers.get("Sec-Fetch-Site")
        if not _is_desktop_snapshot(path) or site == "same-origin":
            return False
        self._send_json(403, {"error": f"the desktop's memory snapshot is for pages of its own origin only (Sec-Fetch-Site: {site or 'absent'})"}, with_body)
        return True

    def _send_compressed(self, with_body: bool) -> bool:
        """A file the build also wrote gzipped (a memory snapshot: 30 MiB, ~6 MiB gzipped), as
        such to a browser that takes gzip and is not on this machine (serve_site)."""
        path = urlsplit(self.path).path
        if not path.endswith(_COMPRESSED_SUFFIXES) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return False
        if not self.compress_to_loopback and _on_this_machine(self.client_address[0]):
            return False
        compressed = Path(self.translate_path(path) + ".gz")
        try:
            size = compressed.stat().st_size
        except OSError:
            return False
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(size))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if with_body:
            with compressed.open("rb") as body:
                shutil.copyfileobj(body, self.wfile)
        return True

    def do_POST(self) -> None:
        """The desktop page's protocol log, for `serve --log FILE`: same-origin posts only."""
        log = self.config.log_file if self.config is not None else None
        if urlsplit(self.path).path != LOG_PATH or log is None:
            self._send_json(404, {"error": f"nothing to post to at {urlsplit(self.path).path}"}, True)
            return
        site = self.headers.get("Sec-Fetch-Site")
        if site != "same-origin":
            self._send_json(403, {"error": f"the protocol log is written by the desktop page only (Sec-Fetch-Site: {site or 'absent'})"}, True)
            return
        length = int(self.headers.get("Content-Length") or 0)
        if not 0 < length <= _LOG_BODY_LIMIT:
            self._send_json(413, {"error": f"a log batch is 1 to {_LOG_BODY_LIMIT} bytes, not {length}"}, True)
            return
        log.append(self.rfile.read(length).decode("utf-8", errors="replace"))
        self.send_response(204)
        self.end_headers()

    def _send_generated(self, with_body: bool) -> bool:
        """/config.json and the signing key's two halves, on the desktop origin only."""
        if self.config is None:
            return False
        path = urlsplit(self.path).path
        key = self.config.signing_key
        if path == "/config.json":
            body = self.config.encoded()
        elif path == JWKS_PATH and key is not None:
            body = json.dumps(key.jwks).encode()
        elif path == KEY_PATH and key is not None:
            # Browsers set Sec-Fetch-Site and pages cannot: an app on another origin (or a
            # page of another site) is refused; the desktop page's own fetch is same-origin.
            site = self.headers.get("Sec-Fetch-Site")
            if site != "same-origin":
                self._send_json(403, {"error": f"the desktop's signing key is for the desktop page only (Sec-Fetch-Site: {site or 'absent'}, not same-origin)"}, with_body)
                return True
            body = json.dumps(key.private_jwk).encode()
        else:
            return False
        if body is None:
            return False
        self._send_body(200, body, with_body)
        return True

    def _send_json(self, status: int, value: Any, with_body: bool) -> None:
        self._send_body(status, json.dumps(value).encode(), with_body)

    def _send_body(self, status: int, body: bytes, with_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def translate_path(self, path: str) -> str:
        clean = urlsplit(path).path
        for prefix, folder in self.mounts.items():
            if clean.startswith(prefix):
                # One handler per request: pointing it at the mounted folder is local to this
                # request, and the standard translation keeps `..` inside that folder.
                self.directory = str(folder)
                return super().translate_path("/" + clean[len(prefix):])
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
    _servers: list[_SiteServer] = field(default_factory=list)

    @property
    def desktop(self) -> str:
        return self.origins[0]

    def stop(self) -> None:
        # Each server notices the request within its poll interval: stop them all at once.
        stoppers = [threading.Thread(target=server.shutdown) for server in self._servers]
        for stopper in stoppers:
            stopper.start()
        for stopper in stoppers:
            stopper.join()
        for server in self._servers:
            server.server_close()
        self._servers.clear()


class ListenError(OSError):
    """A port cannot be listened on (in use, or the address is not this machine's)."""


class _SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    verbose = False

    def server_bind(self) -> None:
        # HTTPServer would look up the host's full name, which can stall without a network.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that closes a connection early (a page closed while loading) is no error.
        if self.verbose or not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _SiteServerIPv6(_SiteServer):
    address_family = socket.AF_INET6


def serve_site(
    site: Path,
    origins: list[Origin],
    *,
    config: Mapping[str, Any] | None = None,
    mounts: Mapping[str, Path] | None = None,
    verbose: bool = False,
    signing_key: SigningKey | None = None,
    log_file: Path | None = None,
    compress_to_loopback: bool = False,
) -> RunningSite:
    """Serve `site` on every origin; the first one is the desktop and answers /config.json,
    and its signing key (made now unless given) at KEY_PATH and JWKS_PATH.

    Files the build also wrote gzipped (the memory snapshots) go gzipped to browsers that take
    it, except on the machine itself unless `compress_to_loopback`: there the bytes cross no
    network, and a browser inflates a cached gzipped snapshot again at every load (~130 ms).

    `mounts` maps URL prefixes (e.g. "/test-apps/") to extra folders, on every origin.
    `log_file`: the desktop page posts its protocol log there, as JSON lines (LOG_PATH).
    Raises ListenError (an OSError) when a port cannot be listened on.
    """
    log = LogFile(log_file) if log_file is not None else None
    running = RunningSite([origin.url for origin in origins], DesktopConfig(config, signing_key or new_signing_key(), log))
    try:
        for index, origin in enumerate(origins):
            handler = type(
                "SiteHandler",
                (_Handler,),
                {
                    "mounts": dict(mounts or {}),
                    "config": running.config if index == 0 else None,
                    "verbose": verbose,
                    "compress_to_loopback": compress_to_loopback,
                },
            )
            for address, required in _bind_addresses(origin.host):
                server = _listen(address, origin.port, functools.partial(handler, directory=str(site)), required)
                if server is None:
                    continue
                server.verbose = verbose
                running._servers.append(server)
                threading.Thread(
                    target=server.serve_forever, args=(_POLL_SECONDS,), name=f"site {origin.url}", daemon=True
                ).start()
    except OSError:
        running.stop()
        raise
    return running


def free_port() -> int:
    """A port of 127.0.0.1 free at the moment of asking (for a server started at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _is_desktop_snapshot(path: str) -> bool:
    return path.startswith("/snapshots/") and path.endswith(("/desktop.bin", "/desktop.bin.gz"))


def _on_this_machine(address: str) -> bool:
    """A loopback client (IPv4, IPv6, or IPv4 mapped into IPv6)."""
    parsed = ipaddress.ip_address(address.split("%")[0])
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        parsed = parsed.ipv4_mapped
    return parsed.is_loopback


def _bind_addresses(host: str) -> list[tuple[str, bool]]:
    """Where to listen for `host`, and whether each address is required.

    Chromium resolves `localhost` itself and tries ::1 first: we answer there too (when the
    machine has IPv6), so that no other program listening on [::1]:port gets our requests.
    """
    if host == "localhost":
        return [("127.0.0.1", True), ("::1", False)]
    return [(host.strip("[]"), True)]


def _listen(address: str, port: int, handler: Any, required: bool) -> _SiteServer | None:
    server_class = _SiteServerIPv6 if ":" in address else _SiteServer
    try:
        return server_class((address, port), handler)
    except OSError as error:
        if not required and error.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT):
            return None  # no IPv6 loopback on this machine
        where = f"[{address}]:{port}" if ":" in address else f"{address}:{port}"
        raise ListenError(error.errno, f"cannot listen on {where}: {error.strerror or error}") from error
