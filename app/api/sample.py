"""``POST /api/sample``: reproducible draws from the softmax, with top-k / top-p."""

from __future__ import annotations

from fastapi import APIRouter, Request

from app.api.body import parse_json_body, request_body
from app.api.errors import ERROR_RESPONSES, ApiError
from app.api.limits import check_count
from app.api.routing import ModelRoute
from app.api.schemas import SampleRequest, SampleResponse
from app.core import sample

router = APIRouter(prefix="/api", tags=["sampling"], route_class=ModelRoute)

EXAMPLES = {
    "food": {"logits": [4, 2, -1], "n": 1000, "seed": 0},
    "next token, nucleus": {
        "logits": [3.2, 2.5, 2.1, 0.9, 0.3, -1.5],
        "temperature": 0.8,
        "n": 500,
        "seed": 7,
        "top_p": 0.9,
    },
}


@router.post(
    "/sample",
    response_model=SampleResponse,
    responses=ERROR_RESPONSES,
    openapi_extra=request_body(SampleRequest, EXAMPLES),
    summary="Draw n classes from the softmax (same seed, same counts)",
)
async def post_sample(request: Request) -> SampleResponse:
    """Temperature first, then top-k, then top-p, then renormalise and draw."""
    body = await parse_json_body(request, SampleRequest)
    check_count(request, "logits", len(body.logits))
    limit = request.app.state.settings.max_samples
    if body.n > limit:
        raise ApiError(422, ["body", "n"], f"must be <= {limit}", "less_than_equal")
    result = sample(
        body.logits,
        temperature=body.temperature,
        n=body.n,
        seed=body.seed,
        top_k=body.top_k,
        top_p=body.top_p,
    )
    return SampleResponse(
        probabilities=result.probabilities.tolist(),
        counts=result.counts.tolist(),
        n=body.n,
        seed=result.seed,
    )
