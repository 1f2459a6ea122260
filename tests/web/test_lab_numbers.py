"""Browser tests for the learning lab's numbers and colours (issue 12, items 1, 4 and 10):
number boxes read "0,3" and "0.3" alike in both languages and show the page language's
format; each class has the page's colour in every lab chart and table; the lab's requests
follow the page's policy (a training step waits while the API is down, then goes on)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.web.test_lab import FOOD, lab_ready, show_lab


@pytest.fixture
def open_page(open_page):
    def _open(query: str = "", **kwargs):
        return show_lab(open_page(query, **kwargs))

    return _open


LABELS = {
    "en": {"lr": "Learning rate (lr), exact value", "smoothing": "Label smoothing, exact value"},
    "ru": {
        "lr": "Скорость обучения (lr), точное значение",
        "smoothing": "Сглаживание меток, точное значение",
    },
}


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("typed", ["0,3", "0.3"])
def test_a_decimal_comma_or_point_in_the_learning_rate_and_smoothing_boxes(
    open_page, watch, lang, typed
):
    page = open_page(FOOD.replace("lang=en", f"lang={lang}") + "&target=2")
    lab_ready(page)
    lr = page.get_by_label(LABELS[lang]["lr"])
    lr.fill(typed)
    expect(page).to_have_url(re.compile(r"[?&]lr=0\.3(&|$)"))
    expect(lr).to_have_attribute("aria-invalid", "false")
    smoothing = page.get_by_label(LABELS[lang]["smoothing"])
    smoothing.fill(typed.replace("3", "1"))
    expect(page).to_have_url(re.compile(r"[?&]smoothing=0\.1(&|$)"))
    # the smoothed target of the true class: 0.9 + 0.1 / 3
    shown = "0.933" if lang == "en" else "0,933"
    expect(page.locator("[data-panel=cross-entropy] tbody td:nth-child(3)").last).to_have_text(
        shown
    )
    smoothing.blur()  # leaving the box writes the number in the page's format
    expect(smoothing).to_have_value("0.1" if lang == "en" else "0,1")
    expect(lr).to_have_value("0.3" if lang == "en" else "0,3")
    watch.assert_clean()


def test_a_refused_number_is_said_and_a_real_minus_is_read(open_page, watch):
    page = open_page(FOOD)
    lab_ready(page)
    lr = page.get_by_label("Learning rate (lr), exact value")
    lr.fill("\u22121")  # read as -1: not a learning rate
    expect(lr).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("The learning rate is a number above 0")).to_be_visible()
    page.wait_for_timeout(300)
    assert "lr=" not in page.url  # the state keeps its rate (the default, not in the address)
    lr.fill("2")
    expect(page.get_by_text("The learning rate is a number above 0")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"[?&]lr=2(&|$)"))
    watch.assert_clean()


def test_russian_boxes_show_decimal_commas_and_take_them(open_page, page, watch):
    page = open_page(FOOD.replace("lang=en", "lang=ru") + "&top_p=0.9&target=0.7,0.2,0.1")
    lab_ready(page)
    expect(page.get_by_label("Top-p (пусто \u2014 выкл.)")).to_have_value("0,9")
    target = page.get_by_label("Целевые вероятности")
    expect(target).to_have_value("0,7; 0,2; 0,1")
    target.fill("0,5; 0,25; 0,25")
    expect(page).to_have_url(re.compile(r"[?&]target=0\.5,0\.25,0\.25(&|$)"))
    page.get_by_label("Top-p (пусто \u2014 выкл.)").fill("0,6")
    expect(page).to_have_url(re.compile(r"[?&]top_p=0\.6(&|$)"))
    page.get_by_role("button", name="English").click()  # the boxes change their format
    expect(page.get_by_label("Top-p (empty: off)")).to_have_value("0.6")
    expect(page.get_by_label("Target probabilities")).to_have_value("0.5, 0.25, 0.25")
    watch.assert_clean()


COLOUR = """i => {
  const probe = document.createElement("span");
  probe.style.color = `var(--class-${i})`;
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_class_has_the_pages_colour_in_every_lab_chart_and_table(
    open_page, page, watch, scheme
):
    page.emulate_media(color_scheme=scheme)
    page = open_page(FOOD + "&target=0")
    lab_ready(page)
    expect(page.get_by_test_id("lab-curves").locator("polyline")).to_have_count(4)
    expect(page.get_by_test_id("lab-histogram").locator("rect")).to_have_count(3)
    page.locator("[data-panel=curves] details summary").click()
    palette = [page.evaluate(COLOUR, i) for i in range(3)]
    assert len(set(palette)) == 3, palette
    style = "(el, prop) => getComputedStyle(el)[prop]"
    hero = page.locator("#hero .band-p .brow .fill")  # the main figure's share bars
    assert [hero.nth(i).evaluate(style, "backgroundColor") for i in range(3)] == palette
    marks = {
        "curve": (page.get_by_test_id("lab-curves").locator("polyline"), "stroke"),
        "dot at T": (page.get_by_test_id("lab-curves").locator("circle"), "fill"),
        "legend": (page.locator("[data-panel=curves] .lab-legend .lab-swatch"), "backgroundColor"),
        "gradient bar": (page.locator("[data-panel=cross-entropy] svg rect"), "fill"),
        "histogram bar": (page.get_by_test_id("lab-histogram").locator("rect"), "fill"),
    }
    for name, (locator, prop) in marks.items():
        colours = [locator.nth(i).evaluate(style, prop) for i in range(3)]
        assert colours == palette, (name, colours, palette)
    for panel in ("cross-entropy", "sampling", "stability"):
        swatches = page.locator(f"[data-panel={panel}] tbody .lab-swatch")
        colours = [swatches.nth(i).evaluate(style, "backgroundColor") for i in range(3)]
        assert colours == palette, (panel, colours, palette)
    watch.assert_clean()


def test_a_training_step_waits_while_the_api_is_down_and_then_goes_on(open_page, page, watch):
    page = open_page(FOOD + "&target=1&lr=1")
    lab_ready(page)
    page.wait_for_load_state("networkidle")
    page.route("**/api/cross-entropy", lambda route: route.abort())
    page.get_by_test_id("lab-step").click()
    status = page.locator("[data-panel=training] .lab-status")
    expect(status).to_contain_text("The API did not answer")
    page.unroute("**/api/cross-entropy")
    # sent again by itself (the page store's policy): no click needed
    expect(status).to_contain_text("Steps taken: 1.", timeout=10_000)
    page.wait_for_function("() => !location.search.includes('logits=4,2,-1')")
    watch.assert_clean(allow_console=("net::ERR_FAILED",))


def test_an_exported_chart_keeps_the_class_colours(open_page, page, watch):
    page = open_page(FOOD + "&target=0")
    lab_ready(page)
    expect(page.get_by_test_id("lab-curves").locator("polyline")).to_have_count(4)
    palette = [page.evaluate(COLOUR, i) for i in range(3)]
    with page.expect_download() as info:
        page.get_by_test_id("lab-export-svg").click()
    svg = Path(info.value.path()).read_text(encoding="utf-8")
    assert "var(--" not in svg  # colours are resolved: the file stands alone
    strokes = re.findall(r'<polyline[^>]* stroke="(rgb\([^)]*\))"', svg)
    assert strokes[:3] == palette, (strokes, palette)
    watch.assert_clean()


def test_powers_are_superscripts_not_carets_in_both_languages(open_page, page, watch):
    # The lab wrote e^(z/T) with a caret beside the page's real superscripts.
    page = open_page(FOOD + "&target=0")
    lab_ready(page)
    page.get_by_test_id("lab-naive-toggle").check()
    page.get_by_test_id("lab-demo").click()  # the overflow verdict has a power too
    expect(page.get_by_test_id("lab-naive-verdict")).to_contain_text("Overflow")
    for lang in ("en", "ru"):
        if lang == "ru":
            page.get_by_role("button", name="Русский").click()
            expect(page.locator("#lab h2")).to_have_text("Лаборатория")
        lab = page.locator("#lab")
        assert "^" not in lab.inner_text()
        sups = page.locator("[data-panel=stability] sup")
        assert sups.count() >= 6  # the note, the switch (2), two headers, the verdict
        sizes = sups.evaluate_all("s => s.map(x => parseFloat(getComputedStyle(x).fontSize))")
        assert min(sizes) >= 12, sizes
    watch.assert_clean()
