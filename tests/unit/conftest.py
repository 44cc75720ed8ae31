"""Unit-test fixtures: a service with three origins, behind a recording transport or an
in-memory network (CPython only)."""

from __future__ import annotations

import pytest

from unit_support import A, B, C, Recorder
from wwe_scapi.clock import ManualClock
from wwe_scapi.security import OriginPolicy
from wwe_scapi.service import Service
from wwe_scapi.testing import MemoryNetwork
from wwe_scapi.workspace import Workspace

ORIGINS = f"{A}, {B} (*), {C} (agent.*)"


@pytest.fixture
def outbox() -> Recorder:
    return Recorder()


@pytest.fixture
def service(outbox: Recorder) -> Service:
    return Service(Workspace(clock=ManualClock()), OriginPolicy.parse(ORIGINS), outbox)


@pytest.fixture
def network() -> MemoryNetwork:
    """Python clients (`network.connect(origin)`) of a service with the same origins."""
    network = MemoryNetwork()
    Service(Workspace(clock=ManualClock()), OriginPolicy.parse(ORIGINS), network.service_side)
    return network
