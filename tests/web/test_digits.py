"""Browser tests for the digits page (/digits): drawing, samples, temperature, Russian, axe."""

from __future__ import annotations

import itertools
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from app.core import softmax
from app.datasets import digit_samples, digits_model


def number(text: str) -> float:
    return float(text.strip().replace("\u2212", "-").replace("\u00a0", "").replace(",", "."))


def shares(page) -> list[float]:
    """The ten shown probabilities in percent; '< 0.1 %' is read as 0.05, '> 99.9 %' as 99.95."""
    out = []
    for text in page.locator(".digit-bars tbody .value").all_inner_texts():
        text = text.replace("\u00a0", "").replace("%", "").strip()
        if text.startswith("<"):
            out.append(0.05)
        elif text.startswith(">"):
            out.append(99.95)
        else:
            out.append(number(text))
    return out


def model_logits(pixels) -> list[float]:
    model = digits_model()
    return [
        sum(w * p for w, p in zip(row, pixels, strict=True)) + b
        for row, b in zip(model["weights"], model["bias"], strict=True)
    ]


def draw(page, points) -> None:
    """A stroke with the mouse through `points` (fractions of the pad's width and height)."""
    pad = page.locator("#pad")
    pad.scroll_into_view_if_needed()
    box = pad.bounding_box()
    at = [(box["x"] + fx * box["width"], box["y"] + fy * box["height"]) for fx, fy in points]
    page.mouse.move(*at[0])
    page.mouse.down()
    for (x0, y0), (x1, y1) in itertools.pairwise(at):
        for i in range(1, 13):
            page.mouse.move(x0 + i / 12 * (x1 - x0), y0 + i / 12 * (y1 - y0))
    page.mouse.up()


DASH = "\u2013"  # what a bar shows before there is an answer
SEVEN = [(0.25, 0.2), (0.75, 0.2), (0.45, 0.85)]


def test_drawing_a_stroke_shows_ten_shares_that_sum_to_100(open_page, page, watch):
    open_page("digits?lang=en")
    expect(page.locator("#digit-summary")).to_have_text(
        "Draw a digit to see the ten probabilities."
    )
    assert page.locator(".digit-bars tbody .value").all_inner_texts() == [DASH] * 10
    answers = []
    page.on(
        "response",
        lambda r: (
            answers.append((r.request.post_data_json, r.json()))
            if r.url.endswith("/api/digits/predict")
            else None
        ),
    )
    draw(page, SEVEN)
    expect(page.locator("#digit-summary")).to_contain_text("The model reads a")
    page.wait_for_timeout(300)  # the last answer is in
    values = shares(page)
    assert len(values) == 10
    assert sum(values) == pytest.approx(100, abs=0.5)
    sent, answer = answers[-1]
    # What was sent is the pad reduced to 8 x 8 counts; what is shown is the API's answer.
    assert len(sent["pixels"]) == 64 and all(0 <= c <= 16 for c in sent["pixels"])
    assert sum(sent["pixels"]) > 40
    logits = model_logits(sent["pixels"])
    assert answer["logits"] == pytest.approx(logits, abs=1e-9)
    top = max(range(10), key=lambda d: answer["probabilities"][d])
    assert values[top] == pytest.approx(100 * answer["probabilities"][top], abs=0.051)
    assert page.locator(".digit-bars tr.top .digit-name").inner_text().startswith(str(top))
    assert len(answers) >= 2  # the bars followed the stroke, not only its end
    watch.assert_clean()


def test_clear_empties_the_pad_and_the_bars(open_page, page, watch):
    open_page("digits?lang=en")
    draw(page, SEVEN)
    expect(page.locator("#digit-summary")).to_contain_text("The model reads a")
    page.get_by_role("button", name="Clear").click()
    expect(page.locator("#digit-summary")).to_have_text(
        "Draw a digit to see the ten probabilities."
    )
    assert page.locator(".digit-bars tbody .value").all_inner_texts() == [DASH] * 10
    watch.assert_clean()


def test_keyboard_picks_a_held_out_sample(open_page, page, watch):
    open_page("digits?lang=en")
    sample = digit_samples()[6]  # the first sample of a 3
    select = page.get_by_label("Or pick a held-out sample")
    select.focus()
    select.select_option(label="Sample 7: a 3")
    logits = model_logits(sample["pixels"])
    p = softmax(logits)
    best = int(max(range(10), key=lambda d: p[d]))
    expect(page.locator("#digit-summary")).to_contain_text(f"The model reads a {best} (")
    page.wait_for_timeout(200)
    assert shares(page)[best] == pytest.approx(100 * p[best], abs=0.051)
    watch.assert_clean()


def test_temperature_flattens_the_shares(open_page, page, watch):
    open_page("digits?lang=en")
    page.get_by_label("Or pick a held-out sample").select_option(label="Sample 1: a 0")
    expect(page.locator("#digit-summary")).to_contain_text("The model reads a 0")
    page.wait_for_timeout(200)
    cold = max(shares(page))
    slider = page.get_by_label("Temperature")
    slider.focus()
    for _ in range(60):
        page.keyboard.press("ArrowRight")
    expect(page.locator(".temp-value")).to_have_text("T = 3.98")
    page.wait_for_timeout(300)
    hot = shares(page)
    assert max(hot) < cold
    assert sum(hot) == pytest.approx(100, abs=0.5)
    expect(page).to_have_url(re.compile(r".*[?&]t=3\.98"))
    watch.assert_clean()


def test_russian_text(open_page, page, watch):
    open_page("digits?lang=ru")
    expect(page.locator("h1")).to_have_text("Softmax за работой: нарисуйте цифру")
    expect(page.get_by_role("button", name="Очистить")).to_be_visible()
    draw(page, SEVEN)
    expect(page.locator("#digit-summary")).to_contain_text("Модель читает")
    page.wait_for_timeout(300)
    assert all(
        "," in v or v.startswith("<")
        for v in page.locator(".digit-bars tbody .value").all_inner_texts()
    )
    expect(page.locator("#intro-p")).to_contain_text("359 цифрах")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("button", name="Clear")).to_be_visible()
    expect(page).to_have_url(re.compile(r".*[?&]lang=en"))
    watch.assert_clean()


def test_a_finger_draws_too(browser, server):
    context = browser.new_context(has_touch=True, viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(server + "digits?lang=en")
        page.wait_for_selector("body[data-ready='1']")
        box = page.locator("#pad").bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        expect(page.locator("#digit-summary")).to_contain_text("The model reads a")
    finally:
        context.close()


@pytest.mark.parametrize(
    ("query", "width", "scheme"),
    [("digits?lang=en", 1280, "light"), ("digits?lang=ru", 390, "dark")],
)
def test_no_axe_violations(open_page, page, watch, query, width, scheme):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    open_page(query)
    draw(page, SEVEN)
    expect(page.locator("#digit-summary")).not_to_have_text("")
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    watch.assert_clean()
