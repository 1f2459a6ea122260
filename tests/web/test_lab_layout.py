"""Browser tests for the learning lab's layout on phones and desktops (issue 12, item 9):
nothing scrolls the page sideways, chart texts never overlap and stay readable, controls of
one row line up, and the empty loss chart says how to fill it."""

from __future__ import annotations

import itertools

import pytest
from playwright.sync_api import expect

from tests.web.test_lab import FOOD, lab_ready, show_lab

NEXT_WORD = {"en": "Next word", "ru": "Следующее слово"}


@pytest.fixture
def open_lab(open_page, page):
    """open_lab(width, query) at `width` CSS px: the page, then the lab in view."""

    def _open(width: int, query: str):
        page.set_viewport_size({"width": width, "height": 844})
        return show_lab(open_page(query))

    return _open


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize(("width", "lang"), [(390, "en"), (390, "ru"), (360, "en"), (360, "ru")])
def test_open_tables_never_widen_the_page(open_lab, page, watch, width, lang):
    # At 390 px the 'Next word' table under the temperature curves made the page 669 px wide.
    page = open_lab(width, f"?lang={lang}")
    page.locator("#presets button").filter(has_text=NEXT_WORD[lang]).first.click()
    expect(page.get_by_test_id("lab-curves").locator("polyline")).to_have_count(7)  # 6 + entropy
    before = page_width(page)
    page.locator("[data-panel=curves] details summary").click()
    expect(page.locator("[data-panel=curves] table tbody tr").first).to_be_visible()
    page.get_by_test_id("lab-naive-toggle").check()
    page.wait_for_timeout(200)
    # Nothing in the lab reaches past the screen, and opening its tables widens nothing.
    # (The page's own width is the main figure's as well: its bars table is another panel's.)
    past = page.locator("#lab").evaluate(
        "(lab, w) => [...lab.querySelectorAll('*')]"
        ".filter(e => e.matches('.lab-table-wrap') || !e.closest('.lab-table-wrap'))"  # it scrolls
        ".filter(e => e.getBoundingClientRect().right > w + 0.5)"
        ".map(e => e.tagName + '.' + e.className)",
        width,
    )
    assert past == [], past
    assert page_width(page) == before
    wrap = page.locator("[data-panel=curves] .lab-table-wrap")
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth")  # the table scrolls in its panel
    watch.assert_clean()


TEXTS = """svg => {
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll("text")].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, x: r.left, y: r.top, w: r.width, h: r.height,
            px: parseFloat(getComputedStyle(t).fontSize) * scale};
  }).filter(t => t.w > 0 && t.h > 0);
}"""


def overlapping(texts: list[dict]) -> list[tuple[str, str]]:
    """Pairs of texts whose glyph boxes (shrunk by a pixel each side) meet."""
    met = []
    for a, b in itertools.combinations(texts, 2):
        if (
            a["x"] + 1 < b["x"] + b["w"] - 1
            and b["x"] + 1 < a["x"] + a["w"] - 1
            and a["y"] + 1 < b["y"] + b["h"] - 1
            and b["y"] + 1 < a["y"] + a["h"] - 1
        ):
            met.append((a["text"], b["text"]))
    return met


CHARTS = {
    "curves": "[data-testid=lab-curves]",
    "gradient": "[data-panel=cross-entropy] svg",
    "loss": "[data-testid=lab-loss-chart]",
    "histogram": "[data-testid=lab-histogram]",
}


@pytest.mark.parametrize(("width", "lang"), [(360, "en"), (360, "ru"), (390, "ru"), (1280, "en")])
@pytest.mark.parametrize("t", ["1", "20", "0.05"])
def test_chart_texts_do_not_overlap_and_are_readable(open_lab, page, watch, width, lang, t):
    # At 360 px "0.0" sat over "0.05", "0" and "20" crowded, the axis title touched "0.5".
    query = FOOD.replace("lang=en", f"lang={lang}").replace("t=1", f"t={t}") + "&target=0"
    page = open_lab(width, query)
    lab_ready(page)
    page.get_by_test_id("lab-step").click()  # the loss chart gets its top label
    expect(page.get_by_test_id("lab-loss-hint")).to_be_hidden()
    expect(page.get_by_test_id("lab-curves").locator("polyline")).to_have_count(4)
    page.wait_for_timeout(300)
    for name, selector in CHARTS.items():
        texts = page.locator(selector).evaluate(TEXTS)
        assert len(texts) >= 3, (name, texts)
        assert overlapping(texts) == [], (name, overlapping(texts))
        small = [(x["text"], round(x["px"], 1)) for x in texts if x["px"] < 12]
        assert small == [], (name, small)
    assert page_width(page) <= width
    watch.assert_clean()


def top(locator) -> float:
    return locator.bounding_box()["y"]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_true_class_and_label_smoothing_line_up_and_the_sliders_use_the_width(
    open_lab, page, watch, width
):
    # They sat 40 px apart in height and the sliders were 140 px wide.
    page = open_lab(width, FOOD + "&target=0")
    lab_ready(page)
    select = page.get_by_label("True class")
    slider = page.get_by_label("Label smoothing", exact=True)
    box = page.get_by_label("Label smoothing, exact value")
    field = slider.locator("xpath=ancestor::div[contains(@class,'lab-field')][1]")
    if top(field) == top(select.locator("xpath=ancestor::div[contains(@class,'lab-field')][1]")):
        assert abs(select.bounding_box()["y"] - box.bounding_box()["y"]) <= 2
        sb, bb = select.bounding_box(), box.bounding_box()
        assert abs((sb["y"] + sb["height"]) - (bb["y"] + bb["height"])) <= 2
    else:
        assert width < 700  # stacked on a phone: nothing to line up
    used = slider.bounding_box()["width"] + box.bounding_box()["width"]
    assert used >= 0.85 * field.bounding_box()["width"]
    assert slider.bounding_box()["width"] > 140
    lr = page.get_by_label("Learning rate (lr)", exact=True)
    assert lr.bounding_box()["width"] > 140
    watch.assert_clean()


@pytest.mark.parametrize(("width", "lang"), [(360, "en"), (1280, "ru"), (390, "ru")])
def test_the_sampling_boxes_line_up_where_a_label_wraps(open_lab, page, watch, width, lang):
    # "Number of draws N (1-10 000)" wraps (360 px in English, 1280 px in Russian): the boxes
    # of the row stayed under their labels, at different heights.
    page = open_lab(width, FOOD.replace("lang=en", f"lang={lang}"))
    lab_ready(page)
    boxes = page.locator("[data-panel=sampling] .lab-controls-grid input")
    expect(boxes).to_have_count(4)
    tops = [round(b["y"]) for b in (boxes.nth(i).bounding_box() for i in range(4))]
    lefts = [round(b["x"]) for b in (boxes.nth(i).bounding_box() for i in range(4))]
    if lefts[0] != lefts[1]:  # two columns: each row's boxes at one height
        assert abs(tops[0] - tops[1]) <= 1 and abs(tops[2] - tops[3]) <= 1, tops
    watch.assert_clean()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_empty_loss_chart_says_how_to_fill_it(open_lab, page, watch, lang):
    page = open_lab(390, FOOD.replace("lang=en", f"lang={lang}") + "&target=0")
    lab_ready(page)
    hint = page.get_by_test_id("lab-loss-hint")
    expect(hint).to_be_visible()
    step = page.get_by_test_id("lab-step").inner_text()
    expect(hint).to_contain_text(f"\u201c{step}\u201d" if lang == "en" else f"\u00ab{step}\u00bb")
    page.get_by_test_id("lab-step").click()
    expect(hint).to_be_hidden()
    clear = "Clear the chart" if lang == "en" else "Очистить график"
    page.get_by_role("button", name=clear).click()
    expect(hint).to_be_visible()
    watch.assert_clean()
