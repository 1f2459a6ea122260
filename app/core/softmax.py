"""Softmax, log-softmax, logsumexp and the hard max, with temperature.

All functions work along the last axis: 1-D input is one distribution, 2-D
input is a batch of rows. Everything is computed in float64; `softmax` and
`log_softmax` give a float32 ndarray back in float32.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from app.core import extremes
from app.core._checks import CoreInputError, as_logits, as_temperature

__all__ = ["argmax", "hardmax", "log_softmax", "logsumexp", "shift", "sigmoid", "softmax"]


def shift(z: NDArray[np.float64], t: float | NDArray[np.float64]) -> NDArray[np.float64]:
    """``(z - max z) / T`` per row: steps 1 and 2 of every softmax here.

    The largest entry becomes exactly 0, so ``exp`` cannot overflow, and the
    ratios ``exp(s_i) / sum exp(s)`` are those of ``exp(z_i / T)``. `t` may be a
    column of temperatures (M, 1) for one row `z`: one row per temperature.
    Non-finite logits raise `CoreInputError`.
    """
    m = z.max(axis=-1, keepdims=True) + 0.0  # which zero numpy's max picks depends on the CPU
    # NaN, inf or a span beyond float64 show in min(s), checked below; a tiny T
    # overflows s / T to -inf, the exact limit (exp gives 0).
    with np.errstate(invalid="ignore", over="ignore"):
        s = z - m
        if not math.isfinite(s.min()):
            as_logits(z)  # NaN or infinity: raises
            return extremes.scaled_difference(z, m, t)  # logits more than 1.8e308 apart
        if isinstance(t, np.ndarray):  # a column of temperatures: one row each
            return s / t
        if t != 1.0:
            s /= t
    return s


def softmax(logits: ArrayLike, temperature: float = 1.0) -> NDArray[np.float64]:
    """Probabilities ``exp(z_i / T) / sum_j exp(z_j / T)`` per row.

    Parameters
    ----------
    logits : array_like, shape (K,) or (N, K)
        Raw scores, any finite values.
    temperature : float, optional
        T > 1 flattens the distribution, T < 1 sharpens it, T = 0 is the
        hard max (its limit). Default 1.

    Returns
    -------
    ndarray of float64
        Same shape as `logits`; each row is non-negative and sums to 1.
        float32 if `logits` is a float32 ndarray.

    Raises
    ------
    CoreInputError
        For non-finite logits, or a negative or non-finite temperature.

    Notes
    -----
    Computed as ``exp(s) / sum(exp(s))`` with ``s = (z - max z) / T``, which
    is the same ratio (numerator and denominator share the factor
    ``exp(-max z / T)``) but never overflows.

    Examples
    --------
    >>> softmax([4.0, 2.0, -1.0]).round(4).tolist()
    [0.8756, 0.1185, 0.0059]
    >>> softmax([4.0, 2.0, -1.0], temperature=3.0).round(3).tolist()
    [0.587, 0.302, 0.111]
    >>> softmax([1000.0, 999.0, -1000.0]).round(4).tolist()
    [0.7311, 0.2689, 0.0]
    """
    z, t = _arguments(logits, temperature)
    if t == 0:
        return _like(hardmax(z), logits)
    s = shift(z, t)
    e = np.exp(s, out=s)  # in place: no second array the size of the input
    e /= e.sum(axis=-1, keepdims=True)
    return _like(e, logits)


def log_softmax(logits: ArrayLike, temperature: float = 1.0) -> NDArray[np.float64]:
    """Log-probabilities ``z_i / T - logsumexp(z / T)`` per row.

    Parameters
    ----------
    logits : array_like, shape (K,) or (N, K)
        Raw scores, any finite values.
    temperature : float, optional
        T >= 0; at T = 0 this is ``log(hardmax)``, with ``-inf`` for the
        classes that lose. Default 1.

    Returns
    -------
    ndarray of float64
        Same shape as `logits`. ``-inf`` only where the probability is
        exactly 0 in float64. float32 if `logits` is a float32 ndarray.

    Examples
    --------
    Computed as ``s - log(sum(exp(s)))`` with ``s = (z - max z) / T``.
    ``log(softmax(z))`` loses the small class to ``log(0) = -inf``; this does not:

    >>> log_softmax([1000.0, 1.0]).tolist()
    [0.0, -999.0]
    """
    z, t = _arguments(logits, temperature)
    if t == 0:
        with np.errstate(divide="ignore"):  # log(0) = -inf is the exact answer
            return _like(np.log(hardmax(z)), logits)
    s = shift(z, t)
    s -= np.log(np.exp(s).sum(axis=-1, keepdims=True))
    return _like(s, logits)


def logsumexp(logits: ArrayLike, temperature: float = 1.0) -> NDArray[np.float64]:
    """Stable ``log(sum(exp(z / T)))`` per row.

    Parameters
    ----------
    logits : array_like, shape (K,) or (N, K)
        Raw scores.
    temperature : float, optional
        T > 0 divides the logits. Default 1.

    Returns
    -------
    ndarray of float64
        Shape () for 1-D input, (N,) for 2-D input.

    Notes
    -----
    ``logsumexp(z) = m + log(sum(exp(z - m)))`` with ``m = max z``, so the
    largest exponent is ``exp(0) = 1`` and nothing overflows.

    Examples
    --------
    >>> float(logsumexp([1000.0, 1000.0]))  # naive: log(inf) = inf
    1000.6931471805599
    """
    z = as_logits(logits)
    t = as_temperature(temperature, allow_zero=False)
    s = shift(z, t)
    with np.errstate(over="ignore"):  # max z / T beyond float64: inf is the limit
        m = z.max(axis=-1) / t
    return m + np.log(np.exp(s).sum(axis=-1))


def hardmax(logits: ArrayLike) -> NDArray[np.float64]:
    """One-hot of the argmax, with ties split evenly.

    This is the T -> 0 limit of ``softmax(logits, T)``. Its gradient is zero
    almost everywhere, which is why networks are trained through softmax.

    Parameters
    ----------
    logits : array_like, shape (K,) or (N, K)
        Raw scores.

    Returns
    -------
    ndarray of float64
        Same shape as `logits`; each row sums to 1.

    Examples
    --------
    >>> hardmax([4.0, 2.0, -1.0]).tolist()
    [1.0, 0.0, 0.0]
    >>> hardmax([3.0, 3.0, 1.0]).tolist()
    [0.5, 0.5, 0.0]
    """
    z = as_logits(logits)
    winners = (z == z.max(axis=-1, keepdims=True)).astype(np.float64)
    winners /= winners.sum(axis=-1, keepdims=True)
    return winners


def argmax(logits: ArrayLike) -> NDArray[np.intp]:
    """Index of the largest logit per row (the first one on ties).

    Parameters
    ----------
    logits : array_like, shape (K,) or (N, K)
        Raw scores.

    Returns
    -------
    ndarray of int
        Shape () for 1-D input, (N,) for 2-D input.

    Examples
    --------
    >>> int(argmax([4.0, 2.0, -1.0]))
    0
    """
    return np.argmax(as_logits(logits), axis=-1)


def sigmoid(x: ArrayLike) -> NDArray[np.float64]:
    """Logistic function ``1 / (1 + exp(-x))``, without overflow.

    For two classes softmax needs no more: ``softmax([a, b])[0] = sigmoid(a - b)``.

    Parameters
    ----------
    x : array_like
        Any float64 values, including +-inf.

    Returns
    -------
    ndarray of float64
        Same shape as `x`, in [0, 1].

    Examples
    --------
    >>> sigmoid([0.0, 2.0 - 5.0]).round(4).tolist()
    [0.5, 0.0474]
    >>> sigmoid([-1000.0, 1000.0]).tolist()
    [0.0, 1.0]
    """
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))  # exp of -|x| never overflows; pick the form that uses it
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _arguments(logits: ArrayLike, temperature: float) -> tuple[NDArray[np.float64], float]:
    """Logits as float64 (finiteness is checked by `shift`) and T; the logits' errors first."""
    z = as_logits(logits, check_finite=False)
    try:
        return z, as_temperature(temperature)
    except CoreInputError:
        as_logits(z)
        raise


def _like(result: NDArray[np.float64], logits: ArrayLike) -> NDArray[np.floating]:
    """float32 back for a float32 ndarray, as a caller working in float32 expects."""
    if isinstance(logits, np.ndarray) and logits.dtype == np.float32:
        with np.errstate(over="ignore"):  # log-probabilities below float32's range: -inf
            return result.astype(np.float32)
    return result
