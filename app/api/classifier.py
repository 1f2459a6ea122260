"""``POST /api/classifier/step``: gradient-descent steps of softmax regression, statelessly.

The client holds the model (W, b) and sends it with the data; the answer is the
model after the steps, the objective along the way and the accuracy.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from threadpoolctl import ThreadpoolController

from app.api.body import parse_json_body, request_body
from app.api.classifier_schemas import ClassifierStepRequest, ClassifierStepResponse
from app.api.encoding import validated
from app.api.errors import ERROR_RESPONSES
from app.api.routing import ModelRoute
from app.core.regression import regression_steps

router = APIRouter(prefix="/api", tags=["classifier"], route_class=ModelRoute)

EXAMPLES = {
    "one step from zero": {
        "x": [[1.0, 2.0], [2.0, 0.5], [-1.0, -1.5]],
        "y": [0, 1, 2],
        "weights": [[0, 0], [0, 0], [0, 0]],
        "bias": [0, 0, 0],
        "learning_rate": 0.5,
    },
    "ten steps, hotter, with L2": {
        "x": [[1.0, 2.0], [2.0, 0.5], [-1.0, -1.5]],
        "y": [0, 1, 2],
        "weights": [[0.1, 0.2], [0.3, -0.1], [-0.2, 0]],
        "bias": [0, 0.1, -0.1],
        "learning_rate": 0.5,
        "steps": 10,
        "temperature": 2,
        "l2": 0.01,
    },
}
# The steps multiply tall, thin matrices (N x D by D x K). OpenBLAS splits those over
# threads, which on a busy machine made 10 steps on 5,000 points 6x slower (~140 ms
# against ~24 ms with one thread, load average 15 on 2 cores); see benchmarks/README.md.
_BLAS = ThreadpoolController()
# Above this many multiply-adds the steps run in a worker thread (numpy releases
# the GIL), so a large request does not hold up the small ones.
_THREAD_WORK = 2_000_000


def _steps(body: ClassifierStepRequest, arguments: dict):
    with _BLAS.limit(limits=1, user_api="blas"):
        return regression_steps(body.x, body.y, body.weights, body.bias, **arguments)


@router.post(
    "/classifier/step",
    response_model=ClassifierStepResponse,
    responses=ERROR_RESPONSES,
    openapi_extra=request_body(ClassifierStepRequest, EXAMPLES),
    summary="Gradient-descent steps of softmax regression (the client holds W and b)",
)
async def post_classifier_step(request: Request) -> ClassifierStepResponse:
    """Steps on ``mean CE(softmax((W x + b) / T), y) + (l2 / 2) sum W^2``."""
    body = await parse_json_body(request, ClassifierStepRequest)
    arguments = {
        "learning_rate": body.learning_rate,
        "steps": body.steps,
        "temperature": body.temperature,
        "l2": body.l2,
    }
    work = body.steps * len(body.x) * len(body.x[0]) * len(body.bias)
    if work > _THREAD_WORK:
        result = await run_in_threadpool(_steps, body, arguments)
    else:
        result = _steps(body, arguments)
    fields = ("weights", "bias", "losses", "accuracy")
    data = {name: getattr(result, name) for name in fields}
    return validated(ClassifierStepResponse, data)
