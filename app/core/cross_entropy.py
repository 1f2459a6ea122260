"""Cross-entropy of softmax probabilities and its gradient w.r.t. the logits.

Follows ``torch.nn.functional.cross_entropy`` (targets as class indices or as
probabilities, label smoothing, per-class weights, mean / sum / none) and
adds the gradient in closed form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from app.core import _kernels
from app.core._checks import CoreInputError, as_logits, as_temperature
from app.core.softmax import _shifted

__all__ = ["CrossEntropyResult", "cross_entropy"]

Reduction = Literal["mean", "sum", "none"]
_PROB_SUM_TOLERANCE = 1e-6
# With T and every positive weight in [2**-60, 2**60], no intermediate of the
# fast path can overflow or lose precision to underflow (the factors it
# multiplies stay within 2**-200..2**200); beyond that, `_careful` takes over.
_SAFE = 2.0**60
# Weights further apart than this, with smoothing, take the dense path: the
# kernel's gradient would lose up to spread x 1e-16 of its scale.
_KERNEL_SPREAD = 2.0**10
_SMALLEST_NORMAL = float(np.finfo(np.float64).tiny)  # 2^-1022: below it, bits of precision go


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


def _effective_targets(
    z: NDArray[np.float64],
    target: ArrayLike,
    logits_ndim: int,
    weight: NDArray[np.float64] | None,
    eps: float,
) -> tuple[NDArray[np.float64] | NDArray[np.intp], float]:
    """The target as class indices (shape (N,)) or as dense coefficients ``q``.

    Every variant of the loss is ``-sum_c q[n, c] * log p[n, c]`` per row. As in
    torch, a target with the logits' number of dimensions holds probabilities,
    returned as ``q`` (shape of `z`); one with a dimension less holds class
    indices, returned as they are (``q`` is then implicit, see `_kernels`).
    The second value is the mean's denominator.
    """
    n_rows, k = z.shape
    try:
        y = np.asarray(target, dtype=np.float64)
    except (TypeError, ValueError, OverflowError) as exc:
        raise CoreInputError("target", "must be class indices or rows of probabilities") from exc
    w = np.ones(k) if weight is None else weight
    if y.ndim == logits_ndim:
        expected = (k,) if logits_ndim == 1 else (n_rows, k)
        if y.shape != expected:
            raise CoreInputError(
                "target", f"probability targets must have shape {expected}, got {y.shape}"
            )
        return _probability_targets(y.reshape(n_rows, k), k, w, eps)
    if y.ndim == logits_ndim - 1:
        return _index_targets(y, n_rows, k, weight)
    raise CoreInputError(
        "target",
        "must be a class index (or one per row) or probabilities shaped like the logits",
    )


def _probability_targets(y, k, w, eps):
    if not np.isfinite(y).all():
        raise CoreInputError("target", "probabilities must be finite")
    if (y < 0).any():
        raise CoreInputError("target", "probabilities must be >= 0")
    sums = y.sum(axis=-1)
    if (np.abs(sums - 1.0) > _PROB_SUM_TOLERANCE).any():
        raise CoreInputError("target", "probabilities must sum to 1 in every row")
    q = w * (y * (1.0 - eps) + eps / k)
    return q, float(y.shape[0])


def _index_targets(y, n_rows, k, weight):
    y = y.reshape(-1)
    if y.shape[0] != n_rows:
        raise CoreInputError(
            "target",
            f"expected {n_rows} class indices (one per row) or {n_rows} rows of probabilities, "
            f"got a list of {y.shape[0]}",
        )
    if not np.isfinite(y).all() or (y != np.round(y)).any():
        raise CoreInputError("target", "class indices must be whole numbers")
    if (y < 0).any() or (y >= k).any():
        raise CoreInputError("target", f"class indices must be in [0, {k - 1}]")
    idx = y.astype(np.intp)
    denominator = float(weight[idx].sum()) if weight is not None else float(n_rows)
    return idx, denominator


def _dense_targets(idx, k, w, eps):
    """``q`` of class-index targets as a dense array (the straightforward path)."""
    n_rows = idx.shape[0]
    w = np.ones(k) if w is None else w
    q = np.broadcast_to(w * (eps / k), (n_rows, k)).copy()
    q[np.arange(n_rows), idx] += (1.0 - eps) * w[idx]
    return q


def _dense_loss_and_gradient(z2, t, q):
    """Row losses, probabilities and unscaled gradient for dense ``q``."""
    s = _shifted(z2, t)
    p = s.copy()
    total = _kernels.exp_normalize(p)  # as softmax() does it: the two agree to the bit
    logp = s - np.log(total)
    # q = 0 where log p = -inf contributes 0, not 0 * inf = nan (nor a warning).
    terms = np.zeros_like(logp)
    with np.errstate(over="ignore"):  # inf: the caller scales the weights first, or refuses
        np.multiply(q, logp, out=terms, where=q > 0)
    row_loss = -terms.sum(axis=-1)
    grad = p * q.sum(axis=-1, keepdims=True) - q
    # p sum(q) - q cancels for the class holding most of sum(q) when p is close
    # to its share (weights 1 and 1e-15, smoothing 1, logits [100, 0]: 0.5625
    # for 0.5). There it is computed as p * (the others' q) - q * (the others'
    # p), each summed without it; at most one class per row can hold most.
    rows = np.arange(q.shape[0])
    top = q.argmax(axis=-1)
    others = np.ones(q.shape, dtype=bool)
    others[rows, top] = False
    others_q, others_p = q.sum(axis=-1, where=others), p.sum(axis=-1, where=others)
    grad[rows, top] = p[rows, top] * others_q - q[rows, top] * others_p
    return row_loss, p, grad


def _in_safe_range(t: float, w: NDArray[np.float64] | None) -> bool:
    """Whether T and the weights are moderate enough for the fast path."""
    if not 1.0 / _SAFE <= t <= _SAFE:
        return False
    if w is None:
        return True
    positive = w[w > 0]
    return positive.size == 0 or (positive.max() <= _SAFE and positive.min() >= 1.0 / _SAFE)


def _rescale(a: ArrayLike, numerator: float, *denominators: float) -> NDArray[np.float64]:
    """``a * numerator / (d1 * d2 ...)`` with no overflow or underflow on the way.

    Mantissas and exponents are applied separately (``ldexp`` is exact), so
    the result overflows only where the true value exceeds float64's range.
    The denominators are not multiplied first: ``N * T`` rounds to 0 or to a
    subnormal for T near 5e-324 (a NaN, or a gradient 17% off).
    """
    mantissa, exponent = np.frexp(numerator)
    for d in denominators:
        m_d, e_d = np.frexp(d)
        mantissa, exponent = mantissa / m_d, exponent - e_d
    with np.errstate(over="ignore", under="ignore"):
        return np.ldexp(np.asarray(a, dtype=np.float64) * mantissa, exponent)


def _careful(z2, t, q, w1, eps, reduction, c, denominator):
    """Loss, probabilities and gradient for extreme T or weights.

    The loss is linear in the weights, so the caller divides them by their
    maximum ``c`` first (every coefficient is then at most 1, `w1`), and ``c``
    is applied here once at the end, together with ``1 / T`` and the mean's
    denominator (both computed from `w1`).
    """
    by_index = q.ndim == 1
    if by_index:
        q = _dense_targets(q, z2.shape[1], w1, eps)
    with np.errstate(over="ignore"):
        row_loss, p, grad = _dense_loss_and_gradient(z2, t, q)
        if reduction == "mean" and by_index:
            # Sum and denominator both carry the weights: c cancels.
            return (
                _rescale(row_loss.sum(), 1.0, denominator),
                p,
                _rescale(grad, 1.0, denominator, t),
            )
        if reduction == "mean":
            return _rescale(row_loss.sum(), c, denominator), p, _rescale(grad, c, denominator, t)
        loss = row_loss.sum() if reduction == "sum" else row_loss
        return _rescale(loss, c, 1.0), p, _rescale(grad, c, t)


def _scaled_weights(z2, target, logits_ndim, w, eps) -> tuple[float, NDArray[np.float64]]:
    """``c`` and ``w / c`` for the careful path, ``c`` the largest weight the targets use.

    Only the classes the targets use count (with smoothing, every class): a
    huge weight on a class no target uses would otherwise push the used ones
    below float64's range (weights 1.7e308 and 1e-300 with target 1 gave a
    loss of 0 for 2e8); unused weights become 0, which changes nothing. Used
    weights further apart than float64's range cannot be scaled to one
    scale: a CoreInputError.
    """
    q, _ = _effective_targets(z2, target, logits_ndim, None, eps)  # validated before
    if eps > 0:
        used = np.ones(w.shape, dtype=bool)
    elif q.ndim == 1:  # class indices
        used = np.zeros(w.shape, dtype=bool)
        used[q] = True
    else:
        used = (q > 0).any(axis=0)
    used &= w > 0
    if not used.any():
        return 1.0, w
    c = float(w[used].max())
    scaled = np.divide(w, c, out=np.zeros_like(w), where=used)  # unused ones could overflow
    if (scaled[used] < _SMALLEST_NORMAL).any():
        raise CoreInputError(
            "weight",
            "the weights of the classes the targets use span more than float64's range "
            "(the largest is over 4.5e307 times the smallest)",
        )
    return c, scaled


def _spread(w: NDArray[np.float64] | None, eps: float) -> float:
    """How far apart the smoothed target's coefficients can be: the largest
    positive weight over the smallest (1 without weights or smoothing)."""
    if w is None or eps == 0:
        return 1.0
    positive = w[w > 0]
    return float(positive.max() / positive.min()) if positive.size else 1.0


def _as_weight(weight: ArrayLike | None, k: int) -> NDArray[np.float64] | None:
    if weight is None:
        return None
    try:
        w = np.asarray(weight, dtype=np.float64)
    except (TypeError, ValueError, OverflowError) as exc:
        raise CoreInputError("weight", "must be numbers, one per class") from exc
    if w.shape != (k,):
        raise CoreInputError("weight", f"must have one entry per class ({k}), got shape {w.shape}")
    if not np.isfinite(w).all():
        raise CoreInputError("weight", "must be finite")
    if (w < 0).any():
        raise CoreInputError("weight", "must be >= 0")
    return w


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
        Whether to return the probabilities too (default). A training step
        needs only the loss and the gradient: ``False`` leaves them out
        (``None``), which saves an output-sized array and, for class-index
        targets, about a third of the time on large batches.

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
    # Finiteness is checked by the blocked kernel on the way (a pass through
    # memory saved) or below for the other paths; the logits' errors still
    # come first.
    z = as_logits(logits, check_finite=False)
    try:
        t = as_temperature(temperature, allow_zero=False)
        if reduction not in ("mean", "sum", "none"):
            raise CoreInputError("reduction", "must be one of 'mean', 'sum', 'none'")
        try:
            eps = float(label_smoothing)
        except (TypeError, ValueError, OverflowError) as exc:
            raise CoreInputError("label_smoothing", "must be a number") from exc
        if not 0.0 <= eps <= 1.0:
            raise CoreInputError("label_smoothing", "must be in [0, 1]")
        z2 = z.reshape(-1, z.shape[-1])
        w = _as_weight(weight, z2.shape[1])
        safe = _in_safe_range(t, w)
        c = 1.0
        if not safe and w is not None:
            c, w = _scaled_weights(z2, target, z.ndim, w, eps)
        q, denominator = _effective_targets(z2, target, z.ndim, w, eps)
        if reduction == "mean" and denominator == 0:
            raise CoreInputError(
                "weight", "the target classes' weights sum to 0, so the mean is undefined"
            )
    except (CoreInputError, TypeError, ValueError):
        as_logits(z)  # raises if the logits are not finite: their error comes first
        raise
    if not safe or q.ndim == 2:
        as_logits(z)  # the paths without the blocked kernel check nothing themselves

    def careful(q, w1, c, denominator) -> CrossEntropyResult:
        loss, p, grad = _careful(z2, t, q, w1, eps, reduction, c, denominator)
        if reduction == "none" and z.ndim == 1:
            loss = loss[0]
        return CrossEntropyResult(
            loss=np.asarray(loss, dtype=np.float64),
            probabilities=p.reshape(z.shape) if probabilities else None,
            gradient=grad.reshape(z.shape),
        )

    if not safe:
        return careful(q, w, c, denominator)

    scale = 1.0 / t
    if reduction == "mean":
        scale /= denominator
    row_loss = None
    if q.ndim == 1 and _spread(w, eps) > _KERNEL_SPREAD:
        # The kernel's p sum(q) - q cancels where weights far apart meet smoothing
        # (see _dense_loss_and_gradient): the dense path computes those rows exactly.
        q = _dense_targets(q, z2.shape[1], w, eps)
    if q.ndim == 1:  # class indices: the blocked kernel, with no dense q
        # Overflow in the shift gives -inf (exact); 0 * inf gives NaN, which
        # sends the call down the straightforward path below.
        with np.errstate(over="ignore", invalid="ignore"):
            rows = _kernels.cross_entropy_index_rows(
                z2, t, q, w, eps, scale, keep_probs=probabilities
            )
        if rows is None:
            as_logits(z)  # not finite: raises
        p, grad, row_loss = rows
        if np.isnan(row_loss).any():
            row_loss, q = None, _dense_targets(q, z2.shape[1], w, eps)
    if row_loss is None:
        row_loss, p, grad = _dense_loss_and_gradient(z2, t, q)
        grad *= scale
    if reduction == "mean":
        loss = row_loss.sum() / denominator
    elif reduction == "sum":
        loss = row_loss.sum()
    else:
        loss = row_loss if z.ndim == 2 else row_loss[0]
    if not np.isfinite(loss).all() and w is not None and (w > 0).any():
        # A huge row loss times a moderate weight can overflow before the mean
        # divides it back into range (w[y] * 2e300 * 1e10, then / 1e10): the
        # careful path scales the weights first. Only the loss is checked:
        # a few numbers, where the gradient would be a pass over the batch.
        c, w1 = _scaled_weights(z2, target, z.ndim, w, eps)
        q, denominator = _effective_targets(z2, target, z.ndim, w1, eps)
        return careful(q, w1, c, denominator)
    return CrossEntropyResult(
        loss=np.asarray(loss, dtype=np.float64),
        probabilities=p.reshape(z.shape) if probabilities else None,
        gradient=grad.reshape(z.shape),
    )
