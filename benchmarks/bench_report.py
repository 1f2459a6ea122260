"""Report benchmark: the answer of ``POST /api/softmax`` for one short vector, two ways.

    python benchmarks/bench_report.py            # about half a minute
    python benchmarks/bench_report.py --quick    # a few seconds (CI: catches a broken script)

The plain report (app/report.py, numpy) is the baseline; app/report_short.py
gives the same bytes in Python floats and is entered for one vector of at most
``MAX_CLASSES`` logits. A fast path earns its place by winning 2x (STYLE.md), so
the figure to read is its speed-up at each size where it is entered; 8 and 16
logits (plain path only) are shown for scale. The exit status never depends on
the figures, only on the script working.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import compare, goal, header, machine_note, row

from app import report_short
from app.report import softmax_response

PLAIN = "app.report, numpy (baseline)"
SHORT = "app.report_short, Python floats"


def bench_sizes(sizes, repeats, sample_seconds, lines, goals):
    rng = np.random.default_rng(0)
    for k in sizes:
        z = rng.standard_normal(k)
        cases = {PLAIN: lambda z=z: softmax_response(z, 1.0, steps=True)}
        if k <= report_short.MAX_CLASSES:
            cases[SHORT] = lambda z=z: report_short.softmax_response(z.tolist(), 1.0, steps=True)
        res = compare(cases, PLAIN, repeats, sample_seconds)
        lines.append(header(f"{k} logits, T = 1, with the steps", "plain"))
        lines += [row(name, r) for name, r in res.items()]
        if SHORT in res:
            speedup = 1 / res[SHORT].ratio
            lines.append(f"  the short path is {speedup:.2f}x faster")
            goals.append(goal(speedup >= 2, f"{k} logits: {speedup:.2f}x (>= 2)"))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few seconds, for CI")
    args = parser.parse_args(argv)
    repeats, sample = (3, 0.005) if args.quick else (15, 0.05)
    sizes = [3, 7] if args.quick else [1, 2, 3, 5, 7, 8, 16]
    lines = [f"bench_report ({'quick' if args.quick else 'full'}): {machine_note()}"]
    goals: list[str] = []
    bench_sizes(sizes, repeats, sample, lines, goals)
    print("\n".join(lines))
    print("\nWhere the short path is entered, it wins (medians; reported, never enforced):")
    print("\n".join(goals))


if __name__ == "__main__":
    main()
