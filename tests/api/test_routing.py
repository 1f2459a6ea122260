"""app/api/routing.py: a ModelRoute answers its response model, and nothing else."""

from __future__ import annotations

import asyncio
import logging
import re
import warnings

import pytest
from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # fastapi.testclient: "install httpx2"
    from fastapi.testclient import TestClient

from app.api.body import parse_json_body
from app.api.routing import ModelRoute, add_routes
from app.api.turns import LARGE
from app.main import create_app
from app.settings import Settings
from tests.support.asgi import asgi_request
from tests.support.loops import run_in_own_loop


class Echo(BaseModel):
    value: float


class Other(BaseModel):
    value: float


def _client(answer, include_router: bool = False) -> TestClient:
    router = APIRouter(route_class=ModelRoute)

    @router.post("/echo", response_model=Echo)
    async def echo(request: Request) -> Echo:
        body = await parse_json_body(request, Echo)
        return answer(body.value)

    app = create_app(Settings())
    if include_router:  # FastAPI rebuilds an included route from get_route_handler()
        app.include_router(router)
    else:
        add_routes(app, router)
    return TestClient(app, raise_server_exceptions=False)


def test_the_model_is_sent_as_json() -> None:
    r = _client(lambda v: Echo(value=v * 2)).post("/echo", json={"value": 1.5})
    assert (r.status_code, r.headers["content-type"], r.json()) == (
        200,
        "application/json",
        {"value": 3.0},
    )


def test_the_body_is_still_validated() -> None:
    r = _client(lambda v: Echo(value=v)).post("/echo", json={"value": "x"})
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["body", "value"]


@pytest.mark.parametrize("include_router", [False, True])
@pytest.mark.parametrize("answer", [lambda v: Other(value=v), lambda v: {"value": v}])
def test_an_answer_off_the_contract_is_a_500_not_sent(answer, include_router, caplog) -> None:
    client = _client(answer, include_router)
    with caplog.at_level(logging.ERROR, logger="app.errors"):
        r = client.post("/echo", json={"value": 1.0})
    assert r.status_code == 500
    assert r.json() == {
        "detail": [{"loc": [], "msg": "internal server error", "type": "internal_error"}]
    }
    assert "/echo: " in caplog.text and ", not Echo" in caplog.text
    assert client.get("/healthz").status_code == 200


ALONE = "needs an endpoint that takes the Request alone"


def _deny() -> None:
    raise AssertionError("never called: the route is refused first")


@pytest.mark.parametrize(
    ("path", "options", "problem"),
    [
        ("/sync", {}, "needs an async endpoint"),
        ("/items/{name}", {}, ALONE + " (no parameters, no dependencies)"),
        ("/guarded", {"dependencies": [Depends(_deny)]}, ALONE),
        ("/created", {"status_code": 201}, "answers 200 and leaves body limits to app.api.body"),
        ("/small", {"max_body_size": 10}, "answers 200 and leaves body limits"),
    ],
)
def test_what_fastapi_would_do_instead_is_refused_when_the_route_is_made(
    path, options, problem
) -> None:
    router = APIRouter(route_class=ModelRoute)

    async def takes_the_request(request: Request) -> Echo:
        return Echo(value=1.0)

    def sync(request: Request) -> Echo:
        return Echo(value=1.0)

    async def item(request: Request, name: str) -> Echo:
        return Echo(value=1.0)

    endpoint = {"/sync": sync, "/items/{name}": item}.get(path, takes_the_request)
    with pytest.raises(TypeError, match=re.escape(f"{path}: a ModelRoute {problem}")):
        router.add_api_route(path, endpoint, methods=["POST"], response_model=Echo, **options)


def test_a_model_route_needs_a_response_model() -> None:
    router = APIRouter(route_class=ModelRoute)
    with pytest.raises(TypeError, match="/bare: a ModelRoute needs a pydantic response_model"):

        @router.post("/bare")
        async def bare(request: Request) -> dict:
            return {}


def test_every_json_endpoint_of_the_api_is_a_model_route() -> None:
    # Endpoints that read the Request themselves must have their answer checked here.
    app = create_app(Settings())
    posts = [r for r in app.routes if "POST" in getattr(r, "methods", ())]
    assert {r.path for r in posts} >= {"/api/softmax", "/api/cross-entropy", "/api/sample"}
    assert [r.path for r in posts if not isinstance(r, ModelRoute)] == []


def test_large_requests_take_turns_through_the_route_and_small_ones_do_not() -> None:
    async def most_at_once(padding: int) -> tuple[list[int], int]:
        active, most = 0, 0
        router = APIRouter(route_class=ModelRoute)

        @router.post("/hold", response_model=Echo)
        async def hold(request: Request) -> Echo:
            nonlocal active, most
            body = await parse_json_body(request, Echo)
            active += 1
            most = max(most, active)
            await asyncio.sleep(0.05)
            active -= 1
            return Echo(value=body.value)

        app = create_app(Settings())
        add_routes(app, router)
        body = b'{"value": 1}' + b" " * padding
        statuses = await asyncio.gather(
            *(asgi_request(app, "POST", "/hold", body) for _ in range(3))
        )
        return list(statuses), most

    assert run_in_own_loop(lambda: most_at_once(LARGE + 1)) == ([200] * 3, 1)
    assert run_in_own_loop(lambda: most_at_once(0)) == ([200] * 3, 3)
