"""softmax, log_softmax, logsumexp, hardmax, argmax and sigmoid."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.special
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from app.core import (
    CoreInputError,
    argmax,
    hardmax,
    log_softmax,
    logsumexp,
    sigmoid,
    softmax,
)
from tests.reference import log_softmax_mp, softmax_mp

FOOD = [4.0, 2.0, -1.0]
WEATHER = [5.2, 0.8, -3.1]
finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
logit_rows = arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 12)), elements=finite)


class TestSoftmaxValues:
    def test_food_example_matches_the_article_corrected(self):
        p = softmax(FOOD)
        np.testing.assert_allclose(p, [0.8756, 0.1185, 0.0059], atol=5e-5)
        # The article printed 11.9 % after rounding too early: the burger is 11.8 %.
        assert round(100 * p[1], 1) == 11.8

    def test_food_example_against_high_precision(self):
        np.testing.assert_allclose(softmax(FOOD), softmax_mp(FOOD), rtol=1e-14)

    @pytest.mark.parametrize(
        ("t", "expected"),
        [(3.0, [0.587, 0.302, 0.111]), (0.3, [0.9987, 0.0013, 0.00000006])],
    )
    def test_temperature_examples(self, t, expected):
        p = softmax(FOOD, temperature=t)
        np.testing.assert_allclose(p, softmax_mp(FOOD, t), rtol=1e-13)
        np.testing.assert_allclose(p, expected, rtol=0.01, atol=5e-4)

    def test_t_point_three_small_class_is_six_in_a_hundred_million(self):
        assert softmax(FOOD, 0.3)[2] == pytest.approx(5.7704e-8, rel=1e-4)

    def test_weather_probabilities_are_positive_though_logits_are_not(self):
        p = softmax(WEATHER)
        assert (p > 0).all()
        np.testing.assert_allclose(p, softmax_mp(WEATHER), rtol=1e-14)

    def test_batch_is_row_wise(self):
        p = softmax([FOOD, WEATHER])
        np.testing.assert_allclose(p[0], softmax(FOOD))
        np.testing.assert_allclose(p[1], softmax(WEATHER))

    def test_returns_float64(self):
        assert softmax(np.array([1, 2, 3], dtype=np.int32)).dtype == np.float64

    def test_single_class_is_certain(self):
        assert softmax([42.0]).tolist() == [1.0]


class TestSoftmaxStability:
    def test_huge_opposite_logits(self):
        assert softmax([1e308, -1e308]).tolist() == [1.0, 0.0]

    def test_large_logits_keep_their_differences(self):
        p = softmax([1000.0, 999.0, -1000.0])
        np.testing.assert_allclose(p, [1 / (1 + math.exp(-1)), 1 / (1 + math.e), 0.0], rtol=1e-14)

    def test_tiny_temperature_is_the_hard_max(self):
        assert softmax(FOOD, 1e-300).tolist() == [1.0, 0.0, 0.0]
        assert softmax([1e308, -1e308, 0.0], 1e-300).tolist() == [1.0, 0.0, 0.0]

    def test_huge_temperature_is_uniform(self):
        np.testing.assert_allclose(softmax(FOOD, 1e300), [1 / 3] * 3, rtol=1e-15)
        # (1e308 - -1e308) / 1e300 = 2e8 is still a decisive gap:
        assert softmax([1e308, -1e308], 1e300).tolist() == [1.0, 0.0]

    @pytest.mark.parametrize("t", [1e308, 3e307, 1e306])
    def test_logits_further_apart_than_float64_range_with_huge_temperature(self, t):
        # Regression: z - max z overflowed to -inf before the division by T
        # brought it back into range, giving [1, 0] instead of ~[0.88, 0.12].
        z = [1e308, -1e308, 1.5e308]
        np.testing.assert_allclose(softmax(z, t), softmax_mp(z, t), rtol=1e-13)
        # z / T is ~100 here, so log-probabilities near 0 carry ~1e-14 absolute error.
        np.testing.assert_allclose(log_softmax(z, t), log_softmax_mp(z, t), rtol=1e-13, atol=1e-13)

    @given(logit_rows, st.floats(1e-3, 1e3))
    @settings(max_examples=200, deadline=None)
    def test_rows_are_finite_non_negative_and_sum_to_one(self, z, t):
        p = softmax(z, t)
        assert np.isfinite(p).all()
        assert (p >= 0).all()
        np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=1e-12)

    @given(logit_rows, st.floats(-1e3, 1e3))
    @settings(max_examples=200, deadline=None)
    def test_adding_a_constant_changes_nothing(self, z, c):
        np.testing.assert_allclose(softmax(z + c), softmax(z), rtol=1e-9, atol=1e-300)


class TestTemperatureLimits:
    def test_zero_temperature_is_the_hard_max_with_ties_split(self):
        assert softmax([3.0, 3.0, 1.0], 0).tolist() == [0.5, 0.5, 0.0]

    def test_approaches_hard_max_as_t_shrinks(self):
        gaps = [np.abs(softmax(FOOD, t) - hardmax(FOOD)).max() for t in (1, 0.5, 0.1, 0.01)]
        assert gaps == sorted(gaps, reverse=True)
        assert gaps[-1] < 1e-80

    def test_minus_zero_is_zero(self):
        from app.core.steps import softmax_report

        assert math.copysign(1, softmax_report(FOOD, -0.0).temperature) == 1
        assert softmax(FOOD, -0.0).tolist() == [1.0, 0.0, 0.0]

    def test_higher_temperature_flattens(self):
        maxima = [softmax(FOOD, t).max() for t in (0.5, 1, 2, 5, 50)]
        assert maxima == sorted(maxima, reverse=True)

    @pytest.mark.parametrize(
        "t", [-1.0, -1e-300, math.inf, math.nan, True, np.False_, np.array(True)]
    )
    def test_bad_temperature_is_refused(self, t):
        with pytest.raises(CoreInputError) as err:
            softmax(FOOD, t)
        assert err.value.field == "temperature"


class TestAgainstLibraries:
    @given(logit_rows, st.floats(0.05, 20))
    @settings(max_examples=100, deadline=None)
    def test_matches_scipy(self, z, t):
        np.testing.assert_allclose(
            softmax(z, t),
            scipy.special.softmax((z - z.max(-1, keepdims=True)) / t, axis=-1),
            rtol=1e-12,
            atol=1e-300,
        )
        np.testing.assert_allclose(
            log_softmax(z, t),
            scipy.special.log_softmax((z - z.max(-1, keepdims=True)) / t, axis=-1),
            rtol=1e-12,
            atol=1e-12,
        )

    def test_matches_torch_float64(self):
        rng = np.random.default_rng(0)
        z = rng.normal(scale=10, size=(32, 100))
        for t in (0.1, 1.0, 7.0):
            zt = torch.from_numpy(z / t)
            np.testing.assert_allclose(
                softmax(z, t), torch.softmax(zt, -1).numpy(), rtol=1e-12, atol=1e-300
            )
            np.testing.assert_allclose(
                log_softmax(z, t), torch.log_softmax(zt, -1).numpy(), rtol=1e-12, atol=1e-12
            )


class TestLogSoftmax:
    def test_keeps_the_small_class_that_log_of_softmax_loses(self):
        assert log_softmax([1000.0, 1.0]).tolist() == [0.0, -999.0]
        with np.errstate(divide="ignore"):
            assert np.log(softmax([1000.0, 1.0]))[1] == -np.inf

    def test_against_high_precision(self):
        # The top class's log-probability, -1.9e-22, is below the rounding of
        # log(1 + 1.9e-22): like scipy and torch we give 0 there, so absolute tolerance.
        np.testing.assert_allclose(
            log_softmax(FOOD, 0.3), log_softmax_mp(FOOD, 0.3), rtol=1e-14, atol=1e-15
        )

    def test_zero_temperature_gives_minus_infinity_for_losers(self):
        assert log_softmax([3.0, 3.0, 1.0], 0).tolist() == [math.log(0.5), math.log(0.5), -math.inf]

    def test_exp_is_softmax(self):
        np.testing.assert_allclose(np.exp(log_softmax(WEATHER, 2)), softmax(WEATHER, 2), rtol=1e-14)


class TestLogsumexp:
    def test_no_overflow(self):
        assert logsumexp([1000.0, 1000.0]) == pytest.approx(1000 + math.log(2), rel=1e-15)

    @pytest.mark.parametrize(("z", "t"), [([1.0, 1.0, 1.0], 5e-324), ([1e308, -1e308], 0.3)])
    def test_beyond_float64_is_inf_without_a_warning(self, z, t):
        # max z / T overflowed with a RuntimeWarning (an error under these tests' settings).
        assert logsumexp(z, t) == math.inf

    def test_matches_scipy_on_a_batch(self):
        z = np.random.default_rng(1).normal(size=(5, 7)) * 50
        np.testing.assert_allclose(
            logsumexp(z, 2.0), scipy.special.logsumexp(z / 2, axis=-1), rtol=1e-13
        )

    def test_zero_temperature_is_refused(self):
        with pytest.raises(CoreInputError, match="temperature"):
            logsumexp(FOOD, 0)


class TestHardmax:
    def test_one_hot(self):
        assert hardmax(FOOD).tolist() == [1.0, 0.0, 0.0]

    def test_ties_split_evenly(self):
        assert hardmax([[2.0, 5.0, 5.0, 5.0], [1.0, 1.0, 0.0, 0.0]]).tolist() == [
            [0.0, 1 / 3, 1 / 3, 1 / 3],
            [0.5, 0.5, 0.0, 0.0],
        ]

    def test_argmax_reports_the_first_maximum(self):
        assert int(argmax([3.0, 3.0, 1.0])) == 0
        assert argmax([[1.0, 2.0], [5.0, 5.0]]).tolist() == [1, 0]


class TestSigmoid:
    @given(st.floats(-50, 50), st.floats(-50, 50), st.floats(0.05, 20))
    def test_two_class_softmax_is_a_sigmoid_of_the_difference(self, a, b, t):
        assert softmax([a, b], t)[0] == pytest.approx(
            float(sigmoid((a - b) / t)), rel=1e-12, abs=1e-300
        )

    def test_extremes_do_not_overflow(self):
        assert sigmoid([-1e308, 1e308, -math.inf, math.inf]).tolist() == [0.0, 1.0, 0.0, 1.0]


class TestBadLogits:
    @pytest.mark.parametrize(
        ("logits", "message"),
        [
            ([], "at least one class"),
            ([[]], "at least one class"),
            ([1.0, math.nan], "finite"),
            ([1.0, math.inf], "finite"),
            ([[[1.0]]], "1-D or 2-D"),
            (5.0, "1-D or 2-D"),
            ([[1.0, 2.0], [3.0]], "rectangular"),
        ],
    )
    def test_refused_with_a_clear_message(self, logits, message):
        with pytest.raises(CoreInputError, match=message) as err:
            softmax(logits)
        assert err.value.field == "logits"


class TestShortVectors:
    """Fewer than 8 logits take a path on Python floats; it must not change a bit."""

    @given(
        z=arrays(np.float64, st.integers(1, 7), elements=st.floats(-1e300, 1e300)),
        t=st.sampled_from([1.0, 0.05, 0.3, 3.0, 1e-300, 1e300]) | st.floats(1e-3, 1e3),
        ties=st.booleans(),
    )
    @settings(max_examples=400, deadline=None)
    def test_same_bits_as_the_array_path(self, z, t, ties):
        from app.core import _kernels

        if ties:
            z[: len(z) // 2 + 1] = z[0]
        for public, kernel in (
            (softmax, _kernels.softmax_rows),
            (log_softmax, _kernels.log_softmax_rows),
        ):
            rows = kernel(z[None, :].copy(), t)
            if rows is None:  # differences beyond float64: the array path alone
                continue
            for given_as in (z, z.tolist()):
                out = public(given_as, t)
                assert out.dtype == np.float64 and out.shape == z.shape
                assert out.tobytes() == rows[0].tobytes(), (given_as, t)

    @pytest.mark.parametrize(
        ("logits", "message"),
        [
            ([1.0, math.nan], "finite"),
            ([1.0, -math.inf], "finite"),
            ([1.0, 10**400], "numbers"),
        ],
    )
    def test_what_it_does_not_take_is_refused_as_before(self, logits, message):
        for function in (softmax, log_softmax):
            with pytest.raises(CoreInputError, match=message) as err:
                function(logits)
            assert err.value.field == "logits"

    def test_other_types_convert_as_numpy_converts_them(self):
        # As in numpy and scipy, what np.asarray(float64) takes is taken (the REST API is
        # stricter: its schemas refuse booleans and strings).
        for logits in ([1.0, True, 3], [1, 2, 3], (1.0, 2.0), [np.float64(1.0), 2.0]):
            expected = softmax(np.asarray(logits, dtype=np.float64))
            assert softmax(logits).tobytes() == expected.tobytes()


class TestVectors:
    """One 1-D vector takes `_kernels.softmax_vector` (argmax and argmin instead of
    two reductions); it must give to the bit what the row kernels give its row."""

    @given(
        z=arrays(
            st.sampled_from([np.float64, np.float32]),
            st.integers(8, 2000),
            elements=st.floats(-(2.0**126), 2.0**126, width=32, allow_subnormal=False),
        ),
        t=st.sampled_from([1.0, 0.05, 0.3, 3.0, 1e-300, 1e300]) | st.floats(1e-3, 1e3),
        ties=st.booleans(),
        spread=st.sampled_from([1.0, 1e-30, 1e270]),
    )
    @settings(max_examples=300, deadline=None)
    def test_same_bits_as_the_row_kernels(self, z, t, ties, spread):
        if z.dtype == np.float64:
            z = z * spread  # float64 spans up to ~1e308
        if ties:
            z[: len(z) // 2 + 1] = z[0]
        for public in (softmax, log_softmax):
            rows = public(z[None, :], t)  # 2-D input: the row kernels
            out = public(z, t)
            assert out.dtype == z.dtype and out.shape == z.shape
            assert out.tobytes() == rows[0].tobytes(), (z, t)
            assert not np.isnan(out).any()

    @pytest.mark.parametrize("t", [1e-300, 1e-40, 1e39, 1e300])
    @pytest.mark.parametrize("shape", [(3,), (50,), (4, 50)])
    def test_float32_at_temperatures_float32_cannot_hold(self, t, shape):
        # T would round to 0 or inf in float32 arithmetic (it gave NaN): such
        # calls are computed in float64 and answered in float32.
        z = np.random.default_rng(5).normal(scale=3, size=shape)
        z32 = z.astype(np.float32)
        for public in (softmax, log_softmax):
            out = public(z32, t)
            assert out.dtype == np.float32
            with np.errstate(over="ignore"):  # log p beyond float32's range: -inf
                expected = public(z32.astype(np.float64), t).astype(np.float32)
            assert out.tobytes() == expected.tobytes()
            assert not np.isnan(out).any()

    @pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
    @pytest.mark.parametrize("dtype", [np.float64, np.float32])
    @pytest.mark.parametrize("at", [0, 5, 49])
    def test_non_finite_values_are_refused(self, bad, dtype, at):
        z = np.linspace(-3, 3, 50).astype(dtype)
        z[at] = bad
        for function in (softmax, log_softmax):
            with pytest.raises(CoreInputError, match="finite") as err:
                function(z)
            assert err.value.field == "logits"
