"""The step-by-step table on a phone: 666 px wide in a 324 px box, its columns the tour talks
about (z/T - max, e^(z/T - max), p) were off-screen with only a faint shadow hinting at them.
It cannot fit (stacked, it is too tall for the tour's card to leave it in view), so the scroll
is made plain: a line under the caption says so and the class column stays while it scrolls."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

HINT = {"en": "Scroll the table sideways →", "ru": "Листайте таблицу вбок →"}
TABLE = "#steps-table"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_phone_is_told_the_steps_table_scrolls(open_page, page, watch, lang):
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(f"?lang={lang}&logits=14,12,9")  # the tour's step on adding a constant
    wrap = page.locator("#steps .table-wrap")
    hint = page.locator(f"{TABLE} caption .steps-more")
    expect(hint).to_have_text(HINT[lang])
    expect(hint).to_be_visible()
    expect(hint).to_have_attribute("aria-hidden", "true")  # the cells are all read out anyway
    box = wrap.bounding_box()
    line = hint.bounding_box()
    assert line["x"] >= box["x"] and line["x"] + line["width"] <= box["x"] + box["width"]
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth")
    # Scrolled to its end: p in view, and each row still says which class it is.
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    names = page.locator(f"{TABLE} tbody th")
    p = page.locator(f"{TABLE} tbody tr").first.locator("td").last
    expect(p).to_contain_text("0")
    right = box["x"] + box["width"]
    assert p.bounding_box()["x"] + p.bounding_box()["width"] <= right + 0.5
    for i in range(3):
        name = names.nth(i).bounding_box()
        assert abs(name["x"] - box["x"]) <= 1, (i, name, box)
    # the class column covers what scrolls under it: its cells are opaque
    assert names.first.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    watch.assert_clean()


def test_a_desktop_table_fits_without_the_hint(open_page, page, watch):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page("?lang=en&logits=14,12,9")
    caption = page.locator(f"{TABLE} caption")
    expect(caption).to_have_text("How each probability is made", use_inner_text=True)
    expect(page.locator(f"{TABLE} .steps-more")).to_be_hidden()
    assert page.locator("#steps .table-wrap").evaluate("w => w.scrollWidth <= w.clientWidth")
    watch.assert_clean()
