"""The intermediate values of a softmax, and everything the page shows about one.

`softmax_steps` gives the arithmetic (z / T, the shift, the exponentials and
their sums). `softmax_report` gives every number of ``POST /api/softmax``
(probabilities, log-probabilities, hard max, entropy, the steps) from one shift
and one ``exp``, with the same kernels as `softmax` and `log_softmax`: each of
its arrays is bit for bit what the separate core function returns.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import ArrayLike, NDArray

from app.core._checks import as_logits, as_temperature
from app.core._kernels import (
    normalize,
    row_blocks,
    row_sums,
    scaled_difference,
    shift_into,
    shift_vector,
)
from app.core.entropy import entropy
from app.core.softmax import (
    _exp_and_sum,
    _logits,
    _short_shifted,
    _temperature,
    hardmax,
    log_softmax,
    sigmoid,
    softmax,
)

__all__ = ["SoftmaxReport", "SoftmaxSteps", "TwoClass", "softmax_report", "softmax_steps"]


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


@dataclass(frozen=True)
class TwoClass:
    """For K = 2: ``softmax([a, b])[0] = sigmoid((a - b) / T)`` (per row for a batch)."""

    difference: NDArray[np.float64]
    sigmoid: NDArray[np.float64]


@dataclass(frozen=True)
class SoftmaxReport:
    """Everything about ``softmax(logits, T)`` that the page shows.

    Arrays are shaped like the logits; per-row values have shape () for 1-D
    logits and (N,) for a batch. `steps` and `two_class` are None at T = 0;
    `steps` is also None when not asked for. A list of at most 7 numbers gives
    lists and floats instead of arrays (the same numbers, see `_small_report`).
    """

    probabilities: NDArray[np.float64]
    log_probabilities: NDArray[np.float64]
    hardmax: NDArray[np.float64]
    argmax: NDArray[np.intp]
    entropy: NDArray[np.float64]
    entropy_bits: NDArray[np.float64]
    max_entropy: float
    temperature: float
    steps: SoftmaxSteps | None
    two_class: TwoClass | None


def _shift(z2: NDArray[np.float64], t: float) -> tuple[NDArray, NDArray]:
    """``(z - max z) / t`` of 2-D `z2` as the softmax kernels compute it, and the row maxima."""
    shifted = np.empty_like(z2)
    maxima = []
    for b in row_blocks(z2):
        m = shift_into(z2[b], t, shifted[b])
        if m is None:
            as_logits(z2)  # not finite: raises
        maxima.append(m)
    return shifted, maxima[0] if len(maxima) == 1 else np.concatenate(maxima)


def _per_row(values: NDArray, shape: tuple[int, ...]) -> NDArray:
    """Row values (N,) or (N, 1) back to shape (N,), or a numpy scalar for 1-D logits."""
    return values.reshape(shape[:-1])[()]


def _steps(z, t, shifted, exponentials, total) -> SoftmaxSteps:
    shape = z.shape
    # The unshifted path is shown for teaching; it overflows for large z / T,
    # and inf is the honest float64 answer there.
    with np.errstate(over="ignore"):
        scaled = z / t
        exp_scaled = np.exp(scaled)
    return SoftmaxSteps(
        scaled=scaled,
        max_scaled=scaled.max(axis=-1),
        shifted=shifted.reshape(shape),
        exponentials=exponentials.reshape(shape),
        sum_exponentials=_per_row(total, shape),
        exp_scaled=exp_scaled,
        sum_exp_scaled=exp_scaled.sum(axis=-1),
    )


def _entropy(p: NDArray, logp: NDArray) -> NDArray:
    """``entropy(p, logp)``, to the bit, without its masks for p = 0 where they change nothing.

    Where p = 0 and log p is finite, ``p * log p`` is -0.0 instead of the mask's
    0.0, which leaves every sum with a non-zero term unchanged (and a row always
    has one unless its entropy is 0, which both give as 0.0). Where log p is -inf
    the product is NaN: those rows go through `entropy` itself.
    """
    with np.errstate(invalid="ignore"):  # 0 * -inf: NaN, handled below
        h = -np.add.reduce(p * logp, axis=-1)
    if math.isnan(h) if h.ndim == 0 else np.isnan(h).any():  # one vector: ~1.3 us less
        return entropy(p, logp)
    return np.maximum(h, 0.0)  # rounding can leave -1e-17 for a one-hot row


# One vector of this many classes is computed on Python floats (`_small_report`).
# numpy sums fewer than 8 numbers in order (pairwise summation starts at 8),
# and K = 2 takes the array path for its sigmoid.
_SMALL_K = frozenset({1, 3, 4, 5, 6, 7})
_LOG_K = {k: float(np.log(k)) for k in range(1, 8)}
_LOG_2 = np.log(2)


@lru_cache(maxsize=1024)  # bounded: K comes from requests
def _log_k(k: int) -> float:
    """``log K``, the entropy of K equal classes (numpy's log, cached: ~0.7 us a call)."""
    return float(np.log(k))


def _small_report(logits: list, t: float, steps: bool) -> SoftmaxReport | None:
    """`softmax_report` of one short vector, on Python floats; None where it may differ.

    The shift, ``exp`` and sum are those of `softmax` on short vectors
    (`_short_shifted`): the same bits as the array path (tested); the rest is
    done the same way (IEEE multiplication, sums in order, numpy's own ``log``).
    About 8 us instead of 21 for 3 logits: numpy's ~1 us a call is most of a
    small request. None (take the array path) for whatever `_short_shifted`
    leaves to it, zero values (the sign of a zero in z / T could differ) and an
    entropy of 0.
    """
    short = _short_shifted(logits, t)
    if short is None:
        return None
    z, shifted = short
    m = max(z)
    scaled = [x / t for x in z]
    if 0.0 in scaled:
        return None
    e, total = _exp_and_sum(shifted)
    log_total = np.log(np.array([[total]])).item()
    p = [x / total for x in e]
    logp = [x - log_total for x in shifted]
    h = 0.0
    for a, b in zip(p, logp, strict=True):
        h += a * b
    h = -h
    if not h > 0.0:
        return None
    winners = [1.0 if x == m else 0.0 for x in z]
    ties = int(sum(winners))
    report_steps = None
    if steps:
        max_scaled = max(scaled)
        if max_scaled > 709.0:  # exp overflows: inf is the honest float64 answer
            with np.errstate(over="ignore"):
                exp_scaled = np.exp(np.array(scaled)).tolist()
        else:
            exp_scaled = np.exp(np.array(scaled)).tolist()
        sum_exp_scaled = 0.0
        for x in exp_scaled:
            sum_exp_scaled += x
        report_steps = SoftmaxSteps(
            scaled=scaled,
            max_scaled=max_scaled,
            shifted=shifted,
            exponentials=e,
            sum_exponentials=total,
            exp_scaled=exp_scaled,
            sum_exp_scaled=sum_exp_scaled,
        )
    return SoftmaxReport(
        probabilities=p,
        log_probabilities=logp,
        hardmax=winners if ties == 1 else [w / ties for w in winners],
        argmax=winners.index(1.0),
        entropy=h,
        entropy_bits=h / _LOG_2,
        max_entropy=_LOG_K[len(z)],
        temperature=t,
        steps=report_steps,
        two_class=None,
    )


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
    shifted, _ = _shift(z.reshape(-1, z.shape[-1]), t)
    exponentials = np.exp(shifted)
    return _steps(z, t, shifted, exponentials, row_sums(exponentials))


def softmax_report(
    logits: ArrayLike, temperature: float = 1.0, *, steps: bool = True
) -> SoftmaxReport:
    """Probabilities, log-probabilities, hard max, argmax, entropy and the steps, at once.

    The same numbers as `softmax`, `log_softmax`, `hardmax`, `argmax`,
    `entropy` and `softmax_steps` called one by one (to the bit), for about a
    third of their time: one check of the input, one shift and one ``exp``
    shared by all.

    Parameters
    ----------
    logits : array_like, shape (K,) or (N, K)
        Raw scores, any finite values; computed in float64.
    temperature : float, optional
        T >= 0; T = 0 is the hard max (no steps then). Default 1.
    steps : bool, optional
        Include `SoftmaxSteps` (seven more arrays). Default True.

    Returns
    -------
    SoftmaxReport

    Examples
    --------
    >>> r = softmax_report([4.0, 2.0, -1.0])
    >>> np.round(r.probabilities, 4).tolist(), int(r.argmax), round(float(r.entropy), 4)
    ([0.8756, 0.1185, 0.0059], 0, 0.3993)
    >>> np.asarray(r.steps.shifted).tolist()
    [0.0, -2.0, -5.0]
    """
    t = _temperature(logits, temperature)
    if type(logits) is list and len(logits) in _SMALL_K and t > 0:
        small = _small_report(logits, t, steps)
        if small is not None:
            return small
    z = _logits(logits).astype(np.float64, copy=False)
    shape = z.shape
    if t == 0:
        p, logp, hard, report_steps, two_class = (
            softmax(z, 0.0), log_softmax(z, 0.0), hardmax(z), None, None
        )  # fmt: skip
    else:
        z2 = z.reshape(-1, shape[-1])
        shifted = shift_vector(z, t) if z.ndim == 1 else None
        if shifted is not None:
            # One vector: argmax and argmin instead of reductions, no blocks
            # (`_kernels.shift_vector`); 18 us -> 9 for 1000 logits, same bits.
            m = z.item(z.argmax())
            total = np.add.reduce(e := np.exp(shifted))
        else:
            shifted, m = _shift(z2, t)
            total = row_sums(e := np.exp(shifted))
        p = normalize(e, total, np.empty_like(e)).reshape(shape)
        logp = np.subtract(shifted, np.log(total)).reshape(shape)
        winners = np.equal(z2, m)
        hard = winners.astype(np.float64).reshape(shape)
        if np.count_nonzero(winners) > z2.shape[0]:  # a tie: split it (else x / 1 = x)
            hard /= winners.sum(axis=-1).reshape((*shape[:-1], 1))
        report_steps = _steps(z, t, shifted, e, total) if steps else None
        two_class = None
        if shape[-1] == 2:
            # Also for logits more than 1.8e308 apart, which a large T brings
            # back into range; beyond it inf is the limit (sigmoid(inf) = 1).
            difference = scaled_difference(z[..., 0], z[..., 1], t)
            two_class = TwoClass(difference=difference, sigmoid=sigmoid(difference)[()])
    h = entropy(p, logp) if t == 0 else _entropy(p, logp)
    return SoftmaxReport(
        probabilities=p,
        log_probabilities=logp,
        hardmax=hard,
        argmax=z.argmax() if z.ndim == 1 else np.argmax(z, axis=-1),
        entropy=h,
        entropy_bits=h / _LOG_2,  # as entropy(p, logp, base=2) computes it
        max_entropy=_log_k(shape[-1]),
        temperature=t,
        steps=report_steps,
        two_class=two_class,
    )
