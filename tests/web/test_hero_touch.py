"""The logit bars under a finger (a phone, 390x844, Russian): a tap or a vertical swipe that
starts on a bar changed its logit (each bar was a full-width range input), so a teacher
scrolling past the example broke it. Now only a sideways drag moves a value, by as much as
the finger moves. Touches are sent through CDP's Input.dispatchTouchEvent."""
# ruff: noqa: RUF001  (Russian text is what the page shows)

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.web.conftest import PageWatch

VALUES = "#figure .band-z .bval"


@pytest.fixture
def phone(browser, server):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="ru-RU", has_touch=True, is_mobile=True
    )
    page = context.new_page()
    watch = PageWatch(server)
    watch.attach(page)
    page.goto(server)
    page.wait_for_selector("body[data-ready='1']", timeout=10_000)
    cdp = context.new_cdp_session(page)

    def touch(kind: str, x: float = 0, y: float = 0) -> None:
        points = [] if kind == "touchEnd" else [{"x": x, "y": y}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    yield page, touch, watch
    context.close()


def bar(page, name: str):
    return page.get_by_label(f"{name}: логит", exact=True)


def point(page, name: str, share: float) -> tuple[float, float]:
    box = bar(page, name).bounding_box()
    return box["x"] + box["width"] * share, box["y"] + box["height"] / 2


def test_a_swipe_up_from_a_bar_scrolls_the_page_and_a_tap_changes_nothing(phone):
    page, touch, watch = phone
    expect(page.locator(VALUES)).to_have_text(["4", "2", "−1"])
    x, y = point(page, "пицца", 0.3)  # left of the thumb, where -4 would be
    touch("touchStart", x, y)
    for k in range(1, 15):
        touch("touchMove", x + 1, y - 15 * k)
        page.wait_for_timeout(16)
    touch("touchEnd")
    page.wait_for_timeout(400)
    assert page.evaluate("scrollY") > 50  # the page scrolled ...
    expect(page.locator(VALUES)).to_have_text(["4", "2", "−1"])  # ... and no logit changed
    page.evaluate("scrollTo(0, 0)")
    page.wait_for_timeout(100)
    x, y = point(page, "салат", 0.9)  # where 8 would be
    page.touchscreen.tap(x, y)
    page.wait_for_timeout(300)
    expect(page.locator(VALUES)).to_have_text(["4", "2", "−1"])
    assert "logits=" not in page.url or "logits=4,2,-1" in page.url
    watch.assert_clean()


def test_a_sideways_drag_moves_the_value_as_far_as_the_finger(phone):
    page, touch, watch = phone
    box = bar(page, "бургер").bounding_box()
    x, y = point(page, "бургер", 0.3)  # away from the thumb (at 2, 60 %): no jump to -4
    touch("touchStart", x, y)
    for k in range(1, 11):
        touch("touchMove", x + 3 * k, y + (k % 2))
        page.wait_for_timeout(16)
    touch("touchEnd")
    page.wait_for_timeout(300)
    expected = 2 + 30 * 20 / (box["width"] - 14)  # 30 px of a bar spanning -10..10
    value = float(bar(page, "бургер").input_value())
    assert abs(value - expected) <= 0.15, (value, expected)
    assert page.evaluate("scrollY") == 0
    shown = f"{value:g}".replace(".", ",")
    expect(page.locator(VALUES)).to_have_text(["4", shown, "−1"])
    expect(page).to_have_url(re.compile(rf"logits=4,{value:g},-1"))
    watch.assert_clean()
