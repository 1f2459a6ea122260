"""The guided tour (issue 12, item 2) in a real browser: ?tour=N, Back/Next, the address,
the page's own numbers, predictions before reveals, Esc, focus, phones and desktops."""
# ruff: noqa: RUF001  (Russian text and math signs are what the page shows)

from __future__ import annotations

import math
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

STEPS = 12
CARD = "#tour"
FOOD = "labels=pizza,burger,salad&logits=4,2,-1&t=1"
# What each step writes into the address (besides tour=N and lang), in English.
STATE = {
    1: FOOD, 2: FOOD, 3: FOOD,
    4: "labels=sunny,rainy,snowy&logits=5.2,0.8,-3.1&t=1",
    5: FOOD, 6: FOOD, 7: FOOD,
    8: FOOD + "&target=0", 9: FOOD + "&target=0",
    10: "labels=cat,dog&logits=1.5,-0.5&t=1",
    11: FOOD, 12: FOOD,
}  # fmt: skip
WORDS = {
    "en": {"next": "Next", "back": "Back", "close": "Close", "open": "Take the tour"},
    "ru": {"next": "Далее", "back": "Назад", "close": "Закрыть", "open": "Пройти по шагам"},
}
LOOK_CLEAR = """() => {
  const card = document.querySelector('#tour').getBoundingClientRect();
  const look = document.querySelector('.tour-look');
  if (!look) return 'nothing to look at';
  const r = look.getBoundingClientRect();
  const overlap = r.left < card.right && card.left < r.right
    && r.top < card.bottom && card.top < r.bottom;
  if (overlap) return `covered: ${JSON.stringify(r)} by ${JSON.stringify(card)}`;
  if (r.top < -1 || r.bottom > innerHeight + 1) return `out of view: ${JSON.stringify(r)}`;
  return 'ok';
}"""


def button(page, lang: str, name: str):
    return page.locator(CARD).get_by_role("button", name=WORDS[lang][name], exact=True)


def softmax(page, server: str, logits: list[float], t: float) -> dict:
    r = page.request.post(server + "api/softmax", data={"logits": logits, "temperature": t})
    assert r.ok, r.text()
    return r.json()


def pct(p: float) -> str:
    return f"{p * 100:.1f} %"


def fine(p: float) -> str:
    """Two decimals in percent; a share that would show 0.00 gets one significant digit."""
    x = p * 100
    if x >= 0.005:
        return f"{x:.2f} %"
    digits = -math.floor(math.log10(x))
    return f"{round(x, digits):.{digits}f} %"


def answer(page, index: int) -> None:
    page.locator(f"{CARD} .tour-choice").nth(index).click()


@pytest.mark.parametrize(("lang", "width", "height"), [("en", 1280, 800), ("ru", 390, 844)])
def test_walk_every_step_with_next(open_page, page, watch, lang, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(reduced_motion="reduce")
    open_page(f"?tour=1&lang={lang}")
    card = page.locator(CARD)
    expect(card).to_be_visible()
    assert page.evaluate("document.querySelector('#tour').contains(document.activeElement)")
    for k in range(1, STEPS + 1):
        expect(page.locator("#tour-count")).to_have_text(f"{k} / {STEPS}")
        expect(page).to_have_url(re.compile(rf"&tour={k}$"))
        wanted = {**dict(parse_qsl(STATE[k])), "lang": lang, "tour": str(k)}
        if lang != "en":
            del wanted["labels"]
        query = dict(parse_qsl(urlsplit(page.url).query))
        assert {key: query.get(key) for key in wanted} == wanted, (k, query)
        assert ("target" in query) == ("target" in wanted), (k, query)
        expect(card.locator(".tour-body")).not_to_contain_text("{")
        # The card leaves what the step points at in view and uncovered (numbers settle first).
        expect(card).to_have_attribute("data-numbers", "ready")
        page.wait_for_timeout(150)
        assert page.evaluate(LOOK_CLEAR) == "ok", (k, page.evaluate(LOOK_CLEAR))
        if k < STEPS:
            button(page, lang, "next").click()
    # The last step: the pages after the article, and no step beyond it.
    links = card.locator(".tour-links a")
    expect(links).to_have_count(2)
    assert [links.nth(i).get_attribute("href") for i in range(2)] == [
        f"classifier?lang={lang}",
        f"digits?lang={lang}",
    ]
    expect(button(page, lang, "next")).to_have_attribute("aria-disabled", "true")
    button(page, lang, "next").focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    expect(page.locator("#tour-count")).to_have_text(f"{STEPS} / {STEPS}")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    watch.assert_clean()


def test_the_quoted_numbers_are_the_pages_own(open_page, page, watch, server):
    page.emulate_media(reduced_motion="reduce")
    open_page("?tour=1&lang=en")
    explain = page.locator(f"{CARD} .tour-explain")
    bars = page.locator("[data-panel=bars]")
    answer(page, 1)
    food = softmax(page, server, [4, 2, -1], 1)["probabilities"]
    assert [pct(p) for p in food] == ["87.6 %", "11.8 %", "0.6 %"]
    for p in food:
        expect(explain).to_contain_text(pct(p))
        expect(bars).to_contain_text(pct(p))
    # T = 3 flattens: the answer sets T, the bars and the tour say the same.
    page.goto(page.url.replace("tour=1", "tour=5"))
    answer(page, 1)
    expect(page).to_have_url(re.compile(r"&t=3&lang=en&tour=5$"))
    warm = softmax(page, server, [4, 2, -1], 3)["probabilities"]
    assert [pct(p) for p in warm] == ["58.7 %", "30.2 %", "11.1 %"]
    for p in warm:
        expect(explain).to_contain_text(pct(p))
        expect(bars).to_contain_text(pct(p))
    # T = 0.3 sharpens: two decimals, and the tiny share's first digit.
    button(page, "en", "next").click()
    expect(page.locator("#tour-count")).to_have_text(f"6 / {STEPS}")
    answer(page, 0)
    cold = softmax(page, server, [4, 2, -1], 0.3)["probabilities"]
    assert [fine(p) for p in cold] == ["99.87 %", "0.13 %", "0.000006 %"]
    for p in cold:
        expect(explain).to_contain_text(fine(p))
    # Cross-entropy with target 0 and its gradient p - y, as the API computes them.
    r = page.request.post(server + "api/cross-entropy", data={"logits": [4, 2, -1], "target": 0})
    xent = r.json()
    page.goto(re.sub(r"\?.*", "?tour=8&lang=en", page.url))
    answer(page, 0)
    expect(explain).to_contain_text(f"= {xent['loss']:.4f}")
    button(page, "en", "next").click()
    answer(page, 0)
    for g in xent["gradient"]:
        expect(explain).to_contain_text(f"{g:.4f}".replace("-", "−"))
    watch.assert_clean()


def test_a_prediction_comes_before_the_reveal(open_page, page, watch):
    open_page("?tour=5&lang=en")
    card = page.locator(CARD)
    expect(card.locator(".tour-q")).to_have_text("Which bars grow at T = 3?")
    expect(card.locator(".tour-answer")).to_be_hidden()
    expect(page).to_have_url(re.compile(r"&t=1&lang=en&tour=5$"))  # not yet
    answer(page, 0)  # a wrong guess: the largest
    expect(card.locator(".tour-verdict")).to_have_text(
        "Not quite. The answer: burger's and salad's, the smaller ones."
    )
    expect(card.locator(".tour-choice").nth(0)).to_have_attribute("aria-pressed", "true")
    correct = card.locator(".tour-choice.correct .tour-choice-text")
    expect(correct).to_have_text("burger's and salad's, the smaller ones")
    expect(page).to_have_url(re.compile(r"&t=3&lang=en&tour=5$"))
    expect(card.locator(".tour-explain")).to_contain_text("At T = 3: pizza 58.7 %")
    # A reload (or a shared link) of the revealed step shows it revealed.
    page.reload()
    expect(card.locator(".tour-verdict")).to_have_text(
        "The answer: burger's and salad's, the smaller ones."
    )
    # A right answer in Russian.
    page.goto(page.url.replace("tour=5", "tour=3").replace("lang=en", "lang=ru"))
    answer(page, 0)
    expect(card.locator(".tour-verdict")).to_have_text("Верно.")
    expect(card.locator(".tour-explain")).to_contain_text("вместе 1")
    # A wrong one: the right choice reads on after the colon in lower case.
    page.goto(page.url.replace("tour=3", "tour=1"))
    answer(page, 0)
    expect(card.locator(".tour-verdict")).to_have_text(
        "Не совсем. Правильный ответ: в несколько раз."
    )
    watch.assert_clean()


def test_back_esc_and_the_browser_history(open_page, page, watch):
    open_page("?tour=4&lang=en")
    card = page.locator(CARD)
    expect(page).to_have_url(re.compile(r"logits=5\.2,0\.8,-3\.1&t=1&lang=en&tour=4$"))
    button(page, "en", "back").click()
    expect(page.locator("#tour-count")).to_have_text(f"3 / {STEPS}")
    expect(page).to_have_url(re.compile(rf"{FOOD}&lang=en&tour=3$"))
    page.go_back()  # the browser's Back is the same as the tour's
    expect(page.locator("#tour-count")).to_have_text(f"4 / {STEPS}")
    expect(page.locator("[data-panel=bars]")).to_contain_text("snowy")
    # Esc leaves the tour and keeps the state on screen.
    page.keyboard.press("Escape")
    expect(card).to_be_hidden()
    expect(page).to_have_url(re.compile(r"logits=5\.2,0\.8,-3\.1&t=1&lang=en$"))
    expect(page.locator(".tour-target")).to_have_count(0)
    assert page.evaluate("getComputedStyle(document.body).paddingRight") == page.evaluate(
        "getComputedStyle(document.body).paddingLeft"
    )
    page.go_back()  # the step is in the history too
    expect(card).to_be_visible()
    expect(page.locator("#tour-count")).to_have_text(f"4 / {STEPS}")
    watch.assert_clean()


def test_entry_button_keyboard_and_focus(open_page, page, watch):
    open_page("?lang=ru")
    # An address without tour= is as before: no tour, none of its code loaded.
    expect(page).not_to_have_url(re.compile("tour="))
    expect(page.locator(CARD)).to_have_count(0)
    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert not [u for u in loaded if "/tour.js" in u or "tour.css" in u], loaded
    opener = page.get_by_role("button", name=WORDS["ru"]["open"])
    opener.focus()
    page.keyboard.press("Enter")
    card = page.locator(CARD)
    expect(card).to_be_visible()
    expect(page.locator("#tour-count")).to_have_text(f"1 / {STEPS}")
    expect(page).to_have_url(re.compile(r"&lang=ru&tour=1$"))
    expect(page.locator("#tour-title")).to_be_focused()
    button(page, "ru", "next").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#tour-count")).to_have_text(f"2 / {STEPS}")
    expect(button(page, "ru", "next")).to_be_focused()
    button(page, "ru", "close").click()
    expect(card).to_be_hidden()
    expect(opener).to_be_focused()
    expect(page).not_to_have_url(re.compile("tour="))
    watch.assert_clean()


@pytest.mark.parametrize(
    ("query", "width", "scheme"),
    [("?tour=1&lang=en", 1280, "light"), ("?tour=6&t=0.3&lang=ru", 390, "dark")],
)
def test_no_axe_violations_in_the_tour(open_page, page, watch, query, width, scheme):
    page.set_viewport_size({"width": width, "height": 844})
    page.emulate_media(color_scheme=scheme, reduced_motion="reduce")
    open_page(query)
    expect(page.locator(CARD)).to_have_attribute("data-numbers", "ready")
    if "tour=6" in query:
        expect(page.locator(f"{CARD} .tour-answer")).to_be_visible()  # revealed by its state
    result = Axe().run(page, context={"exclude": [["#lab"]]})
    assert result.violations_count == 0, result.generate_report()
    watch.assert_clean()


def test_motion_only_without_reduced_motion(open_page, page):
    page.emulate_media(reduced_motion="reduce")
    open_page("?tour=1&lang=en")
    still = "getComputedStyle(document.querySelector('#tour')).animationName"
    assert page.evaluate(still) == "none"
    page.emulate_media(reduced_motion="no-preference")
    assert page.evaluate(still) == "tour-in"


def test_a_change_of_language_keeps_the_step_and_renames_its_classes(open_page, page, watch):
    open_page("?tour=4&lang=en")
    expect(page.locator(f"{CARD} .tour-text")).to_contain_text("sunny 5.2, rainy 0.8, snowy −3.1")
    page.get_by_role("button", name="Русский").click()
    expect(page.locator("#tour-count")).to_have_text(f"4 / {STEPS}")
    expect(page.locator(f"{CARD} .tour-text")).to_contain_text("солнце 5,2, дождь 0,8, снег −3,1")
    expect(button(page, "ru", "next")).to_be_visible()
    query = dict(parse_qsl(urlsplit(page.url).query))
    assert (query["labels"], query["lang"], query["tour"]) == ("солнце,дождь,снег", "ru", "4")
    watch.assert_clean()
