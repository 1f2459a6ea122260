"""softmax, log_softmax, logsumexp, hardmax, argmax and sigmoid."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.special
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from app.core import (
    CoreInputError,
    argmax,
    hardmax,
    log_softmax,
    logsumexp,
    shift,
    sigmoid,
    softmax,
)
from tests.reference import log_softmax_mp, softmax_mp, torch_values

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
        assert softmax(FOOD, -0.0).tolist() == [1.0, 0.0, 0.0]

    def test_higher_temperature_flattens(self):
        maxima = [softmax(FOOD, t).max() for t in (0.5, 1, 2, 5, 50)]
        assert maxima == sorted(maxima, reverse=True)

    @pytest.mark.parametrize(
        ("t", "message"),
        [
            (-1.0, "must be >= 0"),
            (-1e-300, "must be >= 0"),
            (math.inf, "must be finite"),
            (math.nan, "must be finite"),
            ("hot", "must be a number"),
            (True, "must be a number, not a boolean"),
            (np.False_, "must be a number, not a boolean"),
            (np.array(True), "must be a number, not a boolean"),
        ],
    )
    def test_bad_temperature_is_refused(self, t, message):
        for function in (softmax, log_softmax):
            with pytest.raises(CoreInputError) as err:
                function(FOOD, t)
            assert (err.value.field, err.value.message) == ("temperature", message)


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

    @pytest.mark.parametrize(
        "case", torch_values()["softmax"], ids=lambda c: f"T={c['temperature']}"
    )
    def test_matches_torch_float64(self, case):
        z, t = case["logits"], case["temperature"]
        np.testing.assert_allclose(softmax(z, t), case["softmax"], rtol=1e-12, atol=1e-300)
        np.testing.assert_allclose(log_softmax(z, t), case["log_softmax"], rtol=1e-12, atol=1e-12)


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
        with pytest.raises(CoreInputError) as err:
            logsumexp(FOOD, 0)
        assert str(err.value) == "temperature: must be > 0 here (T = 0 has no gradient)"


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
            ([], "must contain at least one class"),
            ([[]], "must contain at least one class"),
            ([1.0, math.nan], "must be finite (no NaN or infinity)"),
            ([1.0, math.inf], "must be finite (no NaN or infinity)"),
            ([1.0, -math.inf], "must be finite (no NaN or infinity)"),
            (np.array([[0.0, 1.0], [2.0, -math.inf]]), "must be finite (no NaN or infinity)"),
            ([1.0, 10**400], "must be a rectangular array of numbers"),
            ([[[1.0]]], "must be 1-D or 2-D, got 3-D"),
            (5.0, "must be 1-D or 2-D, got 0-D"),
            ([[1.0, 2.0], [3.0]], "must be a rectangular array of numbers"),
        ],
    )
    @pytest.mark.parametrize("function", [softmax, log_softmax, logsumexp])
    def test_refused_with_a_clear_message(self, function, logits, message):
        with pytest.raises(CoreInputError) as err:
            function(logits)
        assert (err.value.field, err.value.message) == ("logits", message)

    @pytest.mark.parametrize("function", [softmax, log_softmax])
    def test_bad_logits_are_reported_before_a_bad_temperature(self, function):
        with pytest.raises(CoreInputError) as err:
            function([math.nan, 1.0], -1.0)
        assert str(err.value) == "logits: must be finite (no NaN or infinity)"

    def test_other_types_convert_as_numpy_converts_them(self):
        # As in numpy and scipy, what np.asarray(float64) takes is taken (the REST API is
        # stricter: its schemas refuse booleans and strings).
        for logits in ([1.0, True, 3], [1, 2, 3], (1.0, 2.0), [np.float64(1.0), 2.0]):
            expected = softmax(np.asarray(logits, dtype=np.float64))
            assert softmax(logits).tobytes() == expected.tobytes()


class TestFloat32:
    """A float32 ndarray is answered in float32 (computed in float64)."""

    @pytest.mark.parametrize("t", [1e-300, 1e-40, 0.5, 1.0, 1e39, 1e300])
    @pytest.mark.parametrize("shape", [(3,), (50,), (4, 50)])
    def test_float32_in_float32_out(self, t, shape):
        z32 = np.random.default_rng(5).normal(scale=3, size=shape).astype(np.float32)
        for public in (softmax, log_softmax):
            out = public(z32, t)
            assert out.dtype == np.float32
            with np.errstate(over="ignore"):  # log p beyond float32's range: -inf
                expected = public(z32.astype(np.float64), t).astype(np.float32)
            assert out.tobytes() == expected.tobytes()

    def test_other_inputs_stay_float64(self):
        for logits in ([1.0, 2.0], np.array([1, 2], dtype=np.int64), np.array([1.0], np.float16)):
            assert softmax(logits).dtype == np.float64


class TestShift:
    """`shift` is steps 1 and 2 of softmax, log_softmax, the sweep, cross-entropy and the page."""

    def test_largest_is_zero_and_the_rest_divided_by_t(self):
        assert shift(np.array([[4.0, 2.0, -1.0]]), 2.0).tolist() == [[0.0, -1.0, -2.5]]

    def test_a_column_of_temperatures_gives_a_row_each(self):
        s = shift(np.array([[4.0, 2.0, -1.0]]), np.array([[1.0], [2.0]]))
        assert s.tolist() == [[0.0, -2.0, -5.0], [0.0, -1.0, -2.5]]

    def test_tiny_temperature_gives_minus_infinity_without_a_warning(self):
        assert shift(np.array([[1e308, -1e308]]), 1e-300).tolist() == [[0.0, -math.inf]]

    def test_wide_rows_next_to_ordinary_ones(self):
        # z - m overflows only in the first row; the second keeps its exact bits.
        z = np.array([[1.7e308, -1.7e308, 0.0], [3e-320, 0.0, -3e-320]])
        s = shift(z, 1e-310)
        assert s[0].tolist() == [0.0, -math.inf, -math.inf]
        assert s[1].tolist() == ((z[1] - z[1].max()) / 1e-310).tolist()
        np.testing.assert_allclose(shift(z[:1], 1e300), [[0.0, -3.4e8, -1.7e8]], rtol=1e-15)
