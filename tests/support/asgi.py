"""One HTTP request straight into an ASGI app, in process (no server, no socket).

For tests and benchmarks that call the app itself: the body arrives in one
message, and a second read is told the client has gone.
"""

from __future__ import annotations

__all__ = ["asgi_request"]


async def asgi_request(app, method: str, path: str, body: bytes = b"") -> int:
    """Send one JSON request to `app`; the response's status."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
        "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode())],
    }  # fmt: skip
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    status = []

    async def receive():
        return messages.pop() if messages else {"type": "http.disconnect"}

    async def send(message):
        if message["type"] == "http.response.start":
            status.append(message["status"])

    await app(scope, receive, send)
    return status[0]
