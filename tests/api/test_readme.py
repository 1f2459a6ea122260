"""Every curl example in the README prints what the README says it prints."""

from __future__ import annotations

import itertools
import json
import re
import shlex
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
PAIR = re.compile(r"```sh\n(curl [^`]*?)\n```\n```json\n([^`]*?)\n```")


def examples():
    text = README.read_text(encoding="utf-8")
    return [(cmd.replace("\\\n", " "), json.loads(out)) for cmd, out in PAIR.findall(text)]


def test_readme_has_examples_for_every_post_endpoint():
    paths = {re.search(r"127\.0\.0\.1:8000(\S+)", cmd).group(1) for cmd, _ in examples()}
    assert {"/api/softmax", "/api/temperature", "/api/cross-entropy", "/api/sample"} <= paths


@pytest.mark.parametrize(("command", "expected"), examples())
def test_example_output(client, command, expected):
    args = shlex.split(command)
    url = next(a for a in args if a.startswith("http://"))
    headers = dict(h.split(": ", 1) for flag, h in itertools.pairwise(args) if flag == "-H")
    body = args[args.index("-d") + 1] if "-d" in args else None
    path = url.removeprefix("http://127.0.0.1:8000")
    if body is None:
        response = client.get(path)
    else:
        response = client.post(path, content=body.encode(), headers=headers)
    assert response.json() == expected


PYTHON = re.compile(r"```python\n([^`]*?)\n```")
NUMBER = re.compile(r"-?\d+\.\d+(?:e-?\d+)?|-?\d+(?=\.)")


def python_lines():
    text = README.read_text(encoding="utf-8")
    return [line for block in PYTHON.findall(text) for line in block.splitlines()]


def test_readme_python_runs_and_prints_what_it_says():
    """Each `expr  # array(...)` line of the README's Python gives the numbers in its comment."""
    import numpy as np

    lines = python_lines()
    assert any("probabilities=False" in line for line in lines)
    scope: dict = {}
    checked = 0
    for line in lines:
        code, _, comment = line.partition("#")
        exec(code, scope)  # the README's own example code
        if comment.strip().startswith(("array(", "(array(")):
            value = eval(code, scope)  # an expression: its value is what the comment shows
            parts = value if isinstance(value, tuple) else [value]
            got = np.concatenate([np.ravel(v) for v in parts])
            shown = [float(x) for x in NUMBER.findall(comment.split(";")[0])]
            assert len(shown) == got.size, line
            for want, have in zip(shown, got, strict=True):
                digits = len(str(want).split(".")[-1]) if "." in str(want) else 0
                assert abs(have - want) <= 10.0 ** -min(digits, 12), (line, have, want)
            checked += 1
    assert checked >= 3
