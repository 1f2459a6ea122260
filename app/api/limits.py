"""Per-request limits that depend on the settings (body size is checked while reading)."""

from __future__ import annotations

from fastapi import Request

from app.api.errors import ApiError


def check_count(request: Request, field: str, count: int) -> None:
    """Refuse (413) a request whose `field` holds more numbers than allowed."""
    limit = request.app.state.settings.max_numbers
    if count > limit:
        raise ApiError(
            413,
            ["body", field],
            f"{count} values are more than the limit of {limit}",
            "too_many_values",
        )


def size(values: list) -> int:
    """Number of scalars in a vector or a list of rows."""
    if values and isinstance(values[0], list):
        return sum(len(row) for row in values)
    return len(values)
