"""Every malformed request gets a 4xx JSON error naming the field and the reason."""

from __future__ import annotations

import json
import math

import pytest

JSON = {"content-type": "application/json"}


def assert_error(response, status, loc=None, msg=None):
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    detail = response.json()["detail"]
    assert isinstance(detail, list) and detail
    for item in detail:
        assert set(item) == {"loc", "msg", "type"}
    if loc is not None:
        assert detail[0]["loc"] == loc, detail
    if msg is not None:
        assert msg in detail[0]["msg"], detail
    for token in ("NaN", "Infinity"):
        assert token not in response.text
    return detail


RAW_BODIES = [
    pytest.param(b'{"logits": [1, NaN]}', ["body", "logits", 1], "finite", id="nan"),
    pytest.param(b'{"logits": [1, Infinity]}', ["body", "logits", 1], "finite", id="infinity"),
    pytest.param(b'{"logits": [1, -Infinity]}', ["body", "logits", 1], "finite", id="-infinity"),
    pytest.param(b'{"logits": [1, 1e400]}', ["body", "logits", 1], "finite", id="1e400"),
    pytest.param(
        b'{"logits": [1, 2], "temperature": NaN}', ["body", "temperature"], "finite", id="nan-t"
    ),
    pytest.param(
        b'{"logits": [1, 2], "temperature": 1e999}', ["body", "temperature"], "finite", id="inf-t"
    ),
    pytest.param(b'{"logits": [1, "2"]}', ["body", "logits", 1], "valid number", id="string"),
    pytest.param(b'{"logits": [1, true]}', ["body", "logits", 1], "valid number", id="bool"),
    pytest.param(
        b'{"logits": [1, 2], "temperature": "2"}', ["body", "temperature"], None, id="str-t"
    ),
    pytest.param(
        b'{"logits": [1, 2], "temperature": true}', ["body", "temperature"], None, id="bool-t"
    ),
    pytest.param(b'{"logits": [1, null]}', ["body", "logits", 1], None, id="null-item"),
    pytest.param(b'{"logits": null}', ["body", "logits"], None, id="null"),
    pytest.param(
        b'{"logits": [1, 2], "temperature": null}', ["body", "temperature"], None, id="null-t"
    ),
    pytest.param(b"{}", ["body", "logits"], "Field required", id="missing"),
    pytest.param(
        b'{"logits": [1, 2], "temprature": 3}', ["body", "temprature"], "Extra", id="misspelled"
    ),
    pytest.param(b'{"logits": []}', ["body", "logits"], "at least 1", id="empty"),
    pytest.param(b'{"logits": [[]]}', ["body", "logits", 0], "at least 1", id="empty-row"),
    pytest.param(b'{"logits": [[1, 2], [3]]}', ["body", "logits"], "same number", id="ragged"),
    pytest.param(b'{"logits": [[[1, 2]]]}', ["body", "logits", 0, 0], "valid number", id="3d"),
    pytest.param(
        b'{"logits": [1, 2], "temperature": -1}',
        ["body", "temperature"],
        "greater than or equal to 0",
        id="neg-t",
    ),
    pytest.param(b'{"logits": 5}', ["body", "logits"], "valid array", id="scalar"),
    pytest.param(b"[1, 2, 3]", ["body"], None, id="not-an-object"),
    pytest.param(b'{"logits": [1, 2]', ["body"], "Invalid JSON", id="truncated"),
    pytest.param(b"", ["body"], "Invalid JSON", id="empty-body"),
    pytest.param(b'\xff\xfe{"logits": [1]}', ["body"], "Invalid JSON", id="bad-utf8"),
    pytest.param(b"[" * 100_000 + b"]" * 100_000, ["body"], "recursion limit", id="deep-nesting"),
    pytest.param(b'{"logits": ' + b"[" * 100_000, ["body"], "recursion limit", id="deep-unclosed"),
]


@pytest.mark.parametrize(("raw", "loc", "msg"), RAW_BODIES)
def test_softmax_bad_bodies(client, raw, loc, msg):
    assert_error(client.post("/api/softmax", content=raw, headers=JSON), 422, loc, msg)


CROSS_ENTROPY = [
    ({"target": 3}, ["body", "target"], "[0, 2]"),
    ({"target": -1}, ["body", "target"], "greater than or equal to 0"),
    ({"target": 1.5}, ["body", "target"], None),
    ({"target": [0.5, 0.6, -0.1]}, ["body", "target"], ">= 0"),
    ({"target": [0.5, 0.4, 0.0]}, ["body", "target"], "sum to 1"),
    ({"target": [0.5, 0.5]}, ["body", "target"], "shape"),
    ({"target": "0"}, ["body", "target"], None),
    ({"target": 0, "label_smoothing": 1.5}, ["body", "label_smoothing"], "less than or equal"),
    ({"target": 0, "label_smoothing": -0.5}, ["body", "label_smoothing"], "greater than or equal"),
    ({"target": 0, "weight": [1, -1, 1]}, ["body", "weight", 1], "greater than or equal"),
    ({"target": 0, "weight": [1, 1]}, ["body", "weight"], "one entry per class"),
    ({"target": 0, "weight": [0, 1, 1]}, ["body", "weight"], "sum to 0"),
    ({"target": 0, "temperature": 0}, ["body", "temperature"], "greater than 0"),
    ({"target": 0, "reduction": "avg"}, ["body", "reduction"], None),
    ({}, ["body", "target"], "Field required"),
]


@pytest.mark.parametrize(("extra", "loc", "msg"), CROSS_ENTROPY)
def test_cross_entropy_bad_bodies(client, extra, loc, msg):
    response = client.post("/api/cross-entropy", json={"logits": [4, 2, -1], **extra})
    assert_error(response, 422, loc, msg)


def test_cross_entropy_batch_index_count(client):
    response = client.post("/api/cross-entropy", json={"logits": [[1, 2], [3, 4]], "target": [0]})
    assert_error(
        response,
        422,
        ["body", "target"],
        "expected 2 class indices (one per row) or 2 rows of probabilities, got a list of 1",
    )


@pytest.mark.parametrize(
    ("extra", "loc"),
    [
        ({"temperature": 5e-324}, ["body", "temperature"]),
        # Logits 0, 0 keep the loss at 1e308 log 2; the gradient is 0.5e308 / T.
        (
            {"weight": [1e308, 1e308], "reduction": "sum", "temperature": 0.25},
            ["body", "temperature"],
        ),
    ],
)
def test_cross_entropy_gradient_beyond_float64_is_422(client, extra, loc):
    body = {"logits": [0, 0], "target": 0, **extra}
    assert_error(client.post("/api/cross-entropy", json=body), 422, loc, "gradient is too large")
    assert client.post("/api/cross-entropy", json=body).json()["detail"][0]["type"] == (
        "gradient_overflow"
    )


@pytest.mark.parametrize(
    ("body", "loc", "words"),
    [
        # The weights push a loss of 1.3 over float64's range (it said "a
        # target class has probability 0", on target).
        (
            {"logits": [[1, 2], [3, -4]], "target": [0, 0], "weight": [1.7e308, 1.7e308],
             "reduction": "sum"},
            ["body", "weight"],
            "use smaller weights",
        ),
        ({"logits": [1e308, -1e308], "target": 1}, ["body", "target"], "probability 0"),
        (
            {"logits": [1e308, -1e308], "target": 1, "weight": [1.0, 2.0]},
            ["body", "target"],
            "probability 0",
        ),
    ],
)  # fmt: skip
def test_cross_entropy_loss_beyond_float64_names_its_cause(client, body, loc, words):
    response = client.post("/api/cross-entropy", json=body)
    assert_error(response, 422, loc, words)
    assert response.json()["detail"][0]["type"] == "loss_overflow"


@pytest.mark.parametrize(
    ("extra", "loss", "gradient"),
    [
        ({"weight": [1e308, 1e308]}, math.log(2), [-0.5, 0.5]),  # mean: the weights cancel
        ({"weight": [0, 0], "reduction": "sum", "temperature": 5e-324}, 0.0, [0.0, 0.0]),
        ({"weight": [1e308, 1e308], "reduction": "sum"}, 1e308 * math.log(2), [-5e307, 5e307]),
    ],
)
def test_cross_entropy_extreme_but_representable_is_exact(client, extra, loss, gradient):
    r = client.post("/api/cross-entropy", json={"logits": [0, 0], "target": 0, **extra})
    assert r.status_code == 200, r.text
    assert r.json()["loss"] == pytest.approx(loss, rel=1e-15)
    assert r.json()["gradient"] == pytest.approx(gradient, rel=1e-15)


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"logits": [1, 2], "temperatures": []}, ["body", "temperatures"]),
        ({"logits": [1, 2], "temperatures": [1, -1]}, ["body", "temperatures", 1]),
        ({"logits": [[1, 2]], "temperatures": [1]}, ["body", "logits", 0]),
        ({"logits": [1, 2]}, ["body", "temperatures"]),
    ],
)
def test_temperature_bad_bodies(client, body, loc):
    assert_error(client.post("/api/temperature", json=body), 422, loc)


@pytest.mark.parametrize(
    ("extra", "loc", "msg"),
    [
        ({"n": 0}, ["body", "n"], "greater than or equal to 1"),
        ({"n": 10_001}, ["body", "n"], "<= 10000"),
        ({"seed": -1}, ["body", "seed"], None),
        ({"top_k": 0}, ["body", "top_k"], None),
        ({"top_p": 0}, ["body", "top_p"], None),
        ({"top_p": 1.5}, ["body", "top_p"], None),
        ({"n": 1.5}, ["body", "n"], None),
    ],
)
def test_sample_bad_bodies(client, extra, loc, msg):
    response = client.post("/api/sample", json={"logits": [4, 2, -1], **extra})
    assert_error(response, 422, loc, msg)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_wrong_content_type_is_415(client, content_type):
    headers = {"content-type": content_type} if content_type else {}
    response = client.post("/api/softmax", content=b'{"logits": [1, 2]}', headers=headers)
    assert_error(response, 415, ["header", "content-type"], "application/json")


def test_json_with_charset_is_accepted(client):
    headers = {"content-type": "application/json; charset=utf-8"}
    assert (
        client.post("/api/softmax", content=b'{"logits": [1, 2]}', headers=headers).status_code
        == 200
    )


def test_body_over_the_byte_limit_is_413(make_client):
    client = make_client(max_body_bytes=1000)
    body = json.dumps({"logits": [1.0] * 500}).encode()
    assert len(body) > 1000
    assert_error(
        client.post("/api/softmax", content=body, headers=JSON), 413, ["body"], "1000 bytes"
    )


def test_streamed_body_without_length_is_cut_at_the_limit(make_client):
    client = make_client(max_body_bytes=1000)

    def chunks():
        yield b'{"logits": ['
        for _ in range(2000):
            yield b"1.0,"
        yield b"1.0]}"

    response = client.post("/api/softmax", content=chunks(), headers=JSON)
    assert_error(response, 413, ["body"], "larger than 1000 bytes")


def test_too_many_numbers_is_413(make_client):
    client = make_client(max_numbers=10)
    response = client.post("/api/softmax", json={"logits": [[1.0] * 4] * 3})
    assert_error(response, 413, ["body", "logits"], "12 values is more than the limit of 10")
    response = client.post(
        "/api/temperature", json={"logits": [1.0] * 4, "temperatures": [1, 2, 3]}
    )
    assert_error(response, 413, ["body", "temperatures"])


def test_unknown_route_and_method_are_json_4xx(client):
    assert_error(client.get("/api/nope"), 404)
    assert_error(client.get("/api/softmax"), 405)


def test_server_keeps_serving_after_bad_input(client):
    for raw, *_ in (p.values for p in RAW_BODIES):
        client.post("/api/softmax", content=raw, headers=JSON)
    assert client.post("/api/softmax", json={"logits": [4, 2, -1]}).status_code == 200


@pytest.mark.parametrize(
    ("items", "count", "status"),
    [
        ("[]", 1_000_000, 413),  # ~3 MB of empty rows: refused before parsing
        ('"a"', 1_000_000, 413),
        ("[]", 300_000, 422),  # under the comma bound: parsed, and the first bad row named
        ("null", 150_000, 422),
    ],
)
def test_a_million_bad_items_get_one_short_answer(client, items, count, status):
    body = '{"logits": [' + ",".join([items] * count) + "]}"
    response = client.post(
        "/api/softmax", content=body, headers={"content-type": "application/json"}
    )
    assert_error(response, status)
    assert len(response.content) < 1000  # one error, not one per item (was ~100 MB)
    if status == 422:
        assert len(response.json()["detail"]) == 1
        assert response.json()["detail"][0]["loc"][:3] == ["body", "logits", 0]
