"""Cross-entropy for class-index targets without smoothing: no dense target array.

The fast path of `app.core.cross_entropy` (a training step on a batch): the
one-hot target is never built, and without the probabilities the gradient is
made in their place. It agrees with the dense path (tests/core/test_cross_entropy.py).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from app.core.softmax import shift


def loss_and_gradient(
    z2: NDArray[np.float64],
    t: float,
    idx: NDArray[np.intp],
    w: NDArray[np.float64] | None,
    *,
    keep_probabilities: bool = True,
) -> tuple[NDArray, NDArray | None, NDArray]:
    """Row losses ``w[y] (log sum exp s - s[y])``, probabilities, and ``w[y] (p - onehot(y))``."""
    rows = np.arange(z2.shape[0])
    s = shift(z2, t)
    s_y = s[rows, idx]
    e = np.exp(s, out=s)
    total = e.sum(axis=-1, keepdims=True)
    w_y = np.ones(len(idx)) if w is None else w[idx]
    with np.errstate(over="ignore"):  # beyond float64: inf, which the API refuses
        row_loss = w_y * (np.log(total[:, 0]) - s_y)
    p = e / total if keep_probabilities else None
    grad = np.multiply(e, w_y[:, None] / total, out=e)
    grad[rows, idx] -= w_y
    return row_loss, p, grad
