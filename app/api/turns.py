"""Large requests take turns: one at a time per worker, the others wait with their bodies unread.

On asyncio's fair event loop (``python -m app`` serves on it) every request
makes progress together, so a burst of large requests would all read their
bodies and build their answers at once: 100 clients each sending 0.9 MB for a
6.8 MB answer grew a worker by up to 238 MB. A request whose body is larger
than `LARGE` bytes, or of unknown length, reads, computes and encodes in its
turn; its answer is sent after the turn, so a client that does not read holds
nobody up. A slow sender holds its turn at most ``SOFTMAX_BODY_TIMEOUT``
seconds. Small requests, which is all the page sends, never wait.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.types import Scope

__all__ = ["LARGE", "large_turn"]

LARGE = 256 * 1024
# Weak keys: a closed loop (tests run one per test) is not kept alive by its lock.
_locks: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def is_large(scope: Scope) -> bool:
    """Whether the request declares a body over `LARGE` bytes, or no length at all."""
    for key, value in scope["headers"]:
        if key == b"content-length":
            return not value.isdigit() or int(value) > LARGE
    return scope["method"] in ("POST", "PUT", "PATCH")  # a chunked body: size unknown


@asynccontextmanager
async def large_turn(scope: Scope) -> AsyncIterator[None]:
    """Wait for this worker's turn if the request is large (see the module docstring)."""
    if not is_large(scope):
        yield
        return
    loop = asyncio.get_running_loop()
    lock = _locks.get(loop)
    if lock is None:
        lock = _locks[loop] = asyncio.Lock()
    async with lock:
        yield
