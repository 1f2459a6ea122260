"""Browser tests for the classifier page (/classifier): training through the API, the map,
hover and keyboard read-outs, added points, Russian text, axe."""

from __future__ import annotations

import math
import re
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from app.core import softmax
from app.core.regression import regression_steps
from app.datasets import dataset


def number(text: str) -> float:
    return float(text.strip().replace("\u2212", "-").replace("\u00a0", "").replace(",", "."))


def shares(page) -> list[float]:
    """The read-out's probabilities, in percent ('< 0.1 %' read as 0)."""
    out = []
    for text in page.locator(".readout-p").all_inner_texts():
        text = text.replace("\u00a0", " ").replace("%", "").strip()
        out.append(0.0 if text.startswith("<") else number(text.lstrip(">")))
    return out


def params(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def iris_petals():
    iris = dataset("iris")
    return np.array(iris["x"])[:, [2, 3]], np.array(iris["y"])


def wait_trained(page):
    expect(page.locator("body")).not_to_have_attribute("data-training", "1")


def wait_address(page, text: str, present: bool = True) -> None:
    """The address is saved a moment after a change (not on every frame of a drag)."""
    pattern = re.compile(".*" + re.escape(text) + ".*")
    if present:
        expect(page).to_have_url(pattern)
    else:
        expect(page).not_to_have_url(pattern)


def test_step_train_reset(open_page, page, watch):
    open_page("classifier?lang=en")
    expect(page.locator(".loss-text")).to_have_text("No steps yet: press Step or Train.")
    page.get_by_role("button", name="Step", exact=True).click()
    x, y = iris_petals()
    one = regression_steps(x, y, np.zeros((3, 2)), np.zeros(3), learning_rate=0.1, steps=1)
    expect(page.locator(".loss-text")).to_have_text(
        f"Step 1: loss {one.losses[1]:.4f}, accuracy {100 * one.accuracy:.1f}\u00a0%"
    )
    # Zero weights are left out of the address: wait until the step's weights are written.
    wait_address(page, "w=", present=True)
    wait_address(page, "w=0,0;0,0;0,0", present=False)
    w = params(page)["w"]
    np.testing.assert_allclose(
        [[float(v) for v in row.split(",")] for row in w.split(";")], one.weights, rtol=1e-5
    )

    page.get_by_role("button", name="Train").click()
    expect(page.locator(".loss-text")).to_contain_text("Step 501:")
    wait_trained(page)
    more = regression_steps(x, y, one.weights, one.bias, learning_rate=0.1, steps=500)
    text = page.locator(".loss-text").inner_text()
    assert (
        text == f"Step 501: loss {more.losses[-1]:.4f}, accuracy {100 * more.accuracy:.1f}\u00a0%"
    )
    assert more.accuracy >= 0.9
    assert "501 steps" in page.locator(".loss-tick").last.text_content()

    page.get_by_role("button", name="Reset").click()
    expect(page.locator(".loss-text")).to_have_text("No steps yet: press Step or Train.")
    wait_address(page, "w=0,0;0,0;0,0")
    assert page.locator("#w-0-0").input_value() == "0"
    watch.assert_clean()


MODEL = "w=-0.7,-1.4;0.5,-0.4;0.2,1.8&b=3.3,-0.5,-2.8"


def expected_shares(point, t=1.0):
    w = np.array([[-0.7, -1.4], [0.5, -0.4], [0.2, 1.8]])
    b = np.array([3.3, -0.5, -2.8])
    return 100 * softmax(w @ point + b, t)


def test_keyboard_goes_from_point_to_point_with_probabilities(open_page, page, watch):
    open_page(f"classifier?lang=en&{MODEL}")
    page.locator("#clf-map").focus()
    expect(page.locator(".readout-head")).to_have_text("Point 1: Iris setosa")
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    expect(page.locator(".readout-head")).to_have_text("Point 3: Iris setosa")
    x, _ = iris_petals()
    np.testing.assert_allclose(shares(page), expected_shares(x[2]), atol=0.051)
    page.keyboard.press("PageUp")
    expect(page.locator(".readout-head")).to_have_text("Point 2: Iris setosa")
    page.keyboard.press("ArrowRight")
    expect(page.locator(".readout-head")).to_contain_text("At (")
    assert sum(shares(page)) == pytest.approx(100, abs=0.2)
    watch.assert_clean()


def map_box(page) -> dict:
    page.locator("#clf-map").scroll_into_view_if_needed()
    return page.locator("#clf-map").bounding_box()


def hover_a_point(page) -> None:
    box = map_box(page)
    for fy in np.linspace(0.92, 0.5, 30):
        for fx in np.linspace(0.1, 0.5, 30):
            page.mouse.move(box["x"] + fx * box["width"], box["y"] + fy * box["height"])
            if page.locator("#clf-readout").inner_text().startswith("Point"):
                return
    raise AssertionError("no point found under the mouse")


def test_hover_shows_a_points_probabilities(open_page, page, watch):
    open_page(f"classifier?lang=en&{MODEL}&t=2")
    hover_a_point(page)
    head = page.locator(".readout-head").inner_text()
    n = int(re.match(r"Point (\d+):", head).group(1))
    x, y = iris_petals()
    assert head == f"Point {n}: {dataset('iris')['classes'][y[n - 1]]['en']}"
    np.testing.assert_allclose(shares(page), expected_shares(x[n - 1], 2.0), atol=0.051)
    watch.assert_clean()


def test_a_click_adds_a_point_of_the_chosen_class(open_page, page, watch):
    open_page("classifier?lang=en")
    page.get_by_role("radio", name="Iris virginica").check()
    box = map_box(page)
    at = (box["x"] + 0.3 * box["width"], box["y"] + 0.15 * box["height"])
    page.mouse.click(*at)
    page.mouse.move(at[0] + 1, at[1])
    expect(page.locator(".readout-head")).to_have_text("Added point 1: Iris virginica")
    # The added point is trained on: one step from zero sees 151 points.
    with page.expect_request("**/api/classifier/step") as request:
        page.get_by_role("button", name="Step", exact=True).click()
    body = request.value.post_data_json
    assert len(body["x"]) == 151 and body["y"][-1] == 2
    watch.assert_clean()


def test_a_weight_slider_repaints_the_map_and_the_address(open_page, page, watch):
    open_page("classifier?lang=en")
    canvas = page.locator("#clf-map")
    before = int(canvas.get_attribute("data-paints"))
    slider = page.get_by_label("Iris setosa: weight of petal length, cm")
    slider.focus()
    for _ in range(5):
        page.keyboard.press("ArrowLeft")
    expect(page.locator("#w-0-0 + output")).to_have_text("\u22120.05")
    expect(canvas).not_to_have_attribute("data-paints", str(before))
    wait_address(page, "w=-0.05,0;")
    watch.assert_clean()


def test_russian_text_and_decimal_comma(open_page, page, watch):
    open_page("classifier?lang=ru")
    for name in ("Шаг", "Обучить", "Сбросить"):
        expect(page.get_by_role("button", name=name, exact=True)).to_be_visible()
    expect(page.locator("h1")).to_have_text("Softmax за работой: классификатор")
    expect(page.locator("#clf-dataset option:checked")).to_have_text("Ирисы (UCI)")
    page.locator("#clf-lr").fill("0,2")
    with page.expect_request("**/api/classifier/step") as request:
        page.get_by_role("button", name="Шаг", exact=True).click()
    assert request.value.post_data_json["learning_rate"] == 0.2
    expect(page.locator(".loss-text")).to_contain_text("Шаг 1: потери 0,")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("button", name="Step", exact=True)).to_be_visible()
    assert params(page)["lang"] == "en"
    watch.assert_clean()


def test_bad_learning_rate_and_divergence_are_explained(open_page, page, watch):
    open_page("classifier?lang=en&dataset=moons")
    page.locator("#clf-lr").fill("abc")
    page.get_by_role("button", name="Step", exact=True).click()
    expect(page.locator("#clf-status")).to_have_text("The learning rate must be a number above 0.")
    page.locator("#clf-lr").fill("1e307")
    page.get_by_role("button", name="Train").click()
    expect(page.locator("#clf-status")).to_contain_text("The server refused: training diverged")
    watch.assert_clean(allow_console=("422",))


def test_datasets_and_seed(open_page, page, watch):
    open_page("classifier?lang=en&dataset=moons&seed=4")
    expect(page.locator("#clf-dataset option:checked")).to_have_text("Two moons (not linear)")
    page.get_by_role("button", name="New points").click()
    wait_address(page, "seed=5")
    page.locator("#clf-dataset").select_option("iris")
    expect(page.get_by_role("button", name="New points")).to_be_hidden()
    expect(page.locator("#clf-fx option:checked")).to_have_text("petal length, cm")
    page.go_back()  # to the moons of seed 5, then of seed 4
    expect(page.locator("#clf-dataset option:checked")).to_have_text("Two moons (not linear)")
    wait_address(page, "seed=5")
    page.go_back()
    wait_address(page, "seed=4")
    expect(page.get_by_role("button", name="New points")).to_be_visible()
    watch.assert_clean()


@pytest.mark.parametrize(
    ("query", "width", "scheme"),
    [
        ("classifier?lang=en", 1280, "light"),
        ("classifier?lang=ru&dataset=spiral", 390, "dark"),
        (f"classifier?lang=en&{MODEL}&t=0.01", 390, "light"),
    ],
)
def test_no_axe_violations(open_page, page, watch, query, width, scheme):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    open_page(query)
    page.locator("#clf-map").focus()  # the read-out filled in too
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    watch.assert_clean()


def test_tab_reaches_every_control(open_page, page):
    open_page("classifier?lang=en")
    seen = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        seen.add(page.evaluate("document.activeElement.id || document.activeElement.textContent"))
    for expected in ("clf-dataset", "clf-fx", "clf-map", "w-0-0", "b-2", "clf-t", "clf-lr",
                     "clf-step", "clf-train", "clf-reset"):  # fmt: skip
        assert expected in seen, (expected, seen)


def test_hard_regions_at_small_temperature(open_page, page):
    """At T = 0.01 every probability in the read-out is 0 or 100 % (up to rounding)."""
    open_page(f"classifier?lang=en&{MODEL}&t=0.01")
    page.locator("#clf-map").focus()
    for _ in range(5):
        page.keyboard.press("PageDown")
        values = shares(page)
        assert sorted(values)[-1] > 99.9 and math.fsum(values) == pytest.approx(100, abs=0.2)
