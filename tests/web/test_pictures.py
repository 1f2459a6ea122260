"""The pictures where the article has formulas (issue 12, item 7): the two-class sigmoid and
the hard max beside softmax, drawn from the current state, the point following the logits."""
# ruff: noqa: RUF001  (Russian text and math signs are what the page shows)

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

TWO = "#two-class-plot"
HARD = "#hardmax-hard"
SOFT = "#hardmax-soft"
# The current point, and whether it lies on the first curve drawn in its picture.
DOT = """sel => {
  const dot = document.querySelector(sel + ' circle.current');
  const path = document.querySelector(sel + ' path.plot-curve');
  const at = new DOMPoint(+dot.getAttribute('cx'), +dot.getAttribute('cy'));
  return {x: +dot.dataset.x, y: +dot.dataset.y, cx: at.x, cy: at.y,
          onCurve: path ? path.isPointInStroke(at) : null};
}"""
# Every pair of text labels in the page's pictures whose boxes overlap.
COLLISIONS = """() => {
  const out = [];
  for (const svg of document.querySelectorAll('svg.plot')) {
    const boxes = [...svg.querySelectorAll('text')]
      .map(t => [t.textContent, t.getBoundingClientRect()]);
    boxes.forEach(([a, r], i) => boxes.slice(i + 1).forEach(([b, s]) => {
      const overlap = r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom;
      if (overlap) out.push(a + ' / ' + b);
    }));
  }
  return out;
}"""


def near(page, panel: str) -> None:
    """Scroll to a panel: its picture's code loads when it comes near."""
    page.locator(f"[data-panel={panel}]").scroll_into_view_if_needed()
    page.wait_for_selector(f"[data-panel={panel}] circle.current")


def softmax(page, server: str, logits: list[float], t: float = 1) -> list[float]:
    r = page.request.post(server + "api/softmax", data={"logits": logits, "temperature": t})
    assert r.ok, r.text()
    return r.json()["probabilities"]


def computed_colour(page, value: str) -> str:
    return page.evaluate(
        """v => { const e = document.createElement('i'); e.style.color = v; document.body.append(e);
                  const c = getComputedStyle(e).color; e.remove(); return c; }""",
        value,
    )


def test_two_classes_sigmoid_with_the_current_point(open_page, page, watch, server):
    open_page("?labels=cat,dog&logits=1.5,-0.5&lang=en")
    panel = page.locator("[data-panel=two-class]")
    expect(panel).to_be_visible()
    near(page, "two-class")
    expect(panel.locator("svg.plot")).to_have_attribute(
        "aria-label",
        "Sigmoid curves of p(cat) and p(dog) against z₁ − z₂ at T = 1; "
        "now z₁ − z₂ = 2 and p(cat) = 0.8808.",
    )
    dot = page.evaluate(DOT, TWO)
    p = softmax(page, server, [1.5, -0.5])
    assert dot["x"] == 2 and dot["y"] == pytest.approx(p[0], abs=1e-12) and dot["onCurve"]
    # Each class in its colour: the dots of p(cat) and p(dog).
    dots = page.locator(f"{TWO} circle.current")
    expect(dots).to_have_count(2)
    for i in range(2):
        colour = dots.nth(i).evaluate("e => getComputedStyle(e).fill")
        assert colour == computed_colour(page, f"var(--class-{i})")
    # Move a logit: the point moves along the curve to the new gap.
    page.get_by_label("dog logit, exact value").fill("1.5")
    expect(page.locator(f"{TWO} circle.current").first).to_have_attribute("data-x", "0")
    moved = page.evaluate(DOT, TWO)
    assert moved["cx"] < dot["cx"] and moved["cy"] > dot["cy"]
    assert moved["y"] == softmax(page, server, [1.5, 1.5])[0] == 0.5 and moved["onCurve"]
    # Three classes: no two-class picture.
    page.get_by_role("button", name="+ Add a class").click()
    expect(panel).to_be_hidden()
    watch.assert_clean()


def test_hard_max_step_beside_the_softmax_curve(open_page, page, watch, server):
    open_page("?lang=en")
    near(page, "hardmax")
    expect(page.locator(f"{HARD} figcaption")).to_have_text("Hard max (T = 0): a step")
    expect(page.locator(f"{SOFT} figcaption")).to_have_text("softmax at T = 1: smooth")
    # The step: two flat pieces (slope 0) that meet burger's logit, 2, where it jumps.
    pieces = page.locator(f"{HARD} line.plot-curve")
    expect(pieces).to_have_count(2)
    for i in range(2):
        y1, y2 = (pieces.nth(i).get_attribute(a) for a in ("y1", "y2"))
        assert y1 == y2
    expect(page.locator(f"{HARD} .plot-note")).to_have_text(["slope 0", "slope 0"])
    hard, soft = page.evaluate(DOT, HARD), page.evaluate(DOT, SOFT)
    p = softmax(page, server, [4, 2, -1])
    assert (hard["x"], hard["y"]) == (4, 1)
    assert soft["x"] == 4 and soft["y"] == pytest.approx(p[0], abs=1e-12) and soft["onCurve"]
    expect(page.locator("#hardmax-slope")).to_contain_text(f"= {p[0] * (1 - p[0]):.4f}")
    # Move pizza's logit to 2.5: the soft point slides down its curve, the hard one stays at 1.
    page.get_by_label("pizza logit, exact value").fill("2.5")
    expect(page.locator(f"{SOFT} circle.current")).to_have_attribute("data-x", "2.5")
    soft2 = page.evaluate(DOT, SOFT)
    assert soft2["y"] == pytest.approx(softmax(page, server, [2.5, 2, -1])[0], abs=1e-12)
    assert soft2["cx"] < soft["cx"] and soft2["cy"] > soft["cy"] and soft2["onCurve"]
    assert page.evaluate(DOT, HARD)["y"] == 1
    # A tie with burger: the hard max shares it, the step's middle.
    page.get_by_label("pizza logit, exact value").fill("2")
    expect(page.locator(f"{HARD} circle.current")).to_have_attribute("data-y", "0.5")
    watch.assert_clean()


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize(
    "query",
    [
        "labels=a,b&logits=1.5,-0.5",
        "labels=a,b&logits=250,-20&t=20",
        "logits=4,2,-1&t=0.05",
        "logits=0.001,0,-3",
    ],
)
def test_labels_do_not_collide_at_360_px(open_page, page, watch, lang, query):
    page.set_viewport_size({"width": 360, "height": 800})
    open_page(f"?{query}&lang={lang}")
    near(page, "hardmax")
    if "labels=a,b" in query:
        near(page, "two-class")
    assert page.evaluate(COLLISIONS) == []
    ticks = page.locator(f"{SOFT} text.plot-tick")
    assert ticks.count() >= 5  # 0, 0.5, 1 and at least two on the x axis
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    watch.assert_clean()


def test_pictures_in_russian(open_page, page, watch):
    open_page("?labels=кот,пёс&logits=1,0&lang=ru")
    near(page, "hardmax")
    near(page, "two-class")
    expect(page.locator(f"{HARD} figcaption")).to_have_text("Жёсткий максимум (T = 0): ступенька")
    expect(page.locator(f"{HARD} .plot-title")).to_have_text("логит «кот»")
    expect(page.locator(f"{TWO} .plot-title")).to_have_text("z₁ − z₂ (разрыв между логитами)")
    expect(page.locator(f"{SOFT} .plot-tick").first).to_have_text("0")
    expect(page.locator(f"{SOFT} .plot-tick").nth(1)).to_have_text("0,5")
    expect(page.locator("[data-panel=hardmax]")).to_contain_text("Пунктир — логит «пёс», 0.")
    panels = [["[data-panel=hardmax]"], ["[data-panel=two-class]"]]
    result = Axe().run(page, context={"include": panels})
    assert result.violations_count == 0, result.generate_report()
    watch.assert_clean()
