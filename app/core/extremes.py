"""Logits further apart than float64's range (a span beyond 1.8e308).

There ``z - max z`` itself overflows, yet a large T can bring ``(z - max z) / T``
back into range. This module is entered only when the plain shift overflows.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["scaled_difference"]


def scaled_difference(a: ArrayLike, b: ArrayLike, t: ArrayLike) -> NDArray[np.float64]:
    """``(a - b) / t`` elementwise (broadcasting, t > 0), also where ``a - b`` overflows.

    Where ``a - b`` is finite this is the plain computation. Where it overflows
    it is taken from the halves, ``(a / 2 - b / 2) / t * 2``: halving numbers
    that large is exact. Only those entries are halved, because halving would
    round subnormal logits, which a tiny T magnifies. What still overflows is
    beyond float64, and -inf or inf is then the limit.

    Examples
    --------
    >>> float(scaled_difference(-1.5e308, 1.5e308, 1e300))  # a - b alone is -inf
    -300000000.0
    """
    with np.errstate(over="ignore"):  # -inf or inf is the limit where the quotient overflows
        d = np.subtract(a, b)
        q = np.asarray(d / t, dtype=np.float64)
        wide = np.broadcast_to(np.isinf(d), q.shape)
        if wide.any():
            a_w, b_w, t_w = (np.broadcast_to(x, q.shape)[wide] for x in (a, b, t))
            q[wide] = (a_w * 0.5 - b_w * 0.5) / t_w * 2.0
    return q if q.ndim else q[()]
