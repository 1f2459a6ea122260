"""SIGTERM (docker stop): the request in flight is answered, then the server exits cleanly."""

from __future__ import annotations

import json
import signal
import socket
import time

import pytest

from tests.ops.conftest import run_server

BODY = json.dumps({"logits": [2.0, 1.0, 0.1]}).encode()
EXPECTED = [0.6590011388859679, 0.2424329707047139, 0.09856589040931818]


def read_response(s: socket.socket) -> tuple[int, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        data += s.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    headers = dict(line.lower().split(b": ", 1) for line in head.split(b"\r\n")[1:])
    length = int(headers[b"content-length"])
    while len(body) < length:
        body += s.recv(65536)
    return int(head.split(b" ")[1]), body


@pytest.mark.parametrize("workers", [1, 2])
def test_in_flight_request_finishes_on_sigterm(tmp_path, workers: int) -> None:
    with run_server(tmp_path, workers=workers) as server:
        s = socket.create_connection(("127.0.0.1", server.port), timeout=15)
        # A request in flight: headers and half the body sent, the rest after SIGTERM.
        s.sendall(
            b"POST /api/softmax HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n" % len(BODY) + BODY[:10]
        )
        time.sleep(0.5)
        server.process.send_signal(signal.SIGTERM)
        time.sleep(1.0)
        assert server.process.poll() is None, "exited with a request in flight"
        s.sendall(BODY[10:])
        status, body = read_response(s)
        s.close()
        assert status == 200, body
        assert json.loads(body)["probabilities"] == pytest.approx(EXPECTED, rel=1e-14)
        # uvicorn re-raises the signal once it has shut down (one worker), so the
        # exit status says SIGTERM; the supervisor of several workers exits 0.
        assert server.process.wait(timeout=15) in (0, -signal.SIGTERM)
        logs = server.logs()
        assert "Traceback" not in logs, logs
        assert logs.count("Finished server process") == workers, logs
        with pytest.raises(OSError):  # and it no longer listens
            socket.create_connection(("127.0.0.1", server.port), timeout=2).close()


def test_a_request_cut_off_by_the_shutdown_gets_a_json_503(tmp_path) -> None:
    # A body that never completes outlives the shutdown window (10 s; the body timeout is 30 s).
    with run_server(tmp_path, workers=1) as server:
        s = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        s.sendall(
            b"POST /api/softmax HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n" % len(BODY) + BODY[:10]
        )
        time.sleep(0.5)
        started = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        status, body = read_response(s)
        s.close()
        assert 9 < time.monotonic() - started < 20
        assert status == 503
        assert json.loads(body) == {
            "detail": [{"loc": [], "msg": "the server is shutting down", "type": "shutting_down"}]
        }
        assert server.process.wait(timeout=15) in (0, -signal.SIGTERM)
        logs = server.logs()
        assert "Traceback" not in logs, logs
        assert "cut off by the shutdown: POST /api/softmax" in logs, logs


def test_limit_concurrency_answers_503_past_the_limit(tmp_path) -> None:
    with run_server(tmp_path, SOFTMAX_LIMIT_CONCURRENCY="4") as server:
        idle = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(4)]
        time.sleep(0.3)
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as s:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            status, body = read_response(s)
        assert (status, body) == (503, b"Service Unavailable")
        for c in idle:
            c.close()
        time.sleep(0.3)
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as s:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            assert read_response(s) == (200, b'{"status":"ok"}')
