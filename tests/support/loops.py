"""Running a coroutine on an event loop of its own."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


def run_in_own_loop(make_coroutine):
    """``asyncio.run(make_coroutine())`` in a thread of its own.

    After the browser tests a loop keeps running in pytest's thread, where
    ``asyncio.run`` would refuse to start.
    """
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(make_coroutine())).result()
