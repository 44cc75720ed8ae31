"""Booting the Python client inside an app (iframe or popup): `connect()`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wwe_scapi.client import NoServiceWindow, ServiceClient
from wwe_scapi.compat import page_platform
from wwe_scapi.protocol.constants import DEFAULT_TIMEOUT_SECONDS
from wwe_scapi.transports.postmessage import PostMessageClientTransport

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import Platform

_UNSET: Any = object()


@dataclass(slots=True)
class PageClient:
    """The page's one client (the vendor's `genesys.wwe.service` is one per page too), and
    the arguments it was made with, so that a later `connect()` can be checked against them."""

    client: ServiceClient
    arguments: dict[str, Any] = field(default_factory=dict)
    platform: Platform | None = None


_page_client: PageClient | None = None


def connect(
    *,
    target: Any = _UNSET,
    service_origin: str | None = _UNSET,
    timeout: float = _UNSET,
    new: bool = False,
    platform: Platform | None = None,
    report_errors: bool = True,
) -> ServiceClient:
    """The page's client of the Agent Workspace service: the first call makes it, later calls
    give the same one (a new one with `new=True`). A later call with arguments that differ
    from the first one's is refused (ValueError) rather than ignored.

    `target` is the vendor's `targetWWEWindow(win)`; `service_origin` is where requests go
    (by default the parent's origin from `location.ancestorOrigins`, else learnt from the
    service's first answer); `timeout` is in seconds (10 by default).
    """
    global _page_client
    given: dict[str, Any] = {
        name: value
        for name, value in (("target", target), ("service_origin", service_origin), ("timeout", timeout))
        if value is not _UNSET
    }
    if _page_client is not None and not new:
        made_with = _page_client.arguments
        conflicts = [
            f"{name}={value!r} (the page's client has {made_with.get(name, 'the default')!r})"
            for name, value in given.items()
            if made_with.get(name, _UNSET) is not value and made_with.get(name, _UNSET) != value
        ]
        if conflicts:
            raise ValueError(
                "connect() was called before with other arguments: " + "; ".join(conflicts)
                + ". Pass new=True for a second client, or call connect() without arguments."
            )
        return _page_client.client
    platform = platform or page_platform()
    transport = PostMessageClientTransport.open(
        platform,
        None if target is _UNSET else target,
        None if service_origin is _UNSET else service_origin,
    )
    if transport is None:
        raise NoServiceWindow(
            "No Agent Workspace window: this page is neither in an iframe nor a popup; "
            "pass target= (the vendor's targetWWEWindow) to connect()."
        )
    client = ServiceClient(
        transport, timeout=DEFAULT_TIMEOUT_SECONDS if timeout is _UNSET else timeout, report_errors=report_errors
    )
    if new and _page_client is not None and _page_client.platform is platform and target is _UNSET:
        # A second client of the same page: it has the page's frame id, or the desktop would
        # take its first request for a new page's.
        client.core.frame_id = _page_client.client.frame_id
    if not new:
        _page_client = PageClient(client, given, platform)
    return client


def forget_page_client() -> None:
    """Let the next `connect()` make a new client (a page's code reloaded in place, tests)."""
    global _page_client
    _page_client = None
