"""Cross-entropy of softmax probabilities and its gradient w.r.t. the logits.

Follows ``torch.nn.functional.cross_entropy`` (targets as class indices or as
probabilities, label smoothing, per-class weights, mean / sum / none) and
adds the gradient in closed form.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from app.core import _cross_entropy_index
from app.core._checks import CoreInputError, as_logits, as_temperature
from app.core._targets import Targets, as_targets, as_weight
from app.core.softmax import shift

__all__ = ["CrossEntropyResult", "cross_entropy"]

Reduction = Literal["mean", "sum", "none"]
_SMALLEST_NORMAL = float(np.finfo(np.float64).tiny)


@dataclass(frozen=True)
class CrossEntropyResult:
    """Loss, the softmax it was computed from, and its gradient.

    Attributes
    ----------
    loss : ndarray
        Shape () for ``mean`` and ``sum`` (and for 1-D logits), (N,) for
        ``none`` with 2-D logits.
    probabilities : ndarray or None
        ``softmax(logits, T)``, shaped like the logits; None when the call
        asked for ``probabilities=False``.
    gradient : ndarray
        d(loss)/d(logits), shaped like the logits; for ``none`` the gradient
        of the sum of the row losses.
    """

    loss: NDArray[np.float64]
    probabilities: NDArray[np.float64] | None
    gradient: NDArray[np.float64]


def cross_entropy(
    logits: ArrayLike,
    target: ArrayLike,
    *,
    temperature: float = 1.0,
    label_smoothing: float = 0.0,
    weight: ArrayLike | None = None,
    reduction: Reduction = "mean",
    probabilities: bool = True,
) -> CrossEntropyResult:
    """Cross-entropy of ``softmax(logits / T)`` against `target`, with its gradient.

    Parameters
    ----------
    logits : array_like, shape (K,) or (N, K)
        Raw scores.
    target : int, array_like
        Class indices (a scalar for 1-D logits, shape (N,) for a batch) or
        probability rows shaped like `logits`, each non-negative and summing
        to 1 (within 1e-6).
    temperature : float, optional
        T > 0; the loss is computed on ``logits / T``. Default 1.
    label_smoothing : float, optional
        eps in [0, 1]: the target becomes ``(1 - eps) y + eps / K``.
    weight : array_like, shape (K,), optional
        Non-negative per-class weights, as in torch.
    reduction : {"mean", "sum", "none"}
        As in torch: ``mean`` divides by the summed weights of the target
        classes for index targets (by N without weights, and always by N for
        probability targets).
    probabilities : bool, optional
        Whether to return the probabilities too (default). ``False`` leaves
        them out (``None``): a training step needs only the loss and the
        gradient.

    Returns
    -------
    CrossEntropyResult
        ``loss``, ``probabilities`` and ``gradient`` with respect to the
        logits as given.

    Raises
    ------
    CoreInputError
        For invalid targets, weights, smoothing, reduction or temperature
        (T = 0 has no gradient and is refused).

    Notes
    -----
    Each row's loss is ``-sum_c q_c log p_c`` for coefficients ``q`` built from
    target, smoothing and weight, so its gradient is ``(p sum_c q_c - q) / T``.
    With a one-hot target and no weight this is the familiar ``(p - y) / T``.

    Examples
    --------
    >>> r = cross_entropy([4.0, 2.0, -1.0], 0)
    >>> round(float(r.loss), 4), r.gradient.round(4).tolist()
    (0.1328, [-0.1244, 0.1185, 0.0059])
    """
    z = as_logits(logits, check_finite=False)
    try:
        t, eps = _validated(temperature, label_smoothing, reduction)
        tg = as_targets(z, target, as_weight(weight, z.shape[-1]), eps, reduction)
    except CoreInputError:
        as_logits(z)  # the logits' error comes first
        raise
    z2 = z.reshape(-1, z.shape[-1])
    # The gradient is divided by T and the mean's denominator before c
    # multiplies: each step stays in range wherever the result does.
    factors = (t, tg.denominator if reduction == "mean" else 1.0, tg.scale)
    if tg.index is not None:  # class indices without smoothing: no dense targets needed
        row_loss, p, grad = _cross_entropy_index.loss_and_gradient(
            z2, t, tg.index, tg.weight, keep_probabilities=probabilities
        )
    else:
        row_loss, p, grad = _dense(z2, t, tg.q)
    _scale(grad, factors)
    with np.errstate(over="ignore"):  # beyond float64: inf, which the API refuses (422)
        loss = _reduce(row_loss, reduction, tg, z.ndim)
    return CrossEntropyResult(
        loss=np.asarray(loss, dtype=np.float64),
        probabilities=p.reshape(z.shape) if probabilities else None,
        gradient=grad.reshape(z.shape),
    )


def _validated(temperature: float, label_smoothing: float, reduction: str) -> tuple[float, float]:
    """T (> 0) and eps (in [0, 1]), or a `CoreInputError`."""
    t = as_temperature(temperature, allow_zero=False)
    if reduction not in ("mean", "sum", "none"):
        raise CoreInputError("reduction", "must be one of 'mean', 'sum', 'none'")
    try:
        eps = float(label_smoothing)
    except (TypeError, ValueError, OverflowError) as exc:
        raise CoreInputError("label_smoothing", "must be a number") from exc
    if not 0.0 <= eps <= 1.0:
        raise CoreInputError("label_smoothing", "must be in [0, 1]")
    return t, eps


def _dense(z2: NDArray, t: float, q: NDArray) -> tuple[NDArray, NDArray, NDArray]:
    """Row losses ``-sum q log p``, probabilities, and ``p sum(q) - q`` for dense `q`."""
    s = shift(z2, t)
    p = np.exp(s)
    total = p.sum(axis=-1, keepdims=True)
    p /= total
    with np.errstate(over="ignore"):  # log p or the loss beyond float64: -inf, inf
        log_p = s - np.log(total)
        # q = 0 where log p = -inf contributes 0, not 0 * inf = nan.
        terms = np.multiply(q, log_p, out=np.zeros_like(log_p), where=q > 0)
        row_loss = -terms.sum(axis=-1)
    grad = p * q.sum(axis=-1, keepdims=True) - q
    # p sum(q) - q cancels for the class holding most of sum(q) (weights 1, 1e-15,
    # smoothing 1: 0.5625 for 0.5); there, p * (others' q) - q * (others' p).
    rows, top = np.arange(q.shape[0]), q.argmax(axis=-1)
    others = np.ones(q.shape, dtype=bool)
    others[rows, top] = False
    others_q, others_p = q.sum(axis=-1, where=others), p.sum(axis=-1, where=others)
    grad[rows, top] = p[rows, top] * others_q - q[rows, top] * others_p
    return row_loss, p, grad


def _scale(grad: NDArray, factors: tuple[float, float, float]) -> None:
    """``grad / T / d * c`` in place: one multiplication where that factor is a
    normal float, else step by step (0 / tiny T stays 0, where 0 * inf is NaN)."""
    t, d, c = factors
    with np.errstate(over="ignore", under="ignore"):  # beyond float64: inf (the API's 422)
        factor = c / t / d
        if _SMALLEST_NORMAL <= factor < math.inf:
            if factor != 1.0:
                grad *= factor
            return
        for divisor in (t, d):
            if divisor != 1.0:
                grad /= divisor
        if c != 1.0:
            grad *= c


def _reduce(row_loss: NDArray, reduction: str, tg: Targets, ndim: int) -> NDArray:
    """The loss as `reduction` asks, times the weights' scale (see `Targets`)."""
    if reduction == "mean":
        return row_loss.sum() / tg.denominator * tg.scale
    if reduction == "sum":
        return row_loss.sum() * tg.scale
    return (row_loss if ndim == 2 else row_loss[0]) * tg.scale
