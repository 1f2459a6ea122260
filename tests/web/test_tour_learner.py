"""What a learner met in the tour: a wrong pick looked selected while the right answer had
only an outline; on a phone the choices were below the sheet's edge; the loss was written
−log p where the lab writes −ln p."""
# ruff: noqa: RUF001, RUF002  (Russian text and math signs are what the page shows)

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

CARD = "#tour"
STEPS = 12
MARKED = {
    "en": {"right": "the right answer", "wrong": "your answer, wrong", "next": "Next"},
    "ru": {"right": "правильный ответ", "wrong": "ваш ответ, неверный", "next": "Далее"},
}
STYLE = """b => { const s = getComputedStyle(b);
  return {bg: s.backgroundColor, border: s.borderTopColor, color: s.color}; }"""


@pytest.mark.parametrize(("lang", "width", "height"), [("en", 1280, 800), ("ru", 390, 844)])
def test_a_wrong_pick_is_marked_wrong_and_the_right_answer_right(
    open_page, page, watch, lang, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    open_page(f"?tour=9&lang={lang}")
    choices = page.locator(f"{CARD} .tour-choice")
    expect(choices).to_have_count(3)
    for i in range(3):  # nothing is marked before the learner answers
        expect(choices.nth(i).locator(".tour-mark")).to_have_text("")
    choices.nth(1).click()  # "Positive": wrong, the answer is "Negative"
    wrong, right, other = choices.nth(1), choices.nth(0), choices.nth(2)
    expect(wrong).to_have_class(re.compile(r"\bwrong\b"))
    expect(wrong.locator(".tour-mark")).to_have_text("✗")
    expect(right.locator(".tour-mark")).to_have_text("✓")
    expect(other.locator(".tour-mark")).to_have_text("")
    expect(wrong).to_have_accessible_name(re.compile(re.escape(MARKED[lang]["wrong"]) + r"\)$"))
    expect(right).to_have_accessible_name(re.compile(re.escape(MARKED[lang]["right"]) + r"\)$"))
    expect(other).not_to_have_accessible_name(re.compile(r"\("))
    # The pick is not painted in the "selected" style: neither answer looks like a pressed
    # button (the language button shows that style), and right and wrong differ.
    pressed = page.locator(".lang-btn[aria-pressed='true']").evaluate(STYLE)
    shown_wrong, shown_right = wrong.evaluate(STYLE), right.evaluate(STYLE)
    for shown in (shown_wrong, shown_right):
        assert shown["bg"] != pressed["bg"], (shown, pressed)
        assert shown["color"] != pressed["color"], (shown, pressed)
    assert shown_wrong["bg"] != shown_right["bg"]
    assert shown_wrong["border"] != shown_right["border"]
    # A right pick is marked right, and nothing is marked wrong.
    page.goto(page.url.replace("tour=9", "tour=3"))
    choices.nth(0).click()
    expect(choices.nth(0).locator(".tour-mark")).to_have_text("✓")
    expect(page.locator(f"{CARD} .tour-choice.wrong")).to_have_count(0)
    watch.assert_clean()


IN_VIEW = """() => {
  const body = document.querySelector('#tour .tour-body').getBoundingClientRect();
  const q = document.querySelector('#tour .tour-q').getBoundingClientRect();
  const out = [...document.querySelectorAll('#tour .tour-choice')]
    .map(b => b.getBoundingClientRect())
    .filter(r => r.top < body.top - 1 || r.bottom > body.bottom + 1);
  if (q.top < body.top - 1 || q.bottom > body.bottom + 1) return 'question hidden';
  return out.length ? `${out.length} choices hidden below ${body.bottom}` : 'ok';
}"""


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_phone_step_opens_with_its_question_and_choices_in_view(open_page, page, watch, lang):
    page.set_viewport_size({"width": 390, "height": 844})
    page.emulate_media(reduced_motion="reduce")
    open_page(f"?tour=1&lang={lang}")
    card = page.locator(CARD)
    asked = 0
    for n in range(1, STEPS + 1):
        expect(page.locator("#tour-count")).to_have_text(f"{n} / {STEPS}")
        expect(card).to_have_attribute("data-numbers", "ready")
        page.wait_for_timeout(150)  # the sheet scrolls in the next frame
        if card.locator(".tour-q").is_visible():
            asked += 1
            assert page.evaluate(IN_VIEW) == "ok", (n, page.evaluate(IN_VIEW))
        if n < STEPS:
            card.get_by_role("button", name=MARKED[lang]["next"], exact=True).click()
    assert asked >= 9
    watch.assert_clean()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_tour_writes_the_loss_with_ln_as_the_lab_does(open_page, page, watch, lang):
    open_page(f"?tour=8&lang={lang}")
    body = page.locator(f"{CARD} .tour-body")
    page.locator(f"{CARD} .tour-choice").first.click()
    expect(body).to_contain_text("L = −ln p(")
    expect(body).to_contain_text(re.compile(r"L = −ln \d"))
    assert not re.search(r"\blog\b|логарифм", body.inner_text())
    expect(page.locator("[data-panel=lab]")).to_contain_text("−ln p(")
    watch.assert_clean()
