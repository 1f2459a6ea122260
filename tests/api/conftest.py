"""Fixtures of the API tests: in-process clients (tests/support/clients.py)."""

from tests.support.clients import client, make_client

__all__ = ["client", "make_client"]
