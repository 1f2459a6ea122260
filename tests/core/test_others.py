"""entropy, temperature_sweep, softmax_steps and sample."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.stats

from app.core import (
    CoreInputError,
    entropy,
    filter_top_k_top_p,
    hardmax,
    log_softmax,
    sample,
    softmax,
    softmax_steps,
    temperature_sweep,
)
from tests.reference import entropy_mp

FOOD = [4.0, 2.0, -1.0]


class TestEntropy:
    def test_uniform_is_log_k(self):
        assert float(entropy([0.25] * 4)) == pytest.approx(math.log(4), rel=1e-15)
        assert float(entropy([0.25] * 4, base=2)) == pytest.approx(2.0, rel=1e-15)

    def test_certain_is_zero_with_zero_log_zero(self):
        assert float(entropy([0.0, 1.0, 0.0])) == 0.0

    def test_matches_scipy_and_high_precision(self):
        p = softmax(FOOD)
        assert float(entropy(p)) == pytest.approx(scipy.stats.entropy(p), rel=1e-13)
        assert float(entropy(p, log_softmax(FOOD))) == pytest.approx(entropy_mp(FOOD), rel=1e-14)

    def test_batch(self):
        assert entropy([[0.5, 0.5], [1.0, 0.0]], base=2).tolist() == [1.0, 0.0]


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
        ts = [0.0, 5e-324, 1e-300, 0.05, 1.0, 20.0, 1e300, 1.7e308]
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
        "ts", [[], [-1.0], [1.0, math.nan], [[1.0]], [True], [2.0, np.True_], np.array([True])]
    )
    def test_bad_temperatures(self, ts):
        with pytest.raises(CoreInputError) as err:
            temperature_sweep(FOOD, ts)
        assert err.value.field == "temperatures"

    def test_batch_logits_refused(self):
        with pytest.raises(CoreInputError, match="1-D"):
            temperature_sweep([FOOD, FOOD], [1.0])


class TestSteps:
    def test_article_arithmetic(self):
        s = softmax_steps(FOOD)
        np.testing.assert_allclose(s.exp_scaled, [54.598, 7.389, 0.368], atol=5e-4)
        assert float(s.sum_exp_scaled) == pytest.approx(62.355, abs=5e-4)
        np.testing.assert_allclose(s.exponentials / s.sum_exponentials, softmax(FOOD), rtol=1e-15)
        np.testing.assert_allclose(s.exp_scaled / s.sum_exp_scaled, softmax(FOOD), rtol=1e-14)

    def test_shift_keeps_exponentials_at_most_one(self):
        s = softmax_steps([1000.0, 999.0, -1000.0], 0.5)
        assert s.shifted.tolist() == [0.0, -2.0, -4000.0]
        assert s.exponentials.max() == 1.0
        assert np.isinf(s.exp_scaled[0])  # the unshifted path overflows, as shown on the page


class TestSampling:
    def test_same_seed_same_counts(self):
        a = sample(FOOD, n=5000, seed=42)
        b = sample(FOOD, n=5000, seed=42)
        assert a.counts.tolist() == b.counts.tolist()
        assert a.counts.sum() == 5000
        assert sample(FOOD, n=5000, seed=43).counts.tolist() != a.counts.tolist()

    def test_histogram_follows_the_probabilities(self):
        r = sample(FOOD, n=10_000, seed=1)
        # 5 standard deviations of a binomial count.
        sd = np.sqrt(10_000 * r.probabilities * (1 - r.probabilities))
        assert (np.abs(r.counts - 10_000 * r.probabilities) <= 5 * sd + 1).all()

    def test_top_k_one_is_the_hard_max(self):
        r = sample([1.0, 3.0, 2.0], top_k=1, n=100)
        assert r.probabilities.tolist() == hardmax([1.0, 3.0, 2.0]).tolist()
        assert r.counts.tolist() == [0, 100, 0]

    def test_top_p_keeps_the_smallest_set_reaching_p(self):
        p = softmax(FOOD)  # 0.876, 0.118, 0.006
        assert filter_top_k_top_p(p, top_p=0.5).tolist() == [1.0, 0.0, 0.0]
        kept = filter_top_k_top_p(p, top_p=0.9)
        np.testing.assert_allclose(kept, [p[0] / (p[0] + p[1]), p[1] / (p[0] + p[1]), 0.0])
        np.testing.assert_allclose(filter_top_k_top_p(p, top_p=1.0), p)

    def test_temperature_applies_before_filtering(self):
        r = sample(FOOD, temperature=3.0, top_k=2, n=10)
        p3 = softmax(FOOD, 3.0)
        np.testing.assert_allclose(r.probabilities[:2], p3[:2] / p3[:2].sum(), rtol=1e-14)

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"n": 0}, "n"),
            ({"seed": -1}, "seed"),
            ({"top_k": 0}, "top_k"),
            ({"top_p": 0.0}, "top_p"),
        ],
    )
    def test_bad_arguments(self, kwargs, field):
        with pytest.raises(CoreInputError) as err:
            sample(FOOD, **kwargs)
        assert err.value.field == field
