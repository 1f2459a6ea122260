"""The JSON REST API: one router module per resource."""

from app.api import cross_entropy, health, presets, sample, softmax, temperature

ROUTERS = [
    health.router,
    softmax.router,
    temperature.router,
    cross_entropy.router,
    sample.router,
    presets.router,
]
