"""Every malformed request gets a 4xx JSON error naming the field and the reason."""

from __future__ import annotations

import json
import math

import pytest

JSON = {"content-type": "application/json"}


def assert_error(response, status, loc, msg, type_):
    """`status` with exactly one error item, and that item is `loc`, `msg` and `type_`, whole."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    detail = response.json()["detail"]
    assert isinstance(detail, list) and detail
    for item in detail:
        assert set(item) == {"loc", "msg", "type"}
    assert detail == [{"loc": loc, "msg": msg, "type": type_}], detail
    for token in ("NaN", "Infinity"):
        assert token not in response.text
    return detail


# (msg, type) of the errors many cases share; the tables below give the rest in full.
FINITE = ("Input should be a finite number", "finite_number")
NUMBER = ("Input should be a valid number", "float_type")
INTEGER = ("Input should be a valid integer", "int_type")
ARRAY = ("Input should be a valid array", "list_type")
NOT_A_LIST = ("must be a number, not a list", "float_type")
ONE_VECTOR = (
    "must be a number: this endpoint takes one vector of logits; "
    "a batch (a list of rows) goes to POST /api/softmax",
    "float_type",
)
REQUIRED = ("Field required", "missing")
EMPTY = ("must not be empty: it needs at least 1 item", "too_short")
GT_0 = ("Input should be greater than 0", "greater_than")
GE_0 = ("Input should be greater than or equal to 0", "greater_than_equal")
GE_1 = ("Input should be greater than or equal to 1", "greater_than_equal")
LE_1 = ("Input should be less than or equal to 1", "less_than_equal")

RAW_BODIES = [
    pytest.param(b'{"logits": [1, NaN]}', ["body", "logits", 1], FINITE, id="nan"),
    pytest.param(b'{"logits": [1, Infinity]}', ["body", "logits", 1], FINITE, id="infinity"),
    pytest.param(b'{"logits": [1, -Infinity]}', ["body", "logits", 1], FINITE, id="-infinity"),
    pytest.param(b'{"logits": [1, 1e400]}', ["body", "logits", 1], FINITE, id="1e400"),
    pytest.param(
        b'{"logits": [1, 2], "temperature": NaN}', ["body", "temperature"], FINITE, id="nan-t"
    ),
    pytest.param(
        b'{"logits": [1, 2], "temperature": 1e999}', ["body", "temperature"], FINITE, id="inf-t"
    ),
    pytest.param(b'{"logits": [1, "2"]}', ["body", "logits", 1], NUMBER, id="string"),
    pytest.param(b'{"logits": [1, true]}', ["body", "logits", 1], NUMBER, id="bool"),
    pytest.param(
        b'{"logits": [1, 2], "temperature": "2"}', ["body", "temperature"], NUMBER, id="str-t"
    ),
    pytest.param(
        b'{"logits": [1, 2], "temperature": true}', ["body", "temperature"], NUMBER, id="bool-t"
    ),
    pytest.param(b'{"logits": [1, null]}', ["body", "logits", 1], NUMBER, id="null-item"),
    pytest.param(b'{"logits": null}', ["body", "logits"], ARRAY, id="null"),
    pytest.param(
        b'{"logits": [1, 2], "temperature": null}', ["body", "temperature"], NUMBER, id="null-t"
    ),
    pytest.param(b"{}", ["body", "logits"], REQUIRED, id="missing"),
    pytest.param(
        b'{"logits": [1, 2], "temprature": 3}',
        ["body", "temprature"],
        ("unknown field; this endpoint takes logits, temperature, steps", "extra_forbidden"),
        id="misspelled",
    ),
    pytest.param(b'{"logits": []}', ["body", "logits"], EMPTY, id="empty"),
    pytest.param(b'{"logits": [[]]}', ["body", "logits", 0], EMPTY, id="empty-row"),
    pytest.param(
        b'{"logits": [[1, 2], [3]]}',
        ["body", "logits"],
        (
            "every row of a batch must have the same number of classes",
            "value_error",
        ),
        id="ragged",
    ),
    pytest.param(b'{"logits": [[[1, 2]]]}', ["body", "logits", 0, 0], NOT_A_LIST, id="3d"),
    pytest.param(b'{"logits": [1, [2]]}', ["body", "logits", 1], NOT_A_LIST, id="list-item"),
    pytest.param(
        b'{"logits": [1, 2], "temperature": -1}', ["body", "temperature"], GE_0, id="neg-t"
    ),
    pytest.param(b'{"logits": 5}', ["body", "logits"], ARRAY, id="scalar"),
    pytest.param(
        b"[1, 2, 3]", ["body"], ("Input should be an object", "model_type"), id="not-an-object"
    ),
    pytest.param(
        b'{"logits": [1, 2]',
        ["body"],
        ("Invalid JSON: EOF while parsing an object at line 1 column 17", "json_invalid"),
        id="truncated",
    ),
    pytest.param(
        b"",
        ["body"],
        ("the body is empty: send a JSON object", "json_invalid"),
        id="empty-body",
    ),
    pytest.param(
        b" \r\n\t",
        ["body"],
        ("the body is empty: send a JSON object", "json_invalid"),
        id="blank-body",
    ),
    pytest.param(
        b'\xff\xfe{"logits": [1]}',
        ["body"],
        ("the body must be UTF-8 JSON; it is not valid UTF-8 at byte offset 0", "json_invalid"),
        id="bad-utf8",
    ),
    pytest.param(
        '{"logits": [1], "é": 2}'.encode("latin-1"),
        ["body"],
        ("the body must be UTF-8 JSON; it is not valid UTF-8 at byte offset 17", "json_invalid"),
        id="latin-1-key",
    ),
    pytest.param(
        '{"logits": [1]}'.encode("utf-16"),
        ["body"],
        ("the body must be UTF-8 JSON; it is not valid UTF-8 at byte offset 0", "json_invalid"),
        id="utf-16",
    ),
    pytest.param(
        b"[" * 100_000 + b"]" * 100_000,
        ["body"],
        ("the JSON is nested too deeply (at line 1 column 202)", "json_invalid"),
        id="deep-nesting",
    ),
    pytest.param(
        b'{"logits": ' + b"[" * 100_000,
        ["body"],
        ("the JSON is nested too deeply (at line 1 column 212)", "json_invalid"),
        id="deep-unclosed",
    ),
]


@pytest.mark.parametrize(("raw", "loc", "error"), RAW_BODIES)
def test_softmax_bad_bodies(client, raw, loc, error):
    assert_error(client.post("/api/softmax", content=raw, headers=JSON), 422, loc, *error)


CROSS_ENTROPY = [
    ({"target": 3}, ["body", "target"], ("class indices must be in [0, 2]", "value_error")),
    ({"target": -1}, ["body", "target"], GE_0),
    ({"target": 1.5}, ["body", "target"], INTEGER),
    (
        {"target": [0.5, 0.6, -0.1]},
        ["body", "target"],
        ("probabilities must be >= 0", "value_error"),
    ),
    (
        {"target": [0.5, 0.4, 0.0]},
        ["body", "target"],
        ("probabilities must sum to 1 in every row", "value_error"),
    ),
    (
        {"target": [0.5, 0.5]},
        ["body", "target"],
        (
            "probability targets must be shaped like the logits: 3 values, got 2 values",
            "value_error",
        ),
    ),
    ({"target": "0"}, ["body", "target"], INTEGER),
    ({"target": 0, "label_smoothing": 1.5}, ["body", "label_smoothing"], LE_1),
    ({"target": 0, "label_smoothing": -0.5}, ["body", "label_smoothing"], GE_0),
    ({"target": 0, "weight": [1, -1, 1]}, ["body", "weight", 1], GE_0),
    (
        {"target": 0, "weight": [1, 1]},
        ["body", "weight"],
        ("must have one weight per class: 3 values, got 2 values", "value_error"),
    ),
    (
        {"target": 0, "weight": [0, 1, 1]},
        ["body", "weight"],
        ("the target classes' weights sum to 0, so the mean is undefined", "value_error"),
    ),
    ({"target": 0, "temperature": 0}, ["body", "temperature"], GT_0),
    (
        {"target": 0, "reduction": "avg"},
        ["body", "reduction"],
        ("Input should be 'mean', 'sum' or 'none'", "literal_error"),
    ),
    ({}, ["body", "target"], REQUIRED),
]


@pytest.mark.parametrize(("extra", "loc", "error"), CROSS_ENTROPY)
def test_cross_entropy_bad_bodies(client, extra, loc, error):
    response = client.post("/api/cross-entropy", json={"logits": [4, 2, -1], **extra})
    assert_error(response, 422, loc, *error)


def test_cross_entropy_batch_probability_rows_are_counted_in_words(client):
    body = {"logits": [[4, 2, -1], [0, 1, 2]], "target": [[0.5, 0.5], [0.5, 0.5]]}
    assert_error(
        client.post("/api/cross-entropy", json=body),
        422,
        ["body", "target"],
        "probability targets must be shaped like the logits: 2 rows of 3 values, "
        "got 2 rows of 2 values",
        "value_error",
    )


def test_cross_entropy_batch_index_count(client):
    response = client.post("/api/cross-entropy", json={"logits": [[1, 2], [3, 4]], "target": [0]})
    assert_error(
        response,
        422,
        ["body", "target"],
        "expected 2 class indices (one per row) or 2 rows of probabilities, got a list of 1",
        "value_error",
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
    assert_error(
        client.post("/api/cross-entropy", json=body),
        422,
        loc,
        "the gradient is too large for float64 (beyond 1.8e308): "
        "use a larger temperature or smaller weights",
        "gradient_overflow",
    )


PROBABILITY_0 = (
    "the loss cannot be computed in float64: a target class has probability 0 "
    "(its logit is too far below the others at this temperature)"
)


@pytest.mark.parametrize(
    ("body", "loc", "msg"),
    [
        # The weights push a loss of 1.3 over float64's range (it said "a
        # target class has probability 0", on target).
        (
            {"logits": [[1, 2], [3, -4]], "target": [0, 0], "weight": [1.7e308, 1.7e308],
             "reduction": "sum"},
            ["body", "weight"],
            "the loss is beyond float64 (above 1.8e308) with these weights: use smaller weights",
        ),
        ({"logits": [1e308, -1e308], "target": 1}, ["body", "target"], PROBABILITY_0),
        (
            {"logits": [1e308, -1e308], "target": 1, "weight": [1.0, 2.0]},
            ["body", "target"],
            PROBABILITY_0,
        ),
    ],
)  # fmt: skip
def test_cross_entropy_loss_beyond_float64_names_its_cause(client, body, loc, msg):
    response = client.post("/api/cross-entropy", json=body)
    assert_error(response, 422, loc, msg, "loss_overflow")


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
    ("body", "loc", "error"),
    [
        ({"logits": [1, 2], "temperatures": []}, ["body", "temperatures"], EMPTY),
        ({"logits": [1, 2], "temperatures": [1, -1]}, ["body", "temperatures", 1], GE_0),
        ({"logits": [[1, 2]], "temperatures": [1]}, ["body", "logits", 0], ONE_VECTOR),
        ({"logits": [1, [2]], "temperatures": [1]}, ["body", "logits", 1], ONE_VECTOR),
        ({"logits": [1, None], "temperatures": [1]}, ["body", "logits", 1], NUMBER),
        ({"logits": [1, 2]}, ["body", "temperatures"], REQUIRED),
    ],
)
def test_temperature_bad_bodies(client, body, loc, error):
    assert_error(client.post("/api/temperature", json=body), 422, loc, *error)


@pytest.mark.parametrize(
    ("extra", "loc", "error"),
    [
        ({"n": 0}, ["body", "n"], GE_1),
        ({"n": 10_001}, ["body", "n"], ("must be <= 10000", "less_than_equal")),
        ({"seed": -1}, ["body", "seed"], GE_0),
        ({"top_k": 0}, ["body", "top_k"], GE_1),
        ({"top_p": 0}, ["body", "top_p"], GT_0),
        ({"top_p": 1.5}, ["body", "top_p"], LE_1),
        ({"n": 1.5}, ["body", "n"], INTEGER),
        ({"logits": [[4, 2, -1]]}, ["body", "logits", 0], ONE_VECTOR),
    ],
)
def test_sample_bad_bodies(client, extra, loc, error):
    response = client.post("/api/sample", json={"logits": [4, 2, -1], **extra})
    assert_error(response, 422, loc, *error)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_wrong_content_type_is_415(client, content_type):
    headers = {"content-type": content_type} if content_type else {}
    response = client.post("/api/softmax", content=b'{"logits": [1, 2]}', headers=headers)
    assert_error(
        response,
        415,
        ["header", "content-type"],
        "must be application/json",
        "unsupported_media_type",
    )


def test_json_with_charset_is_accepted(client):
    headers = {"content-type": "application/json; charset=utf-8"}
    assert (
        client.post("/api/softmax", content=b'{"logits": [1, 2]}', headers=headers).status_code
        == 200
    )


TOO_LARGE = ("request body is larger than 1000 bytes", "body_too_large")


def test_body_over_the_byte_limit_is_413(make_client):
    client = make_client(max_body_bytes=1000)
    body = json.dumps({"logits": [1.0] * 500}).encode()
    assert len(body) > 1000
    response = client.post("/api/softmax", content=body, headers=JSON)
    assert_error(response, 413, ["body"], *TOO_LARGE)


def test_streamed_body_without_length_is_cut_at_the_limit(make_client):
    client = make_client(max_body_bytes=1000)

    def chunks():
        yield b'{"logits": ['
        for _ in range(2000):
            yield b"1.0,"
        yield b"1.0]}"

    response = client.post("/api/softmax", content=chunks(), headers=JSON)
    assert_error(response, 413, ["body"], *TOO_LARGE)


def test_too_many_numbers_is_413(make_client):
    client = make_client(max_numbers=10)
    response = client.post("/api/softmax", json={"logits": [[1.0] * 4] * 3})
    too_many = ("12 values are more than the limit of 10", "too_many_values")
    assert_error(response, 413, ["body", "logits"], *too_many)
    response = client.post(
        "/api/temperature", json={"logits": [1.0] * 4, "temperatures": [1, 2, 3]}
    )
    assert_error(response, 413, ["body", "temperatures"], *too_many)


NOT_FOUND = "no page, file or API endpoint at this path"


@pytest.mark.parametrize("path", ["/api/nope", "/nope", "/static/nope.js"])
def test_an_unknown_path_is_a_json_404(client, path):
    assert_error(client.get(path), 404, [], NOT_FOUND, "http_error")


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [("GET", "/api/softmax", "POST"), ("DELETE", "/api/temperature", "POST"), ("POST", "/", "GET")],
)
def test_a_wrong_method_is_a_json_405_naming_the_right_one(client, method, path, allowed):
    response = client.request(method, path)
    assert_error(response, 405, [], f"method not allowed: this path takes {allowed}", "http_error")
    assert response.headers["allow"] == allowed


@pytest.mark.parametrize(
    ("path", "body", "fields"),
    [
        ("/api/softmax", {"logits": [1]}, "logits, temperature, steps"),
        ("/api/temperature", {"logits": [1], "temperatures": [1]}, "logits, temperatures"),
        (
            "/api/cross-entropy",
            {"logits": [1], "target": 0},
            "logits, target, temperature, label_smoothing, weight, reduction",
        ),
        ("/api/sample", {"logits": [1]}, "logits, temperature, n, seed, top_k, top_p"),
        ("/api/digits/predict", {"pixels": [0] * 64}, "pixels, temperature"),
    ],
)
def test_an_unknown_field_is_answered_with_the_endpoints_fields(client, path, body, fields):
    response = client.post(path, json={**body, "colour": "red"})
    msg = f"unknown field; this endpoint takes {fields}"
    assert_error(response, 422, ["body", "colour"], msg, "extra_forbidden")


def test_server_keeps_serving_after_bad_input(client):
    for raw, *_ in (p.values for p in RAW_BODIES):
        client.post("/api/softmax", content=raw, headers=JSON)
    assert client.post("/api/softmax", json={"logits": [4, 2, -1]}).status_code == 200


TOO_MANY_ITEMS = ("more items than the limit of 200000 values allows", "too_many_values")


@pytest.mark.parametrize(
    ("items", "count", "status", "loc", "error"),
    [
        # ~3 MB of empty rows: refused before parsing.
        ("[]", 1_000_000, 413, ["body"], TOO_MANY_ITEMS),
        ('"a"', 1_000_000, 413, ["body"], TOO_MANY_ITEMS),
        # Under the comma bound: parsed, and the first bad row named.
        ("[]", 300_000, 422, ["body", "logits", 0], EMPTY),
        ("null", 150_000, 422, ["body", "logits", 0], NUMBER),
    ],
)
def test_a_million_bad_items_get_one_short_answer(client, items, count, status, loc, error):
    body = '{"logits": [' + ",".join([items] * count) + "]}"
    response = client.post(
        "/api/softmax", content=body, headers={"content-type": "application/json"}
    )
    assert_error(response, status, loc, *error)
    assert len(response.content) < 1000  # one error, not one per item (was ~100 MB)
