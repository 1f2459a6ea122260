"""tests/core runs without the web stack: the core is numpy only (ARCHITECTURE.md).

The core's tests are run in a subprocess in which importing FastAPI, Starlette,
pydantic, uvicorn, httpx or Jinja2 fails, as on a machine without them (shown once
by hand in a venv holding only numpy, scipy, mpmath, hypothesis and pytest).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.support.serve import ROOT

WEB = ("fastapi", "starlette", "pydantic", "pydantic_core", "uvicorn", "httpx", "jinja2")

# Runs pytest on tests/core with a meta-path finder that refuses the web packages.
RUNNER = textwrap.dedent(
    """
    import sys

    import pytest

    BLOCKED = set(sys.argv[1].split(","))


    class Blocker:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ModuleNotFoundError(f"No module named {name!r} (blocked)", name=name)
            return None


    sys.meta_path.insert(0, Blocker())
    sys.exit(pytest.main(["tests/core", "app/core", "-q", "-p", "no:cacheprovider"]))
    """
)


def run_core_tests(blocked: tuple[str, ...]) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}  # plugins may import httpx
    return subprocess.run(
        [sys.executable, "-c", RUNNER, ",".join(blocked)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def test_core_tests_pass_without_the_web_stack() -> None:
    result = run_core_tests(WEB)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout
    assert "blocked" not in result.stdout


def test_the_blocker_blocks() -> None:
    # A test that could not fail would prove nothing: with numpy blocked, the run fails.
    result = run_core_tests((*WEB, "numpy"))
    assert result.returncode != 0
    assert "No module named 'numpy' (blocked)" in result.stdout + result.stderr
