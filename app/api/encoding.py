"""JSON responses encoded by orjson, from validated response models.

orjson writes non-finite floats as ``null``: the documented encoding of -inf
log-probabilities. The core never produces NaN (tested), so null always
means an infinity.
"""

from __future__ import annotations

from typing import Any, TypeVar

import numpy as np
import orjson
from pydantic import BaseModel
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

_OPTIONS = orjson.OPT_SERIALIZE_NUMPY
# Bytes per body message of a large answer (see NumpyJSONResponse.__call__).
PIECE = 256 * 1024


def _fallback(obj: Any) -> Any:
    # A model's fields, already validated, without model_dump's copy of every list.
    if isinstance(obj, BaseModel):
        return obj.__dict__
    if isinstance(obj, np.ndarray | np.generic):
        return obj.tolist()
    raise TypeError(f"cannot encode {type(obj).__name__} as JSON")


M = TypeVar("M", bound=BaseModel)


def validated(model: type[M], data: dict[str, Any]) -> M:
    """`data` as the response model `model`, validated; numpy values become lists first."""
    return model.model_validate(
        {k: v.tolist() if isinstance(v, np.ndarray | np.generic) else v for k, v in data.items()}
    )


class NumpyJSONResponse(Response):
    """An orjson answer; one larger than `PIECE` goes out in pieces of that size.

    Between pieces the server waits while the client is slow to read, instead of
    holding the whole unsent answer in its socket buffer, which Python 3.11's
    asyncio also shifts by memmove after every send (quadratic in its size).
    """

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, default=_fallback, option=_OPTIONS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = self.body
        if len(body) <= PIECE:
            await super().__call__(scope, receive, send)
            return
        start = {"type": "http.response.start", "status": self.status_code}
        await send({**start, "headers": self.raw_headers})
        for at in range(0, len(body), PIECE):
            more = at + PIECE < len(body)
            piece = body[at : at + PIECE]
            await send({"type": "http.response.body", "body": piece, "more_body": more})
