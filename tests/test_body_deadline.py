"""app/body_deadline.py: a late body times out, a prompt one costs no timer."""

from __future__ import annotations

import asyncio
import time

import pytest

from app.body_deadline import _TICK, BodyDeadline, BodyTimeout, _Watch

BODY = {"type": "http.request", "body": b'{"logits": [1, 2]}', "more_body": False}


def _queue_receive(queue: asyncio.Queue):
    async def receive():
        return await queue.get()

    return receive


def test_a_body_that_is_there_is_returned_and_leaves_nothing_watched() -> None:
    async def go():
        queue: asyncio.Queue = asyncio.Queue()
        queue.put_nowait(BODY)
        deadline = BodyDeadline(_queue_receive(queue), 5)
        message = await deadline.receive()
        watch = _Watch._by_loop[asyncio.get_running_loop()]
        return message, len(watch.waiting)

    message, waiting = asyncio.run(go())
    assert message == BODY
    assert waiting == 0


def test_a_body_that_never_comes_times_out_soon_after_its_deadline() -> None:
    async def go():
        deadline = BodyDeadline(_queue_receive(asyncio.Queue()), 0.3)
        start = time.monotonic()
        with pytest.raises(BodyTimeout):
            await asyncio.wait_for(deadline.receive(), 5)  # a broken watch fails, not hangs
        return time.monotonic() - start

    elapsed = asyncio.run(go())
    assert 0.3 <= elapsed < 0.3 + _TICK + 0.5


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

    assert asyncio.run(go()) == b'{"logits": [1, 2]}'


def test_after_the_body_receive_waits_past_the_deadline() -> None:
    # Once the body is in, receive waits for a disconnect however long it takes.
    async def go():
        queue: asyncio.Queue = asyncio.Queue()
        queue.put_nowait(BODY)
        deadline = BodyDeadline(_queue_receive(queue), 0.2)
        await deadline.receive()
        asyncio.get_running_loop().call_later(0.6, queue.put_nowait, {"type": "http.disconnect"})
        return await deadline.receive()

    assert asyncio.run(go()) == {"type": "http.disconnect"}


def test_a_cancel_from_elsewhere_stays_a_cancel() -> None:
    async def go():
        deadline = BodyDeadline(_queue_receive(asyncio.Queue()), 30)
        task = asyncio.create_task(deadline.receive())
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(go())


def test_each_event_loop_gets_its_own_watch() -> None:
    # Tests and workers run one loop after another; each must time out again.
    async def go():
        with pytest.raises(BodyTimeout):
            await asyncio.wait_for(BodyDeadline(_queue_receive(asyncio.Queue()), 0.1).receive(), 5)

    for _ in range(2):
        start = time.monotonic()
        asyncio.run(go())
        assert time.monotonic() - start < 0.1 + _TICK + 0.5
