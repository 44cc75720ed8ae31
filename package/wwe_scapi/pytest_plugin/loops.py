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


# The loop found running when one was set aside (Playwright's), for the teardowns that need it.
_aside: list[asyncio.AbstractEventLoop] = []
# Fixtures whose teardown drives Playwright: run with its loop back in place, also when they
# are torn down in the teardown of an async test (the session's last test, say).
_PLAYWRIGHT_MODULES = ("playwright", "pytest_playwright", "wwe_scapi.pytest_plugin")


@contextmanager
def loop_set_aside(item: pytest.Item) -> Iterator[None]:
    running = asyncio._get_running_loop()  # public as asyncio.get_running_loop, which raises
    if running is None or not needs_own_loop(item):
        yield
        return
    _aside[:] = [running]
    asyncio._set_running_loop(None)
    try:
        yield
    finally:
        asyncio._set_running_loop(running)


def drives_playwright(fixturedef: Any) -> bool:
    module = getattr(getattr(fixturedef, "func", None), "__module__", "") or ""
    return module.split(".")[0] in _PLAYWRIGHT_MODULES[:2] or module.startswith(_PLAYWRIGHT_MODULES[2])


class TeardownWithPlaywrightsLoop:
    """Two finalizers around a Playwright fixture's own teardown (finalizers run last in,
    first out): `enter` before it puts Playwright's loop back if it was set aside, `leave`
    after it sets it aside again."""

    def __init__(self) -> None:
        self._restored = False

    def enter(self) -> None:
        if _aside and asyncio._get_running_loop() is None:
            asyncio._set_running_loop(_aside[0])
            self._restored = True

    def leave(self) -> None:
        if self._restored:
            asyncio._set_running_loop(None)
            self._restored = False
