"""``POST /api/softmax``: probabilities, log-probabilities, hard max and the steps between."""

from __future__ import annotations

import math
import struct
from itertools import chain

import numpy as np
import orjson
from fastapi import APIRouter, Request

from app.api.body import read_json_body, request_body, validate_json
from app.api.encoding import NumpyJSONResponse
from app.api.errors import ERROR_RESPONSES
from app.api.limits import check_count
from app.api.routing import PlainRoute
from app.api.schemas import (
    STEPS_MAX_CLASSES,
    STEPS_MAX_VALUES,
    SoftmaxRequest,
    SoftmaxResponse,
)
from app.core.steps import softmax_report

router = APIRouter(prefix="/api", tags=["softmax"], route_class=PlainRoute)

EXAMPLES = {
    "food": {"logits": [4, 2, -1], "temperature": 1},
    "weather, hotter": {"logits": [5.2, 0.8, -3.1], "temperature": 3},
    "batch": {"logits": [[4, 2, -1], [1, 1, 1]]},
    "hard max": {"logits": [3, 3, 1], "temperature": 0},
    "without steps": {"logits": [2.5, 0.3, -1.2, 0.8], "steps": False},
}


# Bodies at least this large are parsed by `_parse_large` (~1000 logits and up).
LARGE_BODY_BYTES = 4096
_LARGE_KEYS = frozenset({"logits", "temperature"})


def _parse_large(raw: bytes) -> tuple[np.ndarray, float] | None:
    """Logits and T of a plain valid request, parsed straight into an ndarray; else None.

    pydantic builds and checks a Python float per logit (~35 ns each) and the
    core then copies them into an array (~13 ns); orjson plus ``struct`` take
    about a third. This accepts only what `SoftmaxRequest` accepts, and less:
    anything else (a string, boolean or null anywhere, a key other than logits
    and temperature, ragged rows, T < 0, JSON orjson refuses) is left to
    pydantic, which also words the error.
    """
    try:
        data = orjson.loads(raw)  # no NaN, Infinity or 1e400: those are errors here
    except orjson.JSONDecodeError:
        return None
    if type(data) is not dict or not data.keys() <= _LARGE_KEYS:
        return None
    logits, t = data.get("logits"), data.get("temperature", 1.0)
    if type(logits) is not list or not logits or type(t) not in (float, int) or not t >= 0:
        return None
    # struct packs True as 1.0, the schema refuses booleans. No key allowed
    # has an f, so an f means false; "temperature" has the only u a key can
    # have, so a second u (or one without it) may be true. Single bytes are
    # memchr-fast: searching for the words took 9 us in 9 KB.
    u = raw.find(b"u")
    if b"f" in raw or (u != -1 and ("temperature" not in data or raw.find(b"u", u + 1) != -1)):
        return None
    if type(logits[0]) is list:
        k = len(logits[0])
        if not k or any(type(row) is not list or len(row) != k for row in logits):
            return None
        z = np.empty((len(logits), k))
        values = chain.from_iterable(logits)
    else:
        z = np.empty(len(logits))
        values = logits
    try:
        # Straight into the array's buffer: 4 us for 1000 floats where
        # np.array(list) takes 10, and strings, null and deeper lists are errors.
        struct.pack_into(f"{z.size}d", z, 0, *values)
        t = float(t)
    except (struct.error, OverflowError, TypeError):  # ints beyond float64 too
        return None
    return z, t


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
async def post_softmax(request: Request) -> NumpyJSONResponse:
    """``softmax(z / T)`` along the last axis; T = 0 gives the hard max.

    Log-probabilities that are minus infinity (probability exactly 0) are sent as null.
    `steps` comes with small answers (see the request's `steps` field).
    """
    raw = await read_json_body(request)
    parsed = _parse_large(raw) if len(raw) >= LARGE_BODY_BYTES else None
    if parsed is not None:
        logits, t, asked = *parsed, None
        shape = logits.shape
    else:
        body = validate_json(raw, SoftmaxRequest)
        logits, t, asked = body.logits, body.temperature, body.steps
        shape = (len(logits), len(logits[0])) if isinstance(logits[0], list) else (len(logits),)
    check_count(request, "logits", math.prod(shape))
    report = softmax_report(logits, t, steps=wants_steps(asked, shape))
    return NumpyJSONResponse(report)  # orjson writes the dataclasses field by field
