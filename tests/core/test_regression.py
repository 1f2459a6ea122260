"""Softmax regression: the gradient against finite differences, training, input checks."""

from __future__ import annotations

import numpy as np
import pytest

from app.core import CoreInputError, softmax
from app.core.regression import regression_gradient, regression_logits, regression_steps
from app.datasets import dataset

RNG = np.random.default_rng(7)
X = RNG.standard_normal((12, 3))
Y = np.array([0, 1, 2, 3] * 3)
W = 0.5 * RNG.standard_normal((4, 3))
B = 0.3 * RNG.standard_normal(4)


def objective(w, b, t, l2):
    """The objective written out plainly, from the core's softmax."""
    p = softmax(X @ w.T + b, t)
    return -np.mean(np.log(p[np.arange(len(Y)), Y])) + 0.5 * l2 * np.sum(w**2)


class TestGradient:
    @pytest.mark.parametrize(("t", "l2"), [(1.0, 0.0), (0.5, 0.1), (3.0, 1.0)])
    def test_matches_central_differences(self, t, l2):
        loss, dw, db = regression_gradient(X, Y, W, B, temperature=t, l2=l2)
        assert loss == pytest.approx(objective(W, B, t, l2), rel=1e-13)
        h = 1e-6
        for idx in np.ndindex(W.shape):
            e = np.zeros_like(W)
            e[idx] = h
            numeric = (objective(W + e, B, t, l2) - objective(W - e, B, t, l2)) / (2 * h)
            assert dw[idx] == pytest.approx(numeric, abs=1e-8)
        for k in range(len(B)):
            e = np.zeros_like(B)
            e[k] = h
            numeric = (objective(W, B + e, t, l2) - objective(W, B - e, t, l2)) / (2 * h)
            assert db[k] == pytest.approx(numeric, abs=1e-8)

    def test_bias_is_not_regularised(self):
        _, _, db0 = regression_gradient(X, Y, W, B, l2=0.0)
        _, dw5, db5 = regression_gradient(X, Y, W, B, l2=5.0)
        np.testing.assert_array_equal(db0, db5)
        np.testing.assert_allclose(dw5 - regression_gradient(X, Y, W, B)[1], 5.0 * W)

    def test_zero_weights_give_log_k(self):
        loss, _, _ = regression_gradient(X, Y, np.zeros((4, 3)), np.zeros(4))
        assert loss == pytest.approx(np.log(4), rel=1e-15)


class TestSteps:
    def test_iris_from_zero_reaches_90_percent(self):
        iris = dataset("iris")
        r = regression_steps(
            iris["x"], iris["y"], np.zeros((3, 4)), np.zeros(3), learning_rate=0.1, steps=1000
        )
        assert r.accuracy >= 0.9
        assert r.losses.shape == (1001,)
        assert r.losses[0] == pytest.approx(np.log(3))
        assert r.losses[-1] < 0.15

    def test_one_step_is_the_gradient_step(self):
        loss, dw, db = regression_gradient(X, Y, W, B, temperature=2.0, l2=0.1)
        r = regression_steps(X, Y, W, B, learning_rate=0.3, temperature=2.0, l2=0.1)
        np.testing.assert_allclose(r.weights, W - 0.3 * dw, rtol=1e-15)
        np.testing.assert_allclose(r.bias, B - 0.3 * db, rtol=1e-15)
        assert r.losses[0] == loss
        assert r.losses[1] == pytest.approx(
            regression_gradient(X, Y, r.weights, r.bias, 2.0, 0.1)[0]
        )

    def test_accuracy_is_of_the_final_argmax(self):
        r = regression_steps(X, Y, W, B, learning_rate=0.1, steps=3)
        expected = np.mean(np.argmax(regression_logits(X, r.weights, r.bias), axis=1) == Y)
        assert r.accuracy == expected

    def test_divergence_is_refused_on_the_learning_rate(self):
        with pytest.raises(CoreInputError) as err:
            regression_steps([[1e150, 1.0], [-1e150, 2.0]], [0, 1], np.zeros((2, 2)), [0.0, 0.0],
                             learning_rate=1e200, steps=3)  # fmt: skip
        assert err.value.field == "learning_rate"
        assert err.value.message == (
            "training diverged (the weights or the loss left float64's range): "
            "use a smaller learning rate"
        )


ZW = [[0, 0], [0, 0]]


@pytest.mark.parametrize(
    ("x", "y", "w", "b", "field", "message"),
    [
        ([[1, 2], [3]], [0, 1], ZW, [0, 0], "x", "must be a rectangular array of numbers"),
        ([[1, 2]], [2], ZW, [0, 0], "y", "must be class indices from 0 to 1"),
        ([[1, 2]], [-1], ZW, [0, 0], "y", "must be class indices from 0 to 1"),
        ([[1, 2]], [0, 1], ZW, [0, 0], "y", "must have 1 class indices, one per row of x"),
        ([[1, 2]], [0], [[0], [0]], [0, 0], "weights", "each row must have 2 values, one per "
         "column of x"),
        ([[1, 2]], [0], ZW, [0], "bias", "must have 2 values, one per row of weights"),
        ([[1, np.nan]], [0], ZW, [0, 0], "x", "must be finite (no NaN or infinity)"),
        ([[1e300, 1]], [0], [[1e300, 0], [0, 0]], [0, 0], "weights", "the logits W x + b are "
         "beyond float64's range"),
    ],
)  # fmt: skip
def test_bad_input_names_the_field(x, y, w, b, field, message):
    with pytest.raises(CoreInputError) as err:
        regression_steps(x, y, w, b, learning_rate=0.1)
    assert (err.value.field, err.value.message) == (field, message)


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"learning_rate": 0.0}, "learning_rate", "must be a finite number > 0"),
        ({"learning_rate": 0.1, "steps": 0}, "steps", "must be an integer >= 1"),
        ({"learning_rate": 0.1, "temperature": 0.0}, "temperature", "must be a finite number > 0"),
        ({"learning_rate": 0.1, "l2": -1.0}, "l2", "must be a finite number >= 0"),
    ],
)
def test_bad_settings_name_the_field(kwargs, field, message):
    with pytest.raises(CoreInputError) as err:
        regression_steps(X, Y, W, B, **kwargs)
    assert (err.value.field, err.value.message) == (field, message)
