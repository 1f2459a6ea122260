"""A bound on slow request bodies: the whole body must arrive within N seconds.

Nearly every body is complete at the app's first ``receive``, so no request
gets a timer of its own (making and cancelling one cost ~10 µs of a 3-logit
softmax). A request that has to wait for its body joins its loop's `_Watch`,
whose one timer looks at the waiting requests four times a second and
cancels those past their deadline.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from typing import ClassVar

from starlette.types import Message, Receive

__all__ = ["BodyDeadline", "BodyTimeout"]

_TICK = 0.25  # seconds between checks: a 408 comes at most this late


class BodyTimeout(Exception):
    """The body did not arrive in time (raised from `BodyDeadline.receive`)."""


class BodyDeadline:
    """`receive`, but the body must be complete `seconds` after the request started."""

    __slots__ = ("_done", "_end", "_expired", "_receive", "_task")

    def __init__(self, receive: Receive, seconds: float) -> None:
        self._receive = receive
        self._end = time.monotonic() + seconds
        self._done = self._expired = False
        self._task: asyncio.Task | None = None

    async def receive(self) -> Message:
        if self._done:  # body complete: later calls wait for a disconnect, unbounded
            return await self._receive()
        if self._expired or time.monotonic() >= self._end:
            raise BodyTimeout
        self._task = task = asyncio.current_task()
        watch = _Watch.of(task.get_loop())
        watch.waiting.add(self)
        try:
            message = await self._receive()
        except asyncio.CancelledError:
            if self._expired and task.uncancel() == 0:  # our cancel, nobody else's
                raise BodyTimeout from None
            raise
        finally:
            watch.waiting.discard(self)
        if message["type"] != "http.request" or not message.get("more_body", False):
            self._done = True
        return message

    def expire_if_late(self, now: float) -> None:
        if now >= self._end and not self._expired and self._task is not None:
            self._expired = True
            self._task.cancel()


class _Watch:
    """The requests of one event loop that wait for their body, and the timer checking them."""

    # Weak keys: a closed loop (tests run one per test) is not kept alive by its watch.
    _by_loop: ClassVar[weakref.WeakKeyDictionary] = weakref.WeakKeyDictionary()

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.waiting: set[BodyDeadline] = set()
        loop.call_later(_TICK, self._check)

    @classmethod
    def of(cls, loop: asyncio.AbstractEventLoop) -> _Watch:
        watch = cls._by_loop.get(loop)
        if watch is None:
            watch = cls._by_loop[loop] = cls(loop)
        return watch

    def _check(self) -> None:
        loop = asyncio.get_running_loop()
        if not self.waiting:  # idle: forget this loop; the next wait starts a new watch
            self._by_loop.pop(loop, None)
            return
        now = time.monotonic()
        for deadline in list(self.waiting):
            deadline.expire_if_late(now)
        loop.call_later(_TICK, self._check)
