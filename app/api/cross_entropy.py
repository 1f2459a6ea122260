"""``POST /api/cross-entropy``: loss and its gradient with respect to the logits."""

from __future__ import annotations

import numpy as np
from fastapi import APIRouter, Request

from app.api.body import parse_json_body, request_body
from app.api.errors import ERROR_RESPONSES, ApiError
from app.api.limits import check_count, size
from app.api.routing import ModelRoute
from app.api.schemas import CrossEntropyRequest, CrossEntropyResponse
from app.core import cross_entropy

router = APIRouter(prefix="/api", tags=["cross-entropy"], route_class=ModelRoute)

EXAMPLES = {
    "pizza is right": {"logits": [4, 2, -1], "target": 0},
    "salad is right, hotter": {"logits": [4, 2, -1], "target": 2, "temperature": 2},
    "soft target, smoothing": {
        "logits": [4, 2, -1],
        "target": [0.7, 0.2, 0.1],
        "label_smoothing": 0.1,
    },
    "weighted batch": {
        "logits": [[4, 2, -1], [0, 1, 2]],
        "target": [0, 2],
        "weight": [1, 2, 3],
        "reduction": "mean",
    },
}


@router.post(
    "/cross-entropy",
    response_model=CrossEntropyResponse,
    responses=ERROR_RESPONSES,
    openapi_extra=request_body(CrossEntropyRequest, EXAMPLES),
    summary="Cross-entropy (as torch computes it) and its gradient",
)
async def post_cross_entropy(request: Request) -> CrossEntropyResponse:
    """Loss of ``softmax(logits / T)`` against the target; gradient ``(p - y) / T`` when plain."""
    body = await parse_json_body(request, CrossEntropyRequest)
    check_count(request, "logits", size(body.logits))
    result = _cross_entropy(body)
    if not np.isfinite(result.loss).all():
        raise _loss_overflow(body)  # refused rather than sent as null
    if not np.isfinite(result.gradient).all():
        # The true gradient exceeds 1.8e308 (e.g. (p - y) / T at T = 5e-324, or
        # weights near 1e308 with reduction "sum"): refuse rather than send null.
        field = "temperature" if body.temperature < 1.0 else "weight"
        raise ApiError(
            422,
            ["body", field],
            "the gradient is too large for float64 (beyond 1.8e308): "
            "use a larger temperature or smaller weights",
            "gradient_overflow",
        )
    return CrossEntropyResponse(
        loss=result.loss.tolist(),
        probabilities=result.probabilities.tolist(),
        gradient=result.gradient.tolist(),
        reduction=body.reduction,
        temperature=body.temperature,
    )


def _cross_entropy(body: CrossEntropyRequest, **overrides):
    """The core's cross-entropy of the request, with some arguments replaced."""
    arguments = {
        "temperature": body.temperature,
        "label_smoothing": body.label_smoothing,
        "weight": body.weight,
        "reduction": body.reduction,
    }
    return cross_entropy(body.logits, body.target, **{**arguments, **overrides})


def _loss_overflow(body: CrossEntropyRequest) -> ApiError:
    """The 422 for a loss float64 cannot hold, naming what made it so.

    The weights, if the loss is finite without them (the core has already
    tried scaling them first, so the weighted loss is beyond 1.8e308); else a
    target class has probability 0 in float64: its logit is so far below the
    others at this T that the loss, or -log p on the way to it, is beyond
    float64.
    """
    if body.weight is not None:
        unweighted = _cross_entropy(body, weight=None, probabilities=False)
        if np.isfinite(unweighted.loss).all():
            return ApiError(
                422,
                ["body", "weight"],
                "the loss is beyond float64 (above 1.8e308) with these weights: "
                "use smaller weights",
                "loss_overflow",
            )
    return ApiError(
        422,
        ["body", "target"],
        "the loss cannot be computed in float64: a target class has probability 0 "
        "(its logit is too far below the others at this temperature)",
        "loss_overflow",
    )
