"""Every curl example in the README and docs/api.md prints what they say it prints."""

from __future__ import annotations

import itertools
import json
import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", ROOT / "docs" / "api.md"]
PAIR = re.compile(r"```sh\n(curl [^`]*?)\n```\n```json\n([^`]*?)\n```")


def read(path: Path = ROOT / "docs" / "api.md") -> str:
    return path.read_text(encoding="utf-8")


def examples(text: str | None = None):
    text = "\n".join(read(p) for p in DOCS) if text is None else text
    return [(cmd.replace("\\\n", " "), json.loads(out)) for cmd, out in PAIR.findall(text)]


def test_the_api_reference_has_examples_for_every_post_endpoint():
    found = examples(read())
    paths = {re.search(r"127\.0\.0\.1:8000(\S+)", cmd).group(1) for cmd, _ in found}
    assert {"/api/softmax", "/api/temperature", "/api/cross-entropy", "/api/sample"} <= paths


def test_the_readme_keeps_the_food_example_and_links_the_reference():
    text = read(ROOT / "README.md")
    [(command, answer)] = examples(text)
    assert command.endswith("""-d '{"logits": [4, 2, -1]}'""")
    assert [round(p, 4) for p in answer["probabilities"]] == [0.8756, 0.1185, 0.0059]
    assert "](docs/api.md)" in text
    assert "](LICENSE)" in text


def test_the_readme_first_screen_is_short():
    """Its first screen (up to the section after the two commands' example) fits ~60 lines."""
    lines = read(ROOT / "README.md").splitlines()
    second = [i for i, line in enumerate(lines) if line.startswith("## ")][1]
    assert second <= 60, second


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
    text = "\n".join(read(p) for p in DOCS)
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


def test_the_license_is_mit_as_pyproject_says():
    text = read(ROOT / "LICENSE")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 Softmax Explorer contributors\n")
    assert 'license = "MIT"' in read(ROOT / "pyproject.toml")
