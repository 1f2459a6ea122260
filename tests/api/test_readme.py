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
