"""The Dockerfile's promises, checked without an engine (scripts/docker-smoke builds it)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from tests.ops.conftest import ROOT, Server, free_port

DOCKERFILE = (ROOT / "Dockerfile").read_text()
# Instructions of the final stage, continuation lines joined.
FINAL = DOCKERFILE.replace("\\\n", " ").split("\nFROM ")[-1]


def instructions(name: str) -> list[str]:
    return [m.group(1).strip() for m in re.finditer(rf"^{name} (.*)$", FINAL, re.MULTILINE)]


def test_base_user_port_and_command() -> None:
    assert re.findall(r"^ARG BASE_IMAGE=(\S+)$", DOCKERFILE, re.MULTILINE) == ["python:3.12-slim"]
    assert re.findall(r"^FROM (\S+)", DOCKERFILE, re.MULTILINE) == ["${BASE_IMAGE}"] * 2
    assert instructions("USER") == ["10001"]
    assert instructions("EXPOSE") == ["8000"]
    [cmd] = instructions("CMD")
    assert json.loads(cmd) == ["python", "-m", "app"]  # exec form: uvicorn gets SIGTERM
    [env] = [e for e in instructions("ENV") if "SOFTMAX_HOST" in e]
    assert {"SOFTMAX_HOST=0.0.0.0", "PORT=8000", "WORKERS=2"} <= set(env.split())


def test_dependencies_are_installed_before_the_code_arrives() -> None:
    deps = FINAL.index("pip install --no-cache-dir -r /tmp/requirements.txt")
    code = FINAL.index("COPY --from=build /dist/")
    assert deps < code
    assert "pip install --no-cache-dir --no-deps /tmp/dist/*.whl" in FINAL  # not editable


def test_dockerignore_keeps_tests_and_git_out() -> None:
    lines = (ROOT / ".dockerignore").read_text().split()
    assert lines[lines.index("*")] == "*"  # everything out, then what the image needs back in
    assert {"!pyproject.toml", "!README.md", "!LICENSE", "!app/", "!static/", "!templates/"} <= set(
        lines
    )


def healthcheck() -> list[str]:
    [line] = instructions("HEALTHCHECK")
    return json.loads(line[line.index("CMD ") + 4 :])


def run_healthcheck(port: int) -> int:
    env = {k: v for k, v in os.environ.items() if k not in ("SOFTMAX_PORT", "PORT")}
    cmd = healthcheck()
    assert cmd[0] == "python"  # the standard library only: no curl in the image
    return subprocess.run([sys.executable, *cmd[1:]], env={**env, "PORT": str(port)},
                          capture_output=True, timeout=10).returncode  # fmt: skip


def test_healthcheck_passes_on_a_live_server(server: Server) -> None:
    assert run_healthcheck(server.port) == 0


def test_healthcheck_fails_when_nothing_answers() -> None:
    assert run_healthcheck(free_port()) != 0
