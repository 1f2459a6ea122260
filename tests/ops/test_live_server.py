"""A real server survives every kind of bad input, refuses huge and slow bodies, logs no bodies."""

from __future__ import annotations

import http.client
import json
import re
import select
import socket
import time

import pytest

from tests.ops.conftest import Server

GOOD = {"logits": [2.0, 1.0, 0.1]}
# softmax([2, 1, 0.1]), independently: exp(z - 2) / sum(exp(z - 2))
EXPECTED = [0.6590011388859679, 0.2424329707047139, 0.09856589040931818]
MB = 1024 * 1024


def post(server: Server, path: str, body: bytes, content_type: str | None = "application/json",
         headers: dict | None = None) -> tuple[int, dict, bytes]:  # fmt: skip
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    hdrs = {"Content-Type": content_type} if content_type else {}
    conn.request("POST", path, body=body, headers={**hdrs, **(headers or {})})
    r = conn.getresponse()
    out = (r.status, dict(r.getheaders()), r.read())
    conn.close()
    return out


def raw(server: Server, data: bytes, timeout: float = 10) -> bytes:
    """Send bytes as they are; return what comes back until the server closes or goes quiet."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as s:
        s.sendall(data)
        chunks = []
        try:
            while chunk := s.recv(65536):
                chunks.append(chunk)
        except (TimeoutError, ConnectionResetError):
            pass
        return b"".join(chunks)


def assert_good_answer(server: Server) -> None:
    status, headers, body = post(server, "/api/softmax", json.dumps(GOOD).encode())
    assert status == 200, body
    assert json.loads(body)["probabilities"] == pytest.approx(EXPECTED, rel=1e-14)
    assert headers["x-content-type-options"] == "nosniff"


N = 200_001  # one more than the default limit of values
BAD_BODIES = {
    "not json": b"{",
    "empty": b"",
    "NaN token": b'{"logits": [NaN, 1]}',
    "Infinity token": b'{"logits": [Infinity, 1]}',
    "overflowing number": b'{"logits": [1e400, 1]}',
    "huge integer": b'{"logits": [' + b"9" * 5000 + b", 1]}",
    "deep nesting": b'{"logits": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "string for number": b'{"logits": ["1.5", 1]}',
    "bool for number": b'{"logits": [true, 1]}',
    "null": b"null",
    "array body": b"[1, 2, 3]",
    "empty logits": b'{"logits": []}',
    "ragged batch": b'{"logits": [[1, 2], [3]]}',
    "unknown field": b'{"logits": [1, 2], "x": 1}',
    "negative temperature": b'{"logits": [1, 2], "temperature": -1}',
    "too many values": b'{"logits": [' + b",".join([b"0"] * N) + b"]}",
    "not utf-8": b'{"logits": [1, 2], "t": "\xff\xfe"}',
    "lone surrogate": b'{"logits": [1, 2], "t": "\\ud800"}',
    "nul bytes": b"\x00" * 1000,
    "duplicate keys": b'{"logits": [1, 2], "logits": "x"}',
}
BAD_CROSS_ENTROPY = {
    "target out of range": b'{"logits": [1, 2], "target": 5}',
    "target shape": b'{"logits": [[1, 2], [3, 4]], "target": [0.5, 0.5, 0.0]}',
    "zero temperature": b'{"logits": [1, 2], "target": 0, "temperature": 0}',
    "weights shape": b'{"logits": [1, 2], "target": 0, "weight": [1, 2, 3]}',
    "underflowing target class": b'{"logits": [0, -1e308, 1e308], "target": 1}',
}
BAD_HTTP = {
    "garbage request line": b"HELLO\r\n\r\n",
    "bad content-length": b"POST /api/softmax HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
    # Valid, and answered: uvicorn's httptools parser sets no limit on headers (uvicorn
    # issue 157); a proxy in front, or h11, is what bounds them.
    "huge header": (
        b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: %s\r\n\r\n"
        % (b"a" * 200_000)
    ),
    "truncated body": (
        b"POST /api/softmax HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b'Content-Length: 1000\r\n\r\n{"logits": [1,'
    ),
    "bad chunk": (
        b"POST /api/softmax HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\nzz\r\n"
    ),
    "long url": b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    "HTTP/2 preface": b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
}


@pytest.mark.parametrize("kind", BAD_BODIES)
def test_bad_softmax_body_is_a_4xx(server: Server, kind: str) -> None:
    status, headers, body = post(server, "/api/softmax", BAD_BODIES[kind])
    assert 400 <= status < 500, (status, body[:300])
    assert set(json.loads(body)) == {"detail"}
    assert "x-request-id" in headers


@pytest.mark.parametrize("kind", BAD_CROSS_ENTROPY)
def test_bad_cross_entropy_body_is_a_422(server: Server, kind: str) -> None:
    status, _, body = post(server, "/api/cross-entropy", BAD_CROSS_ENTROPY[kind])
    assert status == 422, (status, body[:300])


@pytest.mark.parametrize(
    "content_type", [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_wrong_content_type_is_a_415(server: Server, content_type: str | None) -> None:
    status, _, _ = post(server, "/api/softmax", json.dumps(GOOD).encode(), content_type)
    assert status == 415


@pytest.mark.parametrize("kind", BAD_HTTP)
def test_malformed_http_gets_an_answer_or_a_closed_connection(server: Server, kind: str) -> None:
    reply = raw(server, BAD_HTTP[kind], timeout=5)
    if reply:
        status = int(reply.split(b" ", 2)[1])
        assert status < 500, reply[:300]


def test_still_serving_after_every_kind_of_bad_input(server: Server) -> None:
    for body in BAD_BODIES.values():
        post(server, "/api/softmax", body)
        post(server, "/api/temperature", body)
        post(server, "/api/sample", body)
    for body in BAD_CROSS_ENTROPY.values():
        post(server, "/api/cross-entropy", body)
    for data in BAD_HTTP.values():
        raw(server, data, timeout=5)
    assert_good_answer(server)
    assert server.process.poll() is None
    logs = server.logs()
    assert "Traceback" not in logs and " 500 " not in logs, logs[-3000:]


def send_until_answered(server: Server, head: bytes, total: int, chunk: bytes) -> tuple[int, bytes]:
    """Send `head`, then `chunk` until `total` bytes or the server answers; return (sent, reply)."""
    s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    s.sendall(head)
    sent = 0
    try:
        while sent < total:
            readable, writable, _ = select.select([s], [s], [], 5)
            if readable:
                break
            if writable:
                sent += s.send(chunk)
        reply = b""
        s.settimeout(5)
        while not reply.endswith(b"}") and (data := s.recv(65536)):
            reply += data
    except (BrokenPipeError, ConnectionResetError):
        reply = b""
    finally:
        s.close()
    return sent, reply


def test_50_mb_body_is_refused_with_413_before_it_is_read(server: Server) -> None:
    head = (
        b"POST /api/softmax HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\n\r\n" % (50 * MB)
    )
    sent, reply = send_until_answered(server, head, 50 * MB, b"[" * 65536)
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    assert b"request body is larger than" in reply
    assert sent < 50 * MB  # the server answered long before the body was all sent
    assert_good_answer(server)


def test_50_mb_chunked_body_is_cut_off_at_the_limit(server: Server) -> None:
    head = (
        b"POST /api/softmax HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"10000\r\n" + b"[" * 65536 + b"\r\n"
    sent, reply = send_until_answered(server, head, 50 * MB, chunk)
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    assert sent < 40 * MB  # read up to the 8 MB limit, plus what the socket buffers held
    assert_good_answer(server)


def test_a_slow_body_gets_a_408(server: Server) -> None:
    # The server fixture sets SOFTMAX_BODY_TIMEOUT=2.
    head = (
        b"POST /api/softmax HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b'Content-Length: 100\r\n\r\n{"logits":'
    )
    start = time.monotonic()
    reply = raw(server, head, timeout=10)
    assert reply.startswith(b"HTTP/1.1 408"), reply[:200]
    assert 1.5 < time.monotonic() - start < 8
    assert b"did not arrive within 2 seconds" in reply
    rid = re.search(rb"x-request-id: (\w+)", reply, re.IGNORECASE).group(1).decode()
    time.sleep(0.2)
    assert f"request_id={rid}" in server.logs()
    assert_good_answer(server)


def test_access_log_has_a_line_per_request_and_no_bodies(server: Server) -> None:
    secret = "31415926535.0"
    post(server, "/api/softmax", b'{"logits": [%s, 1]}' % secret.encode())
    post(server, "/api/softmax", b'{"logits": [%s, "x"]}' % secret.encode())
    time.sleep(0.2)
    logs = server.logs()
    assert secret not in logs
    assert re.search(r'"POST /api/softmax HTTP/1.1" 200', logs)
    assert re.search(r'"POST /api/softmax HTTP/1.1" 422', logs)
