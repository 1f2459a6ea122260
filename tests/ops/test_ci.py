"""CI runs everything: .ci/run is the README's test command, which runs every step."""

from __future__ import annotations

import os
import re

import pytest

from tests.ops.conftest import ROOT

SCRIPT = (ROOT / "scripts" / "test").read_text()


def commands(text: str) -> list[str]:
    """The script's lines without comments and blank lines."""
    lines = (line.split(" #")[0].strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    two_commands = readme.split("## Two commands", 1)[1].split("```sh\n", 1)[1].split("```")[0]
    assert commands(two_commands) == ["scripts/serve", "scripts/test"]
    ci = commands((ROOT / ".ci" / "run").read_text())
    assert ci[0] == "set -euo pipefail"
    assert ci[-1] == "exec scripts/test"


@pytest.mark.parametrize(
    "step",
    [
        'python3 -m pytest "$@"',
        "python3 scripts/attack",
        "scripts/docker-smoke",
        "scripts/loadtest --duration 5",
        "python3 benchmarks/bench_core.py --quick",
        "python3 benchmarks/bench_api.py --quick",
        "python3 benchmarks/bench_report.py --quick",
        "python3 benchmarks/bench_page.py --quick",
    ],
)
def test_the_test_command_runs_every_step(step: str) -> None:
    assert "set -euo pipefail" in commands(SCRIPT)
    assert step in commands(SCRIPT)


def test_only_quick_skips_the_ops_steps() -> None:
    assert re.search(r"^quick=\$\{SOFTMAX_TEST_QUICK:-0\}$", SCRIPT, re.MULTILINE)
    assert 'if [ "$quick" != 1 ]; then\n  step "scripts/attack' in SCRIPT


def test_both_commands_run_from_a_venv() -> None:
    """Debian's system Python refuses pip installs (PEP 668): both commands use .venv."""
    serve = commands((ROOT / "scripts" / "serve").read_text())
    for script in (serve, commands(SCRIPT)):
        use = script.index("use_venv")
        assert script[use - 1] == ". scripts/venv.sh"
        pip = next(i for i, line in enumerate(script) if line.startswith("python3 -m pip install"))
        assert use < pip
    assert serve[-1] == 'exec python3 -m app "$@"'


@pytest.mark.parametrize(
    "name", ["test", "serve", "attack", "docker-smoke", "loadtest", "screenshot"]
)
def test_scripts_are_executable(name: str) -> None:
    assert os.access(ROOT / "scripts" / name, os.X_OK), name
    assert os.access(ROOT / ".ci" / "run", os.X_OK)
