"""The page's view of one softmax: every number of ``POST /api/softmax``.

The core computes; this module lays the numbers out as the page shows them
(the steps of the formula, the two-class sigmoid) in the response model,
which pydantic validates. Field names are a contract: add fields, rename none.
"""

from __future__ import annotations

import math
from typing import Annotated

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel, Field

from app.core import entropy, hardmax, log_softmax, shift, sigmoid, softmax
from app.core.extremes import scaled_difference

__all__ = [
    "STEPS_MAX_CLASSES",
    "STEPS_MAX_VALUES",
    "SoftmaxResponse",
    "SoftmaxSteps",
    "TwoClass",
    "softmax_response",
]

_LOG_2 = math.log(2)
# Up to this many classes per row (and logits in all), answers carry `steps` by default.
STEPS_MAX_CLASSES = 100
STEPS_MAX_VALUES = 10_000
# JSON has no -inf: a log-probability of a class with probability exactly 0
# (e.g. at T = 0) is sent as null, as are intermediate values beyond float64.
MaybeFloat = float | None
# Probabilities and entropies are never NaN or infinite: a 500 (a bug) rather than null.
Finite = Annotated[float, Field(allow_inf_nan=False)]


class SoftmaxSteps(BaseModel):
    """The arithmetic behind the probabilities (per row for a batch)."""

    scaled: list[MaybeFloat] | list[list[MaybeFloat]] = Field(description="z / T")
    max_scaled: MaybeFloat | list[MaybeFloat] = Field(description="max(z) / T")
    shifted: list[MaybeFloat] | list[list[MaybeFloat]] = Field(description="(z - max z) / T <= 0")
    exponentials: list[Finite] | list[list[Finite]] = Field(
        description="exp(shifted), largest is 1"
    )
    sum_exponentials: Finite | list[Finite]
    exp_scaled: list[MaybeFloat] | list[list[MaybeFloat]] = Field(
        description="exp(z / T) without the shift (null where it overflows)"
    )
    sum_exp_scaled: MaybeFloat | list[MaybeFloat]


class TwoClass(BaseModel):
    """For K = 2: softmax([a, b])[0] = sigmoid((a - b) / T)."""

    difference: MaybeFloat | list[MaybeFloat] = Field(description="(z0 - z1) / T")
    sigmoid: Finite | list[Finite] = Field(description="sigmoid of the difference")


class SoftmaxResponse(BaseModel):
    probabilities: list[Finite] | list[list[Finite]]
    log_probabilities: list[MaybeFloat] | list[list[MaybeFloat]] = Field(
        description="null stands for -infinity (probability exactly 0)"
    )
    hardmax: list[Finite] | list[list[Finite]]
    argmax: int | list[int] = Field(description="first index of the largest logit")
    entropy: Finite | list[Finite] = Field(description="in nats")
    entropy_bits: Finite | list[Finite]
    max_entropy: float = Field(description="log K, the entropy of the uniform distribution")
    temperature: float
    steps: SoftmaxSteps | None = Field(
        description=(
            "null at T = 0, and by default for more than "
            f"{STEPS_MAX_CLASSES} classes per row or {STEPS_MAX_VALUES:,} logits "
            "(see the request's `steps`)"
        )
    )
    two_class: TwoClass | None = Field(description="present when K = 2 and T > 0")


def softmax_response(z: NDArray[np.float64], t: float, *, steps: bool) -> SoftmaxResponse:
    """Probabilities, log-probabilities, hard max, entropy and the steps of ``softmax(z, T)``.

    `z` is one vector (K,) or a batch (N, K) of finite float64 logits, T >= 0.
    The probabilities are ``exp(s) / sum(exp(s))`` with ``s = shift(z, T)``,
    as `app.core.softmax` computes them; one shift and one ``exp`` serve all.

    Examples
    --------
    >>> r = softmax_response(np.array([4.0, 2.0, -1.0]), 1.0, steps=True)
    >>> [round(x, 4) for x in r.probabilities], r.argmax, r.steps.shifted
    ([0.8756, 0.1185, 0.0059], 0, [0.0, -2.0, -5.0])
    """
    if t == 0:  # the hard max: no arithmetic to show
        p, log_p = softmax(z, 0.0), log_softmax(z, 0.0)
        return _response(z, t, p, log_p, None, None)
    s = shift(z, t)
    e = np.exp(s)
    total = e.sum(axis=-1, keepdims=True)
    p, log_p = e / total, s - np.log(total)  # what softmax and log_softmax compute
    view = _steps(z, t, s, e, total) if steps else None
    two_class = _two_class(z, t) if z.shape[-1] == 2 else None
    return _response(z, t, p, log_p, view, two_class)


def _response(z, t, p, log_p, view, two_class) -> SoftmaxResponse:
    h = entropy(p, log_p)
    return SoftmaxResponse(
        probabilities=p.tolist(),
        log_probabilities=log_p.tolist(),
        hardmax=hardmax(z).tolist(),
        argmax=np.argmax(z, axis=-1).tolist(),
        entropy=h.tolist(),
        entropy_bits=(h / _LOG_2).tolist(),
        max_entropy=math.log(z.shape[-1]),
        temperature=t,
        steps=view,
        two_class=two_class,
    )


def _steps(z, t, s, e, total) -> SoftmaxSteps:
    """The formula step by step; the unshifted ``exp(z / T)`` is shown for teaching."""
    with np.errstate(over="ignore"):  # exp(z / T) overflows for large z / T: inf is honest
        scaled = z / t
        exp_scaled = np.exp(scaled)
        sum_exp_scaled = exp_scaled.sum(axis=-1)
    return SoftmaxSteps(
        scaled=scaled.tolist(),
        max_scaled=(scaled.max(axis=-1) + 0.0).tolist(),
        shifted=s.tolist(),
        exponentials=e.tolist(),
        sum_exponentials=total[..., 0].tolist(),
        exp_scaled=exp_scaled.tolist(),
        sum_exp_scaled=sum_exp_scaled.tolist(),
    )


def _two_class(z, t) -> TwoClass:
    """``softmax([a, b])[0] = sigmoid((a - b) / T)``, per row for a batch."""
    difference = scaled_difference(z[..., 0], z[..., 1], t)
    return TwoClass(difference=difference.tolist(), sigmoid=sigmoid(difference).tolist())
