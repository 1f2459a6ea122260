"""The row-blocked kernels (app/core/_kernels.py) against straightforward numpy.

Blocking must not change a single bit of the result, wherever the block
boundaries fall; float32 stays float32; extreme logits and temperatures give
no warnings (pytest turns warnings into errors) and the exact limits.
"""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
import scipy.special

from app.core import CoreInputError, cross_entropy, log_softmax, softmax
from app.core import _kernels as kernels
from app.core.cross_entropy import _dense_loss_and_gradient, _dense_targets
from tests.reference import log_softmax_mp, softmax_mp

SHAPES = [(1, 1), (1, 7), (2, 3), (5, 3), (7, 13), (33, 17), (3, 1000), (64, 129)]
TEMPERATURES = [1e-300, 1e-3, 0.5, 1.0, 3.0, 1e300]


@pytest.fixture(params=[24, 100, 1000, 1 << 30], ids=lambda b: f"block{b}")
def block_bytes(request, monkeypatch):
    """Tiny blocks put boundaries inside every shape (one row per block at 24 bytes)."""
    monkeypatch.setattr(kernels, "BLOCK_BYTES", request.param)
    return request.param


def straightforward_softmax(z, t):
    s = (z - z.max(axis=-1, keepdims=True)) / t
    e = np.exp(s)
    return e / e.sum(axis=-1, keepdims=True)


def straightforward_log_softmax(z, t):
    s = (z - z.max(axis=-1, keepdims=True)) / t
    return s - np.log(np.exp(s).sum(axis=-1, keepdims=True))


def logits(shape, seed=0, scale=5.0):
    return np.random.default_rng(seed).standard_normal(shape) * scale


class TestBlocking:
    def test_row_blocks_cover_every_row_once(self, block_bytes):
        for n, k in SHAPES:
            z = np.empty((n, k))
            covered = np.concatenate([np.arange(n)[b] for b in kernels.row_blocks(z)])
            assert covered.tolist() == list(range(n))

    @pytest.mark.parametrize("shape", SHAPES)
    @pytest.mark.parametrize("t", [0.5, 1.0, 3.0])
    def test_blocks_do_not_change_a_bit(self, shape, t, monkeypatch):
        z = logits(shape)
        monkeypatch.setattr(kernels, "BLOCK_BYTES", 1 << 30)
        whole = softmax(z, t), log_softmax(z, t)
        monkeypatch.setattr(kernels, "BLOCK_BYTES", 24)
        rows = softmax(z, t), log_softmax(z, t)
        assert np.array_equal(whole[0], rows[0])
        assert np.array_equal(whole[1], rows[1])

    @pytest.mark.parametrize("shape", SHAPES)
    @pytest.mark.parametrize("t", TEMPERATURES)
    def test_matches_straightforward_numpy(self, shape, t, block_bytes):
        z = logits(shape, seed=sum(shape))
        with np.errstate(over="ignore"):  # the references overflow to -inf for tiny T
            p, logp = straightforward_softmax(z, t), straightforward_log_softmax(z, t)
        np.testing.assert_allclose(softmax(z, t), p, rtol=1e-13, atol=1e-300)
        np.testing.assert_allclose(log_softmax(z, t), logp, rtol=1e-13, atol=1e-13)

    @pytest.mark.parametrize("shape", [(5, 3), (33, 17), (3, 1000)])
    def test_matches_scipy_and_rows_sum_to_one(self, shape, block_bytes):
        z = logits(shape, seed=1)
        p = softmax(z, 2.0)
        np.testing.assert_allclose(p, scipy.special.softmax(z / 2.0, axis=-1), rtol=1e-12)
        np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=1e-14)

    def test_one_dimensional_input_is_one_row(self, block_bytes):
        z = logits(50)
        assert np.array_equal(softmax(z), softmax(z[None, :])[0])
        assert np.array_equal(log_softmax(z), log_softmax(z[None, :])[0])


class TestExtremes:
    def test_logits_further_apart_than_float64_range_next_to_ordinary_rows(self, block_bytes):
        # The huge row sends its whole block through the halving path, which
        # must give the ordinary rows the same answer.
        z = np.array([[1e308, -1e308, 0.0], [4.0, 2.0, -1.0], [1.0, 1.0, 1.0]])
        p = softmax(z)
        assert p[0].tolist() == [1.0, 0.0, 0.0]
        np.testing.assert_allclose(p[1:], scipy.special.softmax(z[1:], axis=-1), rtol=1e-15)
        assert log_softmax(z)[0].tolist() == [0.0, -np.inf, -1e308]

    @pytest.mark.parametrize("t", [1e300, 1e308])
    def test_huge_span_and_huge_temperature(self, t, block_bytes):
        z = np.array([[1e308, -1e308, 1.5e308], [0.0, 1.0, 2.0]])
        expected = scipy.special.softmax(z / t, axis=-1)  # z / t is in range here
        np.testing.assert_allclose(softmax(z, t), expected, rtol=1e-13)

    @pytest.mark.parametrize("t", [1e-300, 5e-324])
    def test_tiny_temperature_is_the_hard_max(self, t, block_bytes):
        z = np.array([[4.0, 2.0, -1.0], [1e308, -1e308, 0.0]])
        assert softmax(z, t).tolist() == [[1.0, 0.0, 0.0], [1.0, 0.0, 0.0]]
        assert log_softmax(z, t)[:, 0].tolist() == [0.0, 0.0]

    @pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
    def test_non_finite_in_a_later_block_is_refused(self, bad, block_bytes):
        z = logits((9, 5))
        z[-1, 2] = bad
        for f in (softmax, log_softmax):
            with pytest.raises(
                CoreInputError, match=r"^logits: must be finite \(no NaN or infinity\)$"
            ):
                f(z)

    @pytest.mark.parametrize("f", [softmax, log_softmax])
    def test_bad_logits_are_reported_before_a_bad_temperature(self, f):
        # As before the kernels: the logits are checked first.
        with pytest.raises(CoreInputError) as err:
            f([1.0, np.nan], -1.0)
        assert err.value.field == "logits"

    def test_overflowing_sum_of_maxima_is_not_mistaken_for_infinity(self, block_bytes):
        z = np.full((4, 3), 1e308)
        assert softmax(z).tolist() == [[1 / 3] * 3] * 4


class TestFloat32:
    @pytest.mark.parametrize("shape", [(3,), (7, 13), (64, 1000)])
    def test_float32_in_float32_out(self, shape, block_bytes):
        z = logits(shape).astype(np.float32)
        for f in (softmax, log_softmax):
            out = f(z, 1.5)
            assert out.dtype == np.float32
            np.testing.assert_allclose(out, f(z.astype(np.float64), 1.5), rtol=2e-6, atol=2e-6)
        assert softmax(z, 0).dtype == np.float32

    def test_long_float32_rows_keep_float32_accuracy(self):
        z = logits((4, 32000), seed=5).astype(np.float32)
        p = softmax(z)
        np.testing.assert_allclose(p.sum(axis=-1, dtype=np.float64), 1.0, rtol=1e-5)
        np.testing.assert_allclose(p, softmax(z.astype(np.float64)), rtol=1e-5, atol=1e-12)

    @pytest.mark.parametrize(("scale", "t"), [(3, 1.0), (10, 1.0), (10, 0.5), (30, 2.0)])
    def test_float32_error_is_of_torchs_size(self, scale, t):
        # float32 stays float32 all the way: its error against the float64
        # answer stays within a small factor of torch's float32 softmax.
        import torch

        z = np.random.default_rng(1).normal(scale=scale, size=(64, 4000)).astype(np.float32)
        p64, logp64 = softmax(z.astype(np.float64), t), log_softmax(z.astype(np.float64), t)
        zt = torch.from_numpy(z) / t
        seen = p64 > 1e-30

        def rel(p):
            return float((np.abs(p - p64) / p64)[seen].max())

        assert rel(softmax(z, t)) <= max(3 * rel(torch.softmax(zt, -1).numpy()), 1e-6)
        assert rel(softmax(z, t)) < 1e-5
        app_log = float(np.abs(log_softmax(z, t) - logp64).max())
        torch_log = float(np.abs(torch.log_softmax(zt, -1).numpy() - logp64).max())
        assert app_log <= 3 * torch_log

    @pytest.mark.parametrize("value", [1.5, 71.33738708496094, -40.25])
    @pytest.mark.parametrize("k", [4096, 32000])
    def test_float32_ties_are_uniform(self, value, k):
        # Equal logits give exactly 1/K: shifted, every exp is exactly 1 and
        # the sum exact. (A version that skipped the shift summed K equal
        # exp(z) instead, whose float32 rounding gave 1/K with an error of
        # 1.4e-5 to 3e-5 at K = 32000; torch's error is 4.7e-8.)
        p = softmax(np.full((2, k), value, np.float32))
        np.testing.assert_allclose(p, 1.0 / k, rtol=1e-7)

    @pytest.mark.parametrize("k", [3, 2000])  # divided / reciprocal rows
    def test_float32_rows_at_the_edges_of_exps_range(self, k, block_bytes):
        # Rows whose exp(z / t) would leave float32's normal range, next to
        # ordinary rows: each row gives the same bits alone as in the batch,
        # with no warning and no NaN.
        rng = np.random.default_rng(4)
        z = rng.normal(scale=3, size=(6, k)).astype(np.float32)
        z[1, 0] = -90.0  # exp is subnormal
        z[2, :] = 88.5  # exps are finite, their sum is not
        z[3, 1] = 200.0  # exp overflows
        z[4, 2] = -3e38  # z - max z overflows too
        z[5] -= 100.0  # every exp is subnormal or 0; the shifted ones are not
        z[0, :3] = [3e38, -3e38, -1e38]  # z - max z overflows float32; z / 2 does not
        for t in (1.0, 0.25, 3.0, 7.0):
            p = softmax(z, t)
            assert p.dtype == np.float32 and not np.isnan(p).any()
            np.testing.assert_allclose(p, softmax(z.astype(np.float64), t), rtol=2e-5, atol=1e-37)
            for f in (softmax, log_softmax):
                batch = f(z, t)
                for i in range(len(z)):
                    assert batch[i].tobytes() == f(z[i], t).tobytes(), (f, i, t)

    def test_float32_non_finite_row_in_a_batch_is_refused(self, block_bytes):
        z = np.zeros((5, 4), np.float32)
        for bad in (np.nan, np.inf, -np.inf):
            z[3, 1] = bad
            with pytest.raises(CoreInputError, match="must be finite"):
                softmax(z, 0.5)

    def test_other_inputs_stay_float64(self):
        for z in ([1, 2, 3], np.array([1, 2, 3], np.int32), np.array([1, 2, 3], np.float16)):
            assert softmax(z).dtype == np.float64
            assert log_softmax(z).dtype == np.float64

    def test_float32_non_finite_is_refused(self):
        with pytest.raises(CoreInputError, match="must be finite"):
            softmax(np.array([1.0, np.nan], np.float32))


class TestCrossEntropyKernel:
    @pytest.mark.parametrize("shape", [(1, 3), (5, 3), (33, 17), (4, 1000)])
    @pytest.mark.parametrize("eps", [0.0, 0.1, 1.0])
    @pytest.mark.parametrize("weighted", [False, True])
    @pytest.mark.parametrize("t", [0.3, 1.0, 4.0])
    def test_matches_dense_straightforward_path(self, shape, eps, weighted, t, block_bytes):
        rng = np.random.default_rng(sum(shape))
        z = rng.standard_normal(shape) * 4
        y = rng.integers(0, shape[1], shape[0])
        w = rng.random(shape[1]) + 0.1 if weighted else None
        row_loss, p, grad = _dense_loss_and_gradient(z, t, _dense_targets(y, shape[1], w, eps))
        r = cross_entropy(z, y, temperature=t, label_smoothing=eps, weight=w, reduction="none")
        np.testing.assert_allclose(r.loss, row_loss, rtol=1e-13, atol=1e-13)
        np.testing.assert_allclose(r.probabilities, p, rtol=1e-13, atol=1e-300)
        np.testing.assert_allclose(r.gradient, grad / t, rtol=1e-12, atol=1e-15)

    @pytest.mark.parametrize("shape", [(33, 17), (4, 2000)])  # divided / reciprocal rows
    def test_probabilities_agree_with_softmax_to_the_bit(self, shape, block_bytes):
        z = logits(shape, seed=3)
        y = np.arange(shape[0]) % shape[1]
        soft = np.full(shape, 1.0 / shape[1])  # probability targets: the dense path
        for target in (y, soft):
            r = cross_entropy(z, target, temperature=2.0)
            assert np.array_equal(r.probabilities, softmax(z, 2.0))

    @pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
    def test_matches_torch(self, reduction):
        import torch

        rng = np.random.default_rng(7)
        z = rng.standard_normal((16, 300)) * 3
        y = rng.integers(0, 300, 16)
        w = rng.random(300)
        zt = torch.from_numpy(z).requires_grad_(True)
        loss = torch.nn.functional.cross_entropy(
            zt,
            torch.from_numpy(y),
            weight=torch.from_numpy(w),
            label_smoothing=0.1,
            reduction=reduction,
        )
        loss.sum().backward()
        r = cross_entropy(z, y, weight=w, label_smoothing=0.1, reduction=reduction)
        np.testing.assert_allclose(r.loss, loss.detach().numpy(), rtol=1e-12)
        np.testing.assert_allclose(r.gradient, zt.grad.numpy(), rtol=1e-10, atol=1e-15)

    @pytest.mark.parametrize("t", [1e-300, 1.0, 1e306, 1e308])
    def test_logits_further_apart_than_float64_range(self, t, block_bytes):
        z = np.array([[1e308, -1e308, 1.5e308], [4.0, 2.0, -1.0]])
        y = np.array([0, 2])
        with np.errstate(over="ignore", invalid="ignore"):
            row_loss, p, grad = _dense_loss_and_gradient(z, t, _dense_targets(y, 3, None, 0.0))
        r = cross_entropy(z, y, temperature=t, reduction="none")
        np.testing.assert_allclose(r.loss, row_loss, rtol=1e-13)
        np.testing.assert_allclose(r.probabilities, p, rtol=1e-13, atol=1e-300)
        np.testing.assert_allclose(r.gradient, grad / t, rtol=1e-12, atol=1e-300)

    def test_zero_weight_on_an_impossible_class_takes_the_straightforward_path(self):
        # s = -inf at the target with weight 0: 0 * inf must count as 0, not NaN.
        z = np.array([[1e308, -1e308, 0.0]])
        r = cross_entropy(z, [1], weight=[1.0, 0.0, 1.0], reduction="sum")
        assert float(r.loss) == 0.0
        assert np.isfinite(r.gradient).all()


class TestMemory:
    @pytest.mark.parametrize("f", [softmax, log_softmax])
    def test_no_temporaries_the_size_of_the_input(self, f):
        z = logits((64, 4096))
        f(z)  # warm up
        tracemalloc.start()
        try:
            f(z)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        # The output, plus for log_softmax one block of scratch and small change.
        assert peak <= z.nbytes + 2 * kernels.BLOCK_BYTES


class TestFoundInReview:
    """Cases independent reviews found (the vector path, the float32 checks, extremes)."""

    @pytest.mark.parametrize("f", [softmax, log_softmax])
    def test_a_row_does_not_depend_on_a_wide_neighbour(self, f, block_bytes):
        # A block with a row spanning more than float64's range was halved as a
        # whole, which rounds subnormal logits: at a subnormal T this row came
        # out 13% wrong next to the wide one, and right alone.
        row, wide, t = [1.5e-323, 0.0, -1.5e-323], [1e308, -1e308, 0.0], 1.5e-323
        alone, batch = f(np.array(row), t), f(np.array([row, wide]), t)
        assert batch[0].tobytes() == alone.tobytes()
        reference = softmax_mp(row, t) if f is softmax else log_softmax_mp(row, t)
        np.testing.assert_allclose(alone, reference, rtol=1e-14)
        np.testing.assert_allclose(batch[1], f(np.array(wide), t), rtol=0)

    def test_cross_entropy_row_does_not_depend_on_a_wide_neighbour(self, block_bytes):
        row, wide, t = [1.5e-323, 0.0, -1.5e-323], [1e308, -1e308, 0.0], 1.5e-323
        for y in range(3):
            alone = cross_entropy([row], [y], temperature=t, reduction="none")
            batch = cross_entropy([row, wide], [y, 0], temperature=t, reduction="none")
            assert batch.loss[0] == alone.loss[0]
            assert batch.gradient[0].tobytes() == alone.gradient[0].tobytes()
            np.testing.assert_allclose(alone.loss[0], -log_softmax_mp(row, t)[y], rtol=1e-14)

    @pytest.mark.parametrize(
        "z",
        [
            [0.0, -0.0, -1.0, -2.0, -3.0, -4.0, -5.0, -6.0],
            [-0.0] * 10 + [0.0],
            [0.0, -0.0, 1.0],  # on Python floats (fewer than 8)
            [-0.0, 0.0],
        ],
    )
    def test_a_tie_of_zeros_shifts_the_same_on_every_path(self, z):
        # Which zero a reduction returns when 0.0 and -0.0 tie depends on its order;
        # argmax returns the first. The maximum is taken as +0.0 everywhere.
        from app.core.steps import softmax_report, softmax_steps

        z = np.array(z)
        vector = np.asarray(softmax_report(z).steps.shifted)
        listed = np.asarray(softmax_report(z.tolist()).steps.shifted)
        batch = softmax_report(z[None, :]).steps.shifted[0]
        steps = softmax_steps(z).shifted
        assert vector.tobytes() == batch.tobytes() == steps.tobytes() == listed.tobytes()
        for f in (softmax, log_softmax):
            assert f(z).tobytes() == f(z[None, :])[0].tobytes()

    @pytest.mark.parametrize("shape", [(8,), (1, 8), (3, 8)])
    def test_float32_quotient_at_the_edge_of_range_warns_nothing(self, shape):
        # float32 rounds z - m and T: the float64 check alone let this overflow
        # with a RuntimeWarning (an error under pytest's settings here).
        z = np.resize(np.array([1.0874754e31, -3.2168585e38], np.float32), shape)
        for f in (softmax, log_softmax):
            out = f(z, 0.9453498412082569)
            assert not np.isnan(out).any()
        p = softmax(z, 0.9453498412082569).reshape(-1, 8)
        assert p.tolist() == [[0.25, 0.0] * 4] * p.shape[0]  # four tied maxima, the rest 0
