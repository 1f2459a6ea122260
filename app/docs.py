"""Swagger UI at ``/docs``, served by the app itself.

FastAPI's default /docs loads Swagger UI from a CDN (no use offline, and the
CSP forbids it) and starts it with an inline script (the CSP forbids that too).
Here the Swagger UI files come from the ``fastapi-offline`` package and the
start-up code is a separate script, ``/docs/init.js``.
"""

from __future__ import annotations

import html
import logging
from importlib.util import find_spec
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response

from app.assets import StaticAssets

__all__ = ["SWAGGER_DIR", "install_docs"]

logger = logging.getLogger("app.docs")


def _swagger_dir() -> Path | None:
    spec = find_spec("fastapi_offline")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "static"


SWAGGER_DIR = _swagger_dir()

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Softmax Explorer API</title>
<link rel="stylesheet" href="{root}/docs/assets/swagger-ui.css">
<link rel="icon" href="{root}/docs/assets/favicon.png">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{root}/openapi.json"></div>
<script src="{root}/docs/assets/swagger-ui-bundle.js"></script>
<script src="{root}/docs/init.js"></script>
</body>
</html>
"""

# validatorUrl null: Swagger UI would otherwise send the schema to an outside validator.
_INIT_JS = b"""const root = document.getElementById("swagger-ui");
window.ui = SwaggerUIBundle({
  url: root.dataset.openapiUrl,
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
});
"""


def install_docs(app: FastAPI) -> None:
    """Add /docs (create the app with ``docs_url=None``) when Swagger UI's files are there."""
    if SWAGGER_DIR is None:
        logger.warning("fastapi-offline is not installed: no /docs (the schema is /openapi.json)")
        return

    @app.get("/docs", include_in_schema=False)
    async def docs(request: Request) -> HTMLResponse:
        root = html.escape(request.scope.get("root_path", ""))
        return HTMLResponse(_PAGE.format(root=root))

    @app.get("/docs/init.js", include_in_schema=False)
    async def docs_init() -> Response:
        return Response(_INIT_JS, media_type="text/javascript")

    app.mount("/docs/assets", StaticAssets(directory=SWAGGER_DIR), name="docs-assets")
