"""The app plus two experimental routes, served by bench_api.py only.

They answer ``POST /api/softmax``'s body with the probabilities alone, to show
what the full answer (log-probabilities, hard max, entropy, steps) and
FastAPI's per-route machinery each cost:

- ``/bench/lean``: a FastAPI route, as the app's routes are written.
- ``/bench/lean-starlette``: the same as a plain Starlette route (no dependency
  solving, no response-model handling).
- ``/bench/no-steps``: the full answer of ``/api/softmax`` with ``steps`` set to
  null (still computed, so this is conservative): what dropping the seven step
  arrays from large answers would save.
"""

from __future__ import annotations

from fastapi import Request

from app.api.body import parse_json_body
from app.api.encoding import NumpyJSONResponse
from app.api.schemas import SoftmaxRequest
from app.api.softmax import softmax_payload
from app.core import softmax
from app.main import create_app

app = create_app()


async def lean(request: Request) -> NumpyJSONResponse:
    body = await parse_json_body(request, SoftmaxRequest)
    return NumpyJSONResponse({"probabilities": softmax(body.logits, body.temperature)})


async def no_steps(request: Request) -> NumpyJSONResponse:
    body = await parse_json_body(request, SoftmaxRequest)
    payload = softmax_payload(body.logits, body.temperature)
    payload["steps"] = None
    return NumpyJSONResponse(payload)


app.post("/bench/lean")(lean)
app.post("/bench/no-steps")(no_steps)
app.add_route("/bench/lean-starlette", lean, methods=["POST"])
