"""Start the app on 127.0.0.1 and Debian's Chromium: one helper for tests, benchmarks and scripts.

Tests import it as ``tests.support.serve``; benchmarks and scripts put the
repository root on ``sys.path`` first. Playwright's own browser download cannot
work on these machines, so Chromium is the system one (``CHROMIUM_PATH`` overrides).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run",
]  # fmt: skip


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log: Path | None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def logs(self) -> str:
        return self.log.read_text(errors="replace") if self.log else ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@contextmanager
def serve(
    argv: Sequence[str] = ("-m", "app"),
    *,
    workers: int = 1,
    log: Path | None = None,
    timeout: float = 30.0,
    **env: str,
) -> Iterator[Server]:
    """Run ``python *argv`` on a free port until the block ends; wait for /healthz first.

    The default is the console entry (``python -m app``), configured by
    ``SOFTMAX_*`` variables (`env` adds more). ``{port}`` in `argv` is replaced
    by the port, for other commands (``-m uvicorn ...``). Output goes to `log`
    (or nowhere); the server is stopped with SIGTERM, then killed after 20 s.
    """
    port = free_port()
    environ = {
        **os.environ, "PYTHONPATH": str(ROOT), "SOFTMAX_HOST": HOST, "SOFTMAX_PORT": str(port),
        "SOFTMAX_WORKERS": str(workers), **env,
    }  # fmt: skip
    command = [sys.executable, *(a.replace("{port}", str(port)) for a in argv)]
    out = log.open("wb") if log else subprocess.DEVNULL
    try:
        process = subprocess.Popen(command, cwd=ROOT, env=environ, stdout=out, stderr=out)
    finally:
        if log:
            out.close()
    server = Server(process, port, log)
    try:
        _wait_until_up(server, timeout)
        yield server
    finally:
        _stop(process)


def _wait_until_up(server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{server.url}/healthz", timeout=2):
                return
        except OSError:
            if server.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start:\n{server.logs()}") from None
            time.sleep(0.1)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def launch_chromium(playwright, *extra_args: str, **options):
    """Debian's Chromium through Playwright (``playwright.chromium.launch``)."""
    args = [*CHROMIUM_ARGS, *extra_args]
    return playwright.chromium.launch(executable_path=CHROMIUM, args=args, **options)
