"""The answers' encoder survives what corrupts the heap in orjson 3.12 and 3.13.

orjson 3.12.0 and 3.13.0 write past their buffer when they encode numpy float
arrays whose numbers print long (about 1146 values of 24 characters next to
another array), and the process aborts ("free(): invalid next size"): one
request could kill a worker. pyproject.toml pins orjson below 3.12. This runs
the crashing patterns in a child process, where an abort is a failed test, not
a dead test run.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import numpy as np
    import orjson
    from fastapi.testclient import TestClient

    from app.api.encoding import NumpyJSONResponse
    from app.main import create_app

    # The reviewer's reproducer, then random arrays of every print length.
    NumpyJSONResponse([np.zeros(1146), np.full(1146, -1.0123456789012345e229)])
    rng = np.random.default_rng(0)
    for _ in range(1500):
        n = int(rng.integers(1, 4000))
        if rng.random() < 0.5:
            a = -(1 + rng.random(n)) * 1e229
        else:
            a = rng.standard_normal(n) * 10.0 ** rng.integers(-320, 308, n)
        body = NumpyJSONResponse(
            {"probabilities": a, "log_probabilities": a[::-1].copy(), "hardmax": np.zeros(n)}
        ).body
        assert orjson.loads(body)["probabilities"] == a.tolist()

    # Through the API: log-probabilities of about -1e229 print long.
    client = TestClient(create_app())
    logits = [0.0] + (-(1 + np.random.default_rng(1146).random(1145)) * 1e229).tolist()
    r = client.post("/api/softmax", json={"logits": logits})
    assert r.status_code == 200 and len(r.json()["log_probabilities"]) == 1146
    print("ok", orjson.__version__)
    """
)


def test_encoder_survives_the_orjson_numpy_heap_overflow():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("ok")
