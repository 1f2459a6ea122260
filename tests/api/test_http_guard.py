"""The bare app's HTTP hygiene: HEAD, unknown fields, compressed bodies, hosts and redirects."""

from __future__ import annotations

import gzip

import pytest
from starlette.routing import Route

from app.main import create_app
from app.middleware import _relative
from app.settings import Settings

JSON = {"Content-Type": "application/json"}


# An example value for each path parameter of a GET route (/api/datasets/{name}).
PATH_PARAMS = {"{name}": "iris"}


def _example(path: str) -> str:
    for param, value in PATH_PARAMS.items():
        path = path.replace(param, value)
    return path


def get_routes() -> list[str]:
    app = create_app(Settings())
    paths = [r.path for r in app.routes if isinstance(r, Route) and "GET" in (r.methods or ())]
    return [_example(p) for p in paths] + [
        "/static/js/main.js",
        "/docs/assets/swagger-ui.css",
    ]


def test_every_get_route_is_listed():
    assert {"/", "/healthz", "/api/presets", "/docs", "/docs/init.js", "/openapi.json"} <= set(
        get_routes()
    )


@pytest.mark.parametrize("path", get_routes())
def test_head_answers_every_get_route_without_a_body(client, path):
    got = client.get(path)
    head = client.head(path)
    assert (got.status_code, head.status_code) == (200, 200)
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-security-policy"] == got.headers["content-security-policy"]
    if "content-length" in got.headers and path != "/":  # the page's length varies with nothing
        assert head.headers["content-length"] == got.headers["content-length"]


def test_head_on_a_post_route_is_405(client):
    response = client.head("/api/softmax")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"


@pytest.mark.parametrize(
    ("key", "named"),
    [
        ("temprature", "temprature"),
        ("_x9", "_x9"),
        ("a" * 64, "a" * 64),
        ("a" * 65, "an unknown field"),
        ("a" * 1_000_000, "an unknown field"),
        ("<script>alert(1)</script>", "an unknown field"),
        ("temp rature", "an unknown field"),
        ("9lives", "an unknown field"),
        ("é", "an unknown field"),
        ("", "an unknown field"),
    ],
)
def test_an_unknown_field_is_named_only_when_plain(client, key, named):
    body = '{"logits": [4, 2, -1], "' + key + '": 3}'
    response = client.post("/api/softmax", content=body.encode(), headers=JSON)
    assert response.status_code == 422
    assert response.json() == {
        "detail": [
            {
                "loc": ["body", named],
                "msg": "unknown field; this endpoint takes logits, temperature, steps",
                "type": "extra_forbidden",
            }
        ]
    }
    assert len(response.content) < 200


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br", "GZIP", "gzip, identity"])
def test_a_compressed_body_is_415(client, coding):
    body = gzip.compress(b'{"logits": [4, 2, -1]}')
    response = client.post(
        "/api/softmax", content=body, headers={**JSON, "Content-Encoding": coding}
    )
    assert response.status_code == 415
    assert response.json() == {
        "detail": [
            {
                "loc": ["header", "content-encoding"],
                "msg": "must be identity: compressed request bodies are not accepted",
                "type": "unsupported_media_type",
            }
        ]
    }
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("coding", ["identity", " Identity "])
def test_identity_encoding_is_accepted(client, coding):
    response = client.post(
        "/api/softmax",
        content=b'{"logits": [4, 2, -1]}',
        headers={**JSON, "Content-Encoding": coding},
    )
    assert response.status_code == 200
    assert round(response.json()["probabilities"][0], 4) == 0.8756


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1:8000", "localhost"])
def test_redirects_are_relative_whatever_the_host(client, host):
    response = client.get("/docs/", headers={"Host": host}, follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"] == "/docs"


def test_a_redirect_keeps_its_query(client):
    response = client.get("/docs/?a=1", headers={"Host": "evil.example"}, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (307, "/docs?a=1")


@pytest.mark.parametrize(
    ("location", "relative"),
    [
        (b"http://evil.example/docs", b"/docs"),
        (b"https://evil.example//evil2.example/x?q=1", b"/evil2.example/x?q=1"),
        (b"http://evil.example", b"/"),
    ],
)
def test_a_location_never_names_a_host(location, relative):
    assert _relative(b"Location", location) == (b"Location", relative)


@pytest.fixture
def guarded(make_client):
    return make_client(allowed_hosts=("softmax.example", "*.school.example", "127.0.0.1"))


@pytest.mark.parametrize(
    "host", ["softmax.example", "SOFTMAX.example:443", "a.school.example", "127.0.0.1:8000"]
)
def test_allowed_hosts_are_answered(guarded, host):
    assert guarded.get("/api/presets", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "school.example.evil", "xschool.example", ""])
def test_a_foreign_host_is_400_and_never_reaches_a_redirect(guarded, host):
    for path in ("/docs/", "/", "/api/presets"):
        response = guarded.get(path, headers={"Host": host}, follow_redirects=False)
        assert response.status_code == 400
        assert "location" not in response.headers
        assert response.json() == {
            "detail": [
                {
                    "loc": ["header", "host"],
                    "msg": "is not a host of this server",
                    "type": "invalid_host",
                }
            ]
        }


@pytest.mark.parametrize(
    ("host", "status"),
    [("localhost:8000", 200), ("LOCALHOST:8000", 200), ("[::1]:8000", 200), ("localhost", 400),
     ("localhost:9000", 400), ("[::1]:9000", 400), ("[::1]", 400)],
)  # fmt: skip
def test_an_allowed_host_with_a_port_matches_that_port(make_client, host, status):
    # "localhost:8000" in SOFTMAX_ALLOWED_HOSTS used to match nothing: every request got a 400.
    client = make_client(allowed_hosts=("localhost:8000", "[::1]:8000"))
    assert client.get("/api/presets", headers={"Host": host}).status_code == status


def test_healthz_answers_any_host_for_probes(guarded):
    response = guarded.get("/healthz", headers={"Host": "10.1.2.3:8000"})
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_settings_read_allowed_hosts_and_concurrency():
    env = {"SOFTMAX_ALLOWED_HOSTS": " a.example, *.b.example ,", "SOFTMAX_LIMIT_CONCURRENCY": "50"}
    settings = Settings.from_env(env)
    assert settings.allowed_hosts == ("a.example", "*.b.example")
    assert settings.limit_concurrency == 50
    assert Settings.from_env({}).limit_concurrency == 1000
    with pytest.raises(ValueError) as info:
        Settings.from_env({"SOFTMAX_LIMIT_CONCURRENCY": "0"})
    assert str(info.value) == "SOFTMAX_LIMIT_CONCURRENCY must be an integer >= 1, got '0'"
