"""How the API's routes are served: added straight to the app, and called without detours.

``app.include_router`` keeps each router as one lazy entry that is searched on
every request (FastAPI 0.165: ~25 µs more per request). The routes of an
``APIRouter`` are complete (prefix, tags and responses applied), so they are
added to the app's own route list instead.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.requests import Request
from starlette.routing import request_response

from app.api.encoding import NumpyJSONResponse
from app.api.turns import is_large, large_turn

__all__ = ["ModelRoute", "add_routes"]

Endpoint = Callable[[Request], Awaitable[BaseModel]]


def add_routes(app: FastAPI, router: APIRouter) -> None:
    """Add the routes of `router` to `app` itself (see the module docstring)."""
    app.router.routes.extend(router.routes)


class ModelRoute(APIRoute):
    """A route whose endpoint reads the request itself and returns its response model.

    The JSON endpoints validate their body with pydantic (`app.api.body`) and
    build their response model, which pydantic validates. FastAPI's handler
    around them solves dependencies they do not have and opens two exit stacks:
    a quarter of a 3-logit softmax request (benchmarks/README.md). This route
    calls the endpoint directly, refuses anything but an instance of exactly the
    declared ``response_model``, and encodes it with orjson. OpenAPI is
    FastAPI's, from the same route. What FastAPI's handler would do instead
    (dependencies, parameters, another status code, a body limit) is refused
    when the route is made; with ``SOFTMAX_OPENTELEMETRY=1`` these routes give
    the server's span only, without FastAPI's child spans.
    """

    def __init__(self, path: str, endpoint: Endpoint, **kwargs) -> None:
        super().__init__(path, endpoint, **kwargs)
        problem = _unsupported(self)
        if problem:
            raise TypeError(f"{path}: a ModelRoute {problem}")
        self.app = request_response(self.get_route_handler())

    def get_route_handler(self) -> Callable:
        # Also what include_router rebuilds a route from.
        return _encoding(self.endpoint, self.response_model)


def _unsupported(route: APIRoute) -> str:
    """What `route` asks of FastAPI's handler that a ModelRoute does not do, or ""."""
    model, d = route.response_model, route.dependant
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return "needs a pydantic response_model"
    if not inspect.iscoroutinefunction(route.endpoint):
        return "needs an async endpoint"
    params = (d.path_params, d.query_params, d.header_params, d.cookie_params, d.body_params)
    if any(params) or d.dependencies or d.request_param_name is None:
        return "needs an endpoint that takes the Request alone (no parameters, no dependencies)"
    if route.status_code not in (None, 200) or getattr(route, "max_body_size", None) is not None:
        return "answers 200 and leaves body limits to app.api.body"
    return ""


def _encoding(endpoint: Endpoint, model: type[BaseModel]) -> Callable:
    """`endpoint`, with its model checked and encoded as the JSON response."""

    async def answer(request: Request) -> NumpyJSONResponse:
        result = await endpoint(request)
        if type(result) is not model:  # a 500: an answer off the contract is a bug
            wrong = type(result).__name__
            raise TypeError(f"{request.url.path}: {wrong}, not {model.__name__}")
        return NumpyJSONResponse(result)

    async def respond(request: Request) -> NumpyJSONResponse:
        if not is_large(request.scope):  # the page's requests: no turn to enter (~2 µs)
            return await answer(request)
        async with large_turn(request.scope):  # read, compute and encode; sent after
            return await answer(request)

    return respond
