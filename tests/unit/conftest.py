"""Unit-test fixtures: a service with three origins and an in-memory network (CPython only)."""

from __future__ import annotations

import pytest

from unit_support import A, B, C, Recorder
from wwe_scapi.security import OriginPolicy
from wwe_scapi.service import Service
from wwe_scapi.testing import MemoryNetwork
from wwe_scapi.workspace import Workspace


@pytest.fixture
def service() -> Service:
    return Service(Workspace(), OriginPolicy.parse(f"{A}, {B} (*), {C} (agent.*)"))


@pytest.fixture
def network(service: Service) -> MemoryNetwork:
    return MemoryNetwork(service)


@pytest.fixture
def outbox(service: Service) -> Recorder:
    recorder = Recorder()
    service.outbox = recorder
    return recorder
