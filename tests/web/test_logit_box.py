"""A logit box that cannot read its text as one number says so (it dropped "1,2,3" silently,
kept 1.2 and showed "1,2" on blur): aria-invalid, a visible border and a short message in the
page's language, the state untouched meanwhile, the last valid value back on blur."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

BOX = {"en": "salad logit, exact value", "ru": "салат: логит, точное значение"}
OTHER = {"en": "pizza logit, exact value", "ru": "пицца: логит, точное значение"}
SAYS = {"en": "Not one number: the salad logit stays 1.2.",
        "ru": "Это не одно число: логит «салат» остаётся 1,2."}  # fmt: skip


@pytest.mark.parametrize(("lang", "width"), [("en", 1280), ("ru", 390)])
def test_a_box_marks_text_that_is_not_one_number(open_page, page, watch, lang, width):
    page.set_viewport_size({"width": width, "height": 844})
    open_page(f"?lang={lang}")  # the food example: pizza 4, burger 2, salad -1
    box = page.get_by_label(BOX[lang])
    box.select_text()
    page.keyboard.type("1,2")  # a Russian decimal comma: 1.2
    expect(page).to_have_url(re.compile(r"logits=4,2,1\.2&"))
    expect(box).to_have_attribute("aria-invalid", "false")
    page.keyboard.type(",3")
    expect(box).to_have_attribute("aria-invalid", "true")
    message = page.locator("#" + box.get_attribute("aria-describedby"))
    expect(message).to_have_text(SAYS[lang])
    expect(message).to_be_visible()
    tint = "e => getComputedStyle(e).backgroundColor"
    assert box.evaluate(tint) != page.get_by_label(OTHER[lang]).evaluate(tint)
    page.wait_for_timeout(400)  # the page's answers arrive; the typed text and the state stay
    expect(box).to_have_value("1,2,3")
    expect(page).to_have_url(re.compile(r"logits=4,2,1\.2&"))
    expect(page.locator("#figure .band-z .bval").nth(2)).to_have_text(
        "1.2" if lang == "en" else "1,2"
    )
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")  # "1,2" again
    expect(box).to_have_attribute("aria-invalid", "false")
    expect(message).to_have_text("")
    page.keyboard.type("x")
    expect(box).to_have_attribute("aria-invalid", "true")
    box.blur()  # back to the last valid value, unmarked
    expect(box).to_have_value("1.2" if lang == "en" else "1,2")
    expect(box).to_have_attribute("aria-invalid", "false")
    expect(message).to_have_text("")
    watch.assert_clean()
