"""The application factory: ``create_app(settings)`` and the ASGI ``app``."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from app import web
from app.api import ROUTERS
from app.api.errors import install_error_handlers
from app.api.routing import add_routes
from app.docs import install_docs
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


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build a fresh application (tests make one per configuration)."""
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="Softmax Explorer",
        version="0.1.0",
        description=DESCRIPTION,
        root_path=settings.root_path,
        docs_url=None,  # app.docs serves Swagger UI locally, under the CSP
        redoc_url=None,
    )
    app.state.settings = settings
    install_error_handlers(app)
    for router in [*ROUTERS, web.router]:
        add_routes(app, router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_docs(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
        )
    # Added last, so it wraps CORS too: every response carries the headers.
    app.add_middleware(
        SecurityMiddleware,
        embed_frame_ancestors=settings.embed_frame_ancestors,
        body_timeout=settings.body_timeout,
    )
    return app


app = create_app()
