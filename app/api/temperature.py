"""``POST /api/temperature``: one logit vector at many temperatures."""

from __future__ import annotations

import math

from fastapi import APIRouter, Request

from app.api.body import parse_json_body, request_body
from app.api.errors import ERROR_RESPONSES
from app.api.limits import check_count
from app.api.routing import ModelRoute
from app.api.schemas import TemperatureRequest, TemperatureResponse
from app.core import temperature_sweep

router = APIRouter(prefix="/api", tags=["temperature"], route_class=ModelRoute)

EXAMPLES = {
    "food": {"logits": [4, 2, -1], "temperatures": [0, 0.3, 1, 3, 10]},
}


@router.post(
    "/temperature",
    response_model=TemperatureResponse,
    responses=ERROR_RESPONSES,
    openapi_extra=request_body(TemperatureRequest, EXAMPLES),
    summary="Probabilities and entropy against temperature",
)
async def post_temperature(request: Request) -> TemperatureResponse:
    """One row of probabilities per temperature: the data for a probability-vs-T plot."""
    body = await parse_json_body(request, TemperatureRequest)
    check_count(request, "temperatures", len(body.logits) * len(body.temperatures))
    sweep = temperature_sweep(body.logits, body.temperatures)
    return TemperatureResponse(
        temperatures=sweep.temperatures.tolist(),
        probabilities=sweep.probabilities.tolist(),
        entropy=sweep.entropy.tolist(),
        max_entropy=math.log(len(body.logits)),
    )
