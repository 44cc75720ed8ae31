"""Async tests beside Playwright's sync API in one pytest session.

Playwright's sync API runs its dispatcher inside `loop.run_until_complete` on a greenlet of
the main thread; greenlets share the thread's "running loop", so once a browser has started,
every later test sees Playwright's loop as running and `asyncio.run` (pytest-asyncio's
runner, anyio's) fails with "cannot be called from a running event loop". Around each phase of
a test that is a coroutine or uses async fixtures, the running loop is set aside and put back
after: the async test runs its own loop, Playwright's resumes as it was."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest


def needs_own_loop(item: pytest.Item) -> bool:
    """A coroutine test, or one using an async fixture."""
    function = getattr(item, "obj", None)
    if function is not None and (inspect.iscoroutinefunction(function) or inspect.isasyncgenfunction(function)):
        return True
    info = getattr(item, "_fixtureinfo", None)
    for definitions in (getattr(info, "name2fixturedefs", None) or {}).values():
        for definition in definitions:
            func: Any = getattr(definition, "func", None)
            if inspect.iscoroutinefunction(func) or inspect.isasyncgenfunction(func):
                return True
    return False


@contextmanager
def loop_set_aside(item: pytest.Item) -> Iterator[None]:
    running = asyncio._get_running_loop()  # public as asyncio.get_running_loop, which raises
    if running is None or not needs_own_loop(item):
        yield
        return
    asyncio._set_running_loop(None)
    try:
        yield
    finally:
        asyncio._set_running_loop(running)
