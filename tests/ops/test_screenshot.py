"""scripts/screenshot opens the page it is asked for (``--path classifier``), and says so when
the server redirects it elsewhere instead of quietly taking a picture of another address."""

from __future__ import annotations

import runpy
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ops.conftest import ROOT, Server

SCRIPT = ROOT / "scripts" / "screenshot"


def run(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path / "shot.png"
    command = [sys.executable, str(SCRIPT), "--out", str(out), "--width", "390", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120), out


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize(
    ("base", "path", "query", "url"),
    [
        ("http://h:1", "classifier", "lang=ru", "http://h:1/classifier?lang=ru"),
        ("http://h:1/", "/classifier/", "", "http://h:1/classifier"),
        ("http://h:1/sx", "/", "a=1", "http://h:1/sx/?a=1"),
    ],
)
def test_page_url_has_no_slash_the_app_would_redirect(base, path, query, url) -> None:
    page_url = runpy.run_path(str(SCRIPT))["page_url"]  # not run as __main__: defines only
    assert page_url(base, path, query) == url


def test_the_classifier_page_is_taken_without_a_redirect(server: Server, tmp_path: Path) -> None:
    done, out = run(tmp_path, "--url", server.url, "--path", "classifier")
    assert done.returncode == 0, done.stderr
    assert png_size(out) == (390, 900)
    assert '"GET /classifier?lang=en HTTP/1.1" 200' in server.logs()
    assert "GET /classifier/" not in server.logs()


def test_a_redirect_is_reported_not_followed_quietly(server: Server, tmp_path: Path) -> None:
    done, _ = run(tmp_path, "--url", server.url + "/classifier/", "--query", "lang=en")
    assert done.returncode == 1
    moved = f"/classifier/?lang=en was redirected to {server.url}/classifier?lang=en"
    assert moved in done.stderr


def test_an_error_status_is_reported(server: Server, tmp_path: Path) -> None:
    done, _ = run(tmp_path, "--url", server.url, "--path", "no-such-page")
    assert done.returncode == 1
    assert f"{server.url}/no-such-page?lang=en answered 404" in done.stderr
