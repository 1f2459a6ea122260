"""POST /api/softmax's lean path: the same numbers as the core, and steps when they are useful."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from app.api.schemas import STEPS_MAX_CLASSES, STEPS_MAX_VALUES
from app.core import argmax, entropy, hardmax, log_softmax, sigmoid, softmax, softmax_steps
from app.core.steps import softmax_report

JSON = {"content-type": "application/json"}

INPUTS = [
    ([4, 2, -1], 1.0),
    ([4, 2, -1], 3.0),
    ([4, 2, -1], 1e-300),
    ([3, 3, 1], 0.0),
    ([[4, 2, -1], [3, 3, 1]], 0.0),
    ([[4, 2, -1], [5.2, 0.8, -3.1]], 2.0),
    ([1.5, -0.5], 2.0),
    ([[1e308, -1e308], [1, 2]], 1e300),
    ([1e308, -1e308], 1e-300),
    ([1000, 999, -1000], 0.7),
    ([7.0], 1.0),
    (np.random.default_rng(0).standard_normal(100).round(3).tolist(), 0.5),
    (np.random.default_rng(1).standard_normal((3, 40)).tolist(), 1.0),
]


def exact_difference(a: float, b: float, t: float) -> float:
    """(a - b) / t as the core rounds it: the difference, then the quotient;
    where a - b is beyond float64, the exact quotient, correctly rounded."""
    with np.errstate(over="ignore"):
        d = np.float64(a) - np.float64(b)
        if np.isfinite(d):
            return float(d / t)
    try:
        return float((Fraction(float(a)) - Fraction(float(b))) / Fraction(t))
    except OverflowError:
        return math.inf if a > b else -math.inf


def separately(z, t):
    """The answer as the individual core functions give it."""
    z = np.asarray(z, dtype=np.float64)
    p, logp = softmax(z, t), log_softmax(z, t)
    steps = two_class = None
    if t > 0:
        steps = vars(softmax_steps(z, t))
        if z.shape[-1] == 2:
            difference = np.vectorize(exact_difference)(z[..., 0], z[..., 1], t)[()]
            two_class = {"difference": difference, "sigmoid": sigmoid(difference)}
    return {
        "probabilities": p,
        "log_probabilities": logp,
        "hardmax": hardmax(z),
        "argmax": argmax(z),
        "entropy": entropy(p, logp),
        "entropy_bits": entropy(p, logp, base=2),
        "max_entropy": np.log(z.shape[-1]),
        "temperature": t,
        "steps": steps,
        "two_class": two_class,
    }


def as_json(value):
    """Numbers as the API sends them: arrays as lists, +-inf as None."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if value is None:
        return None
    a = np.asarray(value, dtype=np.float64)
    return np.where(np.isfinite(a), a, None).tolist()


@pytest.mark.parametrize(("logits", "t"), INPUTS)
def test_the_answer_is_the_core_functions_to_the_bit(client, logits, t):
    r = client.post("/api/softmax", json={"logits": logits, "temperature": t, "steps": True})
    assert r.status_code == 200, r.text
    answer = r.json()
    expected = separately(logits, t)
    assert list(answer) == list(expected)
    for key, value in expected.items():
        assert as_json(answer[key]) == as_json(value), key


@pytest.mark.parametrize(("logits", "t"), INPUTS)
def test_softmax_report_is_the_core_functions_to_the_bit(logits, t):
    report = softmax_report(logits, t)
    expected = separately(logits, t)
    for key, value in expected.items():
        got = getattr(report, key)
        if key in ("steps", "two_class"):
            got = None if got is None else vars(got)
        assert as_json(got) == as_json(value), key


def steps_of(client, body):
    r = client.post("/api/softmax", json=body)
    assert r.status_code == 200, r.text
    return r.json()["steps"]


class TestSteps:
    def test_small_answers_carry_the_steps(self, client):
        assert steps_of(client, {"logits": [0.5] * STEPS_MAX_CLASSES}) is not None

    def test_the_page_largest_batch_carries_them(self, client):
        # 16 classes (the page's maximum) for the shown vector and 16 look-ahead rows.
        steps = steps_of(client, {"logits": [[0.1 * i] * 16 for i in range(17)]})
        assert len(steps["exponentials"]) == 17

    def test_more_classes_leave_them_out(self, client):
        assert steps_of(client, {"logits": [0.5] * (STEPS_MAX_CLASSES + 1)}) is None

    def test_more_values_in_all_leave_them_out(self, client):
        rows = STEPS_MAX_VALUES // 10
        assert steps_of(client, {"logits": [[0.0] * 10] * rows}) is not None
        assert steps_of(client, {"logits": [[0.0] * 10] * (rows + 1)}) is None

    def test_true_forces_them(self, client):
        z = np.random.default_rng(2).standard_normal(1000).tolist()
        steps = steps_of(client, {"logits": z, "steps": True})
        np.testing.assert_array_equal(steps["shifted"], softmax_steps(z).shifted)
        assert steps["sum_exponentials"] == softmax_steps(z).sum_exponentials

    def test_false_drops_them(self, client):
        r = client.post("/api/softmax", json={"logits": [4, 2, -1], "steps": False}).json()
        assert r["steps"] is None
        assert r["probabilities"] == softmax([4, 2, -1]).tolist()

    def test_none_at_zero_temperature_even_when_asked(self, client):
        assert steps_of(client, {"logits": [3, 3, 1], "temperature": 0, "steps": True}) is None

    @pytest.mark.parametrize("value", [1, "true", "yes", [True]])
    def test_only_a_boolean_or_null(self, client, value):
        r = client.post("/api/softmax", json={"logits": [1, 2], "steps": value})
        assert r.status_code == 422
        assert r.json()["detail"][0]["loc"] == ["body", "steps"]

    def test_null_is_the_default(self, client):
        assert steps_of(client, {"logits": [1, 2], "steps": None}) is not None

    def test_documented_in_openapi(self, client):
        spec = client.get("/openapi.json").json()
        body = spec["paths"]["/api/softmax"]["post"]["requestBody"]["content"]["application/json"]
        description = body["schema"]["properties"]["steps"]["description"]
        assert f"at most {STEPS_MAX_CLASSES} classes" in description
        assert f"{STEPS_MAX_VALUES:,} logits" in description
        answer = spec["components"]["schemas"]["SoftmaxResponse"]["properties"]["steps"]
        assert "by default" in answer["description"]


def test_a_body_in_several_chunks(client):
    def chunks():
        yield b'{"logits": [4, 2'
        yield b", -1]}"

    r = client.post("/api/softmax", content=chunks(), headers=JSON)
    assert r.status_code == 200, r.text
    assert r.json()["argmax"] == 0


def test_a_repeated_content_type_header_uses_the_first(client):
    headers = [("content-type", "application/json"), ("content-type", "text/plain")]
    r = client.post("/api/softmax", content=b'{"logits": [1, 2]}', headers=headers)
    assert r.status_code == 200, r.text


def test_short_vectors_on_python_floats_are_the_array_path_to_the_bit():
    """softmax_report of a list of at most 7 floats (Python floats) = of the same ndarray."""
    import orjson

    from app.core.steps import _small_report

    def encode(report):
        return orjson.dumps(
            report, option=orjson.OPT_SERIALIZE_NUMPY, default=lambda a: np.asarray(a).tolist()
        )

    rng = np.random.default_rng(5)
    taken = 0
    for _ in range(3000):
        k = int(rng.choice([1, 3, 4, 5, 6, 7]))
        z = rng.standard_normal(k) * 10.0 ** rng.uniform(-3, 3)
        if rng.random() < 0.3:
            z = z.round(int(rng.integers(0, 3)))
        if rng.random() < 0.1:
            z[rng.integers(0, k)] = z.max()  # a tie
        t = float(rng.choice([1.0, 0.5, 3.0, 1e-3, 7.7, 1e-200, 1e200]))
        taken += _small_report(z.tolist(), t, True) is not None
        assert encode(softmax_report(z.tolist(), t)) == encode(softmax_report(z, t)), (z, t)
    assert taken > 1000


class TestLargeBodies:
    """Bodies of LARGE_BODY_BYTES and more are parsed by orjson + numpy, else by pydantic."""

    FILLER = ", ".join(["0.5"] * 1000)

    def body(self, logits: str = "", extra: str = "") -> bytes:
        raw = f'{{"logits": [{logits}{self.FILLER}]{extra}}}'.encode()
        from app.api.softmax import LARGE_BODY_BYTES

        assert len(raw) >= LARGE_BODY_BYTES
        return raw

    def by_pydantic(self, raw: bytes):
        from app.api.body import validate_json
        from app.api.errors import ApiError
        from app.api.schemas import SoftmaxRequest

        try:
            body = validate_json(raw, SoftmaxRequest)
        except ApiError as err:
            return 422, {"detail": err.items}
        return 200, body

    @pytest.mark.parametrize(
        ("logits", "extra"),
        [
            ("NaN, ", ""),
            ("Infinity, ", ""),
            ("-Infinity, ", ""),
            ("1e400, ", ""),
            ('"1.5", ', ""),
            ("true, ", ""),
            ("false, ", ""),
            ("null, ", ""),
            ('"x", ', ""),
            ("[], ", ""),
            ("[1.0], ", ""),
            ("{}, ", ""),
            ("", ', "temperature": -1'),
            ("", ', "temperature": "2"'),
            ("", ', "temperature": true'),
            ("", ', "temperature": null'),
            ("", ', "temperature": 1e400'),
            ("", ', "temprature": 2'),
            ("", ', "steps": 1'),
            ("", ', "logits": []'),
        ],
    )
    def test_bad_bodies_get_pydantic_errors(self, client, logits, extra):
        self.assert_pydantics_422(client, self.body(logits, extra))

    def assert_pydantics_422(self, client, raw: bytes) -> None:
        status, expected = self.by_pydantic(raw)
        assert status == 422
        r = client.post("/api/softmax", content=raw, headers=JSON)
        assert r.status_code == 422
        assert r.json() == expected

    @pytest.mark.parametrize(
        "raw",
        [
            b'{"logits": [[1, 2.5], [3], [4, 5]]}',
            b'{"logits": [[[1.0, 2.0]]]}',
            b'{"logits": [[], []]}',
            b'{"logits": [[1.0, 2.0], 3.0]}',
            b'{"logits": [[1.0, 2.0], {}]}',
            b'{"logits": [[1.0, "2"], [3.0, 4.0]]}',
            b'{"logits": [[1.0, true], [3.0, 4.0]]}',
            b'{"logits": [[1.0, 2.0], [null, 4.0]]}',
            b'{"logits": [[1.0, 2.0], [[3.0], 4.0]]}',
        ],
    )
    def test_bad_shapes_get_pydantic_errors(self, client, raw):
        self.assert_pydantics_422(client, raw[:-1] + b', "temperature": 1.0' + b" " * 4096 + b"}")

    @pytest.mark.parametrize(
        ("logits", "extra"),
        [
            ("1, -2, 3, ", ""),
            ("-0, -0.0, 0.1e1, 1E2, 1e+2, 5e-324, 1e-400, 2.2250738585072011e-308, ", ""),
            ("9007199254740993, 100000000000000000000000, 18446744073709551616, ", ""),
            ("", ', "temperature": 3'),
            ("", ', "temperature": 0'),
            ("", ', "temperature": 1e-300'),
            ("", ', "logits": [1, 2, 3]'),  # the last one counts, as in pydantic
            ("", ', "steps": true'),
            ("", ', "steps": false'),
            ("", ', "steps": null'),
            ("", ', "\\u0074emperature": 2'),
        ],
    )
    def test_good_bodies_get_the_pydantic_answer(self, client, logits, extra):
        raw = self.body(logits, extra)
        status, body = self.by_pydantic(raw)
        assert status == 200
        r = client.post("/api/softmax", content=raw, headers=JSON)
        assert r.status_code == 200, r.text
        from app.api.softmax import wants_steps

        shape = np.shape(body.logits)
        expected = softmax_report(
            body.logits, body.temperature, steps=wants_steps(body.steps, shape)
        )
        answer = r.json()
        assert as_json(answer["probabilities"]) == as_json(expected.probabilities)
        assert as_json(answer["log_probabilities"]) == as_json(expected.log_probabilities)
        assert answer["entropy"] == expected.entropy
        assert (answer["steps"] is None) == (expected.steps is None)

    def test_random_floats_parse_as_pydantic_parses_them(self):
        import orjson

        from app.api.schemas import SoftmaxRequest
        from app.api.softmax import _parse_large

        rng = np.random.default_rng(7)
        x = (rng.standard_normal(2000) * 10.0 ** rng.integers(-320, 308, 2000)).tolist()
        texts = (
            [repr(v) for v in x] + [f"{v:.17e}" for v in x[:500]] + [f"{v:.3g}" for v in x[:500]]
        )
        raw = ('{"logits": [' + ", ".join(texts) + "]}").encode()
        z, t = _parse_large(raw)
        expected = np.array(SoftmaxRequest.model_validate_json(raw).logits)
        assert orjson.dumps(z, option=orjson.OPT_SERIALIZE_NUMPY) == orjson.dumps(
            expected, option=orjson.OPT_SERIALIZE_NUMPY
        )
        assert t == 1.0
