"""In-process API clients on a fresh app (pytest fixtures for tests/api and tests/ops)."""

from __future__ import annotations

import warnings

import pytest

with warnings.catch_warnings():
    # fastapi.testclient warns at import that httpx will become httpx2; the
    # client itself works and is what FastAPI documents.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings


@pytest.fixture(scope="session")
def client() -> TestClient:
    """A client for an app with the default settings."""
    return TestClient(create_app(Settings()))


@pytest.fixture
def make_client():
    """Build a client for an app with custom settings, e.g. smaller limits."""

    def _make(**overrides) -> TestClient:
        return TestClient(create_app(Settings(**overrides)))

    return _make
