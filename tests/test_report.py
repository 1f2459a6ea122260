"""app/report.py: the page's view of a softmax, built as a validated response model."""

from __future__ import annotations

import math

import numpy as np
import pytest
from pydantic import ValidationError

from app.core import entropy, hardmax, log_softmax, softmax
from app.report import SoftmaxResponse, softmax_response

FOOD = np.array([4.0, 2.0, -1.0])


def test_the_numbers_are_the_cores():
    r = softmax_response(FOOD, 3.0, steps=True)
    assert r.probabilities == softmax(FOOD, 3.0).tolist()
    assert r.log_probabilities == log_softmax(FOOD, 3.0).tolist()
    assert r.hardmax == hardmax(FOOD).tolist()
    assert r.entropy == float(entropy(softmax(FOOD, 3.0), log_softmax(FOOD, 3.0)))
    assert r.max_entropy == math.log(3)


def test_the_steps_show_the_article_arithmetic():
    s = softmax_response(FOOD, 1.0, steps=True).steps
    np.testing.assert_allclose(s.exp_scaled, [54.598, 7.389, 0.368], atol=5e-4)
    assert s.sum_exp_scaled == pytest.approx(62.355, abs=5e-4)
    assert s.shifted == [0.0, -2.0, -5.0]
    assert max(s.exponentials) == 1.0


def test_zero_temperature_has_no_steps_and_minus_infinity_for_losers():
    r = softmax_response(np.array([3.0, 3.0, 1.0]), 0.0, steps=True)
    assert (r.steps, r.two_class) == (None, None)
    assert r.log_probabilities == [math.log(0.5), math.log(0.5), -math.inf]


def test_a_batch_gives_a_value_per_row():
    r = softmax_response(np.array([[4.0, 2.0], [1.0, 1.0]]), 2.0, steps=False)
    assert r.argmax == [0, 0]
    assert r.two_class.difference == [1.0, 0.0]
    assert r.two_class.sigmoid == pytest.approx([1 / (1 + math.exp(-1)), 0.5], rel=1e-15)


def test_the_model_refuses_a_nan_probability():
    good = softmax_response(FOOD, 1.0, steps=False).model_dump()
    with pytest.raises(ValidationError):
        SoftmaxResponse(**{**good, "probabilities": [math.nan, 0.5, 0.5]})
