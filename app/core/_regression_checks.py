"""Input checks of softmax regression (app/core/regression.py): shapes, labels, numbers."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from app.core._checks import CoreInputError

__all__ = ["checked", "non_negative", "positive"]


def _matrix(values: ArrayLike, field: str, ndim: int) -> NDArray[np.float64]:
    try:
        a = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError, OverflowError) as exc:
        raise CoreInputError(field, "must be a rectangular array of numbers") from exc
    if a.ndim != ndim or a.size == 0:
        shape = "a list of numbers" if ndim == 1 else "a non-empty list of rows of numbers"
        raise CoreInputError(field, f"must be {shape}")
    if not np.isfinite(a).all():
        raise CoreInputError(field, "must be finite (no NaN or infinity)")
    return a


def checked(x, y, weights, bias):
    """x (N, D), y (N,) as indices, W (K, D), b (K,), with shapes that agree."""
    x = _matrix(x, "x", 2)
    w = _matrix(weights, "weights", 2)
    b = _matrix(bias, "bias", 1)
    n, d = x.shape
    k = w.shape[0]
    if w.shape[1] != d:
        raise CoreInputError("weights", f"each row must have {d} values, one per column of x")
    if b.shape[0] != k:
        raise CoreInputError("bias", f"must have {k} values, one per row of weights")
    labels = np.asarray(y)
    if labels.ndim != 1 or labels.shape[0] != n:
        raise CoreInputError("y", f"must have {n} class indices, one per row of x")
    if labels.dtype.kind not in "iu" or labels.min() < 0 or labels.max() >= k:
        raise CoreInputError("y", f"must be class indices from 0 to {k - 1}")
    return x, labels.astype(np.intp), w, b


def positive(value: float, field: str) -> float:
    v = float(value)
    if not (np.isfinite(v) and v > 0):
        raise CoreInputError(field, "must be a finite number > 0")
    return v


def non_negative(value: float, field: str) -> float:
    v = float(value)
    if not (np.isfinite(v) and v >= 0):
        raise CoreInputError(field, "must be a finite number >= 0")
    return v
