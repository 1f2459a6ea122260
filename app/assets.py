"""Static files that browsers revalidate, sent gzipped.

* ``Cache-Control: no-cache``: the files keep their names between releases, so
  a browser may keep a copy but must ask before using it; the ETag (or
  Last-Modified) makes that question cheap, a 304 without a body. The icon is
  kept for a day instead.
* Text (JavaScript, CSS, SVG, JSON) goes gzipped to clients that accept it,
  about a quarter of its size. Each version of a file (path, mtime, size) is
  compressed once, in a worker thread, and kept in memory: the files are few
  and small, and compressing on every request would cost CPU time the API
  could use. Range requests get the file as it is.
"""

from __future__ import annotations

import gzip
import mimetypes
import os
from pathlib import Path

import anyio
from starlette.datastructures import Headers
from starlette.responses import FileResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

__all__ = ["StaticAssets"]

_TEXT = ("text/", "application/javascript", "application/json", "image/svg+xml")
MIN_GZIP_BYTES = 512


class StaticAssets(StaticFiles):
    """``StaticFiles`` with revalidation and cached gzip; see the module docstring."""

    def __init__(self, *, directory: str | os.PathLike[str]) -> None:
        super().__init__(directory=directory)
        self._gzipped: dict[tuple[str, int, int], bytes] = {}

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        # On 304s too. The icon is the exception: Chromium asks for it again on every
        # history.replaceState (the page writes its URL while a slider moves), and a
        # day-old icon is harmless.
        icon = Path(full_path).name == "favicon.svg"
        response.headers["cache-control"] = "max-age=86400" if icon else "no-cache"
        media_type = mimetypes.guess_type(full_path)[0] or ""  # as FileResponse guesses it
        if media_type.startswith(_TEXT) and stat_result.st_size >= MIN_GZIP_BYTES:
            response.headers["vary"] = "Accept-Encoding"
        return response

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if not (
            isinstance(response, FileResponse)
            and response.status_code == 200
            and "vary" in response.headers  # text worth compressing
            and _accepts_gzip(scope)
        ):
            return response
        stat_result = response.stat_result
        assert stat_result is not None  # StaticFiles always passes it
        key = (str(response.path), stat_result.st_mtime_ns, stat_result.st_size)
        body = self._gzipped.get(key)
        if body is None:
            body = await anyio.to_thread.run_sync(_gzip_file, key[0])
            self._gzipped[key] = body
        headers = {
            name: value
            for name, value in response.headers.items()
            if name not in ("content-length", "etag")
        }
        # The same content in another encoding: a weak validator, so that
        # If-None-Match still finds the file unchanged (StaticFiles compares
        # without the W/).
        headers["etag"] = "W/" + response.headers["etag"]
        headers["content-encoding"] = "gzip"
        return Response(body, headers=headers)


def _accepts_gzip(scope: Scope) -> bool:
    headers = Headers(scope=scope)
    if "range" in headers:
        return False
    for item in headers.get("accept-encoding", "").split(","):
        coding, _, params = item.partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def _gzip_file(path: str) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)
