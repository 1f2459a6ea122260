"""scaled_difference: (a - b) / T where a - b is beyond float64's range."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from app.core.extremes import scaled_difference


def exact(a: float, b: float, t: float) -> float:
    """(a - b) / t in exact rational arithmetic, rounded once."""
    return float((Fraction(a) - Fraction(b)) / Fraction(t))


@pytest.mark.parametrize(
    ("a", "b", "t"),
    [(-1.7e308, 1.7e308, 1e300), (1.5e308, -1e308, 3.0), (-1e308, 1.79e308, 1.7e308)],
)
def test_a_wide_difference_is_exact_once_divided(a, b, t):
    assert float(scaled_difference(a, b, t)) == exact(a, b, t)


def test_beyond_float64_even_divided_is_minus_infinity_without_a_warning():
    assert float(scaled_difference(-1.7e308, 1.7e308, 1.0)) == -np.inf


def test_ordinary_entries_keep_the_plain_bits():
    # Halving would round subnormal values, which a tiny T magnifies.
    a = np.array([3e-320, -1.7e308])
    b = np.array([-3e-320, 1.7e308])
    q = scaled_difference(a, b, 1e-300)
    assert q[0] == (a[0] - b[0]) / 1e-300
    assert q[1] == -np.inf


def test_a_column_of_temperatures_broadcasts():
    q = scaled_difference(
        np.array([[-1.7e308, 0.0]]), np.array([[1.7e308]]), np.array([[1e300], [1e308]])
    )
    np.testing.assert_allclose(q, [[-3.4e8, -1.7e8], [-3.4, -1.7]], rtol=1e-15)
