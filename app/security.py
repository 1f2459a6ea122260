"""Security headers, a request id and a bound on slow bodies, for every HTTP response.

A pure ASGI middleware (it runs on every request, so it only appends
precomputed headers and wraps ``receive``):

* ``Content-Security-Policy``: only the app's own origin; no inline script or
  style, images may also be ``data:`` URIs. The page and /docs load external
  files only.
* Framing: ``frame-ancestors 'self'`` (and ``X-Frame-Options: SAMEORIGIN``),
  except for the documented embed, ``/?embed=1`` (or ``true``), which any origin (or the
  ones in ``SOFTMAX_EMBED_FRAME_ANCESTORS``) may frame.
* ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``.
* ``X-Request-ID``: the client's own if it is sane (1-128 of ``A-Za-z0-9._:-``),
  else a new random one; echoed in the response and in error logs.
* A body that has not fully arrived ``body_timeout`` seconds after the request
  started is refused with 408 (a slow client cannot hold a worker forever).
  Work after the body is bounded by the request limits.

An unhandled exception is logged here with the request id, and the client gets
a 500 in the API's error format carrying the same id; a request cancelled when
the shutdown window ends gets a 503 in that format. A client that disconnects
before its body is read is no error (no traceback in the log).
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from urllib.parse import parse_qsl

from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import error_response
from app.body_deadline import BodyDeadline, BodyTimeout

__all__ = ["CSP", "SecurityMiddleware"]

logger = logging.getLogger("app.errors")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'"
)

_SANE_ID = re.compile(rb"[A-Za-z0-9._:\-]{1,128}")
_COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


def _is_embed(scope: Scope) -> bool:
    path = scope["path"]
    root = scope.get("root_path", "")
    if root and path.startswith(root):
        path = path[len(root) :]
    if path != "/" or b"embed" not in scope["query_string"]:
        return False
    query = dict(parse_qsl(scope["query_string"].decode("latin-1")))
    return query.get("embed") in ("1", "true")  # as app/web.py reads it


class SecurityMiddleware:
    """Adds the headers above to every HTTP response; see the module docstring."""

    def __init__(
        self, app: ASGIApp, embed_frame_ancestors: str = "*", body_timeout: float = 30.0
    ) -> None:
        self.app = app
        self.body_timeout = body_timeout
        self.normal = [
            *_COMMON,
            (b"content-security-policy", f"{CSP}; frame-ancestors 'self'".encode()),
            (b"x-frame-options", b"SAMEORIGIN"),
        ]
        self.embed = [
            *_COMMON,
            (
                b"content-security-policy",
                f"{CSP}; frame-ancestors {embed_frame_ancestors}".encode(),
            ),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _request_id(scope)
        scope.setdefault("state", {})["request_id"] = request_id
        headers = [
            *(self.embed if _is_embed(scope) else self.normal),
            (b"x-request-id", request_id.encode()),
        ]
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", ()), *headers]
            await send(message)

        deadline = BodyDeadline(receive, self.body_timeout)
        try:
            await self.app(scope, deadline.receive, send_with_headers)
        except ClientDisconnect:  # gone before its body was read: nobody to answer
            logger.info(
                "client left: %s %s request_id=%s", scope["method"], scope["path"], request_id
            )
        except BodyTimeout:
            logger.warning(
                "request body not received within %ss: %s %s request_id=%s",
                self.body_timeout, scope["method"], scope["path"], request_id,
            )  # fmt: skip
            await self._timeout_response(started)(scope, receive, send_with_headers)
        except asyncio.CancelledError:
            # uvicorn cancels what is still running when the shutdown window ends:
            # a 503 the client can retry elsewhere, not uvicorn's plain-text 500.
            logger.warning(
                "cut off by the shutdown: %s %s request_id=%s",
                scope["method"], scope["path"], request_id,
            )  # fmt: skip
            if started:
                raise  # half an answer: uvicorn closes the connection
            item = {"loc": [], "msg": "the server is shutting down", "type": "shutting_down"}
            response = error_response(503, [item])
            response.headers["connection"] = "close"
            response.headers["retry-after"] = "1"
            await response(scope, receive, send_with_headers)
            # Answered: the task ends here, as the cancellation wanted.
        except Exception:
            logger.exception(
                "unhandled error: %s %s request_id=%s", scope["method"], scope["path"], request_id
            )
            if not started:
                item = {"loc": [], "msg": "internal server error", "type": "internal_error"}
                await error_response(500, [item])(scope, receive, send_with_headers)

    def _timeout_response(self, started: bool) -> ASGIApp:
        """The 408 for a late body, or nothing once an answer has begun."""
        if started:
            return _nothing
        msg = f"the request body did not arrive within {self.body_timeout:g} seconds"
        response = error_response(408, [{"loc": ["body"], "msg": msg, "type": "timeout"}])
        response.headers["connection"] = "close"
        return response


async def _nothing(scope: Scope, receive: Receive, send: Send) -> None:
    pass


def _request_id(scope: Scope) -> str:
    for key, value in scope["headers"]:
        if key == b"x-request-id":
            if _SANE_ID.fullmatch(value):
                return value.decode("ascii")
            break
    return os.urandom(8).hex()
