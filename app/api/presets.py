"""``GET /api/presets``: the article's examples and a few more."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.schemas import PresetsResponse
from app.presets import PRESETS

router = APIRouter(prefix="/api", tags=["presets"])


@router.get(
    "/presets",
    response_model=PresetsResponse,
    summary="Example logits, labelled in English and Russian",
)
async def get_presets() -> dict:
    return {"presets": PRESETS}
