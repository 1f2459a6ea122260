"""One error format for every 4xx: ``{"detail": [{"loc", "msg", "type"}]}``.

FastAPI's default validation handler echoes the offending input, which fails to
encode when that input is NaN (a 500); these handlers never echo input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from app.api.messages import reworded
from app.core import CoreInputError

# Tags of the 1-D / 2-D union members (see schemas.Logits); they are not
# fields, so they are dropped from error locations.
_UNION_TAGS = {"vector", "batch", "index", "indices", "probabilities", "rows"}
# An unknown key is named back only when it is short and plain; anything else a
# client sent (a 1 MB key, markup) is never echoed.
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
UNKNOWN_FIELD = "an unknown field"


class ErrorItem(BaseModel):
    """One problem with the request."""

    loc: list[str | int]
    msg: str
    type: str


class ErrorResponse(BaseModel):
    """Every 4xx answer has this shape."""

    detail: list[ErrorItem]


class ApiError(Exception):
    """An error with a status code and a location, raised by routes and body parsing."""

    def __init__(self, status: int, loc: Sequence[str | int], msg: str, type_: str) -> None:
        super().__init__(msg)
        self.status = status
        self.items = [{"loc": list(loc), "msg": msg, "type": type_}]


def error_response(status: int, items: Iterable[dict[str, Any]]) -> Response:
    return Response(
        orjson.dumps({"detail": list(items)}), status_code=status, media_type="application/json"
    )


def clean_validation_errors(
    errors: Iterable[Any], prefix: tuple[str, ...] = (), fields: Sequence[str] = ()
) -> list[dict]:
    """Keep loc, msg and type of pydantic errors; drop input, context and union tags.

    `fields` are the request model's fields, named in the message of an unknown
    one. Where pydantic's message reads like its internals, ours replaces it
    (`app.api.messages`); loc and type stay pydantic's.
    """
    cleaned = []
    for err in errors:
        loc = [_named(part) for part in err["loc"] if part not in _UNION_TAGS]
        if err["type"] == "json_invalid":
            loc = []
        msg = reworded(err, fields)
        cleaned.append({"loc": [*prefix, *loc], "msg": msg, "type": err["type"]})
    return cleaned


def is_plain_name(text: str) -> bool:
    """Whether `text` may be named back to the client (a plain identifier, at most 64 chars)."""
    return _PLAIN_NAME.fullmatch(text) is not None


def _named(part: str | int) -> str | int:
    if isinstance(part, str) and not is_plain_name(part):
        return UNKNOWN_FIELD
    return part


async def _validation_handler(request: Request, exc: RequestValidationError) -> Response:
    return error_response(422, clean_validation_errors(exc.errors()))


async def _core_handler(request: Request, exc: CoreInputError) -> Response:
    return error_response(
        422, [{"loc": ["body", exc.field], "msg": exc.message, "type": "value_error"}]
    )


async def _api_handler(request: Request, exc: ApiError) -> Response:
    return error_response(exc.status, exc.items)


async def _http_handler(request: Request, exc: StarletteHTTPException) -> Response:
    response = error_response(
        exc.status_code, [{"loc": [], "msg": _http_message(exc), "type": "http_error"}]
    )
    for key, value in (exc.headers or {}).items():
        response.headers[key] = value
    return response


def _http_message(exc: StarletteHTTPException) -> str:
    """Starlette's detail, except its bare "Not Found" and "Method Not Allowed"."""
    allowed = (exc.headers or {}).get("Allow")
    if exc.status_code == 404 and exc.detail == "Not Found":
        return "no page, file or API endpoint at this path"
    if exc.status_code == 405 and exc.detail == "Method Not Allowed" and allowed:
        return f"method not allowed: this path takes {allowed}"
    return str(exc.detail)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation_handler)
    app.add_exception_handler(CoreInputError, _core_handler)
    app.add_exception_handler(ApiError, _api_handler)
    app.add_exception_handler(StarletteHTTPException, _http_handler)


# Documented on every POST route, so clients (and schemathesis) know them.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    408: {"model": ErrorResponse, "description": "The body did not arrive in time"},
    413: {"model": ErrorResponse, "description": "Body or number of values over the limits"},
    415: {"model": ErrorResponse, "description": "Content-Type is not application/json"},
    422: {
        "model": ErrorResponse,
        "description": "Invalid JSON, a wrong field, or a value out of range",
    },
}
