"""The step-by-step table on a phone: it was 666 px wide in a 324 px scroll box, so the columns
the tour talks about (z/T − max, e^(z/T − max), p) were off-screen. Narrow, each class is now
a block of two columns under a legend of the same shape, with nothing to scroll sideways."""
# ruff: noqa: RUF002  (math signs are what the page shows)

from __future__ import annotations

import pytest
from playwright.sync_api import expect

# Each cell's box, by row (the legend first, then the classes, then the sums).
BOXES = """() => [...document.querySelectorAll('#steps-table tr')].map(tr => [...tr.children]
  .map(c => { const r = c.getBoundingClientRect(); return [r.left, r.right, r.top]; }))"""


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_steps_fit_a_phone_under_a_legend(open_page, page, watch, lang):
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(f"?lang={lang}&logits=14,12,9")  # the tour's step on adding a constant
    wrap = page.locator("#steps .table-wrap")
    expect(page.locator("#steps-table tbody tr").first.locator("td").nth(2)).to_contain_text("202")
    assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth"), "the table scrolls sideways"
    box = wrap.bounding_box()
    rows = page.evaluate(BOXES)
    legend, *classes = rows
    for row in rows:
        for left, right, _ in row:
            assert box["x"] - 0.5 <= left and right <= box["x"] + box["width"] + 0.5, row
    for row in classes:  # each value sits under its name in the legend, which is two wide
        assert [round(c[0]) for c in row[1:]] == [round(c[0]) for c in legend[1:]], (row, legend)
        assert len({round(c[2]) for c in row[1:]}) == 3, row  # three lines of two
    # Scrolled down to the last class, the legend is still in view above it.
    last = page.locator("#steps-table tbody tr").last
    last.evaluate("e => scrollTo(0, e.getBoundingClientRect().top + scrollY - 200)")
    head = page.locator("#steps-table thead").bounding_box()
    assert head["y"] >= 0 and head["y"] + head["height"] <= last.bounding_box()["y"] + 0.5, head
    watch.assert_clean()


def test_the_steps_stay_one_row_per_class_on_a_desktop(open_page, page, watch):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page("?lang=en&logits=14,12,9")
    expect(page.locator("#steps-table tbody tr").first.locator("td").nth(2)).to_contain_text("202")
    for row in page.evaluate(BOXES):
        assert len({round(c[2]) for c in row}) == 1, row
    watch.assert_clean()
