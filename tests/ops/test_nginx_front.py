"""deploy/nginx.conf's own refusals answer in the app's JSON error shape (Debian's nginx)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.support.serve import free_port

CONF = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"


@pytest.fixture
def front(tmp_path):
    """nginx with deploy/nginx.conf on a free loopback port; no app behind it is needed."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    port = free_port()
    conf = CONF.read_text().replace("listen 8080;", f"listen 127.0.0.1:{port};")
    (tmp_path / "nginx.conf").write_text(conf)
    args = [nginx, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"]
    proc = subprocess.Popen(args, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_header_over_the_buffers_is_a_json_4xx(front):
    # It was nginx's HTML page "400 Request Header Or Cookie Too Large".
    response = httpx.get(f"{front}/healthz", headers={"X-Big": "a" * 20_000})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert json.loads(response.content) == {
        "detail": [
            {
                "loc": ["header"],
                "msg": "request headers are larger than 8 KB",
                "type": "header_too_large",
            }
        ]
    }
