"""`Reply`, the Future-compatible awaitable of every request: asyncio takes it as a future,
it wakes its task at once from outside any task, and never re-enters a running task."""

from __future__ import annotations

import asyncio

import pytest

from wwe_scapi.client.reply import Reply


async def test_awaiting_a_result_and_an_exception() -> None:
    loop = asyncio.get_running_loop()
    good, bad = Reply(loop), Reply(loop)
    loop.call_soon(good.set_result, 42)
    loop.call_soon(bad.set_exception, ValueError("no"))
    assert await good == 42
    with pytest.raises(ValueError, match="no"):
        await bad
    assert asyncio.isfuture(good)


async def test_the_waiting_task_resumes_inside_set_result_when_no_task_runs() -> None:
    loop = asyncio.get_running_loop()
    reply: Reply[int] = Reply(loop)
    order: list[str] = []

    async def waiter() -> None:
        order.append(f"got {await reply}")

    task = asyncio.ensure_future(waiter())
    await asyncio.sleep(0)  # the task now waits on the reply

    def answer() -> None:  # a loop callback, as a message listener is: no task running
        reply.set_result(1)
        order.append("after set_result")

    loop.call_soon(answer)
    await task
    assert order == ["got 1", "after set_result"]


async def test_inside_a_running_task_the_wake_up_goes_through_the_loop() -> None:
    loop = asyncio.get_running_loop()
    reply: Reply[int] = Reply(loop)
    order: list[str] = []

    async def waiter() -> None:
        order.append(f"got {await reply}")

    task = asyncio.ensure_future(waiter())
    await asyncio.sleep(0)
    reply.set_result(2)  # this test's own task is running: no re-entry
    order.append("after set_result")
    await task
    assert order == ["after set_result", "got 2"]


async def test_gather_wait_for_and_cancel() -> None:
    loop = asyncio.get_running_loop()
    first, second, never = Reply(loop), Reply(loop), Reply(loop)
    loop.call_soon(first.set_result, "a")
    loop.call_soon(second.set_result, "b")
    assert await asyncio.gather(first, second) == ["a", "b"]
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(never, 0.01)
    cancelled = Reply(loop)
    assert cancelled.cancel() and cancelled.cancelled() and not cancelled.cancel()
    with pytest.raises(asyncio.CancelledError):
        cancelled.result()


def test_state_errors() -> None:
    reply: Reply[int] = Reply(asyncio.new_event_loop())
    with pytest.raises(asyncio.InvalidStateError):
        reply.result()
    reply.set_result(1)
    with pytest.raises(asyncio.InvalidStateError):
        reply.set_result(2)
    assert reply.exception() is None and reply.done()
    reply.get_loop().close()
