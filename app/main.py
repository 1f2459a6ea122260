"""The application factory: ``create_app(settings)`` and the ASGI ``app``."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from app import web
from app.api import ROUTERS
from app.api.errors import install_error_handlers
from app.api.routing import add_routes
from app.assets import StaticAssets
from app.docs import install_docs
from app.middleware import HttpGuard
from app.paths import STATIC_DIR
from app.security import SecurityMiddleware
from app.settings import Settings

DESCRIPTION = """
Softmax turns raw scores (logits) into probabilities that sum to 1.
This API computes softmax, log-softmax, temperature sweeps, cross-entropy with
its gradient, and reproducible sampling, over a numerically stable numpy core.

* Logits: one vector `[...]` or a batch of rows `[[...], ...]` (softmax along each row).
* JSON has no infinity: a log-probability of exactly zero probability is sent as `null`.
* Every error is a 4xx with `{"detail": [{"loc", "msg", "type"}]}`.
"""


_NO_TELEMETRY = {"tracing": False, "metrics": False, "logs": False}


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build a fresh application (tests make one per configuration)."""
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="Softmax Explorer",
        version="0.1.0",
        description=DESCRIPTION,
        docs_url=None,  # app.docs serves Swagger UI locally, under the CSP
        redoc_url=None,
        telemetry=None if settings.opentelemetry else _NO_TELEMETRY,
    )
    app.state.settings = settings
    install_error_handlers(app)
    for router in [*ROUTERS, web.router]:
        add_routes(app, router)
    app.mount("/static", StaticAssets(directory=STATIC_DIR), name="static")
    install_docs(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
        )
    app.add_middleware(HttpGuard, allowed_hosts=settings.allowed_hosts)
    # Added after the guard, so it wraps CORS and the guard: every response carries the headers.
    app.add_middleware(
        SecurityMiddleware,
        embed_frame_ancestors=settings.embed_frame_ancestors,
        body_timeout=settings.body_timeout,
    )
    if settings.root_path:
        app.add_middleware(RootPath, root_path=settings.root_path)  # outermost: seen by all
    return app


class RootPath:
    """Serve under a path prefix (``SOFTMAX_ROOT_PATH``), whether the proxy strips it or not.

    Sets the ASGI scope's ``root_path`` and, where the proxy stripped the
    prefix, puts it back in front of ``path`` (the scope's path is the full
    path), as uvicorn's ``--root-path`` does; FastAPI's own ``root_path``
    argument is deprecated. Routing then ignores the prefix, and the URLs the
    app writes (redirects, OpenAPI's server, /docs) carry it; the page's own
    links are relative.
    """

    def __init__(self, app: ASGIApp, root_path: str) -> None:
        self.app = app
        self.root_path = root_path
        self.prefix = root_path + "/"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "lifespan":
            scope["root_path"] = root = self.root_path
            path = scope["path"]
            if path != root and not path.startswith(self.prefix):
                scope["path"] = root + path
                if scope.get("raw_path"):
                    scope["raw_path"] = root.encode() + scope["raw_path"]
        await self.app(scope, receive, send)


app = create_app()
