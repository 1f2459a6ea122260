"""app/report_short.py: the same bytes as the plain report, wherever it is entered."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from app import report_short
from app.api.encoding import NumpyJSONResponse
from app.report import softmax_response

TEMPERATURES = [1e-300, 1e-30, 1e-3, 0.3, 1.0, 3.0, 7.5, 1e30, 1e300]


def _logit_vectors(rng: np.random.Generator):
    """Vectors of 1..MAX_CLASSES logits, ordinary and extreme, ties and subnormals."""
    for k in range(1, report_short.MAX_CLASSES + 1):
        for scale in (1e-320, 1e-300, 1e-8, 1.0, 10.0, 300.0, 1e5, 1e150, 1e307):
            for _ in range(3):
                yield rng.standard_normal(k) * scale
        yield rng.integers(-3, 4, k).astype(np.float64)  # ties, and zeros
        yield np.full(k, 1e308) - rng.integers(0, 2, k) * 1e292  # large, close together
        yield np.full(k, -7.25)


def _body(response) -> bytes:
    return NumpyJSONResponse(response).body


def test_it_gives_the_plain_reports_bytes():
    rng = np.random.default_rng(13)
    cases = itertools.product(_logit_vectors(rng), TEMPERATURES, (True, False))
    checked = 0
    for z, t, steps in cases:
        assert report_short.applies(z, t), (z, t)
        plain = _body(softmax_response(z, t, steps=steps))
        short = _body(report_short.softmax_response(z.tolist(), t, steps=steps))
        assert short == plain, (z.tolist(), t, steps)
        checked += 1
    assert checked == 7 * (9 * 3 + 3) * len(TEMPERATURES) * 2


@pytest.mark.parametrize("k", range(1, 6))
def test_signed_zeros_and_ties_give_the_same_bytes(k):
    # Which of 0.0 and -0.0 numpy's max returns depends on the CPU's instructions.
    for z in itertools.product([0.0, -0.0, -1.0], repeat=k):
        z = np.array(z)
        for t in (1.0, 1e300):
            plain = _body(softmax_response(z, t, steps=True))
            assert _body(report_short.softmax_response(z.tolist(), t, steps=True)) == plain, z


def test_sums_go_one_after_another_as_numpy_adds_a_few_numbers():
    # Python's sum() compensates rounding from 3.12 on (2.0 here); numpy does not.
    values = [1.0, 1e100, 1.0, -1e100]
    assert report_short._sum(values) == float(np.array(values).sum()) == 0.0
    r = report_short.softmax_response([-3.0, -2.0, -3.0], 0.5, steps=True)
    assert _body(r) == _body(softmax_response(np.array([-3.0, -2.0, -3.0]), 0.5, steps=True))


def test_the_food_example_with_its_steps():
    r = report_short.softmax_response([4.0, 2.0, -1.0], 1.0, steps=True)
    assert [round(x, 4) for x in r.probabilities] == [0.8756, 0.1185, 0.0059]
    assert [round(x, 3) for x in r.steps.exp_scaled] == [54.598, 7.389, 0.368]
    assert round(r.steps.sum_exp_scaled, 3) == 62.355
    assert (r.argmax, r.hardmax, r.two_class) == (0, [1.0, 0.0, 0.0], None)


def test_two_classes_carry_the_sigmoid():
    r = report_short.softmax_response([1.0, 3.0], 0.5, steps=False)
    assert r.two_class.difference == -4.0
    assert r.two_class.sigmoid == pytest.approx(1 / (1 + np.exp(4.0)), rel=1e-15)
    assert r.two_class.sigmoid == r.probabilities[0]


@pytest.mark.parametrize(
    ("z", "t", "why"),
    [
        (np.zeros(report_short.MAX_CLASSES + 1), 1.0, "too many classes"),
        (np.zeros((2, 3)), 1.0, "a batch"),
        (np.zeros(0), 1.0, "no class"),
        (np.array([4.0, 2.0, -1.0]), 0.0, "T = 0, the hard max"),
        (np.array([1.5e308, -1.5e308]), 1e300, "z - max z beyond float64"),
        (np.array([1.0, np.nan]), 1.0, "not a number"),
        (np.array([1.0, np.inf]), 1.0, "infinite"),
    ],
)
def test_it_is_not_entered_where_the_plain_path_is_needed(z, t, why):
    assert not report_short.applies(z, t), why
