"""Input checks shared by the core functions.

Every public core function funnels its arguments through these helpers, so the
rules (float64, 1-D or 2-D, finite, T >= 0) and their error messages live in
one place.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

_LARGEST = float(np.finfo(np.float64).max)


class CoreInputError(ValueError):
    """A domain error in the arguments of a core function.

    Parameters
    ----------
    field : str
        Name of the offending argument (``"logits"``, ``"temperature"``, ...),
        so that callers such as the REST API can point at it.
    message : str
        What is wrong, in words a user can act on.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def as_logits(
    logits: ArrayLike, field: str = "logits", *, check_finite: bool = True
) -> NDArray[np.float64]:
    """Return `logits` as a finite float64 array of shape (K,) or (N, K).

    ``check_finite=False`` leaves out the finiteness check, for callers whose
    kernels check it on the way (a pass through memory saved on large arrays);
    they call this again, with the check, to raise its error.
    """
    try:
        z = np.asarray(logits, dtype=np.float64)
    except (TypeError, ValueError, OverflowError) as exc:
        # Ragged nested lists and non-numeric items end up here.
        raise CoreInputError(field, "must be a rectangular array of numbers") from exc
    if z.ndim not in (1, 2):
        raise CoreInputError(field, f"must be 1-D or 2-D, got {z.ndim}-D")
    if z.shape[-1] == 0 or z.size == 0:
        raise CoreInputError(field, "must contain at least one class")
    if check_finite and not np.isfinite(z).all():
        raise CoreInputError(field, "must be finite (no NaN or infinity)")
    return z


def is_boolean(value: object) -> bool:
    """Whether `value` is a boolean (Python, numpy, or an array of them), which
    numpy would silently take as 0 or 1."""
    if isinstance(value, bool | np.bool_):
        return True
    if isinstance(value, np.ndarray):
        return value.dtype == np.bool_
    return isinstance(value, list | tuple) and any(isinstance(x, bool | np.bool_) for x in value)


def as_temperature(temperature: float, *, allow_zero: bool = True) -> float:
    """Return `temperature` as a float, rejecting negative and non-finite values."""
    if type(temperature) is float and 0.0 < temperature <= _LARGEST:
        return temperature  # the common case, for a third of the checks' cost
    if is_boolean(temperature):  # float(True) is 1.0: a mistake, not a T
        raise CoreInputError("temperature", "must be a number, not a boolean")
    try:
        t = float(temperature) + 0.0  # + 0.0: -0.0 is 0.0 (T = 0), not echoed with a sign
    except (TypeError, ValueError, OverflowError) as exc:
        raise CoreInputError("temperature", "must be a number") from exc
    if not math.isfinite(t):
        raise CoreInputError("temperature", "must be finite")
    if t < 0:
        raise CoreInputError("temperature", "must be >= 0")
    if t == 0 and not allow_zero:
        raise CoreInputError("temperature", "must be > 0 here (T = 0 has no gradient)")
    return t
