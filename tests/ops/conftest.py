"""A real server (``python -m app`` in a subprocess) for the operational tests."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.support.clients import client, make_client
from tests.support.serve import CHROMIUM, CHROMIUM_ARGS, ROOT, Server, free_port, serve

__all__ = ["ROOT", "Server", "client", "free_port", "make_client", "run_server"]


@contextmanager
def run_server(tmp_path: Path, workers: int = 1, **env: str) -> Iterator[Server]:
    """Start ``python -m app`` on a free port, wait for /healthz, stop it after."""
    log = tmp_path / f"server-{time.monotonic_ns()}.log"
    with serve(workers=workers, log=log, **env) as server:
        yield server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One live server per test module, with a short body timeout for the slow-body test."""
    with run_server(tmp_path_factory.mktemp("server"), SOFTMAX_BODY_TIMEOUT="2") as s:
        yield s


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
