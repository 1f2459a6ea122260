"""The hero figure holds still under the pointer: its logit bars keep their width whatever the
numbers say (an `auto` column for the Σ box grew with "Σ = 22,081.432" and shrank the bars
mid-drag, so the handle jumped under the pointer)."""

from __future__ import annotations

from playwright.sync_api import expect

TRACK = "#figure .band-z .ztrack"


def track_width(page) -> float:
    return page.locator(TRACK).nth(1).bounding_box()["width"]


def test_logit_bars_keep_their_width_during_a_drag_and_at_t0(open_page, page, watch):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page("?labels=pizza,burger,salad&logits=4,2,-1&t=1&lang=en")
    widths = [track_width(page)]
    burger = page.get_by_label("burger logit", exact=True)
    box = burger.bounding_box()
    at = lambda z: box["x"] + 7 + (box["width"] - 14) * (z + 10) / 20  # noqa: E731
    y = box["y"] + box["height"] / 2
    page.mouse.move(at(2), y)
    page.mouse.down()
    values = []
    for z in range(2, 11):  # across the range: the sum grows to 22,081.432, "< 0.1 %" shows
        page.mouse.move(at(z), y)
        widths.append(track_width(page))
        values.append(float(burger.input_value()))
    page.mouse.up()
    assert values == list(range(2, 11)), values  # the handle stays under the pointer
    # the pressed bar has the focus for the keys, with no ring, as a native slider pressed
    assert burger.evaluate("e => e === document.activeElement && !e.matches(':focus-visible')")
    page.keyboard.press("ArrowLeft")  # then a key shows the ring, and moves the value
    assert burger.evaluate("e => e === document.activeElement && e.matches(':focus-visible')")
    expect(burger).to_have_value("9.9")
    expect(page.locator("#figure .sum-value")).to_contain_text("19,")
    widths.append(track_width(page))
    page.get_by_label("Temperature T, exact value").fill("0")
    expect(page.locator("#figure .sum-words")).to_contain_text("largest logit")
    widths.append(track_width(page))
    assert max(widths) - min(widths) <= 0.5, widths
    watch.assert_clean()
