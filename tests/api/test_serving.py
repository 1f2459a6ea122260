"""Serving: static files (gzip, revalidation) and a path prefix behind a proxy."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import warnings
from urllib.parse import urljoin

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # fastapi.testclient: "install httpx2"
    from fastapi.testclient import TestClient

from app.main import create_app
from app.paths import STATIC_DIR
from app.settings import Settings
from tests.support.serve import ROOT

NO_GZIP = {"accept-encoding": "identity"}


class TestStaticFiles:
    def test_text_is_gzipped(self, client):
        raw = client.get("/static/js/state.js", headers=NO_GZIP)
        r = client.get("/static/js/state.js", headers={"accept-encoding": "gzip, br"})
        assert r.status_code == 200
        assert r.headers["content-encoding"] == "gzip"
        assert r.headers["vary"] == "Accept-Encoding"
        assert r.headers["content-type"].startswith("text/javascript")
        assert r.content == raw.content == (STATIC_DIR / "js" / "state.js").read_bytes()
        assert int(r.headers["content-length"]) < len(raw.content) / 2

    def test_identity_when_gzip_is_not_accepted(self, client):
        for headers in (NO_GZIP, {"accept-encoding": "gzip;q=0"}):
            r = client.get("/static/css/app.css", headers=headers)
            assert "content-encoding" not in r.headers
            assert r.headers["vary"] == "Accept-Encoding"

    def test_ranges_get_the_file_as_it_is(self, client):
        r = client.get("/static/js/state.js", headers={"range": "bytes=0-9"})
        assert r.status_code == 206
        assert "content-encoding" not in r.headers
        assert r.content == (STATIC_DIR / "js" / "state.js").read_bytes()[:10]

    @pytest.mark.parametrize("encoding", ["gzip", "identity"])
    def test_browsers_revalidate_and_get_304(self, client, encoding):
        r = client.get("/static/js/main.js", headers={"accept-encoding": encoding})
        assert r.headers["cache-control"] == "no-cache"
        again = client.get(
            "/static/js/main.js",
            headers={"accept-encoding": encoding, "if-none-match": r.headers["etag"]},
        )
        assert again.status_code == 304
        assert again.headers["cache-control"] == "no-cache"
        assert again.content == b""

    def test_the_gzip_etag_is_weak(self, client):
        etag = client.get("/static/js/main.js").headers["etag"]
        assert etag.startswith('W/"')
        assert client.get("/static/js/main.js", headers=NO_GZIP).headers["etag"] == etag[2:]

    def test_swagger_ui_too(self, client):
        r = client.get("/docs/assets/swagger-ui-bundle.js")
        assert r.headers["content-encoding"] == "gzip"
        assert r.headers["cache-control"] == "no-cache"

    def test_small_files_and_images_go_as_they_are(self, client):
        r = client.get("/static/favicon.svg")  # 289 bytes: not worth a gzip header
        assert "content-encoding" not in r.headers

    def test_the_icon_is_kept_for_a_day(self, client):
        # Chromium refetches it on every history.replaceState, i.e. while a slider moves.
        assert client.get("/static/favicon.svg").headers["cache-control"] == "max-age=86400"

    def test_gzip_body_is_valid_gzip(self):
        from app.assets import _gzip_file

        data = _gzip_file(str(STATIC_DIR / "css" / "app.css"))
        assert gzip.decompress(data) == (STATIC_DIR / "css" / "app.css").read_bytes()


def test_api_answers_are_not_compressed(client):
    r = client.post(
        "/api/softmax", json={"logits": [4, 2, -1]}, headers={"accept-encoding": "gzip"}
    )
    assert "content-encoding" not in r.headers


def links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="([^"#][^"]*)"', html)


class TestRootPath:
    """SOFTMAX_ROOT_PATH=/softmax: a proxy serves the app under /softmax/."""

    @pytest.fixture(scope="class")
    def prefixed(self) -> TestClient:
        # create_app must not warn: pytest turns warnings into errors here, and
        # FastAPI(root_path=...) is deprecated.
        settings = Settings.from_env({"SOFTMAX_ROOT_PATH": "/softmax/"})
        assert settings.root_path == "/softmax"
        return TestClient(create_app(settings))

    @pytest.mark.parametrize("strip", [False, True], ids=["proxy keeps the prefix", "strips it"])
    def test_the_page_and_every_link_on_it(self, prefixed, strip):
        page = "http://testserver/softmax/"
        html = prefixed.get("/" if strip else "/softmax/").text
        found = links(html)
        assert any("static/js/main.js" in link for link in found)
        for link in found:
            url = urljoin(page, link)
            assert url.startswith("http://testserver/softmax/"), link
            path = url.removeprefix("http://testserver")
            if strip:
                path = path.removeprefix("/softmax")
            assert prefixed.get(path).status_code == 200, path

    @pytest.mark.parametrize("path", ["/softmax/openapi.json", "/openapi.json"])
    def test_openapi_names_the_prefix(self, prefixed, path):
        spec = prefixed.get(path).json()
        assert spec["servers"] == [{"url": "/softmax"}]
        assert "/api/softmax" in spec["paths"]

    def test_the_api_as_the_page_calls_it(self, prefixed):
        # static/js/api.js posts to "api/softmax", relative to /softmax/.
        r = prefixed.post("/softmax/api/softmax", json={"logits": [4, 2, -1]})
        assert r.status_code == 200
        assert r.json()["argmax"] == 0

    def test_docs_point_at_the_prefixed_schema(self, prefixed):
        html = prefixed.get("/softmax/docs").text
        assert 'data-openapi-url="/softmax/openapi.json"' in html
        for link in links(html):
            assert prefixed.get(link).status_code == 200, link

    def test_the_bare_prefix_redirects_to_the_page(self, prefixed):
        r = prefixed.get("/softmax", follow_redirects=False)
        assert r.status_code in (307, 308)
        assert r.headers["location"].endswith("/softmax/")

    def test_unknown_paths_are_still_404(self, prefixed):
        assert prefixed.get("/softmax/nothing").status_code == 404


class TestCommand:
    """``python -m app`` / ``softmax-explorer``: the options it hands to uvicorn."""

    @pytest.fixture
    def run(self, monkeypatch):
        import uvicorn

        from app import __main__ as cli

        calls = []
        monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))

        def _run(argv, **env):
            for key in (
                "SOFTMAX_HOST", "SOFTMAX_PORT", "PORT", "SOFTMAX_WORKERS", "WORKERS",
                "SOFTMAX_MAX_NUMBERS", "SOFTMAX_LOG_LEVEL",
            ):  # fmt: skip
                monkeypatch.delenv(key, raising=False)
            for key, value in env.items():
                monkeypatch.setenv(key, value)
            cli.main(argv)
            return calls[-1]

        return _run

    def test_flags(self, run):
        app, kw = run(["--host", "0.0.0.0", "--port", "9001", "--workers", "3"])
        assert app == "app.main:app"
        assert (kw["host"], kw["port"], kw["workers"]) == ("0.0.0.0", 9001, 3)

    def test_environment(self, run):
        _, kw = run([], SOFTMAX_HOST="0.0.0.0", PORT="8123", WORKERS="2")
        assert (kw["host"], kw["port"], kw["workers"]) == ("0.0.0.0", 8123, 2)

    @pytest.mark.parametrize(
        ("argv", "env", "message"),
        [
            (["--port", "99999"], {}, "--port: must be an integer from 1 to 65535"),
            (["--workers", "0"], {}, "--workers: must be an integer >= 1"),
            (["--log-level", "bogus"], {}, "invalid choice: 'bogus'"),
            ([], {"SOFTMAX_MAX_NUMBERS": "-5"}, "SOFTMAX_MAX_NUMBERS must be an integer >= 1"),
            ([], {"SOFTMAX_PORT": "abc"}, "SOFTMAX_PORT must be an integer from 1 to 65535"),
            ([], {"SOFTMAX_LOG_LEVEL": "loud"}, "SOFTMAX_LOG_LEVEL must be one of"),
        ],
    )
    def test_bad_options_stop_with_one_line(self, run, capsys, argv, env, message):
        with pytest.raises(SystemExit) as stop:
            run(argv, **env)
        said = str(stop.value.code) + capsys.readouterr().err
        assert message in said
        assert "Traceback" not in said

    def test_server_options(self, run):
        _, kw = run([])
        assert kw["server_header"] is False  # no "server: uvicorn"
        assert kw.get("date_header", True) is True
        assert kw["h11_max_incomplete_event_size"] == 16 * 1024
        assert "root_path" not in kw  # the app sets it (RootPath), whatever runs it
        assert kw["loop"] == "asyncio"  # first come, first served under load

    def test_console_script(self):
        import tomllib
        from pathlib import Path

        project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
        assert project["project"]["scripts"]["softmax-explorer"] == "app.__main__:main"


_TRACED = """
import warnings
from opentelemetry import trace
warnings.simplefilter("ignore")
from starlette.testclient import TestClient
from app.main import create_app
from app.settings import Settings

spans = []


class Tracer(trace.NoOpTracer):
    def start_span(self, name, *args, **kwargs):
        spans.append(name)
        return super().start_span(name, *args, **kwargs)


class Provider(trace.TracerProvider):
    def get_tracer(self, *args, **kwargs):
        return Tracer()


trace.set_tracer_provider(Provider())
with TestClient(create_app(Settings.from_env())) as client:
    assert client.post("/api/softmax", json={"logits": [4, 2, -1]}).status_code == 200
print(spans)
"""


@pytest.mark.parametrize(("value", "spans"), [("", "[]"), ("0", "[]"), ("1", "['POST']")])
def test_opentelemetry_spans_only_when_asked(value, spans):
    # A subprocess: the global tracer provider can be set once per process.
    env = {**os.environ, "SOFTMAX_OPENTELEMETRY": value}
    out = subprocess.run(
        [sys.executable, "-c", _TRACED], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == spans
