"""The security headers in a real browser: nothing blocked that should work, framing as promised."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from tests.ops.conftest import Server


def watch(page: Page) -> tuple[list[str], set[str]]:
    """Console errors and warnings, and every host the page contacts."""
    problems: list[str] = []
    hosts: set[str] = set()
    noted = ("error", "warning")
    page.on("console", lambda m: problems.append(m.text) if m.type in noted else None)
    page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
    return problems, hosts


@pytest.mark.parametrize("path", ["/", "/?embed=1", "/?lang=ru"])
def test_page_runs_under_the_csp_and_contacts_no_other_host(
    page: Page, server: Server, path: str
) -> None:
    problems, hosts = watch(page)
    page.goto(server.url + path)
    page.wait_for_load_state("networkidle")
    assert problems == []  # a CSP violation is reported as a console error
    assert hosts == {f"127.0.0.1:{server.port}"}


def test_docs_render_and_try_it_out_works(page: Page, server: Server) -> None:
    problems, hosts = watch(page)
    page.goto(server.url + "/docs")
    page.locator(".opblock").first.wait_for(timeout=15_000)
    operations = page.request.get(server.url + "/openapi.json").json()["paths"]
    assert page.locator(".opblock").count() == sum(len(ops) for ops in operations.values()) >= 11
    page.locator(".opblock-summary").first.click()  # GET /healthz
    page.get_by_role("button", name="Try it out").first.click()
    page.get_by_role("button", name="Execute").first.click()
    status = page.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip() == "200"
    body = page.locator(".live-responses-table tbody .microlight").first
    assert '"status": "ok"' in body.inner_text()
    assert problems == []
    assert hosts == {f"127.0.0.1:{server.port}"}


@pytest.fixture(scope="module")
def other_origin(server: Server) -> Iterator[str]:
    """A page on another origin that frames the explorer, normal and embedded."""
    html = (
        f'<!doctype html><title>other</title><iframe src="{server.url}/"></iframe>'
        f'<iframe src="{server.url}/?embed=1"></iframe>'
    ).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    # "localhost" against the explorer's "127.0.0.1": another origin.
    yield f"http://localhost:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_only_the_embed_view_can_be_framed_by_another_origin(page: Page, other_origin: str) -> None:
    problems, _ = watch(page)
    page.goto(other_origin)
    page.wait_for_load_state("networkidle")
    frames = page.frames[1:]
    assert len(frames) == 2
    embedded = [f for f in frames if "embed=1" in f.url]
    assert len(embedded) == 1
    assert embedded[0].locator("h1").first.text_content().strip() == "Softmax Explorer"
    assert [f.url for f in frames if f not in embedded] == ["chrome-error://chromewebdata/"]
    assert any("frame-ancestors 'self'" in p for p in problems)
