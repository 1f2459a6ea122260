"""entropy."""

from __future__ import annotations

import math

import pytest
import scipy.stats

from app.core import entropy, log_softmax, softmax
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
