"""``POST /api/softmax``: probabilities, log-probabilities, hard max and the steps between."""

from __future__ import annotations

import math

import numpy as np
from fastapi import APIRouter, Request

from app import report_short
from app.api.body import parse_json_body, request_body
from app.api.errors import ERROR_RESPONSES
from app.api.limits import check_count
from app.api.routing import ModelRoute
from app.api.schemas import STEPS_MAX_CLASSES, STEPS_MAX_VALUES, SoftmaxRequest, SoftmaxResponse
from app.report import softmax_response

router = APIRouter(prefix="/api", tags=["softmax"], route_class=ModelRoute)

EXAMPLES = {
    "food": {"logits": [4, 2, -1], "temperature": 1},
    "weather, hotter": {"logits": [5.2, 0.8, -3.1], "temperature": 3},
    "batch": {"logits": [[4, 2, -1], [1, 1, 1]]},
    "hard max": {"logits": [3, 3, 1], "temperature": 0},
    "without steps": {"logits": [2.5, 0.3, -1.2, 0.8], "steps": False},
}


def wants_steps(asked: bool | None, shape: tuple[int, ...]) -> bool:
    """The request's `steps`, or by default: only for answers small enough to read."""
    if asked is not None:
        return asked
    return shape[-1] <= STEPS_MAX_CLASSES and math.prod(shape) <= STEPS_MAX_VALUES


@router.post(
    "/softmax",
    response_model=SoftmaxResponse,
    responses=ERROR_RESPONSES,
    openapi_extra=request_body(SoftmaxRequest, EXAMPLES),
    summary="Softmax of one vector or a batch of rows, with temperature",
)
async def post_softmax(request: Request) -> SoftmaxResponse:
    """``softmax(z / T)`` along the last axis; T = 0 gives the hard max.

    Log-probabilities that are minus infinity (probability exactly 0) are sent as null.
    `steps` comes with small answers (see the request's `steps` field).
    """
    body = await parse_json_body(request, SoftmaxRequest)
    z = np.array(body.logits, dtype=np.float64)
    check_count(request, "logits", z.size)
    t = body.temperature + 0.0  # -0.0 is T = 0, answered without its sign
    steps = wants_steps(body.steps, z.shape)
    if report_short.applies(z, t):  # a few logits: the same answer without numpy's per-call cost
        return report_short.softmax_response(z.tolist(), t, steps=steps)
    return softmax_response(z, t, steps=steps)
