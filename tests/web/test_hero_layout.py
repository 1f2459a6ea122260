"""The hero figure's layout where it was cramped: class names on a phone (Russian names were
cut to "бург…") and the logit bars beside the tour's card at 1280 px (they were ~40 px long)."""
# ruff: noqa: RUF002  (Russian text is what the page shows)

from __future__ import annotations

import pytest
from playwright.sync_api import expect

NEXT_WORD_RU = "?lang=ru&labels=клавиатуру,коврик,крышу&logits=1,2,3"
CUT_NAMES = "[...document.querySelectorAll('#figure .bname')]" \
    ".filter(e => e.scrollWidth > e.clientWidth).map(e => e.textContent)"  # fmt: skip
# The left edge of the first bar of each band: stacked bands line up.
BAR_LEFTS = "['z', 'e', 'p'].map(k => document.querySelector(`#figure .band-${k} .track`)" \
    ".getBoundingClientRect().left)"  # fmt: skip


@pytest.mark.parametrize(
    "query", ["?lang=ru", NEXT_WORD_RU, "?lang=en&labels=keyboard,mat,roof&logits=1,2,3"]
)
@pytest.mark.parametrize("width", [360, 390, 700])
def test_class_names_are_not_cut_on_phones(open_page, page, watch, query, width):
    page.set_viewport_size({"width": width, "height": 844})
    open_page(query)
    expect(page.locator("#figure .band-p .bname").first).not_to_be_empty()
    assert page.evaluate(CUT_NAMES) == []
    lefts = page.evaluate(BAR_LEFTS)
    assert max(lefts) - min(lefts) < 1, lefts
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    watch.assert_clean()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_logit_bars_stay_long_beside_the_tour(open_page, page, watch, lang):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page(f"?tour=1&lang={lang}")
    expect(page.locator("#tour")).to_be_visible()
    sliders = page.locator("#figure .zslider")
    expect(sliders).to_have_count(3)
    for i in range(3):
        assert sliders.nth(i).bounding_box()["width"] >= 200
    assert page.evaluate(CUT_NAMES) == []
    watch.assert_clean()


def test_side_by_side_bands_still_fit_1280_without_the_tour(open_page, page, watch):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page("?lang=en")
    # wide enough for the bands side by side: the shares' names are hidden there
    expect(page.locator("#figure .band-p .bname").first).to_have_css("position", "absolute")
    assert page.locator("#figure .zslider").first.bounding_box()["width"] >= 150
    watch.assert_clean()


@pytest.mark.parametrize(("width", "query"), [(1280, "?lang=ru&tour=12"), (360, NEXT_WORD_RU)])
def test_the_probability_table_stays_in_its_card(open_page, page, watch, width, query):
    # "Жёсткий максимум" on one line pushed the table out of the card beside the tour
    page.set_viewport_size({"width": width, "height": 800})
    open_page(query)
    table = page.locator("table.bars")
    expect(table.locator("tbody tr")).to_have_count(3)
    right, card = table.evaluate(
        "t => [t.getBoundingClientRect().right, t.closest('section').getBoundingClientRect().right]"
    )
    assert right <= card + 0.5, (right, card)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    watch.assert_clean()
