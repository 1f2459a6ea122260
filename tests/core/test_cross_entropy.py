"""cross_entropy against torch.nn.functional.cross_entropy, autograd and finite differences."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from app.core import CoreInputError, cross_entropy, softmax
from tests.reference import cross_entropy_mp

FOOD = [4.0, 2.0, -1.0]
RNG = np.random.default_rng(7)
BATCH = RNG.normal(scale=3, size=(5, 4))
INDEX = np.array([0, 3, 1, 1, 2])
SOFT = RNG.dirichlet(np.ones(4), size=5)
WEIGHT = np.array([0.5, 2.0, 1.0, 3.0])


def torch_reference(logits, target, *, t=1.0, eps=0.0, weight=None, reduction="mean"):
    """Loss and d(loss)/d(logits) from torch in float64 (for 'none', of the summed losses)."""
    x = torch.tensor(np.asarray(logits, dtype=np.float64), requires_grad=True)
    is_index = np.ndim(target) < np.ndim(logits)
    tgt = torch.tensor(target, dtype=torch.long if is_index else torch.float64)
    w = None if weight is None else torch.tensor(weight, dtype=torch.float64)
    loss = F.cross_entropy(x / t, tgt, weight=w, label_smoothing=eps, reduction=reduction)
    loss.sum().backward()
    return loss.detach().numpy(), x.grad.numpy()


CASES = [
    pytest.param(FOOD, 0, {}, id="food-index"),
    pytest.param(FOOD, 2, {"t": 2.5}, id="food-index-hot"),
    pytest.param(FOOD, [0.7, 0.2, 0.1], {"eps": 0.1}, id="food-soft-smoothed"),
    pytest.param(FOOD, 1, {"weight": [1.0, 2.0, 3.0], "eps": 0.2}, id="1d-weighted-smoothed"),
    pytest.param(BATCH, INDEX, {}, id="batch-index"),
    pytest.param(BATCH, INDEX, {"weight": WEIGHT}, id="batch-index-weighted"),
    pytest.param(BATCH, INDEX, {"weight": WEIGHT, "eps": 0.3, "t": 0.7}, id="batch-all"),
    pytest.param(BATCH, SOFT, {}, id="batch-soft"),
    pytest.param(BATCH, SOFT, {"weight": WEIGHT, "eps": 0.15}, id="batch-soft-weighted"),
    pytest.param(BATCH, INDEX, {"eps": 1.0}, id="full-smoothing"),
]


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize(("logits", "target", "opts"), CASES)
def test_matches_torch(logits, target, opts, reduction):
    target_list = np.asarray(target).tolist()
    result = cross_entropy(
        logits,
        target_list,
        temperature=opts.get("t", 1.0),
        label_smoothing=opts.get("eps", 0.0),
        weight=opts.get("weight"),
        reduction=reduction,
    )
    loss, grad = torch_reference(logits, target_list, reduction=reduction, **opts)
    np.testing.assert_allclose(result.loss, loss, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(result.gradient, grad, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(
        result.probabilities, softmax(logits, opts.get("t", 1.0)), rtol=1e-13
    )
    assert np.shape(result.loss) == np.shape(loss)


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize(("logits", "target", "opts"), CASES)
def test_without_probabilities_matches_torch(logits, target, opts, reduction):
    """``probabilities=False`` (the training-step path) leaves them out; the loss is the
    same and the gradient within an ulp (it is ``e * (c / sum)``, not ``(e / sum) * c``)."""
    result = cross_entropy(
        logits,
        np.asarray(target).tolist(),
        temperature=opts.get("t", 1.0),
        label_smoothing=opts.get("eps", 0.0),
        weight=opts.get("weight"),
        reduction=reduction,
        probabilities=False,
    )
    loss, grad = torch_reference(logits, np.asarray(target).tolist(), reduction=reduction, **opts)
    assert result.probabilities is None
    np.testing.assert_allclose(result.loss, loss, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(result.gradient, grad, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize(
    ("shape", "t", "weighted", "eps"),
    [((64, 3000), 1.0, False, 0.0), ((300, 700), 0.3, True, 0.1), ((8, 20000), 5e-324, False, 0.0)],
)
def test_without_probabilities_large_matches_torch(shape, t, weighted, eps):
    """Several row blocks, long rows, and T so small that the careful path takes over."""
    rng = np.random.default_rng(11)
    z = rng.normal(scale=4, size=shape)
    y = rng.integers(0, shape[1], shape[0])
    w = rng.uniform(0.1, 3, shape[1]) if weighted else None
    full = cross_entropy(z, y, temperature=t, weight=w, label_smoothing=eps)
    lean = cross_entropy(z, y, temperature=t, weight=w, label_smoothing=eps, probabilities=False)
    assert lean.probabilities is None
    np.testing.assert_allclose(lean.loss, full.loss, rtol=1e-14)
    np.testing.assert_allclose(lean.gradient, full.gradient, rtol=1e-13, atol=1e-300)
    if t >= 1e-3:
        loss, grad = torch_reference(z, y, t=t, eps=eps, weight=w)
        np.testing.assert_allclose(lean.loss, loss, rtol=1e-12)
        np.testing.assert_allclose(lean.gradient, grad, rtol=1e-11, atol=1e-17)


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
        ({"target": 3}, "target", r"class indices must be in \[0, 2\]"),
        ({"target": -1}, "target", r"class indices must be in \[0, 2\]"),
        ({"target": 0.5}, "target", "whole numbers"),
        ({"target": [0.5, 0.6, -0.1]}, "target", ">= 0"),
        ({"target": [0.5, 0.4, 0.0]}, "target", "sum to 1"),
        ({"target": [0.5, 0.5]}, "target", r"shape \(3,\)"),
        ({"target": [[1.0, 0.0, 0.0]]}, "target", "class index"),
        ({"target": [math.nan, 0.5, 0.5]}, "target", "finite"),
        ({"target": 0, "label_smoothing": 1.5}, "label_smoothing", r"\[0, 1\]"),
        ({"target": 0, "label_smoothing": -0.1}, "label_smoothing", r"\[0, 1\]"),
        ({"target": 0, "weight": [1.0, -1.0, 1.0]}, "weight", ">= 0"),
        ({"target": 0, "weight": [1.0, math.inf, 1.0]}, "weight", "finite"),
        ({"target": 0, "weight": [1.0, 1.0]}, "weight", "one entry per class"),
        ({"target": 0, "weight": [0.0, 1.0, 1.0]}, "weight", "sum to 0"),
        ({"target": 0, "temperature": 0.0}, "temperature", "> 0"),
        ({"target": 0, "reduction": "avg"}, "reduction", "one of"),
    ],
)
def test_rejects_what_torch_would_accept(kwargs, field, message):
    with pytest.raises(CoreInputError, match=message) as err:
        cross_entropy(FOOD, **kwargs)
    assert err.value.field == field


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"target": [0, 1]}, id="index-kernel"),
        pytest.param({"target": [0, 1], "probabilities": False}, id="index-kernel-lean"),
        pytest.param({"target": [[1.0, 0, 0], [0, 1.0, 0]]}, id="probability-targets"),
        pytest.param({"target": [0, 1], "temperature": 1e-200}, id="careful-path"),
        pytest.param({"target": [0, 7]}, id="bad-target-too"),
        pytest.param({"target": [0, 1], "temperature": -1}, id="bad-temperature-too"),
    ],
)
def test_non_finite_logits_are_refused_on_every_path(bad, kwargs):
    """The kernel checks finiteness on the way; every path refuses, logits first."""
    logits = [[4.0, 2.0, -1.0], [0.0, 1.0, 2.0]]
    logits[1][2] = bad
    with pytest.raises(CoreInputError, match="must be finite") as err:
        cross_entropy(logits, **kwargs)
    assert err.value.field == "logits"


def test_batch_index_count_must_match_rows():
    with pytest.raises(
        CoreInputError,
        match=r"expected 5 class indices \(one per row\) or 5 rows of .* got a list of 2",
    ):
        cross_entropy(BATCH, [0, 1])


def test_batch_probability_rows_must_match_shape():
    with pytest.raises(CoreInputError, match=r"shape \(5, 4\)"):
        cross_entropy(BATCH, SOFT[:, :3].tolist())


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
    # The careful path divided every weight by the largest: 1e-300 / 1.7e308 is 0 (loss 0).
    "weights 1.7e308 and 1e-300, target 1": (
        [[1e300, -1e300]], [1], {"weight": [1.7e308, 1e-300], "reduction": "sum"}
    ),
    "weights 1.7e308 and 1e-300, soft target": (
        [[1e300, -1e300]], [[0.0, 1.0]], {"weight": [1.7e308, 1e-300], "reduction": "sum"}
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
    ("kwargs", "field"),
    [
        ({"target": 0, "label_smoothing": "a"}, "label_smoothing"),
        ({"target": 0, "label_smoothing": None}, "label_smoothing"),
        ({"target": 0, "weight": ["a", "b"]}, "weight"),
    ],
)
def test_arguments_of_the_wrong_type_are_core_errors_after_the_logits(kwargs, field):
    # Found in review: with non-finite logits these gave a bare ValueError or
    # TypeError instead of the logits' error.
    with pytest.raises(CoreInputError) as err:
        cross_entropy([1.0, 2.0], **kwargs)
    assert err.value.field == field
    with pytest.raises(CoreInputError, match="must be finite") as err:
        cross_entropy([math.nan, 1.0], **kwargs)
    assert err.value.field == "logits"


def test_used_weights_further_apart_than_float64_are_refused():
    # With smoothing both classes count, and no one scale holds 1.7e308 and 1e-300.
    with pytest.raises(CoreInputError) as err:
        cross_entropy(
            [[1e300, -1e300]], [1], weight=[1.7e308, 1e-300], label_smoothing=0.1, reduction="sum"
        )
    assert err.value.field == "weight"
    assert "span more than float64's range" in err.value.message


def test_the_means_denominator_times_t_is_not_rounded():
    # denominator * T was formed first: a subnormal here (the gradient 17% off),
    # 0 elsewhere (NaN). The 60-digit reference cannot hold 1 - p = 1e-308, so the
    # target entries are checked by the rows summing to zero.
    z, y, opts = [[0.0, -3.5e-321], [-3.5e-321, 0.0]], [0, 1], {"weight": [1.5, 1.0]}
    result = cross_entropy(z, y, temperature=5e-324, **opts)
    _, grad = cross_entropy_mp(z, y, temperature=5e-324, **opts)
    others = result.gradient[[0, 1], [1, 0]]
    np.testing.assert_allclose(others, [grad[0][1], grad[1][0]], rtol=1e-13)
    np.testing.assert_allclose(result.gradient.sum(axis=-1), 0.0, atol=1e-13 * 4.1e15)
    np.testing.assert_allclose(
        cross_entropy([[0.0, -1.0]], [1], temperature=1e-300, label_smoothing=1.0,
                      weight=[1.0, 1e-30]).gradient,
        [[5e299, -5e299]], rtol=1e-13,
    )  # fmt: skip
