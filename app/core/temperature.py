"""Softmax over a range of temperatures: the data behind a probability-vs-T plot."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from app.core._checks import CoreInputError, as_logits, is_boolean
from app.core.entropy import entropy
from app.core.softmax import hardmax, log_softmax, shift

__all__ = ["TemperatureSweep", "temperature_sweep"]


@dataclass(frozen=True)
class TemperatureSweep:
    """Probabilities and entropy of one logit vector at several temperatures.

    Attributes
    ----------
    temperatures : ndarray, shape (M,)
    probabilities : ndarray, shape (M, K)
        Row m is ``softmax(logits, temperatures[m])``.
    entropy : ndarray, shape (M,)
        Entropy of each row, in nats.
    """

    temperatures: NDArray[np.float64]
    probabilities: NDArray[np.float64]
    entropy: NDArray[np.float64]


def temperature_sweep(logits: ArrayLike, temperatures: ArrayLike) -> TemperatureSweep:
    """Softmax of one logit vector at each temperature.

    Parameters
    ----------
    logits : array_like, shape (K,)
        One vector of raw scores.
    temperatures : array_like, shape (M,)
        Temperatures T >= 0 (0 gives the hard max).

    Returns
    -------
    TemperatureSweep

    Examples
    --------
    >>> s = temperature_sweep([4.0, 2.0, -1.0], [0.0, 1.0, 1e300])
    >>> s.probabilities.round(4).tolist()
    [[1.0, 0.0, 0.0], [0.8756, 0.1185, 0.0059], [0.3333, 0.3333, 0.3333]]
    """
    z = as_logits(logits)
    if z.ndim != 1:
        raise CoreInputError("logits", "must be 1-D (one vector) for a temperature sweep")
    if is_boolean(temperatures):
        raise CoreInputError("temperatures", "must be numbers, not booleans")
    try:
        ts = np.asarray(temperatures, dtype=np.float64)
    except (TypeError, ValueError, OverflowError) as exc:
        raise CoreInputError("temperatures", "must be a list of numbers") from exc
    if ts.ndim != 1 or ts.size == 0:
        raise CoreInputError("temperatures", "must be a non-empty 1-D list")
    if not np.isfinite(ts).all():
        raise CoreInputError("temperatures", "must be finite")
    if (ts < 0).any():
        raise CoreInputError("temperatures", "must be >= 0")
    ts = ts + 0.0  # -0.0 is T = 0: answered without the sign (a copy: the input is not changed)

    # All temperatures at once, one row each: a 200-point curve in one pass.
    probs = np.empty((ts.size, z.size))
    logps = np.empty_like(probs)
    hot = ts > 0
    if hot.any():
        s = shift(z[None, :], ts[hot, None])
        e = np.exp(s)
        total = e.sum(axis=1, keepdims=True)  # >= 1: the max's term is exp(0)
        probs[hot] = e / total
        logps[hot] = s - np.log(total)
    if not hot.all():  # T = 0: the hard max, ties split evenly
        probs[~hot] = hardmax(z)
        logps[~hot] = log_softmax(z, 0.0)
    return TemperatureSweep(ts, probs, entropy(probs, logps))
