"""Browser-test helpers about what the reader can see."""

from __future__ import annotations


def in_view(page, locator) -> bool:
    """The whole element is inside the viewport (not scrolled away, not cut off)."""
    box = locator.bounding_box()
    size = page.viewport_size
    return (
        box is not None
        and box["y"] >= 0
        and box["y"] + box["height"] <= size["height"]
        and box["x"] >= 0
        and box["x"] + box["width"] <= size["width"]
    )
