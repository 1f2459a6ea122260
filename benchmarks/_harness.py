"""Timing helpers shared by the benchmarks: interleaved repeats, ratios, a table.

The machine is shared and its speed drifts, so absolute times mean little. Each
repeat times every case once, one after the other (in rotating order), and a
case's figure for that repeat is its time divided by the baseline's time *in the
same repeat*. The table reports the median of those per-repeat ratios and their
spread (the 25th to 75th percentile).
"""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Result:
    name: str
    seconds: list[float]  # per call, one value per repeat
    ratios: list[float]  # seconds / baseline seconds, one per repeat

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1e3

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def spread(self) -> tuple[float, float]:
        if len(self.ratios) < 4:
            return min(self.ratios), max(self.ratios)
        q = statistics.quantiles(self.ratios, n=4)
        return q[0], q[2]


def _calls_for(fn: Callable[[], object], target_seconds: float) -> int:
    """How many calls make one sample of about `target_seconds` (at least 1)."""
    fn()  # warm up: first-touch page faults, caches, lazy imports
    start = time.perf_counter()
    fn()
    once = max(time.perf_counter() - start, 1e-7)
    return max(1, int(target_seconds / once))


def compare(
    cases: dict[str, Callable[[], object]],
    baseline: str,
    repeats: int,
    sample_seconds: float,
) -> dict[str, Result]:
    """Time every case `repeats` times, interleaved; ratios against `baseline`."""
    names = list(cases)
    calls = {name: _calls_for(cases[name], sample_seconds) for name in names}
    seconds: dict[str, list[float]] = {name: [] for name in names}
    ratios: dict[str, list[float]] = {name: [] for name in names}
    for r in range(repeats):
        order = names[r % len(names) :] + names[: r % len(names)]
        this: dict[str, float] = {}
        for name in order:
            fn, n = cases[name], calls[name]
            # The best of three short samples: noise from other processes only
            # ever adds time.
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                for _ in range(n):
                    fn()
                best = min(best, (time.perf_counter() - start) / n)
            this[name] = best
        for name in names:
            seconds[name].append(this[name])
            ratios[name].append(this[name] / this[baseline])
    return {name: Result(name, seconds[name], ratios[name]) for name in names}


def row(label: str, res: Result, unit_ratio: str = "x") -> str:
    lo, hi = res.spread
    return (
        f"  {label:<44} {res.median_ms:>10.3f} ms   {res.ratio:>7.2f}{unit_ratio}"
        f"   [{lo:.2f} - {hi:.2f}]"
    )


def header(title: str, baseline: str) -> str:
    return f"\n{title}\n  {'case':<44} {'median':>13}   {'ratio to ' + baseline:>7}   [p25 - p75]"


def goal(ok: bool, text: str) -> str:
    return f"  goal {'met' if ok else 'not met'}: {text}"


def machine_note() -> str:
    blas = {k: v for k, v in os.environ.items() if k.startswith("OPENBLAS_")}
    return (
        f"python {platform.python_version()}, {os.cpu_count()} cpus, "
        f"load average {os.getloadavg()[0]:.2f}, OPENBLAS env {blas or 'unset'}"
    )
