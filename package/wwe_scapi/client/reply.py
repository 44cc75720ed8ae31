"""`Reply`: the awaitable a request returns. A Future-compatible object (asyncio accepts
those) that wakes its awaiting task at once when the answer arrives, instead of one more
trip through the event loop: in Pyodide that trip (a scheduled callback through a JS
MessageChannel) was a third of a round trip. Inside a running task it falls back to the
loop, as asyncio does, so a task is never re-entered."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable, Generator
from typing import Any, Generic, TypeVar

T = TypeVar("T")
DoneCallback = Callable[["Reply[Any]"], Any]


class Reply(Generic[T]):
    # Marks this class as Future-compatible for asyncio (asyncio.isfuture, Task).
    _asyncio_future_blocking = False

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._done = False
        self._cancelled = False
        self._result: Any = None
        self._exception: BaseException | None = None
        self._callbacks: list[tuple[DoneCallback, contextvars.Context | None]] = []

    # -- the Future protocol ---------------------------------------------------------------

    def get_loop(self) -> asyncio.AbstractEventLoop:
        return self._loop

    def done(self) -> bool:
        return self._done

    def cancelled(self) -> bool:
        return self._cancelled

    def result(self) -> T:
        if self._cancelled:
            raise asyncio.CancelledError()
        if not self._done:
            raise asyncio.InvalidStateError("the answer has not arrived yet")
        if self._exception is not None:
            raise self._exception
        return self._result  # type: ignore[no-any-return]

    def exception(self) -> BaseException | None:
        if self._cancelled:
            raise asyncio.CancelledError()
        if not self._done:
            raise asyncio.InvalidStateError("the answer has not arrived yet")
        return self._exception

    def add_done_callback(self, callback: DoneCallback, *, context: contextvars.Context | None = None) -> None:
        if self._done:
            self._loop.call_soon(callback, self, context=context)
        else:
            self._callbacks.append((callback, context))

    def remove_done_callback(self, callback: DoneCallback) -> int:
        kept = [(f, c) for f, c in self._callbacks if f != callback]
        removed = len(self._callbacks) - len(kept)
        self._callbacks = kept
        return removed

    def cancel(self, msg: Any = None) -> bool:
        if self._done:
            return False
        self._cancelled = True
        self._finish()
        return True

    def set_result(self, result: T) -> None:
        if self._done:
            raise asyncio.InvalidStateError("already answered")
        self._result = result
        self._finish()

    def set_exception(self, exception: BaseException) -> None:
        if self._done:
            raise asyncio.InvalidStateError("already answered")
        self._exception = exception
        self._finish()

    def __await__(self) -> Generator[Any, None, T]:
        if not self._done:
            self._asyncio_future_blocking = True
            yield self
        return self.result()

    __iter__ = __await__

    # -- waking the waiters ----------------------------------------------------------------

    def _finish(self) -> None:
        self._done = True
        callbacks, self._callbacks = self._callbacks, []
        if not callbacks:
            return
        if _inside_a_task(self._loop):
            for callback, context in callbacks:
                self._loop.call_soon(callback, self, context=context)
            return
        for callback, context in callbacks:
            if context is None:
                callback(self)
            else:
                context.run(callback, self)


def _inside_a_task(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.current_task(loop) is not None
    except RuntimeError:
        return False
