"""temperature_sweep: one logit vector at many temperatures."""

from __future__ import annotations

import math

import numpy as np
import pytest

from app.core import CoreInputError, softmax, temperature_sweep

FOOD = [4.0, 2.0, -1.0]


class TestTemperatureSweep:
    def test_rows_are_softmax_at_each_temperature(self):
        ts = [0.0, 0.3, 1.0, 3.0, 1e300]
        s = temperature_sweep(FOOD, ts)
        for row, t in zip(s.probabilities, ts, strict=True):
            np.testing.assert_allclose(row, softmax(FOOD, t), rtol=1e-15)
        assert s.entropy[0] == 0.0
        assert s.entropy[-1] == pytest.approx(math.log(3), rel=1e-12)
        assert list(s.entropy) == sorted(s.entropy)

    @pytest.mark.parametrize(
        "logits", [[1e308, -1e308, 0.0], [1000.0, 999.0, -1000.0], [3.0, 3.0, 1.0]]
    )
    def test_extremes_agree_with_softmax_to_the_bit(self, logits):
        ts = [0.0, 1e-300, 0.05, 1.0, 20.0, 1e300, 1.7e308]
        s = temperature_sweep(logits, ts)
        for row, t in zip(s.probabilities, ts, strict=True):
            assert row.tolist() == softmax(logits, t).tolist(), t
        assert np.isfinite(s.entropy).all()
        assert ((s.entropy >= 0) & (s.entropy <= math.log(3) + 1e-15)).all()

    def test_minus_zero_is_zero(self):
        s = temperature_sweep(FOOD, [-0.0, 1.0])
        assert [math.copysign(1, t) for t in s.temperatures] == [1, 1]
        assert s.probabilities[0].tolist() == [1.0, 0.0, 0.0]

    @pytest.mark.parametrize(
        ("ts", "message"),
        [
            ([], "must be a non-empty 1-D list"),
            ([[1.0]], "must be a non-empty 1-D list"),
            ([-1.0], "must be >= 0"),
            ([1.0, math.nan], "must be finite"),
            (["a"], "must be a list of numbers"),
            ([True], "must be numbers, not booleans"),
            ([2.0, np.True_], "must be numbers, not booleans"),
            (np.array([True]), "must be numbers, not booleans"),
        ],
    )
    def test_bad_temperatures(self, ts, message):
        with pytest.raises(CoreInputError) as err:
            temperature_sweep(FOOD, ts)
        assert str(err.value) == f"temperatures: {message}"

    def test_batch_logits_refused(self):
        with pytest.raises(CoreInputError) as err:
            temperature_sweep([FOOD, FOOD], [1.0])
        assert str(err.value) == "logits: must be 1-D (one vector) for a temperature sweep"
