"""Our words for pydantic errors whose own read like its internals.

One entry per pydantic error type; the message changes, never the location or
the type (clients may branch on those). Each entry may answer None to keep
pydantic's message, which for most types already says what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["reworded"]


def reworded(err: dict[str, Any], fields: Sequence[str] = ()) -> str:
    """The message for pydantic error `err` (with input and ctx); `fields`: the model's fields."""
    reword = _WORDING.get(err["type"])
    # "Value error, " is pydantic's prefix for our validators' own messages.
    return (reword and reword(err, fields)) or err["msg"].removeprefix("Value error, ")


def _items(n: int) -> str:
    return "1 item" if n == 1 else f"{n} items"


def _too_short(err: dict, fields: Sequence[str]) -> str | None:
    ctx = err.get("ctx") or {}
    least, got = ctx.get("min_length"), ctx.get("actual_length")
    if least is None:
        return None
    if got == 0:
        return f"must not be empty: it needs at least {_items(least)}"
    return f"must have at least {_items(least)}" + ("" if got is None else f", got {got}")


def _too_long(err: dict, fields: Sequence[str]) -> str | None:
    ctx = err.get("ctx") or {}
    most, got = ctx.get("max_length"), ctx.get("actual_length")
    if most is None:
        return None
    return f"must have at most {_items(most)}" + ("" if got is None else f", got {got}")


def _unknown_field(err: dict, fields: Sequence[str]) -> str:
    # Request models have no nested models, so an unknown key is a top-level one.
    return f"unknown field; this endpoint takes {', '.join(fields)}" if fields else "unknown field"


def _not_a_number(err: dict, fields: Sequence[str]) -> str | None:
    if not isinstance(err.get("input"), list):
        return None  # pydantic's "Input should be a valid number" says it
    # Only a vector-only `logits` has items located ("logits", i): where a batch
    # is accepted too, pydantic's location carries the union's tag.
    if len(err["loc"]) == 2 and err["loc"][0] == "logits" and isinstance(err["loc"][1], int):
        return (
            "must be a number: this endpoint takes one vector of logits; "
            "a batch (a list of rows) goes to POST /api/softmax"
        )
    return "must be a number, not a list"


def _invalid_json(err: dict, fields: Sequence[str]) -> str | None:
    raw, reason = err.get("input"), (err.get("ctx") or {}).get("error", "")
    if isinstance(raw, bytes):
        if not raw.strip():
            return "the body is empty: send a JSON object"
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            return f"the body must be UTF-8 JSON; it is not valid UTF-8 at byte offset {exc.start}"
    if reason.startswith("recursion limit exceeded"):
        where = reason.removeprefix("recursion limit exceeded").strip()
        return f"the JSON is nested too deeply ({where})"
    return None


# pydantic error type -> our message (None: pydantic's own says it well enough).
_WORDING: dict[str, Callable[[dict, Sequence[str]], str | None]] = {
    "too_short": _too_short,
    "too_long": _too_long,
    "extra_forbidden": _unknown_field,
    "float_type": _not_a_number,
    "json_invalid": _invalid_json,
}
