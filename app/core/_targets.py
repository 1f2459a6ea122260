"""Cross-entropy's targets and weights, checked and put in the form the computation uses."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from app.core._checks import CoreInputError

_PROB_SUM_TOLERANCE = 1e-6
_SMALLEST_NORMAL = float(np.finfo(np.float64).tiny)


@dataclass(frozen=True)
class Targets:
    """Every variant of the loss is ``-sum_c q[n, c] log p[n, c]`` per row.

    `index` holds class indices when the targets are one-hot (no smoothing),
    with `q` None; otherwise `q` holds the coefficients. The weights are divided
    by the largest, ``c`` (`weight` is ``w / c``, at most 1), so no product
    overflows on the way; `scale` puts ``c`` back at the end (1 where the
    mean's denominator, itself from ``w / c``, cancels it).
    """

    index: NDArray[np.intp] | None
    q: NDArray[np.float64] | None
    weight: NDArray[np.float64] | None
    denominator: float
    scale: float


def as_weight(weight: ArrayLike | None, k: int) -> NDArray[np.float64] | None:
    """Per-class weights as a float64 array of shape (K,), or None."""
    if weight is None:
        return None
    try:
        w = np.asarray(weight, dtype=np.float64)
    except (TypeError, ValueError, OverflowError) as exc:
        raise CoreInputError("weight", "must be numbers, one per class") from exc
    if w.shape != (k,):
        raise CoreInputError(
            "weight", f"must have one weight per class: {k} values, got {_in_words(w.shape)}"
        )
    if not np.isfinite(w).all():
        raise CoreInputError("weight", "must be finite")
    if (w < 0).any():
        raise CoreInputError("weight", "must be >= 0")
    return w


def as_targets(
    z: NDArray[np.float64], target: ArrayLike, w: NDArray | None, eps: float, reduction: str
) -> Targets:
    """Check `target` against the logits `z` and build the `Targets`.

    As in torch, a target with the logits' number of dimensions holds
    probabilities; one with a dimension less holds class indices.
    """
    n_rows, k = (1, z.shape[0]) if z.ndim == 1 else z.shape
    try:
        y = np.asarray(target, dtype=np.float64)
    except (TypeError, ValueError, OverflowError) as exc:
        raise CoreInputError("target", "must be class indices or rows of probabilities") from exc
    c, w1 = _scaled(w)
    if y.ndim == z.ndim:
        q = _probabilities(y, z.shape, n_rows) * (1.0 - eps) + eps / k
        return Targets(None, q if w1 is None else q * w1, w1, float(n_rows), c)
    if y.ndim != z.ndim - 1:
        raise CoreInputError(
            "target",
            "must be a class index (or one per row) or probabilities shaped like the logits",
        )
    idx = _indices(y, n_rows, k)
    w_y = np.ones(n_rows) if w1 is None else w1[idx]
    denominator = float(w_y.sum())
    if reduction == "mean" and denominator == 0:
        raise CoreInputError(
            "weight", "the target classes' weights sum to 0, so the mean is undefined"
        )
    scale = 1.0 if reduction == "mean" else c  # the mean's w / c cancels c
    if eps == 0:
        return Targets(idx, None, w1, denominator, scale)
    q = np.full((n_rows, k), eps / k) if w1 is None else np.tile(w1 * (eps / k), (n_rows, 1))
    q[np.arange(n_rows), idx] += (1.0 - eps) * w_y
    return Targets(None, q, w1, denominator, scale)


def _scaled(w: NDArray | None) -> tuple[float, NDArray | None]:
    """``c`` (the largest weight) and ``w / c``; weights too far apart for that are refused."""
    if w is None or not (w > 0).any():
        return 1.0, w
    c = float(w.max())
    w1 = w / c
    if (w1[w > 0] < _SMALLEST_NORMAL).any():
        raise CoreInputError(
            "weight",
            "the weights span more than float64's range "
            "(the largest is over 4.5e307 times the smallest positive one)",
        )
    return c, w1


def _probabilities(y: NDArray, shape: tuple[int, ...], n_rows: int) -> NDArray:
    if y.shape != shape:
        raise CoreInputError(
            "target",
            "probability targets must be shaped like the logits: "
            f"{_in_words(shape)}, got {_in_words(y.shape)}",
        )
    if not np.isfinite(y).all():
        raise CoreInputError("target", "probabilities must be finite")
    if (y < 0).any():
        raise CoreInputError("target", "probabilities must be >= 0")
    if (np.abs(y.sum(axis=-1) - 1.0) > _PROB_SUM_TOLERANCE).any():
        raise CoreInputError("target", "probabilities must sum to 1 in every row")
    return y.reshape(n_rows, -1)


def _indices(y: NDArray, n_rows: int, k: int) -> NDArray[np.intp]:
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
    return y.astype(np.intp)


def _in_words(shape: tuple[int, ...]) -> str:
    """A shape as a reader says it: (3,) is "3 values", (2, 3) "2 rows of 3 values"."""
    if len(shape) == 0:
        return "a single number"
    if len(shape) == 1:
        return _count(shape[0], "value")
    if len(shape) == 2:
        return f"{_count(shape[0], 'row')} of {_count(shape[1], 'value')}"
    return f"a {len(shape)}-D array"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
