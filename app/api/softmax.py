"""``POST /api/softmax``: probabilities, log-probabilities, hard max and the steps between."""

from __future__ import annotations

from typing import Any

import numpy as np
from fastapi import APIRouter, Request

from app.api.body import parse_json_body, request_body
from app.api.encoding import NumpyJSONResponse
from app.api.errors import ERROR_RESPONSES
from app.api.limits import check_count, size
from app.api.schemas import SoftmaxRequest, SoftmaxResponse
from app.core import argmax, entropy, hardmax, log_softmax, sigmoid, softmax, softmax_steps

router = APIRouter(prefix="/api", tags=["softmax"])

EXAMPLES = {
    "food": {"logits": [4, 2, -1], "temperature": 1},
    "weather, hotter": {"logits": [5.2, 0.8, -3.1], "temperature": 3},
    "batch": {"logits": [[4, 2, -1], [1, 1, 1]]},
    "hard max": {"logits": [3, 3, 1], "temperature": 0},
}


def softmax_payload(logits: list, temperature: float) -> dict[str, Any]:
    """Everything the page shows about ``softmax(logits, temperature)``."""
    z = np.asarray(logits, dtype=np.float64)
    t = temperature
    p = softmax(z, t)
    logp = log_softmax(z, t)
    payload: dict[str, Any] = {
        "probabilities": p,
        "log_probabilities": logp,
        "hardmax": hardmax(z),
        "argmax": argmax(z),
        "entropy": entropy(p, logp),
        "entropy_bits": entropy(p, logp, base=2),
        "max_entropy": float(np.log(z.shape[-1])),
        "temperature": t,
        "steps": None,
        "two_class": None,
    }
    if t > 0:
        payload["steps"] = vars(softmax_steps(z, t))
        if z.shape[-1] == 2:
            with np.errstate(over="ignore"):  # inf is the exact limit; sigmoid(inf) = 1
                difference = (z[..., 0] - z[..., 1]) / t
            payload["two_class"] = {"difference": difference, "sigmoid": sigmoid(difference)}
    return payload


@router.post(
    "/softmax",
    response_model=SoftmaxResponse,
    responses=ERROR_RESPONSES,
    openapi_extra=request_body(SoftmaxRequest, EXAMPLES),
    summary="Softmax of one vector or a batch of rows, with temperature",
)
async def post_softmax(request: Request) -> NumpyJSONResponse:
    """``softmax(z / T)`` along the last axis; T = 0 gives the hard max.

    Log-probabilities that are minus infinity (probability exactly 0) are sent as null.
    """
    body = await parse_json_body(request, SoftmaxRequest)
    check_count(request, "logits", size(body.logits))
    return NumpyJSONResponse(softmax_payload(body.logits, body.temperature))
