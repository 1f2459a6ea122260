"""Shannon entropy of probability rows."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["entropy"]


def entropy(
    probabilities: ArrayLike,
    log_probabilities: ArrayLike | None = None,
    *,
    base: float | None = None,
) -> NDArray[np.float64]:
    """Entropy ``-sum p log p`` per row, with ``0 log 0 = 0``.

    Parameters
    ----------
    probabilities : array_like, shape (K,) or (N, K)
        Rows that sum to 1.
    log_probabilities : array_like, optional
        ``log(probabilities)`` when it is known more accurately (e.g. from
        :func:`log_softmax`); otherwise it is computed.
    base : float, optional
        Logarithm base: None for nats, 2 for bits.

    Returns
    -------
    ndarray of float64
        Shape () for 1-D input, (N,) for 2-D input. Between 0 (one class
        certain) and ``log K`` (uniform).

    Examples
    --------
    >>> float(entropy([0.5, 0.5], base=2))
    1.0
    >>> float(entropy([1.0, 0.0]))
    0.0
    """
    p = np.asarray(probabilities, dtype=np.float64)
    if log_probabilities is None:
        with np.errstate(divide="ignore"):  # log 0 = -inf, left out below
            logp = np.log(p)
    else:
        logp = np.asarray(log_probabilities, dtype=np.float64)
    # 0 log 0 = 0: only p > 0 contributes (0 * -inf would be NaN).
    terms = np.multiply(p, logp, out=np.zeros_like(p), where=p > 0)
    # Rounding can leave -0.0 or -1e-17 for a one-hot row; entropy is >= 0.
    h = np.maximum(-terms.sum(axis=-1), 0.0)
    return h if base is None else h / np.log(base)
