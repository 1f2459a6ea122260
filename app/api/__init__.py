"""The JSON REST API: one router module per resource."""

from app.api import (
    classifier,
    cross_entropy,
    datasets,
    digits,
    health,
    presets,
    sample,
    softmax,
    temperature,
)

ROUTERS = [
    health.router,
    softmax.router,
    temperature.router,
    cross_entropy.router,
    sample.router,
    presets.router,
    classifier.router,
    datasets.router,
    digits.router,
]
