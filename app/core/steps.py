"""The intermediate values of a softmax, for showing the arithmetic step by step."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from app.core._checks import as_logits, as_temperature
from app.core.softmax import _shifted

__all__ = ["SoftmaxSteps", "softmax_steps"]


@dataclass(frozen=True)
class SoftmaxSteps:
    """Each stage of ``softmax(z, T)``, shaped like the logits (sums per row).

    Attributes
    ----------
    scaled : ndarray
        ``z / T`` (``inf`` where that overflows float64).
    max_scaled : ndarray
        ``max(z) / T`` per row.
    shifted : ndarray
        ``(z - max z) / T``: at most 0, so ``exp`` cannot overflow.
    exponentials : ndarray
        ``exp(shifted)``; the largest is exactly 1.
    sum_exponentials : ndarray
        Their sum per row, between 1 and K.
    exp_scaled : ndarray
        ``exp(z / T)`` without the shift, as written in textbooks (``inf``
        where it overflows).
    sum_exp_scaled : ndarray
        Its sum per row (``inf`` where it overflows).
    """

    scaled: NDArray[np.float64]
    max_scaled: NDArray[np.float64]
    shifted: NDArray[np.float64]
    exponentials: NDArray[np.float64]
    sum_exponentials: NDArray[np.float64]
    exp_scaled: NDArray[np.float64]
    sum_exp_scaled: NDArray[np.float64]


def softmax_steps(logits: ArrayLike, temperature: float = 1.0) -> SoftmaxSteps:
    """Intermediate values of ``softmax(logits, temperature)`` for T > 0.

    Parameters
    ----------
    logits : array_like, shape (K,) or (N, K)
    temperature : float, optional
        T > 0. Default 1.

    Returns
    -------
    SoftmaxSteps
        ``exponentials / sum_exponentials`` is the softmax.

    Examples
    --------
    >>> s = softmax_steps([4.0, 2.0, -1.0])
    >>> s.exp_scaled.round(3).tolist(), round(float(s.sum_exp_scaled), 3)
    ([54.598, 7.389, 0.368], 62.355)
    """
    z = as_logits(logits)
    t = as_temperature(temperature, allow_zero=False)
    shifted = _shifted(z, t)
    exponentials = np.exp(shifted)
    # The unshifted path is shown for teaching; it overflows for large z / T,
    # and inf is the honest float64 answer there.
    with np.errstate(over="ignore"):
        scaled = z / t
        exp_scaled = np.exp(scaled)
        sum_exp_scaled = exp_scaled.sum(axis=-1)
    return SoftmaxSteps(
        scaled=scaled,
        max_scaled=scaled.max(axis=-1),
        shifted=shifted,
        exponentials=exponentials,
        sum_exponentials=exponentials.sum(axis=-1),
        exp_scaled=exp_scaled,
        sum_exp_scaled=sum_exp_scaled,
    )
