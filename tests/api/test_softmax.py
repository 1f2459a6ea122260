"""POST /api/softmax: the core's numbers (app/report.py lays them out), steps when useful."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from app import report_short
from app.api.encoding import NumpyJSONResponse
from app.api.schemas import STEPS_MAX_CLASSES, STEPS_MAX_VALUES
from app.core import argmax, entropy, hardmax, log_softmax, shift, sigmoid, softmax
from app.report import softmax_response

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


def steps_of_the_formula(z, t):
    """The steps as a student would compute them with the core's shift."""
    s = shift(z, t)
    e = np.exp(s)
    with np.errstate(over="ignore"):
        scaled = z / t
        exp_scaled = np.exp(scaled)
        sum_exp_scaled = exp_scaled.sum(axis=-1)
    return {
        "scaled": scaled,
        "max_scaled": scaled.max(axis=-1),
        "shifted": s,
        "exponentials": e,
        "sum_exponentials": e.sum(axis=-1),
        "exp_scaled": exp_scaled,
        "sum_exp_scaled": sum_exp_scaled,
    }


def separately(z, t):
    """The answer as the individual core functions give it."""
    z = np.asarray(z, dtype=np.float64)
    p, logp = softmax(z, t), log_softmax(z, t)
    steps = two_class = None
    if t > 0:
        steps = steps_of_the_formula(z, t)
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
def test_the_answer_is_the_core_functions(client, logits, t):
    r = client.post("/api/softmax", json={"logits": logits, "temperature": t, "steps": True})
    assert r.status_code == 200, r.text
    answer = r.json()
    expected = separately(logits, t)
    assert list(answer) == list(expected)
    for key, value in expected.items():
        if key in ("entropy", "entropy_bits"):  # summed in another order: within an ulp or two
            np.testing.assert_allclose(answer[key], value, rtol=4e-16, atol=1e-300)
        elif key == "steps" and value is not None:
            for name, numbers in value.items():  # sums in another order too
                pair = (answer[key][name], numbers)
                got, want = (np.array(as_json(x), dtype=float) for x in pair)
                np.testing.assert_allclose(got, want, rtol=4e-16)  # null (inf) as NaN: equal
        else:
            assert as_json(answer[key]) == as_json(value), key


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
        expected = steps_of_the_formula(np.array(z), 1.0)
        np.testing.assert_array_equal(steps["shifted"], expected["shifted"])
        assert steps["sum_exponentials"] == expected["sum_exponentials"]

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


def test_large_bodies_are_parsed_by_pydantic_too(client):
    """No byte sniffing: a 1000-logit body with a boolean gets pydantic's own 422."""
    raw = ('{"logits": [' + ", ".join(["0.5"] * 1000) + ", true]}").encode()
    r = client.post("/api/softmax", content=raw, headers=JSON)
    assert r.status_code == 422
    assert r.json() == {
        "detail": [
            {"loc": ["body", "logits", 1000], "msg": "Input should be a valid number",
             "type": "float_type"}
        ]
    }  # fmt: skip


@pytest.mark.parametrize(
    ("logits", "t", "short"),
    [
        ([4, 2, -1], 1, True),
        ([1.5, -0.5], 0.3, True),
        ([0.25 * i for i in range(7)], 3, True),
        ([0.25 * i for i in range(8)], 3, False),  # 8 classes: numpy sums in another order
        ([[4, 2, -1]], 1, False),  # a batch
        ([4, 2, -1], 0, False),  # the hard max
        ([1.5e308, -1.5e308], 1e300, False),  # z - max z beyond float64
    ],
)
def test_short_vectors_get_the_plain_reports_bytes(client, monkeypatch, logits, t, short):
    entered = []
    fast = report_short.softmax_response

    def spy(*args, **kwargs):
        entered.append(args)
        return fast(*args, **kwargs)

    monkeypatch.setattr(report_short, "softmax_response", spy)
    r = client.post("/api/softmax", json={"logits": logits, "temperature": t})
    assert r.status_code == 200, r.text
    z = np.array(logits, dtype=np.float64)
    assert r.content == NumpyJSONResponse(softmax_response(z, t + 0.0, steps=True)).body
    assert bool(entered) == short
