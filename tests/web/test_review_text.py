"""Wording a reviewer found wrong while trying the page: Russian class names quoted after a
preposition that needs another case ("чем у «бургер»"), and the "+1 to every logit" note
showing its power as "e^{z/T}" where every other place has a real superscript."""
# ruff: noqa: RUF001, RUF002, RUF003  (Russian text is what the page shows)

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

# A quoted class name is nominative; after these words Russian wants another case, so the
# text must say "у класса «бургер»", not "у «бургер»".
BAD_CASE = re.compile(r"(?<![\w-])(?:у|для|долей|отдала|даёт|чем у) «")


def test_russian_tour_declines_class_names(open_page, page, watch):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page("?tour=1&lang=ru")
    found = []
    for n in range(1, 13):
        card = page.locator("#tour")
        expect(card.locator(".tour-count")).to_contain_text(f"{n} / 12")
        choices = card.locator(".tour-choice:visible")
        if choices.count():
            choices.first.click()
            expect(card.locator(".tour-verdict")).to_be_visible()
        text = card.locator(".tour-body").inner_text()
        found += [f"{n}: {m.group(0)}" for m in BAD_CASE.finditer(text)]
        if n < 12:
            card.get_by_role("button", name="Далее", exact=True).click()
    assert found == []
    watch.assert_clean()


def test_the_hard_max_formula_declines_the_class_name(open_page, page, watch):
    open_page("?lang=ru&t=0")
    formula = page.locator("[data-panel=formula]")
    expect(formula).to_contain_text("у класса «пицца» наибольший логит")
    watch.assert_clean()


@pytest.mark.parametrize(
    ("lang", "name"), [("en", "+1 to every logit"), ("ru", "+1 ко всем логитам")]
)
def test_the_shift_note_has_a_real_superscript(open_page, page, watch, lang, name):
    open_page(f"?lang={lang}")
    page.get_by_role("button", name=name, exact=True).click()
    note = page.locator(".inv-note")
    expect(note).not_to_be_empty()
    assert "^" not in note.inner_text()
    expect(note.locator("sup")).to_have_text(["z/T"])
    watch.assert_clean()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_classifier_writes_indices_as_subscripts(open_page, page, watch, lang):
    # "z_k = w_k1 · x₁" mixed programmer's underscores with real subscripts in one line
    open_page(f"classifier?dataset=iris&lang={lang}")
    help_text = page.locator("[data-i18n='model.help']")
    expect(help_text).to_contain_text("zₖ = wₖ₁ · x₁ + wₖ₂ · x₂ + bₖ")
    assert "_" not in help_text.inner_text()
    watch.assert_clean()
