"""How the API's routes are called: plainly, and without a router in between.

Both matter at thousands of requests per second, where FastAPI's machinery is
most of the time spent on a small request (measured in process, FastAPI 0.165):

- `PlainRoute`: FastAPI wraps an endpoint in a handler that solves its
  dependencies and serialises its return value through the response model,
  ~15 µs a request even for ``endpoint(request) -> Response``. The POST
  endpoints read and validate their bodies themselves (`app.api.body`) and
  return encoded responses (`app.api.encoding`), so this route calls them
  directly (as Starlette does); the route's arguments (``response_model``,
  ``responses``, ``openapi_extra``) still document them in OpenAPI.
- `add_routes`: ``app.include_router`` keeps each router as one lazy entry that
  is searched on every request, ~25 µs more per request. The routes of an
  ``APIRouter`` are complete (prefix, tags and responses applied), so they are
  added to the app's own route list instead.
"""

from __future__ import annotations

import inspect

from fastapi import APIRouter, FastAPI, Request
from fastapi.routing import APIRoute
from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["PlainRoute", "add_routes"]


class PlainRoute(APIRoute):
    """An ``APIRoute`` whose endpoint is ``async def endpoint(request) -> Response``."""

    def __init__(self, path: str, endpoint, **kwargs) -> None:
        if not inspect.iscoroutinefunction(endpoint):
            raise TypeError(f"{endpoint!r}: a PlainRoute endpoint is an async def")
        super().__init__(path, endpoint, **kwargs)
        self.app = _call(endpoint)

    def get_route_handler(self):
        # Also what FastAPI calls when the route is reached through include_router.
        return self.endpoint


def _call(endpoint) -> ASGIApp:
    # starlette.routing.request_response, minus its per-route exception
    # handling: the app's ExceptionMiddleware runs the same handlers.
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        response = await endpoint(Request(scope, receive, send))
        await response(scope, receive, send)

    return app


def add_routes(app: FastAPI, router: APIRouter) -> None:
    """Add the routes of `router` to `app` itself (see the module docstring)."""
    app.router.routes.extend(router.routes)
