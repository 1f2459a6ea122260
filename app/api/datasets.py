"""``GET /api/datasets`` and ``GET /api/datasets/{name}``: data for the classifier page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.classifier_schemas import DatasetResponse, DatasetsResponse
from app.api.errors import ApiError, ErrorResponse, is_plain_name
from app.datasets import NAMES, catalogue, dataset

router = APIRouter(prefix="/api", tags=["datasets"])


@router.get(
    "/datasets",
    response_model=DatasetsResponse,
    summary="The datasets: the Iris data and 2-D sets made from a seed",
)
async def get_datasets() -> dict:
    return {"datasets": catalogue()}


@router.get(
    "/datasets/{name}",
    response_model=DatasetResponse,
    responses={404: {"model": ErrorResponse, "description": "No dataset of that name"}},
    summary="One dataset: rows x, labels y, feature and class names (en, ru), source",
)
async def get_dataset(
    name: str,
    seed: Annotated[
        int, Query(ge=0, le=2**32 - 1, description="for the synthetic sets; ignored for iris")
    ] = 0,
) -> dict:
    if name not in NAMES:
        # As for unknown fields, only a short plain name is echoed back (issue 14).
        what = f"named {name!r}" if is_plain_name(name) else "of that name"
        raise ApiError(
            404, ["path", "name"], f"no dataset {what}; one of: {', '.join(NAMES)}", "not_found"
        )
    return dataset(name, seed)
