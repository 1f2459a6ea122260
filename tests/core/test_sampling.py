"""sample and filter_top_k_top_p."""

from __future__ import annotations

import numpy as np
import pytest

from app.core import CoreInputError, filter_top_k_top_p, hardmax, sample, softmax

FOOD = [4.0, 2.0, -1.0]


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
        ("kwargs", "error"),
        [
            ({"n": 0}, "n: must be >= 1"),
            ({"seed": -1}, "seed: must be >= 0"),
            ({"top_k": 0}, "top_k: must be >= 1"),
            ({"top_p": 0.0}, "top_p: must be in (0, 1]"),
        ],
    )
    def test_bad_arguments(self, kwargs, error):
        with pytest.raises(CoreInputError) as err:
            sample(FOOD, **kwargs)
        assert str(err.value) == error
