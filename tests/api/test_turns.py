"""app/api/turns.py: large requests take turns, small ones never wait."""

from __future__ import annotations

import asyncio

import pytest

from app.api.turns import LARGE, is_large, large_turn
from tests.support.loops import run_in_own_loop


def _scope(length: bytes | None, method: str = "POST") -> dict:
    headers = [(b"content-type", b"application/json")]
    if length is not None:
        headers.append((b"content-length", length))
    return {"type": "http", "method": method, "headers": headers}


@pytest.mark.parametrize(
    ("length", "method", "large"),
    [
        (b"60", "POST", False),
        (str(LARGE).encode(), "POST", False),
        (str(LARGE + 1).encode(), "POST", True),
        (b"12x", "POST", True),  # not a length: treated as unknown
        (None, "POST", True),  # chunked: size unknown
        (None, "GET", False),
    ],
)
def test_which_requests_are_large(length, method, large) -> None:
    assert is_large(_scope(length, method)) is large


def test_a_large_request_waits_for_the_one_before_and_a_small_one_does_not() -> None:
    async def go():
        log: list[str] = []
        release = asyncio.Event()

        async def request(name: str, scope: dict, hold: bool = False) -> None:
            async with large_turn(scope):
                log.append(f"{name} in")
                if hold:
                    await release.wait()
            log.append(f"{name} out")

        big = _scope(str(10 * LARGE).encode())
        first = asyncio.create_task(request("first", big, hold=True))
        await asyncio.sleep(0.05)
        second = asyncio.create_task(request("second", big))
        small = asyncio.create_task(request("small", _scope(b"60")))
        await asyncio.sleep(0.1)
        waiting = list(log)
        release.set()
        await asyncio.gather(first, second, small)
        return waiting, log

    waiting, log = run_in_own_loop(go)
    assert waiting == ["first in", "small in", "small out"]
    assert log[3:] == ["first out", "second in", "second out"]
