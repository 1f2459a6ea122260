"""Row-blocked, in-place kernels behind softmax, log_softmax and cross_entropy.

Why blocks: numpy applies one operation to the whole array at a time, so the
straightforward softmax of a (64, 32000) array walks through all of it five
times (max, subtract, exp, sum, divide) and allocates temporaries the size of
the input. Here the rows are taken in blocks of about ``BLOCK_BYTES``: a block
stays in cache from the max to the final scaling, and every step writes
into the one output buffer, so the only extra memory is the output itself
(plus, for log-softmax, one block of scratch).

The kernels also check that the input is finite, which costs next to nothing
here (see `shift_into`); they return None if it is not, and the caller raises
the usual error. The callers check the rest (2-D, T > 0). Arrays keep their
dtype (float64 or float32).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

# A block of input plus its output, 2 x 4 MB, stays in the 32 MB L3 of the
# machine measured here. Blocks that fit the 1 MB L2 (2 x 512 KB) were tried
# first: float64 runs as fast either way (within 2%, 1 to 62 MB arrays), but
# float32 softmax of (64, 32000) took 9.3-9.6x a copy with 512 KB blocks and
# 8.7x with 4 MB ones (1.54x torch's time, now 1.42x), the L3 being fast and
# numpy's float32 loops longer. 8 MB blocks gain nothing more and make
# log-softmax's scratch block as large as the input.
BLOCK_BYTES = 4 * 1024 * 1024
# Rows at least this long are scaled by the reciprocal of their sum (see exp_normalize).
RECIPROCAL_FROM = 1024


def row_blocks(z: NDArray) -> list[slice]:
    """Slices of whole rows of `z` (2-D), each about ``BLOCK_BYTES`` of input."""
    n_rows, n_cols = z.shape
    step = max(1, BLOCK_BYTES // max(1, n_cols * z.itemsize))
    if step >= n_rows:
        return [slice(None)]
    return [slice(i, i + step) for i in range(0, n_rows, step)]


# The largest finite value of each dtype the kernels take. dtypes are
# singletons: `is` costs nothing, `==` ~0.1 us (a third of an exp of 50 floats).
_F32 = np.dtype(np.float32)
_LARGEST_F32 = float(np.finfo(np.float32).max)
_LARGEST_F64 = float(np.finfo(np.float64).max)


def scaled_difference(z, m, t, out: NDArray | None = None) -> NDArray:
    """``(z - m) / t`` elementwise (broadcasting; `t` > 0), also where ``z - m``
    itself is beyond the dtype's range. Into `out` if given, for a scalar `t`
    (a column of temperatures makes a new, larger array).

    Where ``z - m`` is finite this is the plain computation, so rows that need
    no care get the same bits here as anywhere else. Where it overflows
    (logits further apart than the dtype's range), it is computed from the
    halves, ``(z / 2 - m / 2) / t * 2``: halving such large numbers is exact,
    and a large T can bring the quotient back into range. Halving everything
    would not do: it rounds subnormal logits, which a tiny T magnifies. What
    still overflows is beyond the range (-inf or inf are then the limits).
    """
    scalar_t = np.ndim(t) == 0
    with np.errstate(over="ignore"):
        d = np.asarray(np.subtract(z, m, out))  # 0-d for scalars, so it can be indexed
        wide = np.isinf(d)
        if not scalar_t:
            q = np.divide(d, t)  # a column of temperatures: one row per T
        elif t != 1.0:
            q = np.divide(d, t, d)
        else:
            q = d
        if wide.any():
            wide = np.broadcast_to(wide, q.shape)
            # m in z's dtype: a Python float (the vector path) would make the
            # float32 arithmetic float64 and the bits differ from the batch's.
            zw, mw = (np.broadcast_to(np.asarray(a, d.dtype), q.shape)[wide] for a in (z, m))
            tw = t if scalar_t else np.broadcast_to(t, q.shape)[wide]
            q[wide] = (zw * 0.5 - mw * 0.5) / tw * 2.0
    return q if q.ndim else q[()]


def _shift(z: NDArray, m, hi: float, lo: float, t: float, out: NDArray | None) -> NDArray | None:
    """``(z - m) / t`` into `out` (a new array if None), given the extremes
    `hi` (= max m) and `lo` of `z` as Python floats; None if they are not finite.

    The shift comes first, so ``exp`` cannot overflow.
    """
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return None
    largest = _LARGEST_F32 if z.dtype is _F32 else _LARGEST_F64
    span = hi - lo  # Python floats: no overflow for either dtype
    if span > largest:
        # Logits further apart than the dtype's range: z - m may overflow, and
        # a large T could bring it back into range. Decided element by element,
        # so a row gives the same bits whatever rows share its block.
        return scaled_difference(z, m, t, out)
    out = np.subtract(z, m, out)  # out positionally: ~0.04 us less than out=
    if t != 1.0:
        # A true division: 1 / t overflows for t < 5.6e-309. errstate costs
        # about a microsecond, so it is entered only when a quotient can pass
        # -largest (-inf is then the exact limit).
        # With a margin: the array's own rounding of z - m and of t (float32)
        # can carry a quotient the float64 check puts just in range over it.
        if span / t > largest * (1 - 2**-20):
            with np.errstate(over="ignore"):
                np.divide(out, t, out)
        else:
            np.divide(out, t, out)
    return out


def shift_into(zb: NDArray, t: float, out: NDArray) -> NDArray | None:
    """``out = (zb - max zb) / t`` row-wise; return the row maxima, or None if
    `zb` is not all finite."""
    # + 0.0 turns a maximum of -0.0 into 0.0: which zero a reduction returns
    # when 0.0 and -0.0 tie depends on its order, and the sign shows in z - m.
    m = np.maximum.reduce(zb, axis=-1, keepdims=True) + 0.0
    # NaN propagates through max and min, +inf shows in the max and -inf in
    # the min: with the max needed anyway, one min over the block (in cache)
    # replaces isfinite(z).all(), its bool temporary and a pass through memory.
    lo = float(np.minimum.reduce(zb, axis=None))
    hi = m.item() if m.size == 1 else float(np.maximum.reduce(m, axis=None))
    return None if _shift(zb, m, hi, lo, t, out) is None else m


def shift_vector(z: NDArray, t: float) -> NDArray | None:
    """``(z - max z) / t`` of one 1-D vector, in a new array, as `shift_into`
    computes it for a row; None if `z` is not all finite.

    One vector needs no blocks, and on short vectors numpy's per-call cost is
    most of the time: ``argmax`` and ``argmin`` (~0.13 us each) find the
    extremes for a fifth of what two reductions cost (~0.65 us each), and
    they return the first NaN, so the finiteness check comes with them.
    """
    hi = z.item(z.argmax()) + 0.0  # as in `shift_into`
    lo = z.item(z.argmin())
    if t == 1.0 and hi - lo <= _LARGEST_F32:  # False for NaN and inf too
        return np.subtract(z, hi)  # `_shift`'s common case, inline: a call less
    return _shift(z, hi, hi, lo, t, None)  # a Python float keeps float32 float32


def softmax_vector(z: NDArray, t: float) -> NDArray | None:
    """Softmax of one 1-D vector, to the bit what `softmax_rows` gives its row."""
    out = shift_vector(z, t)
    if out is None:
        return None
    # `out` passed positionally: numpy parses that ~0.04 us faster than out=.
    np.exp(out, out)
    total = np.add.reduce(out) if out.dtype is not _F32 else vector_sum(out)  # a call less
    if out.size < RECIPROCAL_FROM:
        return np.divide(out, total, out)  # as `normalize` does it, for a call less
    return normalize(out, total, out)


def log_softmax_vector(z: NDArray, t: float) -> NDArray | None:
    """Log-softmax of one 1-D vector, to the bit what `log_softmax_rows` gives its row."""
    out = shift_vector(z, t)
    if out is None:
        return None
    return np.subtract(out, np.log(vector_sum(np.exp(out))), out)


def row_sums(a: NDArray) -> NDArray:
    """Sum of each row of `a` (2-D), keeping the axis."""
    if a.dtype == np.float32:
        # numpy's pairwise float32 sum is not vectorised; einsum's loop is, and
        # is 3x faster here. Its error (a few ulps typically, at most ~K/64)
        # is that of torch's float32 sums. One cost: for rows longer than 8192
        # einsum's order of addition depends on how many rows a block holds, so
        # such a float32 row can differ in the last bits alone and in a batch
        # (float64 cannot; summing row by row would cost ~8% of a softmax).
        return np.einsum("ij->i", a)[:, None]
    # float64: pairwise summation, error ~log2(K) ulps at most.
    return np.add.reduce(a, axis=-1, keepdims=True)


def vector_sum(a: NDArray) -> NDArray:
    """Sum of a 1-D vector, to the bit what `row_sums` gives for it as a row."""
    if a.dtype is _F32:
        return row_sums(a[None, :])[0]
    return np.add.reduce(a)  # a row's pairwise sum without the 2-D view (~0.3 us)


def normalize(e: NDArray, total: NDArray, out: NDArray) -> NDArray:
    """``out = e / total`` row-wise (`total` from `row_sums`); return `out`."""
    if e.shape[-1] < RECIPROCAL_FROM:
        # Short rows: one division is one numpy call, as cheap as it gets, and
        # gives exactly the textbook e / sum(e) (the README's figures).
        return np.divide(e, total, out=out)
    # Long rows: a division per row and a multiplication per entry save
    # about 12% of the whole softmax; the result is within an ulp.
    return np.multiply(e, 1.0 / total, out=out)


def exp_normalize(ob: NDArray) -> NDArray:
    """Turn shifted rows `ob` into probabilities in place; return the row sums."""
    np.exp(ob, ob)
    total = row_sums(ob)  # >= 1: the max is exp(0)
    normalize(ob, total, ob)
    return total


def softmax_rows(z: NDArray, t: float) -> NDArray | None:
    """Softmax of each row of `z` (2-D) at temperature ``t > 0``; None if not finite."""
    out = np.empty_like(z)
    for b in row_blocks(z):
        ob = out[b]
        if shift_into(z[b], t, ob) is None:
            return None
        exp_normalize(ob)
    return out


def log_softmax_rows(z: NDArray, t: float) -> NDArray | None:
    """Log-softmax of each row of `z` (2-D) at temperature ``t > 0``; None if not finite."""
    out = np.empty_like(z)
    blocks = row_blocks(z)
    scratch = np.empty_like(z[blocks[0]])
    for b in blocks:
        ob = out[b]
        if shift_into(z[b], t, ob) is None:
            return None
        log_total = np.log(row_sums(np.exp(ob, scratch[: ob.shape[0]])))
        np.subtract(ob, log_total, ob)
    return out


def cross_entropy_index_rows(
    z: NDArray[np.float64],
    t: float,
    idx: NDArray[np.intp],
    weight: NDArray[np.float64] | None,
    eps: float,
    scale: float,
    keep_probs: bool = True,
) -> tuple[NDArray[np.float64] | None, NDArray[np.float64], NDArray[np.float64]] | None:
    """Probabilities, ``scale`` x gradient and row losses for class-index targets;
    None if `z` is not all finite.

    The target row is ``q = w * eps / K + (1 - eps) * w[y] * onehot(y)`` (w = 1
    without weights), never built as a dense array. With ``s = (z - max z) / T``
    and ``L = log sum exp s``:

    - row loss ``-q . (s - L) = (1 - eps) w[y] (L - s[y]) + eps / K (sum(w) L - w . s)``
    - gradient ``p * sum(q) - q``, times `scale` (1 / T, and 1 / the mean's denominator).

    A row loss is NaN only where a zero weight meets ``s = -inf`` (logits about
    1e308 apart); the caller recomputes those cases the straightforward way.

    With ``keep_probs=False`` the probabilities are not kept (None is returned
    for them): the gradient is built in their place, ``exp(s) * (sum(q) * scale
    / sum exp s)`` in one pass, which saves one pass over each block and one
    output-sized array written to memory (a training step needs only the loss
    and the gradient).
    """
    n_rows, k = z.shape
    rows = np.arange(n_rows)
    w_y = np.ones(n_rows) if weight is None else weight[idx]
    sum_w = float(k) if weight is None else float(weight.sum())
    # sum(q) * scale: the same for every row without weights.
    coef = scale if weight is None else (((1.0 - eps) * w_y + (eps / k) * sum_w) * scale)[:, None]
    grad = np.empty_like(z)
    probs = np.empty_like(z) if keep_probs else None
    maxima, totals, smooth = [], [], []
    for b in row_blocks(z):
        gb = grad[b]
        pb = probs[b] if keep_probs else gb
        m = shift_into(z[b], t, pb)
        if m is None:
            return None
        maxima.append(m)
        if eps > 0:
            # einsum rather than pb @ weight: no BLAS (and its threads) in the core.
            smooth.append(
                np.add.reduce(pb, axis=-1) if weight is None else np.einsum("ij,j->i", pb, weight)
            )
        cb = coef if weight is None else coef[b]
        if keep_probs:
            totals.append(exp_normalize(pb))
            np.multiply(pb, cb, out=gb)
        else:
            np.exp(gb, out=gb)
            total = row_sums(gb)
            totals.append(total)
            np.multiply(gb, cb / total, out=gb)
        if eps > 0:
            gb -= (eps / k * scale) * (1.0 if weight is None else weight)
    m = np.concatenate(maxima)[:, 0]
    log_total = np.log(np.concatenate(totals)[:, 0])
    # s[y], to the bit as shift_into computes it.
    picked = scaled_difference(z[rows, idx], m, t)
    loss = (1.0 - eps) * w_y * (log_total - picked)
    if eps > 0:
        loss += (eps / k) * (sum_w * log_total - np.concatenate(smooth))
    grad[rows, idx] -= (1.0 - eps) * w_y * scale
    return probs, grad, loss
