"""Browser test fixtures: a real uvicorn server on a free port and Debian's Chromium.

Both come from tests/support/serve.py, which benchmarks and scripts use too.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.support.serve import CHROMIUM, CHROMIUM_ARGS, serve


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """The app served in a subprocess; yields its base URL (ending in /)."""
    with serve(SOFTMAX_LOG_LEVEL="warning") as s:
        yield s.url + "/"


class PageWatch:
    """What a page did that a test may want to forbid: console errors, page errors,
    dialogs, and requests to any host other than the app's."""

    def __init__(self, base: str) -> None:
        self.host = urlsplit(base).netloc
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []
        self.foreign: list[str] = []

    def attach(self, page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("dialog", self._dialog)
        page.on("request", self._request)

    def _console(self, msg) -> None:
        if msg.type in ("error", "warning"):
            self.console_errors.append(f"{msg.type}: {msg.text}")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.netloc != self.host:
            self.foreign.append(request.url)

    def assert_clean(self, *, allow_console: tuple[str, ...] = ()) -> None:
        errors = [e for e in self.console_errors if not any(a in e for a in allow_console)]
        assert errors == [], errors
        assert self.page_errors == [], self.page_errors
        assert self.dialogs == [], self.dialogs
        assert self.foreign == [], self.foreign


@pytest.fixture
def watch(page, server) -> PageWatch:
    w = PageWatch(server)
    w.attach(page)
    return w


@pytest.fixture
def open_page(page, server, watch):
    """open_page("?logits=1,2") loads the page and waits until numbers from the API are shown."""

    def _open(query: str = "", *, wait: bool = True):
        page.goto(server + query)
        if wait:
            page.wait_for_selector("body[data-ready='1']", timeout=10_000)
        return page

    return _open
