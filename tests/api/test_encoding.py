"""app/api/encoding.py: answers as orjson, large ones in pieces."""

from __future__ import annotations

import numpy as np
import orjson

from app.api.encoding import PIECE, NumpyJSONResponse
from tests.support.loops import run_in_own_loop


def _sent(content) -> list[dict]:
    messages: list[dict] = []

    async def send(message):
        messages.append(message)

    async def receive():
        return {"type": "http.disconnect"}

    scope = {"type": "http", "method": "POST", "path": "/"}
    run_in_own_loop(lambda: NumpyJSONResponse(content)(scope, receive, send))
    return messages


def test_a_small_answer_is_one_message() -> None:
    start, body = _sent({"p": np.array([0.5, 0.5])})
    assert dict(start["headers"])[b"content-length"] == b"15"
    assert body == {"type": "http.response.body", "body": b'{"p":[0.5,0.5]}'}


def test_a_large_answer_goes_in_pieces_that_make_the_whole() -> None:
    values = np.random.default_rng(0).standard_normal(100_000)
    whole = orjson.dumps({"v": values.tolist()})
    start, *bodies = _sent({"v": values})
    assert int(dict(start["headers"])[b"content-length"]) == len(whole) > 3 * PIECE
    assert len(bodies) == -(-len(whole) // PIECE)
    assert all(len(m["body"]) == PIECE for m in bodies[:-1])
    assert [m["more_body"] for m in bodies] == [True] * (len(bodies) - 1) + [False]
    assert b"".join(m["body"] for m in bodies) == whole


def test_a_large_softmax_answer_arrives_whole(client) -> None:
    logits = np.random.default_rng(1).standard_normal(100_000).tolist()
    r = client.post("/api/softmax", json={"logits": logits, "steps": True})
    assert r.status_code == 200
    assert int(r.headers["content-length"]) == len(r.content) > 10 * PIECE
    p = np.array(r.json()["probabilities"])
    assert abs(p.sum() - 1) < 1e-12 and p.shape == (100_000,)
