#!/usr/bin/env python3
"""Record torch's answers as reference values for the tests: tests/reference/torch_values.json.

    python3 scripts/record_torch_reference.py     # needs torch (CPU); run once, commit the file

torch is a comparison, never a dependency of the app or of its tests (its
default Linux wheel brings gigabytes of CUDA libraries): the tests read this
file instead. Each case stores its inputs and torch's outputs in float64, as
``torch.nn.functional.cross_entropy(x / T, target, ...)`` with ``.sum().backward()``
(so the gradient for 'none' is that of the summed row losses), and
``torch.softmax`` / ``torch.log_softmax`` of ``z / T`` along the last axis.
JSON keeps every float64 exactly (shortest round-trip repr).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

OUT = Path(__file__).resolve().parent.parent / "tests" / "reference" / "torch_values.json"
RNG = np.random.default_rng(7)
FOOD = [4.0, 2.0, -1.0]
BATCH = RNG.normal(scale=3, size=(5, 4)).tolist()
INDEX = [0, 3, 1, 1, 2]
SOFT = RNG.dirichlet(np.ones(4), size=5).tolist()
WEIGHT = [0.5, 2.0, 1.0, 3.0]
LARGE = np.random.default_rng(11).normal(scale=4, size=(8, 300))
LARGE_Y = np.random.default_rng(12).integers(0, 300, 8).tolist()
LARGE_W = np.random.default_rng(13).uniform(0.1, 3, 300).tolist()

CROSS_ENTROPY = [
    ("food-index", FOOD, 0, {}),
    ("food-index-hot", FOOD, 2, {"temperature": 2.5}),
    ("food-soft-smoothed", FOOD, [0.7, 0.2, 0.1], {"label_smoothing": 0.1}),
    ("1d-weighted-smoothed", FOOD, 1, {"weight": [1.0, 2.0, 3.0], "label_smoothing": 0.2}),
    ("batch-index", BATCH, INDEX, {}),
    ("batch-index-weighted", BATCH, INDEX, {"weight": WEIGHT}),
    ("batch-all", BATCH, INDEX, {"weight": WEIGHT, "label_smoothing": 0.3, "temperature": 0.7}),
    ("batch-soft", BATCH, SOFT, {}),
    ("batch-soft-weighted", BATCH, SOFT, {"weight": WEIGHT, "label_smoothing": 0.15}),
    ("full-smoothing", BATCH, INDEX, {"label_smoothing": 1.0}),
    ("large-index", LARGE.tolist(), LARGE_Y, {}),
    ("large-weighted-smoothed-hot", LARGE.tolist(), LARGE_Y,
     {"weight": LARGE_W, "label_smoothing": 0.1, "temperature": 0.3}),
]  # fmt: skip


def torch_cross_entropy(logits, target, *, reduction, temperature=1.0, label_smoothing=0.0,
                        weight=None):  # fmt: skip
    x = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
    is_index = np.ndim(target) < np.ndim(logits)
    y = torch.tensor(target, dtype=torch.long if is_index else torch.float64)
    w = None if weight is None else torch.tensor(weight, dtype=torch.float64)
    loss = F.cross_entropy(
        x / temperature, y, weight=w, label_smoothing=label_smoothing, reduction=reduction
    )
    loss.sum().backward()
    return loss.detach().numpy().tolist(), x.grad.numpy().tolist()


def main() -> None:
    cases = []
    for name, logits, target, opts in CROSS_ENTROPY:
        for reduction in ("mean",) if name.startswith("large") else ("mean", "sum", "none"):
            loss, gradient = torch_cross_entropy(logits, target, reduction=reduction, **opts)
            cases.append({"id": f"{name}-{reduction}", "logits": logits, "target": target,
                          "options": {**opts, "reduction": reduction},
                          "loss": loss, "gradient": gradient})  # fmt: skip
    z = np.random.default_rng(0).normal(scale=10, size=(8, 50))
    softmaxes = []
    for t in (0.1, 1.0, 7.0):
        zt = torch.from_numpy(z / t)
        softmaxes.append({"logits": z.tolist(), "temperature": t,
                          "softmax": torch.softmax(zt, -1).numpy().tolist(),
                          "log_softmax": torch.log_softmax(zt, -1).numpy().tolist()})  # fmt: skip
    how = (
        f"Recorded by scripts/record_torch_reference.py with torch {torch.__version__} "
        f"(CPU, float64) and numpy {np.__version__}; see that script's docstring."
    )
    data = {"how": how, "cross_entropy": cases, "softmax": softmaxes}
    OUT.write_text(json.dumps(data) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(cases)} cross-entropy cases)")


if __name__ == "__main__":
    main()
