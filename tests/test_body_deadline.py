"""app/body_deadline.py: a late body times out, a prompt one is not held up."""

from __future__ import annotations

import asyncio
import gc
import time
import weakref

import pytest

from app.body_deadline import _TICK, BodyDeadline, BodyTimeout, _Watch
from tests.support.loops import run_in_own_loop

BODY = {"type": "http.request", "body": b'{"logits": [1, 2]}', "more_body": False}
LATE = 5  # seconds: a broken watch fails a test instead of hanging it


def _queue_receive(queue: asyncio.Queue):
    async def receive():
        return await queue.get()

    return receive


def test_a_body_that_is_there_is_returned_at_once() -> None:
    async def go():
        queue: asyncio.Queue = asyncio.Queue()
        queue.put_nowait(BODY)
        deadline = BodyDeadline(_queue_receive(queue), 5)
        message = await deadline.receive()
        watch = _Watch._by_loop[asyncio.get_running_loop()]
        return message, len(watch.waiting)

    assert run_in_own_loop(go) == (BODY, 0)


def test_a_body_that_never_comes_times_out_soon_after_its_deadline() -> None:
    async def go():
        deadline = BodyDeadline(_queue_receive(asyncio.Queue()), 0.3)
        start = time.monotonic()
        with pytest.raises(BodyTimeout):
            await asyncio.wait_for(deadline.receive(), LATE)
        # Our own cancel is taken back: the task is not left half-cancelled.
        return time.monotonic() - start, asyncio.current_task().cancelling()

    elapsed, cancelling = run_in_own_loop(go)
    assert 0.3 <= elapsed < 0.3 + _TICK + 0.5
    assert cancelling == 0


def test_a_body_in_chunks_within_the_deadline_is_read_whole() -> None:
    async def go():
        queue: asyncio.Queue = asyncio.Queue()
        deadline = BodyDeadline(_queue_receive(queue), 2)

        async def trickle():
            for part in (b'{"logits": ', b"[1, 2]"):
                await asyncio.sleep(0.3)
                queue.put_nowait({"type": "http.request", "body": part, "more_body": True})
            await asyncio.sleep(0.3)
            queue.put_nowait({"type": "http.request", "body": b"}", "more_body": False})

        sender = asyncio.create_task(trickle())
        parts = []
        while not parts or parts[-1]["more_body"]:
            parts.append(await deadline.receive())
        await sender
        return b"".join(p["body"] for p in parts)

    assert run_in_own_loop(go) == b'{"logits": [1, 2]}'


def test_after_the_body_receive_waits_past_the_deadline() -> None:
    # Once the body is in, receive waits for a disconnect however long it takes.
    async def go():
        queue: asyncio.Queue = asyncio.Queue()
        queue.put_nowait(BODY)
        deadline = BodyDeadline(_queue_receive(queue), 0.2)
        await deadline.receive()
        asyncio.get_running_loop().call_later(0.6, queue.put_nowait, {"type": "http.disconnect"})
        return await deadline.receive()

    assert run_in_own_loop(go) == {"type": "http.disconnect"}


@pytest.mark.parametrize("order", ["cancel, then expire", "expire, then cancel", "cancel only"])
def test_a_cancel_from_elsewhere_stays_a_cancel(order) -> None:
    # E.g. the shutdown cancels a request whose body is late in the same instant.
    async def go():
        deadline = BodyDeadline(_queue_receive(asyncio.Queue()), 30)
        task = asyncio.create_task(deadline.receive())
        await asyncio.sleep(0.05)  # waiting for its body
        for step in order.split(", then "):
            if step.startswith("cancel"):
                task.cancel()
            else:
                deadline.expire_if_late(time.monotonic() + 60)  # as the watch does when late
        try:
            await task
        except BaseException as exc:  # which exception it is, is the point
            return type(exc)
        return None

    assert run_in_own_loop(go) is asyncio.CancelledError


def test_a_loop_is_forgotten_when_idle_and_when_gone() -> None:
    loops: list[weakref.ref] = []

    async def go():
        loops.append(weakref.ref(asyncio.get_running_loop()))
        await asyncio.wait_for(BodyDeadline(_queue_receive(asyncio.Queue()), 0.1).receive(), LATE)

    async def idle_later():
        queue: asyncio.Queue = asyncio.Queue()
        queue.put_nowait(BODY)
        await BodyDeadline(_queue_receive(queue), 5).receive()
        watched = asyncio.get_running_loop() in _Watch._by_loop
        await asyncio.sleep(2 * _TICK + 0.1)
        return watched, asyncio.get_running_loop() in _Watch._by_loop

    assert run_in_own_loop(idle_later) == (True, False)
    for _ in range(3):  # each new loop gets a watch that times out again
        start = time.monotonic()
        with pytest.raises(BodyTimeout):
            run_in_own_loop(go)
        assert time.monotonic() - start < 0.1 + _TICK + 0.5
    gc.collect()
    # Closed loops are not kept alive (a live server's loop from other tests may be watched).
    assert [ref() for ref in loops] == [None, None, None]
