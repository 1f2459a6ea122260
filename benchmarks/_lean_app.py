"""The app plus one experimental route, served by bench_api.py only.

``GET /bench/trivial`` answers a constant, as a plain Starlette route (no
dependency solving, no response model): the least any route on this server
costs. ``GET /healthz`` is an ordinary FastAPI route; comparing the two shows
how much of the baseline is FastAPI's per-route machinery.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from app.main import create_app

app = create_app()


async def trivial(request: Request) -> Response:
    return Response(b'{"status":"ok"}', media_type="application/json")


app.add_route("/bench/trivial", trivial, methods=["GET"])
