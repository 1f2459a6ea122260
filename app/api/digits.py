"""``POST /api/digits/predict`` and ``GET /api/digits``: the handwritten-digits model.

Softmax regression on 8x8 images of block counts (0 to 16), trained by
scripts/train_digits.py with the core's gradient descent; its weights ship in
app/data/digits_weights.json.
"""

from __future__ import annotations

import numpy as np
from fastapi import APIRouter, Request

from app.api.body import parse_json_body, request_body
from app.api.classifier_schemas import DigitsModelResponse, DigitsRequest, DigitsResponse
from app.api.encoding import validated
from app.api.errors import ERROR_RESPONSES
from app.api.routing import ModelRoute
from app.core import argmax, softmax
from app.core.regression import regression_logits
from app.datasets import digit_samples, digits_model

router = APIRouter(prefix="/api", tags=["digits"], route_class=ModelRoute)

ONE = [0, 0, 0, 12, 13, 5, 0, 0, 0, 0, 0, 11, 16, 9, 0, 0, 0, 0, 3, 15, 16, 6, 0, 0, 0, 7, 15,
       16, 16, 2, 0, 0, 0, 0, 1, 16, 16, 3, 0, 0, 0, 0, 1, 16, 16, 6, 0, 0, 0, 0, 1, 16, 16, 6,
       0, 0, 0, 0, 0, 11, 16, 10, 0, 0]  # fmt: skip
EXAMPLES = {"a one": {"pixels": ONE}, "a one, hotter": {"pixels": ONE, "temperature": 3}}


def _model() -> tuple[np.ndarray, np.ndarray]:
    model = digits_model()
    return np.asarray(model["weights"]), np.asarray(model["bias"])


def predict(pixels: list, temperature: float = 1.0) -> dict:
    """Logits, probabilities and argmax of one image (64 values) or a batch of them."""
    weights, bias = _model()
    x = np.asarray(pixels, dtype=np.float64)
    logits = regression_logits(np.atleast_2d(x), weights, bias)
    if x.ndim == 1:
        logits = logits[0]
    return {
        "logits": logits,
        "probabilities": softmax(logits, temperature),
        "argmax": argmax(logits),
        "temperature": temperature,
    }


@router.post(
    "/digits/predict",
    response_model=DigitsResponse,
    responses=ERROR_RESPONSES,
    openapi_extra=request_body(DigitsRequest, EXAMPLES),
    summary="Which digit: softmax regression on an 8x8 image of block counts",
)
async def post_digits_predict(request: Request) -> DigitsResponse:
    body = await parse_json_body(request, DigitsRequest)
    return validated(DigitsResponse, predict(body.pixels, body.temperature))


@router.get(
    "/digits",
    response_model=DigitsModelResponse,
    summary="The digits model: weights (one 8x8 image per digit), accuracy, sample images",
)
async def get_digits(request: Request) -> DigitsModelResponse:
    model = digits_model()
    keys = ("weights", "bias", "held_out_accuracy", "held_out_rows", "train_rows", "source")
    data = {**{k: model[k] for k in keys}, "samples": digit_samples()}
    return validated(DigitsModelResponse, data)
