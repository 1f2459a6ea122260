"""Drawing classes from a softmax, with the top-k / top-p filters LLM decoders use."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from app.core._checks import CoreInputError, as_logits
from app.core.softmax import softmax

__all__ = ["SampleResult", "filter_top_k_top_p", "sample"]


@dataclass(frozen=True)
class SampleResult:
    """Filtered distribution and how often each class was drawn.

    Attributes
    ----------
    probabilities : ndarray, shape (K,)
        After temperature, top-k and top-p, renormalised to sum to 1.
    counts : ndarray of int, shape (K,)
        Draws per class; they sum to ``n``.
    seed : int
        The seed that reproduces these counts.
    """

    probabilities: NDArray[np.float64]
    counts: NDArray[np.int64]
    seed: int


def filter_top_k_top_p(
    probabilities: NDArray[np.float64], top_k: int | None = None, top_p: float | None = None
) -> NDArray[np.float64]:
    """Keep the `top_k` most likely classes, then the smallest set with mass >= `top_p`.

    Parameters
    ----------
    probabilities : ndarray, shape (K,)
    top_k : int, optional
        1 <= top_k; values above K keep everything.
    top_p : float, optional
        0 < top_p <= 1 (nucleus sampling).

    Returns
    -------
    ndarray, shape (K,)
        The kept classes renormalised; the others exactly 0. Ties at the
        cut-off are broken by class order, as a stable sort does.

    Examples
    --------
    >>> filter_top_k_top_p(np.array([0.5, 0.3, 0.2]), top_k=2).round(3).tolist()
    [0.625, 0.375, 0.0]
    >>> filter_top_k_top_p(np.array([0.5, 0.3, 0.2]), top_p=0.7).round(3).tolist()
    [0.625, 0.375, 0.0]
    """
    p = np.asarray(probabilities, dtype=np.float64)
    order = np.argsort(-p, kind="stable")
    keep = np.ones(p.shape[0], dtype=bool)
    if top_k is not None:
        if top_k < 1:
            raise CoreInputError("top_k", "must be >= 1")
        keep[order[top_k:]] = False
    if top_p is not None:
        if not 0.0 < top_p <= 1.0:
            raise CoreInputError("top_p", "must be in (0, 1]")
        sorted_p = np.where(keep[order], p[order], 0.0)
        # A class stays while the mass before it is still below top_p, so the
        # most likely class is always kept.
        before = np.cumsum(sorted_p) - sorted_p
        keep[order[before >= top_p]] = False
    out = np.where(keep, p, 0.0)
    return out / out.sum()


def sample(
    logits: ArrayLike,
    *,
    temperature: float = 1.0,
    n: int = 1000,
    seed: int = 0,
    top_k: int | None = None,
    top_p: float | None = None,
) -> SampleResult:
    """Draw `n` classes from ``softmax(logits, T)`` after top-k / top-p filtering.

    Parameters
    ----------
    logits : array_like, shape (K,)
    temperature : float, optional
        T >= 0 (0 always draws the hard max winner, ties split at random).
    n : int, optional
        Number of draws, >= 1.
    seed : int, optional
        Seed for numpy's PCG64 generator: the same seed gives the same counts.
    top_k, top_p : optional
        Filters applied after temperature, as LLM decoders do.

    Returns
    -------
    SampleResult

    Examples
    --------
    >>> r = sample([4.0, 2.0, -1.0], n=1000, seed=0)
    >>> int(r.counts.sum()), r.seed
    (1000, 0)
    """
    z = as_logits(logits)
    if z.ndim != 1:
        raise CoreInputError("logits", "must be 1-D (one vector) for sampling")
    if n < 1:
        raise CoreInputError("n", "must be >= 1")
    if seed < 0:
        raise CoreInputError("seed", "must be >= 0")
    p = filter_top_k_top_p(softmax(z, temperature), top_k, top_p)
    counts = np.random.default_rng(seed).multinomial(n, p)
    return SampleResult(probabilities=p, counts=counts.astype(np.int64), seed=seed)
