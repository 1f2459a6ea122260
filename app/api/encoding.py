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

_OPTIONS = orjson.OPT_SERIALIZE_NUMPY


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
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, default=_fallback, option=_OPTIONS)
