"""Independent reference values: softmax in 60-digit arithmetic (mpmath), and torch's
answers recorded once in torch_values.json."""

from __future__ import annotations

import json
from pathlib import Path

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


def cross_entropy_mp(
    logits: list[list[float]],
    target: list[int] | list[list[float]],
    *,
    temperature: float = 1.0,
    label_smoothing: float = 0.0,
    weight: list[float] | None = None,
    reduction: str = "mean",
) -> tuple[list[float] | float, list[list[float]]]:
    """torch's cross-entropy on softmax(z / T) and its gradient, from the definition.

    Row loss ``-sum_c q_c log p_c`` with ``q_c = w_c ((1 - eps) y_c + eps / K)``;
    the mean divides by the summed target weights for index targets, by N for
    probability rows. The gradient is of the summed (or averaged) loss, exact in
    60 digits: ``(p_c sum q - q_c) / T / denominator``.
    """
    t = mpmath.mpf(temperature)
    eps = mpmath.mpf(label_smoothing)
    k = len(logits[0])
    w = [mpmath.mpf(1)] * k if weight is None else [mpmath.mpf(x) for x in weight]
    by_index = not isinstance(target[0], list)
    losses, grads = [], []
    for n, row in enumerate(logits):
        y = [mpmath.mpf(c == target[n]) for c in range(k)] if by_index else target[n]
        q = [w[c] * ((1 - eps) * mpmath.mpf(y[c]) + eps / k) for c in range(k)]
        scaled = [mpmath.mpf(z) / t for z in row]
        # Shift first: at T = 1e-300, 4e300 + log 2 would need 300 digits.
        shifted = [s - max(scaled) for s in scaled]
        log_total = mpmath.log(mpmath.fsum(mpmath.e**s for s in shifted))
        logp = [s - log_total for s in shifted]
        losses.append(-mpmath.fsum(q[c] * logp[c] for c in range(k)))
        total_q = mpmath.fsum(q)
        grads.append([(mpmath.e ** logp[c] * total_q - q[c]) / t for c in range(k)])
    if reduction == "none":
        return [float(x) for x in losses], [[float(g) for g in r] for r in grads]
    denominator = mpmath.mpf(1)
    if reduction == "mean":
        denominator = mpmath.fsum(w[i] for i in target) if by_index else mpmath.mpf(len(logits))
    loss = float(mpmath.fsum(losses) / denominator)
    return loss, [[float(g / denominator) for g in r] for r in grads]


def torch_values() -> dict:
    """torch's answers recorded by scripts/record_torch_reference.py (how: the file's "how")."""
    return json.loads((Path(__file__).parent / "torch_values.json").read_text())
