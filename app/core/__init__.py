"""The numerical core: numpy only, no web imports.

Every number the API and the page show comes from here.
"""

from app.core._checks import CoreInputError
from app.core.cross_entropy import CrossEntropyResult, cross_entropy
from app.core.entropy import entropy
from app.core.sampling import SampleResult, filter_top_k_top_p, sample
from app.core.softmax import argmax, hardmax, log_softmax, logsumexp, shift, sigmoid, softmax
from app.core.temperature import TemperatureSweep, temperature_sweep

__all__ = [
    "CoreInputError",
    "CrossEntropyResult",
    "SampleResult",
    "TemperatureSweep",
    "argmax",
    "cross_entropy",
    "entropy",
    "filter_top_k_top_p",
    "hardmax",
    "log_softmax",
    "logsumexp",
    "sample",
    "shift",
    "sigmoid",
    "softmax",
    "temperature_sweep",
]
