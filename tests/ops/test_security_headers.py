"""Security headers, request ids, error logging and the local /docs (in process)."""

from __future__ import annotations

import logging
import re

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.security import CSP
from app.settings import Settings

GOOD = {"logits": [4, 2, -1]}

# One request for each kind of response the app sends.
REQUESTS = {
    "page": ("GET", "/", None),
    "json": ("POST", "/api/softmax", GOOD),
    "health": ("GET", "/healthz", None),
    "openapi": ("GET", "/openapi.json", None),
    "docs": ("GET", "/docs", None),
    "docs asset": ("GET", "/docs/assets/swagger-ui.css", None),
    "static file": ("GET", "/static/css/app.css", None),
    "404": ("GET", "/no/such/page", None),
    "405": ("GET", "/api/softmax", None),
    "415": ("POST", "/api/softmax", "not json"),
    "422": ("POST", "/api/softmax", {"logits": []}),
}


def send(client: TestClient, method: str, path: str, body, **kw):
    if isinstance(body, str):
        return client.request(method, path, content=body, headers={"content-type": "text/plain"})
    return client.request(method, path, json=body, **kw)


def csp(response) -> dict[str, str]:
    policy = response.headers["content-security-policy"]
    directives = (d.strip().split(" ", 1) for d in policy.split(";"))
    return {name: value for name, value in directives}


@pytest.mark.parametrize("kind", REQUESTS)
def test_every_response_has_the_security_headers(client: TestClient, kind: str) -> None:
    r = send(client, *REQUESTS[kind])
    assert r.status_code < 500, r.text
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers["x-frame-options"] == "SAMEORIGIN"
    policy = csp(r)
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"  # no inline script, no eval, no other host
    assert policy["style-src"] == "'self'"
    assert policy["img-src"] == "'self' data:"
    assert policy["connect-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
    assert re.fullmatch(r"[0-9a-f]{16}", r.headers["x-request-id"])


def test_csp_names_no_other_host() -> None:
    assert "http" not in CSP and "*" not in CSP and "unsafe" not in CSP


@pytest.mark.parametrize("query", ["embed=1", "embed=true", "lang=ru&embed=1"])
def test_the_embed_view_may_be_framed_by_anyone(client: TestClient, query: str) -> None:
    r = client.get(f"/?{query}")
    assert r.status_code == 200
    assert csp(r)["frame-ancestors"] == "*"
    assert "x-frame-options" not in r.headers
    assert csp(r)["script-src"] == "'self'"


@pytest.mark.parametrize(
    "url", ["/?embed=0", "/?embed=1x", "/api/presets?embed=1", "/docs?embed=1"]
)
def test_only_the_embed_view_is_frameable(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert csp(r)["frame-ancestors"] == "'self'"
    assert r.headers["x-frame-options"] == "SAMEORIGIN"


def test_who_may_frame_the_embed_is_a_setting(make_client) -> None:
    client = make_client(embed_frame_ancestors="https://school.example")
    assert csp(client.get("/?embed=1"))["frame-ancestors"] == "https://school.example"
    assert csp(client.get("/"))["frame-ancestors"] == "'self'"


def test_embed_behind_a_root_path() -> None:
    # The root path as the server sets it (uvicorn --root-path).
    client = TestClient(create_app(Settings()), root_path="/softmax")
    r = client.get("/softmax/?embed=1")
    assert r.status_code == 200
    assert csp(r)["frame-ancestors"] == "*"


def test_a_sane_request_id_is_echoed(client: TestClient) -> None:
    rid = "lb-7f3a.9:2_x"
    assert client.get("/healthz", headers={"x-request-id": rid}).headers["x-request-id"] == rid


@pytest.mark.parametrize("bad", ["", "a b", "x" * 129, "<script>", "é"])
def test_an_insane_request_id_is_replaced(client: TestClient, bad: str) -> None:
    r = client.get("/healthz", headers={"x-request-id": bad.encode()})
    assert re.fullmatch(r"[0-9a-f]{16}", r.headers["x-request-id"])


def test_request_ids_differ(client: TestClient) -> None:
    ids = {client.get("/healthz").headers["x-request-id"] for _ in range(20)}
    assert len(ids) == 20


def test_cors_responses_carry_the_headers_too(make_client) -> None:
    client = make_client(cors_origins=("https://a.example",))
    r = client.options(
        "/api/softmax",
        headers={"origin": "https://a.example", "access-control-request-method": "POST"},
    )
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == "https://a.example"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "x-request-id" in r.headers


def test_an_unhandled_error_is_logged_with_the_id_the_client_sees(caplog) -> None:
    app = create_app(Settings())

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("kaboom")

    client = TestClient(app, raise_server_exceptions=False)
    with caplog.at_level(logging.ERROR, logger="app.errors"):
        r = client.get("/boom", headers={"x-request-id": "trace-42"})
    assert r.status_code == 500
    assert r.json() == {
        "detail": [{"loc": [], "msg": "internal server error", "type": "internal_error"}]
    }
    assert r.headers["x-request-id"] == "trace-42"
    assert r.headers["x-content-type-options"] == "nosniff"
    [record] = [rec for rec in caplog.records if rec.name == "app.errors"]
    assert "request_id=trace-42" in record.getMessage()
    assert "GET /boom" in record.getMessage()
    assert "kaboom" in caplog.text  # with the traceback


class TestDocs:
    def test_default_cdn_docs_are_off(self, client: TestClient) -> None:
        assert client.get("/redoc").status_code == 404
        assert client.get("/docs/oauth2-redirect").status_code == 404

    def test_docs_page_loads_only_local_files_and_no_inline_script(
        self, client: TestClient
    ) -> None:
        r = client.get("/docs")
        assert r.status_code == 200
        html = r.text
        assert "http" not in html  # no CDN, no outside host
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.DOTALL)
        assert len(scripts) == 2
        assert all("src=" in attrs and not body.strip() for attrs, body in scripts)
        assert "style=" not in html and "<style" not in html
        for src in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert src.startswith("/"), src
            assert client.get(src).status_code == 200, src
        assert 'data-openapi-url="/openapi.json"' in html

    def test_init_script(self, client: TestClient) -> None:
        r = client.get("/docs/init.js")
        assert r.headers["content-type"].startswith("text/javascript")
        assert "SwaggerUIBundle(" in r.text
        assert "validatorUrl: null" in r.text  # Swagger UI would call an outside validator

    def test_swagger_ui_is_version_5(self, client: TestClient) -> None:
        # Version 4 cannot show an OpenAPI 3.1 schema, which FastAPI writes.
        assert client.get("/openapi.json").json()["openapi"].startswith("3.1")
        js = client.get("/docs/assets/swagger-ui-bundle.js").text
        assert re.search(r'"5\.\d+\.\d+"', js)

    def test_docs_under_a_root_path(self) -> None:
        client = TestClient(create_app(Settings()), root_path="/sx")
        html = client.get("/sx/docs").text
        assert 'data-openapi-url="/sx/openapi.json"' in html
        assert 'src="/sx/docs/assets/swagger-ui-bundle.js"' in html
        assert client.get("/sx/docs/assets/swagger-ui-bundle.js").status_code == 200
