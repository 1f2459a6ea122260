"""Independent reference values: softmax in 60-digit arithmetic (mpmath)."""

from __future__ import annotations

import mpmath

mpmath.mp.dps = 60


def softmax_mp(logits: list[float], temperature: float = 1.0) -> list[float]:
    """softmax(z / T) computed directly from the definition, in high precision."""
    t = mpmath.mpf(temperature)
    exps = [mpmath.e ** (mpmath.mpf(z) / t) for z in logits]
    total = mpmath.fsum(exps)
    return [float(e / total) for e in exps]


def log_softmax_mp(logits: list[float], temperature: float = 1.0) -> list[float]:
    t = mpmath.mpf(temperature)
    scaled = [mpmath.mpf(z) / t for z in logits]
    lse = mpmath.log(mpmath.fsum(mpmath.e**s for s in scaled))
    return [float(s - lse) for s in scaled]


def entropy_mp(logits: list[float], temperature: float = 1.0) -> float:
    t = mpmath.mpf(temperature)
    exps = [mpmath.e ** (mpmath.mpf(z) / t) for z in logits]
    total = mpmath.fsum(exps)
    return float(-mpmath.fsum((e / total) * mpmath.log(e / total) for e in exps))
