"""Reading a JSON body: size limit while reading, strict parsing, documented in OpenAPI.

FastAPI's own body parsing uses ``json.loads``, which accepts NaN and
Infinity and raises RecursionError on deeply nested input. pydantic's JSON
parser rejects both and is faster, so bodies are read here instead.
"""

from __future__ import annotations

from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError
from starlette.requests import ClientDisconnect

from app.api.errors import ApiError, clean_validation_errors

M = TypeVar("M", bound=BaseModel)


def _too_big(limit: int) -> ApiError:
    return ApiError(413, ["body"], f"request body is larger than {limit} bytes", "body_too_large")


async def _read_limited(request: Request, declared: bytes | None, limit: int) -> bytes:
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_big(limit)
    receive = request.receive
    chunks: list[bytes] = []
    size = 0
    while True:  # Request.stream(), minus an async generator: ~3 µs a request
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientDisconnect
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:  # stop reading: a 50 MB body is never held whole
            raise _too_big(limit)
        if not message.get("more_body", False):
            if not chunks:
                return chunk  # the usual case: the whole body in one message
            chunks.append(chunk)
            return b"".join(chunks)
        chunks.append(chunk)


async def read_json_body(request: Request) -> bytes:
    """The raw body of a JSON request, or an `ApiError` (413 too large, 415 not JSON)."""
    content_type = declared = None
    for key, value in request.scope["headers"]:  # one pass, no Headers object; the first wins
        if key == b"content-type" and content_type is None:
            content_type = value
        elif key == b"content-length" and declared is None:
            declared = value
    if (content_type or b"").split(b";", 1)[0].strip().lower() != b"application/json":
        raise ApiError(
            415, ["header", "content-type"], "must be application/json", "unsupported_media_type"
        )
    settings = request.app.state.settings
    raw = await _read_limited(request, declared, settings.max_body_bytes)
    # Far more commas than twice the number limit means far too many items, refused
    # before parsing them (a batch adds at most one comma per row).
    limit = 2 * settings.max_numbers + 64
    if len(raw) > limit and raw.count(b",") > limit:  # a shorter body has fewer commas
        raise ApiError(
            413,
            ["body"],
            f"more items than the limit of {settings.max_numbers} values allows",
            "too_many_values",
        )
    return raw


def validate_json(raw: bytes, model: type[M]) -> M:
    """`raw` validated as `model`, or an `ApiError` 422 with pydantic's errors."""
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise _validation_error(exc, model) from None


async def parse_json_body(request: Request, model: type[M]) -> M:
    """Validate the request body as `model`, or raise an `ApiError` (413, 415, 422)."""
    return validate_json(await read_json_body(request), model)


def _validation_error(exc: ValidationError, model: type[BaseModel]) -> ApiError:
    err = ApiError(422, ["body"], "invalid body", "value_error")
    # Input and context shape the message only; clean_validation_errors drops them.
    err.items = clean_validation_errors(
        exc.errors(include_url=False), ("body",), tuple(model.model_fields)
    )
    return err


def request_body(model: type[BaseModel], examples: dict[str, Any]) -> dict[str, Any]:
    """``openapi_extra`` documenting `model` as the JSON request body, with examples."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": schema,
                    "examples": {name: {"value": value} for name, value in examples.items()},
                }
            },
        }
    }
