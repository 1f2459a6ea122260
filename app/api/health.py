"""``GET /healthz``: liveness for load balancers and the container's HEALTHCHECK."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from app.api.schemas import Health

router = APIRouter(tags=["health"])

_OK = b'{"status":"ok"}'


@router.get("/healthz", response_model=Health, summary="Is the service up?")
async def healthz() -> Response:
    return Response(_OK, media_type="application/json")
