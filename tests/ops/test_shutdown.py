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
