"""cross_entropy against torch's recorded answers, 60-digit mpmath and finite differences."""

from __future__ import annotations

import math

import numpy as np
import pytest

from app.core import CoreInputError, cross_entropy, softmax
from tests.reference import cross_entropy_mp, torch_values

FOOD = [4.0, 2.0, -1.0]
RNG = np.random.default_rng(7)
BATCH = RNG.normal(scale=3, size=(5, 4))
INDEX = np.array([0, 3, 1, 1, 2])
SOFT = RNG.dirichlet(np.ones(4), size=5)
WEIGHT = np.array([0.5, 2.0, 1.0, 3.0])


TORCH = torch_values()["cross_entropy"]


def arrays_of(case):
    """The case's arguments for `cross_entropy`, as the recorded call made them."""
    opts = case["options"]
    kwargs = {k: opts[k] for k in ("temperature", "label_smoothing", "weight") if k in opts}
    return case["logits"], case["target"], {**kwargs, "reduction": opts["reduction"]}


@pytest.mark.parametrize("case", TORCH, ids=lambda c: c["id"])
@pytest.mark.parametrize("probabilities", [True, False])
def test_matches_torch(case, probabilities):
    """Loss and gradient as torch's forward and backward give them (tests/reference)."""
    logits, target, kwargs = arrays_of(case)
    result = cross_entropy(logits, target, probabilities=probabilities, **kwargs)
    np.testing.assert_allclose(result.loss, case["loss"], rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(result.gradient, case["gradient"], rtol=1e-10, atol=1e-15)
    assert np.shape(result.loss) == np.shape(case["loss"])
    if probabilities:
        t = kwargs.get("temperature", 1.0)
        np.testing.assert_array_equal(result.probabilities, softmax(logits, t))
    else:
        assert result.probabilities is None


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("t", [1.0, 0.3, 1e-300, 1e300])
def test_index_fast_path_agrees_with_the_dense_path(reduction, weighted, t):
    """Class indices without smoothing skip the dense target (app/core/_cross_entropy_index.py);
    probability rows holding the same one-hot targets take the dense path."""
    rng = np.random.default_rng(3)
    z = rng.normal(scale=4, size=(6, 50))
    y = rng.integers(0, 50, 6)
    w = rng.uniform(0.1, 3, 50) if weighted else None
    fast = cross_entropy(z, y, temperature=t, weight=w, reduction=reduction)
    dense = cross_entropy(z, np.eye(50)[y], temperature=t, weight=w, reduction=reduction)
    if reduction == "mean" and weighted:  # probability rows divide by N, indices by sum w[y]
        np.testing.assert_allclose(fast.loss * w[y].sum(), dense.loss * 6, rtol=1e-13)
    else:
        np.testing.assert_allclose(fast.loss, dense.loss, rtol=1e-13)
    if not (reduction == "mean" and weighted):
        np.testing.assert_allclose(fast.gradient, dense.gradient, rtol=1e-13, atol=1e-300)
    np.testing.assert_array_equal(fast.probabilities, dense.probabilities)


def test_plain_gradient_is_p_minus_y_over_t():
    for t in (1.0, 0.5, 4.0):
        r = cross_entropy(FOOD, 0, temperature=t)
        np.testing.assert_allclose(r.gradient, (softmax(FOOD, t) - [1, 0, 0]) / t, rtol=1e-14)


def test_food_loss_is_minus_log_p():
    r = cross_entropy(FOOD, 0)
    assert float(r.loss) == pytest.approx(-math.log(0.8756005950630876), rel=1e-14)
    assert float(r.loss) == pytest.approx(0.1328, abs=5e-5)


@pytest.mark.parametrize(
    ("target", "opts"), [(INDEX, {"weight": WEIGHT, "label_smoothing": 0.3}), (SOFT, {})]
)
@pytest.mark.parametrize("reduction", ["mean", "none"])
def test_gradient_matches_finite_differences(target, opts, reduction):
    def loss_at(x):
        r = cross_entropy(x, target.tolist(), temperature=1.3, reduction=reduction, **opts)
        return float(np.sum(r.loss))

    analytic = cross_entropy(
        BATCH, target.tolist(), temperature=1.3, reduction=reduction, **opts
    ).gradient
    h = 1e-6
    numeric = np.zeros_like(BATCH)
    for i, j in np.ndindex(BATCH.shape):
        up, down = BATCH.copy(), BATCH.copy()
        up[i, j] += h
        down[i, j] -= h
        numeric[i, j] = (loss_at(up) - loss_at(down)) / (2 * h)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-8)


def test_gradient_step_lowers_the_loss():
    r = cross_entropy(FOOD, 2)
    stepped = np.array(FOOD) - 0.5 * r.gradient
    assert float(cross_entropy(stepped, 2).loss) < float(r.loss)


def test_huge_logits_stay_finite():
    r = cross_entropy([1000.0, 999.0, -1000.0], 1)
    assert float(r.loss) == pytest.approx(1 + math.log1p(math.exp(-1)), rel=1e-14)
    assert np.isfinite(r.gradient).all()


def test_zero_weight_targets_give_no_nan_in_sum():
    r = cross_entropy(BATCH, INDEX.tolist(), weight=[0.0, 0.0, 0.0, 0.0], reduction="sum")
    assert float(r.loss) == 0.0
    assert (r.gradient == 0).all()


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"target": 3}, "target", "class indices must be in [0, 2]"),
        ({"target": -1}, "target", "class indices must be in [0, 2]"),
        ({"target": 0.5}, "target", "class indices must be whole numbers"),
        ({"target": [0.5, 0.6, -0.1]}, "target", "probabilities must be >= 0"),
        ({"target": [0.5, 0.4, 0.0]}, "target", "probabilities must sum to 1 in every row"),
        (
            {"target": [0.5, 0.5]},
            "target",
            "probability targets must be shaped like the logits: 3 values, got 2 values",
        ),
        (
            {"target": [[1.0, 0.0, 0.0]]},
            "target",
            "must be a class index (or one per row) or probabilities shaped like the logits",
        ),
        ({"target": [math.nan, 0.5, 0.5]}, "target", "probabilities must be finite"),
        ({"target": "a"}, "target", "must be class indices or rows of probabilities"),
        ({"target": 0, "label_smoothing": 1.5}, "label_smoothing", "must be in [0, 1]"),
        ({"target": 0, "label_smoothing": -0.1}, "label_smoothing", "must be in [0, 1]"),
        ({"target": 0, "label_smoothing": "a"}, "label_smoothing", "must be a number"),
        ({"target": 0, "weight": [1.0, -1.0, 1.0]}, "weight", "must be >= 0"),
        ({"target": 0, "weight": [1.0, math.inf, 1.0]}, "weight", "must be finite"),
        ({"target": 0, "weight": ["a", "b", "c"]}, "weight", "must be numbers, one per class"),
        (
            {"target": 0, "weight": [1.0, 1.0]},
            "weight",
            "must have one weight per class: 3 values, got 2 values",
        ),
        (
            {"target": 0, "weight": 1.0},
            "weight",
            "must have one weight per class: 3 values, got a single number",
        ),
        (
            {"target": 0, "weight": [[1.0, 1.0, 1.0]]},
            "weight",
            "must have one weight per class: 3 values, got 1 row of 3 values",
        ),
        (
            {"target": 0, "weight": [[[1.0, 1.0, 1.0]]]},
            "weight",
            "must have one weight per class: 3 values, got a 3-D array",
        ),
        (
            {"target": 0, "weight": [0.0, 1.0, 1.0]},
            "weight",
            "the target classes' weights sum to 0, so the mean is undefined",
        ),
        (
            {"target": 0, "temperature": 0.0},
            "temperature",
            "must be > 0 here (T = 0 has no gradient)",
        ),
        ({"target": 0, "reduction": "avg"}, "reduction", "must be one of 'mean', 'sum', 'none'"),
    ],
)
def test_rejects_what_torch_would_accept(kwargs, field, message):
    with pytest.raises(CoreInputError) as err:
        cross_entropy(FOOD, **kwargs)
    assert (err.value.field, err.value.message) == (field, message)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"target": [0, 1]}, id="index-fast-path"),
        pytest.param({"target": [0, 1], "probabilities": False}, id="index-without-p"),
        pytest.param({"target": [[1.0, 0, 0], [0, 1.0, 0]]}, id="probability-targets"),
        pytest.param({"target": [0, 1], "label_smoothing": 0.1}, id="smoothed-indices"),
        pytest.param({"target": [0, 7]}, id="bad-target-too"),
        pytest.param({"target": [0, 1], "temperature": -1}, id="bad-temperature-too"),
    ],
)
def test_non_finite_logits_are_refused_on_every_path(bad, kwargs):
    """Every path refuses, and the logits' error comes first."""
    logits = [[4.0, 2.0, -1.0], [0.0, 1.0, 2.0]]
    logits[1][2] = bad
    with pytest.raises(CoreInputError) as err:
        cross_entropy(logits, **kwargs)
    assert str(err.value) == "logits: must be finite (no NaN or infinity)"


def test_batch_index_count_must_match_rows():
    with pytest.raises(CoreInputError) as err:
        cross_entropy(BATCH, [0, 1])
    assert str(err.value) == (
        "target: expected 5 class indices (one per row) or 5 rows of probabilities, got a list of 2"
    )


def test_batch_probability_rows_must_match_shape():
    with pytest.raises(CoreInputError) as err:
        cross_entropy(BATCH, SOFT[:, :3].tolist())
    assert str(err.value) == (
        "target: probability targets must be shaped like the logits: "
        "5 rows of 4 values, got 5 rows of 3 values"
    )


W308 = {"weight": [1e308, 1e308]}
EXTREME = {
    "weights 1e308, batch mean": ([[0.0, 0.0], [1.0, 2.0]], [0, 1], W308),
    "weights 1e308, sum": ([[0.0, 0.0], [1.0, 2.0]], [0, 1], {**W308, "reduction": "sum"}),
    "weights 1e308, smoothing": ([[0.0, 0.0]], [0], {**W308, "label_smoothing": 0.5}),
    "weights 1e308, soft target, none": (
        [[0.0, 1.0], [3.0, -2.0]],
        [[0.5, 0.5], [0.2, 0.8]],
        {"weight": [1e308, 3e307], "reduction": "none"},
    ),
    "weights 1 and 1e-300": (
        [[4.0, 2.0, -1.0]], [1], {"weight": [1.0, 1e-300, 1.0], "label_smoothing": 0.1}
    ),
    "subnormal weights": (
        [[4.0, 2.0, -1.0], [0.0, 1.0, 0.0]], [0, 2], {"weight": [1e-320, 2e-320, 3e-320]}
    ),
    "T = 1e-300": ([[4.0, 2.0, -1.0]], [0], {"temperature": 1e-300}),
    "T = 1e-300, tie": ([[4.0, 4.0, -1.0]], [1], {"temperature": 1e-300, "reduction": "sum"}),
    "T = 1e300": ([[4.0, 2.0, -1.0]], [1], {"temperature": 1e300}),
    "T = 5e-324, gradient beyond float64": ([[0.0, 0.0]], [0], {"temperature": 5e-324}),
    "T = 5e-324, zero weights": (
        [[0.0, 0.0]], [0], {"temperature": 5e-324, "weight": [0.0, 0.0], "reduction": "sum"}
    ),
    # w[y] (L - s[y]) = 1e10 x 2e300 overflowed before the mean divided it back (inf).
    "weights 1 and 1e10, loss 2e300, mean": ([[1e300, -1e300]], [1], {"weight": [1.0, 1e10]}),
    "weights 1 and 1e10, batch mean": (
        [[1e300, -1e300], [0.0, 0.0]], [1, 0], {"weight": [1.0, 1e10], "label_smoothing": 0.1}
    ),
    # q log p overflowed with a RuntimeWarning in the fast path (weight 3, log p -3.4e308).
    "weights 1, 0, 3, soft targets, logits 3.4e308 apart": (
        [[1.7e308, -1.7e308, 0.5], [3.0, 1.0, 2.0]],
        [[0.2, 0.3, 0.5]] * 2,
        {"weight": [1.0, 0.0, 3.0]},
    ),
    # p sum(q) - q cancelled for the class holding most of sum(q): 0.5625 for 0.5.
    "weights 1 and 1e-15, smoothing 1, confident": (
        [[100.0, 0.0]], [1], {"weight": [1.0, 1e-15], "label_smoothing": 1.0}
    ),
    "weights 1 and 1e-15, smoothing 0.1, sum": (
        [[100.0, 0.0]], [1], {"weight": [1.0, 1e-15], "label_smoothing": 0.1, "reduction": "sum"}
    ),
    "weights 1, 1e-15, 1, soft target, smoothing 0.5": (
        [[100.0, 0.0, 3.0]],
        [[0.0, 1.0, 0.0]],
        {"weight": [1.0, 1e-15, 1.0], "label_smoothing": 0.5},
    ),
    "T = 1e-300, smoothing 1, weights 1 and 1e-30": (
        [[0.0, -1.0]], [1], {"temperature": 1e-300, "label_smoothing": 1.0, "weight": [1.0, 1e-30]}
    ),
    "T = 1e-300, weights 1e-320, soft targets, mean": (
        [[0.0, 1e-300], [1e-300, 0.0], [2e-300, 0.0]],
        [[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]],
        {"temperature": 1e-300, "weight": [1e-320, 1e-320]},
    ),
    "T = 1e-200, weights 1e200": (
        [[1.0, 0.0]], [1], {"temperature": 1e-200, "weight": [1e200, 1e200], "reduction": "sum"}
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", EXTREME)
def test_extreme_weights_and_temperatures_match_high_precision(case):
    """Float64 is exact to ~1e-13 wherever the true value fits, and inf only where it does not."""
    logits, target, opts = EXTREME[case]
    result = cross_entropy(logits, target, **opts)
    loss, grad = cross_entropy_mp(logits, target, **opts)
    np.testing.assert_allclose(result.loss, loss, rtol=1e-13, atol=0)
    np.testing.assert_allclose(result.gradient, grad, rtol=1e-13, atol=0)
    assert not np.isnan(result.gradient).any()


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"target": 0, "label_smoothing": "a"}, "label_smoothing: must be a number"),
        ({"target": 0, "label_smoothing": None}, "label_smoothing: must be a number"),
        ({"target": 0, "weight": ["a", "b"]}, "weight: must be numbers, one per class"),
    ],
)
def test_arguments_of_the_wrong_type_are_core_errors_after_the_logits(kwargs, error):
    # With non-finite logits these gave a bare ValueError or TypeError instead
    # of the logits' error.
    with pytest.raises(CoreInputError) as err:
        cross_entropy([1.0, 2.0], **kwargs)
    assert str(err.value) == error
    with pytest.raises(CoreInputError) as err:
        cross_entropy([math.nan, 1.0], **kwargs)
    assert str(err.value) == "logits: must be finite (no NaN or infinity)"


@pytest.mark.parametrize(
    ("weight", "target", "smoothing"),
    [([1.7e308, 1e-300], [1], 0.1), ([1.7e308, 1e-300], [1], 0.0), ([1e308, 1e-10], [0], 0.0)],
)
def test_weights_further_apart_than_float64_are_refused(weight, target, smoothing):
    # No one scale holds both: w / max w underflows for the small one.
    with pytest.raises(CoreInputError) as err:
        cross_entropy([[1e300, -1e300]], target, weight=weight, label_smoothing=smoothing)
    assert str(err.value) == (
        "weight: the weights span more than float64's range "
        "(the largest is over 4.5e307 times the smallest positive one)"
    )
