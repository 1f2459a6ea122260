"""Softmax, log-softmax, logsumexp and the hard max, with temperature.

All functions work along the last axis: 1-D input is one distribution, 2-D
input is a batch of rows. Results are float64, except that `softmax` and
`log_softmax` keep a float32 ndarray in float32 (half the memory traffic, for
callers that already work in float32); anything else is computed in float64.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from app.core import _kernels
from app.core._checks import CoreInputError, as_logits, as_temperature
from app.core._kernels import _F32

__all__ = ["argmax", "hardmax", "log_softmax", "logsumexp", "sigmoid", "softmax"]


def _shifted(z: NDArray[np.float64], t: float | NDArray[np.float64]) -> NDArray[np.float64]:
    """Return ``(z - max z) / t`` row-wise, in a new array.

    The shift comes first so the largest entry is exactly 0 and nothing can
    overflow in ``exp``; dividing afterwards keeps tiny T finite too. `t` may
    also be a column of temperatures, shape (M, 1), for a single row `z`: the
    result then has one row per temperature.
    """
    m = z.max(axis=-1, keepdims=True) + 0.0  # a max of -0.0 as 0.0, as the kernels do
    # A tiny T can push the quotient below -1.8e308: -inf is then the exact
    # limit (exp gives 0), so that overflow is silenced.
    with np.errstate(over="ignore"):
        if np.isinf(m.max() - z.min()):
            # Logits more than 1.8e308 apart: z - m itself may overflow, and a
            # large T could bring it back into range (as the kernels do it).
            return _kernels.scaled_difference(z, m, t)
        out = np.subtract(z, m)
        if np.ndim(t):
            return out / t  # broadcasts to one row per temperature
        if t != 1.0:
            out /= t
    return out


# ndarrays of these dtypes are used as they are (float32 stays float32).
# dtypes are singletons: `is` and `in` cost next to nothing, `==` with a type ~0.1 us.
_F64 = np.dtype(np.float64)
_KEPT = (_F64, _F32)
# Temperatures float32 arithmetic is given (with a margin: T must stay a normal
# float32). Far outside, T would round to 0 or inf (NaN or wrong answers), so
# those calls are computed in float64 and answered in float32.
_F32_T_MIN, _F32_T_MAX = 2.0**-100, 2.0**100


def _logits(logits: ArrayLike) -> NDArray[np.floating]:
    """`as_logits` without its finiteness check, which the kernels do for less.

    A float32 ndarray stays float32. Wherever this differs from `as_logits`,
    `as_logits` is called to raise the error that applies.
    """
    if isinstance(logits, np.ndarray) and logits.dtype in _KEPT:
        z = logits
    else:
        try:
            z = np.asarray(logits, dtype=np.float64)
        except (TypeError, ValueError, OverflowError):
            z = as_logits(logits)  # raises
    if z.ndim not in (1, 2) or z.size == 0:
        as_logits(logits)  # raises
    return z


def _temperature(logits: ArrayLike, temperature: float) -> float:
    """`as_temperature`; when both arguments are bad, the logits' error comes first."""
    try:
        return as_temperature(temperature)
    except CoreInputError:
        as_logits(logits)
        raise


# 1-D vectors shorter than this are computed on Python floats (see `_short_shifted`).
_SHORT = 8


def _short_shifted(logits: ArrayLike, t: float) -> tuple[list[float], list[float]] | None:
    """A short 1-D vector and ``(z - max z) / t``, both as Python floats, or None.

    numpy spends about a microsecond per call, most of the time of a softmax of
    a few logits. For fewer than 8 values every step below is one that the
    array path does the same way (IEEE subtraction and division, numpy's own
    ``exp`` and ``log``, sums in order, as numpy sums fewer than 8 numbers), so
    the results are the same to the bit (tests/core/test_softmax.py). None
    sends everything else down the array path, which also raises the errors:
    other types, longer or 2-D input, non-finite values, logits whose
    differences overflow.
    """
    if type(logits) is np.ndarray:
        if logits.ndim != 1 or not 0 < logits.size < _SHORT or logits.dtype is not _F64:
            return None
        z = logits.tolist()
    elif type(logits) is list and 0 < len(logits) < _SHORT:
        if not all(type(x) is float or type(x) is int for x in logits):
            return None  # bool, str, nested lists, numpy scalars...
        try:
            z = [float(x) for x in logits]
        except OverflowError:  # an int beyond float64
            return None
    else:
        return None
    if not all(map(math.isfinite, z)):
        return None
    m = max(z) + 0.0  # a max of -0.0 as 0.0, as the kernels do
    span = m - min(z)
    if math.isinf(span) or math.isinf(span / t):
        return None
    return z, [x - m for x in z] if t == 1.0 else [(x - m) / t for x in z]


def _exp_and_sum(shifted: list[float]) -> tuple[list[float], float]:
    """``exp`` of the shifted values (numpy's, on a row as the kernels see it) and their sum."""
    e = np.exp(np.array([shifted])).tolist()[0]
    total = 0.0
    for x in e:
        total += x
    return e, total


def _is_vector(logits: ArrayLike, t: float) -> bool:
    """Whether `logits` is a 1-D float64 (or float32, for T float32 holds)
    ndarray of `_SHORT` or more values.

    The commonest call of a library user, tested first and for little: on a
    short vector numpy's per-call cost (~0.3-0.6 us a call) is most of the
    time, and these checks replace those of `_short_shifted` and `_logits`.
    """
    return (
        type(logits) is np.ndarray
        and logits.ndim == 1
        and logits.size >= _SHORT
        and (logits.dtype is _F64 or (logits.dtype is _F32 and _F32_T_MIN <= t <= _F32_T_MAX))
    )


def _by_rows(kernel, logits: ArrayLike, t: float, vector_kernel=None) -> NDArray[np.floating]:
    """Apply a 2-D row kernel of `_kernels` to 1-D or 2-D logits.

    A 1-D vector goes to `vector_kernel` (the same bits for less per-call
    cost); when it declines (non-finite values, a span beyond float64), the
    row kernel handles or refuses it.
    """
    z = _logits(logits)
    if z.dtype is _F32 and not _F32_T_MIN <= t <= _F32_T_MAX:
        out = _by_rows(kernel, z.astype(np.float64), t, vector_kernel)
        with np.errstate(over="ignore"):  # log-probabilities beyond float32: -inf
            return out.astype(np.float32)
    if z.ndim == 1 and vector_kernel is not None:
        out = vector_kernel(z, t)
        if out is not None:
            return out
    out = kernel(z.reshape(-1, z.shape[-1]), t)
    if out is None:
        as_logits(z)  # not finite: raises
    return out.reshape(z.shape)


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
    s = _shifted(z, t)
    with np.errstate(over="ignore"):  # max z / T beyond float64: inf is the limit
        m = z.max(axis=-1) / t
    return m + np.log(np.exp(s).sum(axis=-1))


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
    t = _temperature(logits, temperature)
    if t == 0:
        return hardmax(logits).astype(_logits(logits).dtype, copy=False)
    if _is_vector(logits, t):
        out = _kernels.softmax_vector(logits, t)
        if out is not None:
            return out
    short = _short_shifted(logits, t)
    if short is not None:
        e, total = _exp_and_sum(short[1])
        return np.array([x / total for x in e])
    return _by_rows(_kernels.softmax_rows, logits, t, _kernels.softmax_vector)


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
    ``log(softmax(z))`` loses the small class to ``log(0) = -inf``; this
    does not:

    >>> log_softmax([1000.0, 1.0]).tolist()
    [0.0, -999.0]
    """
    t = _temperature(logits, temperature)
    if t == 0:
        with np.errstate(divide="ignore"):  # log(0) = -inf is the exact answer
            return np.log(hardmax(logits)).astype(_logits(logits).dtype, copy=False)
    if _is_vector(logits, t):
        out = _kernels.log_softmax_vector(logits, t)
        if out is not None:
            return out
    short = _short_shifted(logits, t)
    if short is not None:
        shifted = short[1]
        log_total = np.log(np.array([[_exp_and_sum(shifted)[1]]])).item()
        return np.array([x - log_total for x in shifted])
    return _by_rows(_kernels.log_softmax_rows, logits, t, _kernels.log_softmax_vector)


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
    # exp of -|x| never overflows; pick the form that uses it.
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
