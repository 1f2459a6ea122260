"""Points added on the classifier's map are kept in the address (pts=x1,x2,class;...): a reload
or a shared link brings them back, and the read-out and the training see them; a malformed pts
is ignored; Reset clears them; at most 200 are kept."""

from __future__ import annotations

import re

import numpy as np
import pytest
from playwright.sync_api import expect

from app.core.regression import regression_steps
from tests.web.test_classifier import (
    MODEL,
    expected_shares,
    iris_petals,
    map_box,
    params,
    shares,
    wait_address,
)

W = np.array([[-0.7, -1.4], [0.5, -0.4], [0.2, 1.8]])  # MODEL's weights and bias
B = np.array([3.3, -0.5, -2.8])
STEP = {"en": "Step", "ru": "Шаг"}


def url_points(page) -> list[tuple[float, float, int]]:
    entries = [e.split(",") for e in params(page)["pts"].split(";")]
    return [(float(a), float(b), int(c)) for a, b, c in entries]


def step_request(page, lang: str = "en") -> dict:
    with page.expect_request("**/api/classifier/step") as request:
        page.get_by_role("button", name=STEP[lang], exact=True).click()
    return request.value.post_data_json


def loss_text(result, lang: str) -> str:
    loss, acc = f"{result.losses[1]:.4f}", f"{100 * result.accuracy:.1f}\u00a0%"
    if lang == "ru":
        return f"Шаг 1: потери {loss.replace('.', ',')}, точность {acc.replace('.', ',')}"
    return f"Step 1: loss {loss}, accuracy {acc}"


@pytest.mark.parametrize(("lang", "width"), [("en", 1280), ("ru", 390)])
def test_added_points_come_back_after_a_reload(open_page, page, watch, lang, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_page(f"classifier?lang={lang}&{MODEL}")
    for fx, fy, k in [(0.3, 0.15, 2), (0.6, 0.5, 0), (0.8, 0.85, 1)]:
        page.locator("#clf-class-pick input").nth(k).check()
        box = map_box(page)  # checking the class may have scrolled the page
        page.mouse.click(box["x"] + fx * box["width"], box["y"] + fy * box["height"])
    expect(page).to_have_url(re.compile(r"&pts=([^;&]+;){2}[^;&]+&lang=" + lang + "$"))
    # Short numbers: at most 3 decimals on the Iris petals' map, a point as a decimal dot.
    assert re.fullmatch(r"(-?\d+(\.\d{1,3})?,-?\d+(\.\d{1,3})?,\d;?){3}", params(page)["pts"])
    pts = url_points(page)
    assert [k for *_, k in pts] == [2, 0, 1]
    assert pts[0][0] < pts[1][0] < pts[2][0] and pts[0][1] > pts[1][1] > pts[2][1]  # where clicked

    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_timeout(300)  # the address is saved again after the load
    assert url_points(page) == pts
    # The read-out of the last added point (Page Up from the first point wraps to the last).
    page.locator("#clf-map").focus()
    page.keyboard.press("PageUp")
    expect(page.locator(".readout-head")).to_contain_text("3: ")
    np.testing.assert_allclose(shares(page), expected_shares(np.array(pts[2][:2])), atol=0.051)
    # Training sees them: one step on the 150 flowers and the 3 points, as the core computes it.
    body = step_request(page, lang)
    assert body["x"][150:] == [[x, y] for x, y, _ in pts] and body["y"][150:] == [2, 0, 1]
    x, y = iris_petals()
    added = np.array([p[:2] for p in pts])
    both = regression_steps(np.vstack([x, added]), np.concatenate([y, [2, 0, 1]]), W, B,
                            learning_rate=0.1, steps=1)  # fmt: skip
    alone = regression_steps(x, y, W, B, learning_rate=0.1, steps=1)
    assert loss_text(both, lang) != loss_text(alone, lang)  # the points make a difference
    expect(page.locator(".loss-text")).to_have_text(loss_text(both, lang))
    watch.assert_clean()


def test_a_malformed_pts_is_ignored(open_page, page, watch):
    bad = "1,2;abc;4.5,1.5,9;5,1.5,1;NaN,1,0;1e999,1,0;3,1,2,7;100,1,0;1,1,-1;;"
    open_page(f"classifier?lang=en&pts={bad}")
    # One good point; the rest (two numbers, text, class 9 of 3, NaN, overflow, four numbers,
    # a point far off the map, a negative class) are dropped, and the address is rewritten.
    expect(page).to_have_url(re.compile(r"&pts=5,1\.5,1&lang=en$"))
    page.locator("#clf-map").focus()
    page.keyboard.press("PageUp")
    expect(page.locator(".readout-head")).to_have_text("Added point 1: Iris versicolor")
    body = step_request(page)
    assert len(body["x"]) == 151 and body["x"][-1] == [5, 1.5] and body["y"][-1] == 1

    open_page("classifier?lang=en&pts=%25%25;;x,y,z")
    wait_address(page, "w=0,0;0,0;0,0")
    assert "pts" not in params(page)
    assert len(step_request(page)["x"]) == 150
    watch.assert_clean()


def test_reset_clears_the_added_points(open_page, page, watch):
    open_page(f"classifier?lang=en&{MODEL}&pts=5,1.5,1;2,0.5,0")
    page.locator("#clf-map").focus()
    page.keyboard.press("PageUp")
    expect(page.locator(".readout-head")).to_have_text("Added point 2: Iris setosa")
    page.get_by_role("button", name="Reset").click()
    wait_address(page, "pts=", present=False)
    expect(page.locator(".readout-head")).to_have_count(0)  # its point is gone
    assert len(step_request(page)["x"]) == 150
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    assert len(step_request(page)["x"]) == 150
    watch.assert_clean()


def test_at_most_200_points_are_kept(open_page, page, watch):
    many = ";".join(f"{4 + i / 1000:g},1,{i % 3}" for i in range(250))
    open_page(f"classifier?lang=en&pts={many}")
    body = step_request(page)
    assert len(body["x"]) == 350 and body["x"][150] == [4.05, 1]  # the last 200
    box = map_box(page)
    page.mouse.click(box["x"] + 0.5 * box["width"], box["y"] + 0.5 * box["height"])
    expect(page).to_have_url(re.compile(r"pts=4\.051,1,0;"))  # the oldest of the 200 went
    pts = url_points(page)
    assert len(pts) == 200 and pts[-1][2] == 0 and pts[-1][:2] != (4.249, 1)  # the click
    assert len(page.url) < 4000
    watch.assert_clean()
