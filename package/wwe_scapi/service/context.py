"""What a request handler gets besides its parameters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wwe_scapi.protocol.catalogue import RequestSpec
from wwe_scapi.service.frames import Frame

if TYPE_CHECKING:
    from wwe_scapi.service.service import Service
    from wwe_scapi.workspace import Workspace


@dataclass(frozen=True, slots=True)
class RequestContext:
    service: Service
    frame: Frame
    spec: RequestSpec

    @property
    def workspace(self) -> Workspace:
        return self.service.workspace

    @property
    def origin(self) -> str:
        return self.frame.origin


Handler = Callable[..., Any]  # (context, *checked parameters) -> data
