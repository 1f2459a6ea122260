"""``POST /api/softmax`` for one short vector, in Python floats: the same answer, sooner.

For a few logits the plain report (`app.report`) spends its time in numpy's
per-call cost, some 30 calls for 3 numbers; this module does the same
arithmetic on a list (figures: benchmarks/README.md, benchmarks/bench_report.py).
It is entered only where it gives the very bytes the plain path gives: one
vector of at most `MAX_CLASSES` logits, T > 0, and ``z - max z`` within float64.
Every step is the plain path's operation, in its order, and ``exp`` and ``log``
are numpy's own, so tests/test_report_short.py can ask for equal responses.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from app.report import SoftmaxResponse, SoftmaxSteps, TwoClass

__all__ = ["MAX_CLASSES", "applies", "softmax_response"]

# numpy sums fewer than 8 numbers one after another (as `_sum` does); from 8 on
# it adds in pairs, in another order (other last bits).
MAX_CLASSES = 7
_LOG_2 = math.log(2)


def applies(z: NDArray[np.float64], t: float) -> bool:
    """Whether the logits `z` at temperature `t` are a case for this module."""
    if z.ndim != 1 or not 0 < z.size <= MAX_CLASSES or not t > 0:
        return False
    logits = z.tolist()
    if not all(math.isfinite(x) for x in logits):
        return False  # the plain path says what is wrong
    return math.isfinite(max(logits) - min(logits))  # else app.core.extremes is needed


def softmax_response(logits: list[float], t: float, *, steps: bool) -> SoftmaxResponse:
    """`app.report.softmax_response` of one vector, where `applies` says so.

    Examples
    --------
    >>> r = softmax_response([4.0, 2.0, -1.0], 1.0, steps=True)
    >>> [round(x, 4) for x in r.probabilities], r.argmax, r.steps.shifted
    ([0.8756, 0.1185, 0.0059], 0, [0.0, -2.0, -5.0])
    """
    top = max(logits) + 0.0  # + 0.0: a tie of 0.0 and -0.0 is 0.0 on every CPU
    s = [(x - top) / t for x in logits]  # shift: the largest becomes 0, then divide by T
    e = np.exp(s).tolist()  # s <= 0: no overflow
    total = _sum(e)
    p = [x / total for x in e]
    log_total = float(np.log(total))
    log_p = [x - log_total for x in s]
    winners = [float(x == top) for x in logits]
    n_winners = _sum(winners)
    terms = [a * b if a > 0 else 0.0 for a, b in zip(p, log_p, strict=True)]  # 0 log 0 = 0
    h = max(0.0, -_sum(terms))  # as np.maximum: rounding may leave -1e-17, or -0.0
    return SoftmaxResponse(
        probabilities=p,
        log_probabilities=log_p,
        hardmax=[w / n_winners for w in winners],
        argmax=logits.index(top),
        entropy=h,
        entropy_bits=h / _LOG_2,
        max_entropy=math.log(len(logits)),
        temperature=t,
        steps=_steps(logits, t, s, e, total) if steps else None,
        two_class=_two_class(logits, t) if len(logits) == 2 else None,
    )


def _steps(
    logits: list[float], t: float, s: list[float], e: list[float], total: float
) -> SoftmaxSteps:
    scaled = [x / t for x in logits]
    with np.errstate(over="ignore"):  # exp(z / T) beyond float64 is inf, as in app.report
        exp_scaled = np.exp(scaled).tolist()
    return SoftmaxSteps(
        scaled=scaled,
        max_scaled=max(scaled) + 0.0,
        shifted=s,
        exponentials=e,
        sum_exponentials=total,
        exp_scaled=exp_scaled,
        sum_exp_scaled=_sum(exp_scaled),
    )


def _two_class(logits: list[float], t: float) -> TwoClass:
    # z0 - z1 is finite (`applies` checked the span): app.core.extremes is not needed.
    d = (logits[0] - logits[1]) / t
    e = float(np.exp(-abs(d)))
    return TwoClass(difference=d, sigmoid=1.0 / (1.0 + e) if d >= 0 else e / (1.0 + e))


def _sum(values: list[float]) -> float:
    # numpy's order below 8 numbers; sum() compensates from Python 3.12 on.
    total = 0.0
    for x in values:
        total += x
    return total
