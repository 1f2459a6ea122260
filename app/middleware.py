"""HTTP hygiene for the bare server: HEAD, compressed bodies, foreign hosts, redirects.

One pure ASGI middleware, outside the routes:

* ``HEAD`` is answered for every ``GET`` route: the request is routed as a
  ``GET`` and its body dropped (the headers, Content-Length included, stay).
* A ``Content-Encoding`` other than ``identity`` gets a 415: the API reads
  plain JSON only, and a gzip body would otherwise be a misleading 422.
* ``Host`` must be one of ``SOFTMAX_ALLOWED_HOSTS`` when that is set (else a
  400); ``/healthz`` answers any host, as probes use the pod's address.
* Redirects are relative (``Location: /docs``), so no ``Host`` a client sends
  ever appears in one.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import error_response

__all__ = ["HttpGuard", "host_allowed"]

_IDENTITY = (b"", b"identity")


def host_allowed(host: bytes, allowed: tuple[str, ...]) -> bool:
    """Whether `host` (a Host header, port included) matches `allowed` (``*.a.example`` too).

    A pattern without a port matches the name on any port; one with a port
    (``localhost:8000``) only that port.

    >>> host_allowed(b"api.a.example:8080", ("*.a.example",))
    True
    >>> host_allowed(b"evil.example", ("a.example", "localhost"))
    False
    >>> [host_allowed(h, ("localhost:8000",)) for h in (b"localhost:8000", b"localhost:9")]
    [True, False]
    """
    if not allowed or "*" in allowed:
        return True
    name, port = _name_and_port(host.decode("latin-1").lower())
    for pattern in allowed:
        want, want_port = _name_and_port(pattern)
        if want_port and want_port != port:
            continue
        if name == want or (want.startswith("*.") and name.endswith(want[1:])):
            return True
    return False


def _name_and_port(text: str) -> tuple[str, str]:
    """Split a Host: ``[::1]:8000`` -> ``("[::1]", "8000")``, ``a.example`` -> ``(name, "")``."""
    if text.startswith("["):
        end = text.find("]") + 1
        return text[:end], text[end + 1 :]
    name, _, port = text.partition(":")
    return name, port


class HttpGuard:
    """See the module docstring."""

    def __init__(self, app: ASGIApp, allowed_hosts: tuple[str, ...] = ()) -> None:
        self.app = app
        self.allowed_hosts = tuple(h.lower() for h in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host, encoding = _host_and_encoding(scope)
        foreign = self.allowed_hosts and not host_allowed(host, self.allowed_hosts)
        if foreign and scope["path"] != "/healthz":
            item = {"loc": ["header", "host"], "msg": "is not a host of this server"}
            await error_response(400, [{**item, "type": "invalid_host"}])(scope, receive, send)
            return
        if encoding.strip().lower() not in _IDENTITY:
            item = {
                "loc": ["header", "content-encoding"],
                "msg": "must be identity: compressed request bodies are not accepted",
                "type": "unsupported_media_type",
            }
            await error_response(415, [item])(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}

        async def guarded_send(message: Message) -> None:
            if message["type"] == "http.response.start" and 300 <= message["status"] < 400:
                message["headers"] = [_relative(k, v) for k, v in message.get("headers", ())]
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, guarded_send)


def _host_and_encoding(scope: Scope) -> tuple[bytes, bytes]:
    """The Host and Content-Encoding headers (the last of each), or b""."""
    host = encoding = b""
    for key, value in scope["headers"]:
        if key == b"host":
            host = value
        elif key == b"content-encoding":
            encoding = value
    return host, encoding


def _relative(key: bytes, value: bytes) -> tuple[bytes, bytes]:
    """A ``Location`` header without its scheme and host."""
    if key.lower() != b"location":
        return key, value
    parts = urlsplit(value.decode("latin-1"))
    path = parts.path or "/"
    if path.startswith("//"):  # "//evil.example" would still name a host
        path = "/" + path.lstrip("/")
    return key, (path + (f"?{parts.query}" if parts.query else "")).encode("latin-1")
