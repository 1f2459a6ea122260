"""Browser tests for the learning lab (templates/_lab.html, static/js/lab/).

Every number the lab shows comes from the API, so the expected values here are
either asked from the same API or written out from the issue (food example).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

FOOD = "?labels=pizza,burger,salad&logits=4,2,-1&t=1&lang=en"


@pytest.fixture
def open_page(open_page):
    """The page's open_page, then the lab brought into view: its modules load when the
    section comes near the screen (unless ?hide= hides it)."""

    def _open(query: str = "", **kwargs):
        return show_lab(open_page(query, **kwargs))

    return _open


def show_lab(page):
    if page.locator("#lab").is_visible():
        page.locator("#lab").scroll_into_view_if_needed()
        page.wait_for_selector("#lab [data-lab='cross-entropy'] > *")
    return page


def number(text: str) -> float:
    """Read a number as the lab prints it (real minus sign, optional plus)."""
    return float(text.strip().replace("\u2212", "-").replace("+", "").replace(",", "."))


def lab_ready(page) -> None:
    expect(page.get_by_test_id("lab-loss")).not_to_have_text("")


def shown_loss(page) -> float:
    return number(page.get_by_test_id("lab-loss").inner_text())


def counts(page) -> list[int]:
    return [int(c) for c in page.get_by_test_id("lab-count").all_inner_texts()]


def url_params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def api(page, server: str, path: str, body: dict) -> dict:
    response = page.request.post(server + path, data=body)
    assert response.ok, response.text()
    return response.json()


def test_loss_and_gradient_match_the_api_for_the_food_example(open_page, server, watch):
    page = open_page(FOOD + "&target=0")
    lab_ready(page)
    expect(page.get_by_test_id("lab-loss")).to_have_text("0.133")
    expect(page.get_by_test_id("lab-grad")).to_have_text(["\u22120.124", "+0.118", "+0.006"])
    expect(page.get_by_test_id("lab-loss-formula")).to_have_text(
        "L = \u2212ln p(pizza) = \u2212ln 0.876 = 0.133"
    )
    truth = api(page, server, "api/cross-entropy", {"logits": [4, 2, -1], "target": 0})
    assert shown_loss(page) == pytest.approx(truth["loss"], abs=5e-4)
    shown = [number(g) for g in page.get_by_test_id("lab-grad").all_inner_texts()]
    assert shown == pytest.approx(truth["gradient"], abs=5e-4)
    watch.assert_clean()


def test_choosing_the_true_class_and_temperature_change_the_loss(open_page, server, watch):
    page = open_page(FOOD.replace("t=1", "t=2"))
    lab_ready(page)
    page.get_by_label("True class").select_option(label="salad")
    truth = api(
        page, server, "api/cross-entropy", {"logits": [4, 2, -1], "target": 2, "temperature": 2}
    )
    expect(page.get_by_test_id("lab-loss")).to_have_text(f"{truth['loss']:.3f}")
    expect(page.get_by_text("At T = 2 the gradient is (p \u2212 y) / T")).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]target=2(&|$)"))
    watch.assert_clean()


def test_a_target_distribution_with_label_smoothing(open_page, server, watch):
    page = open_page(FOOD + "&smoothing=0.1")
    lab_ready(page)
    page.get_by_label("True class").select_option("custom")
    target = page.get_by_label("Target probabilities")
    expect(target).to_have_value("1, 0, 0")
    target.fill("0.5, 0.5")  # two numbers for three classes: said on the page, not sent
    expect(page.get_by_text("Type one number per class")).to_be_visible()
    target.fill("0.7, 0.2, 0.1")
    truth = api(
        page,
        server,
        "api/cross-entropy",
        {"logits": [4, 2, -1], "target": [0.7, 0.2, 0.1], "label_smoothing": 0.1},
    )
    expect(page.get_by_test_id("lab-loss")).to_have_text(f"{truth['loss']:.3f}")
    watch.assert_clean()


def test_a_target_distribution_is_kept_in_the_address(open_page, page, server, watch):
    # A teacher's link carries the distribution: it was lost (target= said a class).
    page = open_page(FOOD + "&target=0.7,0.2,0.1")
    lab_ready(page)
    expect(page.get_by_label("True class")).to_have_value("custom")
    expect(page.get_by_label("Target probabilities")).to_have_value("0.7, 0.2, 0.1")
    body = {"logits": [4, 2, -1], "target": [0.7, 0.2, 0.1]}
    truth = api(page, server, "api/cross-entropy", body)
    expect(page.get_by_test_id("lab-loss")).to_have_text(f"{truth['loss']:.3f}")
    page.get_by_label("Target probabilities").fill("0.5, 0.25, 0.25")
    expect(page).to_have_url(re.compile(r"[?&]target=0\.5,0\.25,0\.25(&|$)"))
    page.reload()
    lab_ready(page)
    expect(page.get_by_label("Target probabilities")).to_have_value("0.5, 0.25, 0.25")
    body = {"logits": [4, 2, -1], "target": [0.5, 0.25, 0.25]}
    truth = api(page, server, "api/cross-entropy", body)
    expect(page.get_by_test_id("lab-loss")).to_have_text(f"{truth['loss']:.3f}")
    page.get_by_role("button", name="Add a class").click()  # a zero share for the new class
    expect(page).to_have_url(re.compile(r"[?&]target=0\.5,0\.25,0\.25,0(&|$)"))
    page.get_by_label("True class").select_option(label="burger")  # back to a class index
    expect(page).to_have_url(re.compile(r"[?&]target=1(&|$)"))
    page.go_back()  # Back (to before the new class) brings the distribution back
    expect(page.get_by_label("True class")).to_have_value("custom")
    expect(page.get_by_label("Target probabilities")).to_have_value("0.5, 0.25, 0.25")
    page.get_by_role("button", name="Tomorrow's weather").click()  # a preset: no target
    expect(page.get_by_label("True class")).to_have_value("0")
    expect(page.get_by_label("Target probabilities")).to_be_hidden()
    watch.assert_clean()


def test_typing_a_distribution_is_not_overwritten_by_its_own_echo(open_page, watch):
    # Each valid prefix goes into the address and renders a frame later; that render
    # must leave the box alone while the person types on.
    page = open_page(FOOD)
    lab_ready(page)
    page.get_by_label("True class").select_option("custom")
    box = page.get_by_label("Target probabilities")
    box.fill("")
    box.press_sequentially("0.5, 0.5, 0, 1")  # valid at "0.5, 0.5, 0", then one too many
    expect(box).to_have_value("0.5, 0.5, 0, 1")
    expect(page.get_by_text("Type one number per class")).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]target=0\.5,0\.5,0(&|$)"))
    page.wait_for_timeout(300)  # any late render has happened
    expect(box).to_have_value("0.5, 0.5, 0, 1")
    watch.assert_clean()


def test_a_target_that_does_not_add_up_to_one_is_said_and_no_loss_is_left(open_page, watch):
    page = open_page(FOOD)
    lab_ready(page)
    page.get_by_label("True class").select_option("custom")  # starts from 1, 0, 0: asked for
    expect(page).to_have_url(re.compile(r"[?&]target=1,0,0(&|$)"))
    page.wait_for_load_state("networkidle")
    asked = lab_requests(page)
    page.get_by_label("Target probabilities").fill("0.5, 0.7, 0")
    expect(page.get_by_text("Type one number per class")).to_be_visible()
    expect(page.get_by_test_id("lab-loss")).to_be_hidden()
    page.wait_for_timeout(500)  # the lab's scheduler would have sent it by now
    assert [path for path, _ in asked if path == "/api/cross-entropy"] == []
    expect(page).to_have_url(re.compile(r"[?&]target=1,0,0(&|$)"))  # only valid ones are kept
    watch.assert_clean()  # no refused request in the console either


def test_the_target_column_shows_the_smoothed_target(open_page, watch):
    page = open_page(FOOD + "&target=2&smoothing=0.1")
    lab_ready(page)
    column = page.locator("[data-panel=cross-entropy] tbody td:nth-child(3)")
    expect(column).to_have_text(["0.033", "0.033", "0.933"])
    watch.assert_clean()


@pytest.mark.parametrize(
    ("t", "query", "says", "not_said"),
    [
        (1, "&target=1", "the true class is pulled up", "less probability than its target"),
        (1, "&target=1&smoothing=0.03", "less probability than its target", "the true class"),
        (2, "&target=1&smoothing=0.03", "less probability than its target", "the true class"),
    ],
)
def test_the_gradient_note_fits_the_target(open_page, watch, t, query, says, not_said):
    # With smoothing a class that is not the true one can be pulled up (salad: p 0.006,
    # target 0.01, gradient -0.004): "the true class is pulled up, every other class
    # pushed down" was wrong there.
    page = open_page(FOOD.replace("t=1", f"t={t}") + query)
    lab_ready(page)
    note = page.get_by_test_id("lab-grad-note")
    expect(note).to_contain_text(says)
    expect(note).not_to_contain_text(not_said)
    if t != 1:  # T scales the same direction, and says so after it
        expect(note).to_contain_text("At T = 2 the gradient is (p \u2212 y) / T")
    watch.assert_clean()


@pytest.mark.parametrize("change", ["rename", "language", "add a class"])
def test_new_class_names_keep_the_true_class_and_reach_the_panel(open_page, page, watch, change):
    page = open_page(FOOD + "&target=1")
    lab_ready(page)
    expect(page.get_by_label("True class")).to_have_value("1")
    if change == "rename":
        page.get_by_label("Name of class 2").fill("bun")
        name = "bun"
    elif change == "language":
        page.get_by_role("button", name="Русский").click()
        name = "бургер"  # noqa: RUF001
    else:
        page.get_by_role("button", name="Add a class").click()
        name = "burger"
    select = page.locator("[data-panel=cross-entropy] select")
    expect(select).to_have_value("1")
    expect(page.get_by_test_id("lab-loss-formula")).to_contain_text(f"p({name})")
    expect(page.locator("[data-panel=cross-entropy] tbody th").nth(1)).to_have_text(name)
    watch.assert_clean()


def test_a_gradient_step_lowers_the_loss(open_page, server, watch):
    page = open_page(FOOD + "&target=1&lr=1")
    lab_ready(page)
    before = shown_loss(page)
    page.get_by_test_id("lab-step").focus()
    page.keyboard.press("Enter")  # keyboard, like everything in the lab
    expect(page.get_by_test_id("lab-loss")).not_to_have_text(f"{before:.3f}")
    after = shown_loss(page)
    assert after < before
    # the logits moved by -lr * gradient, and the URL says so
    truth = api(page, server, "api/cross-entropy", {"logits": [4, 2, -1], "target": 1})
    expect(page).to_have_url(re.compile(r"logits="))
    page.wait_for_function("() => !location.search.includes('logits=4,2,-1')")
    moved = [float(x) for x in url_params(page)["logits"][0].split(",")]
    assert moved == pytest.approx(
        [z - g for z, g in zip([4, 2, -1], truth["gradient"], strict=True)], abs=1e-3
    )
    again = api(page, server, "api/cross-entropy", {"logits": moved, "target": 1})
    assert after == pytest.approx(again["loss"], abs=5e-4)
    watch.assert_clean()


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
@pytest.mark.parametrize("button", ["lab-step", "lab-train"])
def test_back_undoes_a_gradient_step_or_a_run(open_page, page, watch, motion, button):
    # Like a preset, a step or a run of steps is one thing to undo (Back left the app).
    page.emulate_media(reduced_motion=motion)
    page = open_page(FOOD + "&target=1&lr=1")
    lab_ready(page)
    page.get_by_test_id(button).click()
    page.wait_for_function("() => !location.search.includes('logits=4,2,-1')")
    if button == "lab-train":
        expect(page.get_by_test_id("lab-train")).to_have_text("Train 30 steps", timeout=15_000)
    page.go_back()
    page.wait_for_function("() => location.search.includes('logits=4,2,-1')")
    expect(page.locator("#bars td.soft .value")).to_have_text(["87.6 %", "11.8 %", "0.6 %"])
    watch.assert_clean()


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_training_makes_the_loss_fall(open_page, page, watch, motion):
    page.emulate_media(reduced_motion=motion)
    page = open_page(FOOD + "&target=2&lr=2")
    lab_ready(page)
    start = shown_loss(page)
    page.get_by_test_id("lab-train").click()
    status = page.get_by_text(re.compile(r"Steps taken: 30\. The loss went from"))
    expect(status).to_be_visible(timeout=20_000)
    found = re.search(r"from (\S+) to (\S+)\.", status.inner_text())
    first, last = number(found.group(1)), number(found.group(2))
    assert first == pytest.approx(start, abs=5e-4)
    assert last < first / 2
    expect(page.get_by_test_id("lab-loss")).to_have_text(found.group(2))
    expect(page.get_by_test_id("lab-train")).to_have_text("Train 30 steps")
    watch.assert_clean()


def test_hard_max_at_t_zero_is_explained_not_requested(open_page, page, watch):
    refused = []
    page.on("response", lambda r: refused.append(r.url) if r.status >= 400 else None)
    page = open_page(FOOD.replace("t=1", "t=0"))
    expect(page.get_by_test_id("lab-t0")).to_be_visible()
    expect(page.get_by_test_id("lab-loss")).to_be_hidden()
    expect(page.get_by_test_id("lab-hard-grad")).to_have_text(
        "\u2202 hardmax / \u2202z = [0, 0, 0]"
    )
    expect(page.get_by_test_id("lab-step")).to_be_disabled()
    assert refused == []
    watch.assert_clean()


def test_the_same_seed_gives_the_same_histogram(open_page, page, watch):
    page = open_page(FOOD + "&t=2&n=500&seed=42".replace("&t=1", ""))
    expect(page.get_by_text("500 draws with seed 42.")).to_be_visible()
    first = counts(page)
    assert sum(first) == 500
    seed = page.get_by_label("Seed", exact=True)
    seed.fill("43")
    expect(page.get_by_text("500 draws with seed 43.")).to_be_visible()
    other = counts(page)
    assert sum(other) == 500 and other != first
    seed.fill("42")
    expect(page.get_by_text("500 draws with seed 42.")).to_be_visible()
    assert counts(page) == first
    expect(page).to_have_url(re.compile(r"[?&]seed=42(&|$)"))  # the URL is written within 250 ms
    page.reload()
    show_lab(page)
    expect(page.get_by_text("500 draws with seed 42.")).to_be_visible()
    assert counts(page) == first
    watch.assert_clean()


def test_an_out_of_range_sampling_field_is_said(open_page, watch):
    page = open_page(FOOD)
    lab_ready(page)
    draws = page.get_by_label("Number of draws N (1\u201310\u00a0000)")
    draws.fill("20000")
    expect(page.get_by_text("does not take this value")).to_be_visible()
    expect(draws).to_have_attribute("aria-invalid", "true")
    draws.fill("500")
    expect(page.get_by_text("does not take this value")).to_have_count(0)
    expect(page.get_by_text("500 draws with seed 0.")).to_be_visible()
    watch.assert_clean()


def test_top_k_of_one_is_the_hard_max(open_page, server, page, watch):
    page = open_page("?labels=a,b,c,d&logits=1,5,2,4.9&t=3&lang=en&n=200&top_k=1")
    expect(page.get_by_text("200 draws with seed 0.")).to_be_visible()
    hard = api(page, server, "api/softmax", {"logits": [1, 5, 2, 4.9], "temperature": 0})["hardmax"]
    assert counts(page) == [int(200 * h) for h in hard]
    filtered = page.locator("[data-panel=sampling] tbody tr td:nth-child(3)").all_inner_texts()
    assert filtered == ["0.0\u00a0%", "100.0\u00a0%", "0.0\u00a0%", "0.0\u00a0%"]
    # top-p keeps the smallest set reaching p: here the two close classes
    page.get_by_label("Top-k").fill("")
    page.get_by_label("Top-p").fill("0.6")
    expect(page.locator("[data-panel=sampling] tbody tr td:nth-child(3)")).to_have_text(
        [
            re.compile(r"^0\.0"),
            re.compile(r"^5\d\.\d"),
            re.compile(r"^0\.0"),
            re.compile(r"^4\d\.\d"),
        ]
    )
    watch.assert_clean()


def test_the_stability_toggle_shows_the_overflow(open_page, watch):
    page = open_page("?labels=a,b,c&logits=1000,999,-1000&t=1&lang=en")
    naive = page.get_by_test_id("lab-naive")
    expect(naive).to_be_hidden()
    page.get_by_label("Show the naive computation").check()
    expect(naive).to_be_visible()
    expect(page.get_by_test_id("lab-naive-verdict")).to_contain_text("Overflow")
    rows = naive.locator("tbody tr")
    expect(rows.nth(0)).to_contain_text("\u221e (overflow)")
    expect(rows.nth(0)).to_contain_text("\u221e / \u221e = NaN")
    expect(rows.nth(2)).to_contain_text("/ \u221e = 0")
    expect(naive.locator("tfoot")).to_contain_text("\u221e")
    stable = page.locator("[data-panel=stability] table").nth(1)
    expect(stable.locator("tbody tr td:last-child")).to_have_text(["0.731", "0.269", "0.000"])
    watch.assert_clean()


def test_changing_the_logits_stops_training(open_page, page, watch):
    page = open_page(FOOD + "&target=2&lr=0.5")
    lab_ready(page)
    page.get_by_test_id("lab-train").click()
    expect(page.get_by_test_id("lab-train")).to_have_text("Stop")
    page.get_by_role("button", name="Tomorrow's weather").click()  # the person's new logits
    expect(page.get_by_test_id("lab-train")).to_have_text("Train 30 steps")
    page.wait_for_timeout(500)  # a stopped run must not write its logits back
    expect(page).to_have_url(re.compile(r"[?&]logits=5\.2,0\.8,-3\.1(&|$)"))
    watch.assert_clean()


def test_the_stability_demo_leaves_the_learners_logits_alone(open_page, page, watch):
    # It replaced the learner's example and pinned the sliders at their ends; now it shows
    # its own numbers in the panel, and the logits, the bars and the address stay as they were.
    page = open_page(FOOD)
    page.get_by_role("button", name="Tomorrow's weather").click()  # something for Back to undo
    expect(page).to_have_url(re.compile(r"[?&]logits=5\.2,0\.8,-3\.1(&|$)"))
    lab_ready(page)
    names = ("sunny", "rainy", "snowy")
    sliders = [page.get_by_label(f"{name} logit", exact=True) for name in names]
    before = [slider.input_value() for slider in sliders]
    shares = page.locator("#bars td.soft .value").all_inner_texts()
    page.get_by_role("button", name="Try logits 1000, 999, \u22121000").click()
    verdict = page.get_by_test_id("lab-naive-verdict")
    expect(verdict).to_contain_text("Overflow")
    expect(page.get_by_test_id("lab-demo-note")).to_contain_text("logits 1000, 999, \u22121000")
    naive = page.get_by_test_id("lab-naive")
    expect(naive).to_be_visible()
    expect(naive.locator("tbody tr").nth(0)).to_contain_text("\u221e (overflow)")
    page.wait_for_timeout(300)
    assert [slider.input_value() for slider in sliders] == before
    assert page.locator("#bars td.soft .value").all_inner_texts() == shares
    expect(page).to_have_url(re.compile(r"[?&]logits=5\.2,0\.8,-3\.1(&|$)"))
    page.get_by_role("button", name="Back to your logits").click()
    expect(verdict).to_contain_text("No overflow")
    expect(page.get_by_test_id("lab-demo-note")).to_be_hidden()
    page.go_back()  # Back still undoes what the person did before (the preset)
    expect(page).to_have_url(re.compile(r"[?&]logits=4,2,-1(&|$)"))
    watch.assert_clean()


def test_the_learners_own_change_ends_the_stability_demo(open_page, page, watch):
    page = open_page(FOOD)
    lab_ready(page)
    page.get_by_role("button", name="Try logits 1000, 999, \u22121000").click()
    expect(page.get_by_test_id("lab-naive-verdict")).to_contain_text("Overflow")
    page.get_by_label("salad logit, exact value").fill("1")
    expect(page.get_by_test_id("lab-naive-verdict")).to_contain_text("No overflow")
    expect(page.get_by_test_id("lab-demo")).to_have_text("Try logits 1000, 999, \u22121000")
    watch.assert_clean()


def test_clicking_the_temperature_chart_sets_t(open_page, watch):
    page = open_page(FOOD)
    chart = page.get_by_test_id("lab-curves")
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    # the x axis runs from 0.05 to 20 on a log scale between the paddings (40 and 44 of 400)
    page.mouse.click(box["x"] + box["width"] * (40 + 0.9 * 316) / 400, box["y"] + box["height"] / 2)
    page.wait_for_function("() => new URLSearchParams(location.search).get('t') !== '1'")
    high = float(url_params(page)["t"][0])
    assert 5 < high <= 20
    chart.focus()
    page.keyboard.press("Home")
    page.wait_for_function("() => new URLSearchParams(location.search).get('t') === '0.05'")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => new URLSearchParams(location.search).get('t') === '0.056'")
    expect(chart).to_have_attribute("aria-valuetext", "T = 0.06")
    watch.assert_clean()


def test_embed_hides_the_page_chrome(open_page, page, watch):
    # Issue 12 (item 8): ?embed=1 is the hero figure alone, so the lab is not in it (nor loaded).
    page = open_page(FOOD + "&embed=1")
    assert page.locator("header.site").bounding_box()["height"] <= 1  # its h1 only, for readers
    expect(page.get_by_role("button", name="English")).to_be_hidden()
    expect(page.locator("footer.site")).to_be_hidden()
    expect(page.locator("#lab")).to_be_hidden()
    page.wait_for_timeout(500)
    assert page.locator("#lab [data-lab='cross-entropy'] > *").count() == 0
    watch.assert_clean()


def test_hide_hides_the_chosen_panels(open_page, watch):
    page = open_page(FOOD + "&hide=sampling,stability")
    lab_ready(page)
    expect(page.locator("[data-panel=sampling]")).to_be_hidden()
    expect(page.locator("[data-panel=stability]")).to_be_hidden()
    for visible in ("cross-entropy", "training", "curves", "export"):
        expect(page.locator(f"[data-panel={visible}]")).to_be_visible()
    page = open_page(FOOD + "&hide=lab")
    expect(page.locator("#lab")).to_be_hidden()
    watch.assert_clean()


def test_the_language_switch_translates_the_lab(open_page, watch):
    page = open_page(FOOD + "&target=0")
    lab_ready(page)
    english = page.locator("#lab").inner_text()
    page.get_by_role("button", name="Русский").click()
    lab = page.locator("#lab")
    expect(lab.locator("h2")).to_have_text("Лаборатория")
    expect(page.get_by_test_id("lab-loss")).to_have_text("0,133")
    expect(page.get_by_test_id("lab-loss-formula")).to_contain_text("0,876")
    expect(page.get_by_test_id("lab-step")).to_have_text("Шаг градиентного спуска")
    expect(page.get_by_test_id("lab-train")).to_have_text("Обучить 30 шагов")
    expect(lab.get_by_text("Показать числа таблицей")).to_be_visible()
    russian = lab.inner_text()
    # no English sentence of the lab survives the switch
    for phrase in (
        "Cross-entropy",
        "Training by hand",
        "Sampling",
        "Numerical stability",
        "Learning rate",
        "draws with seed",
        "Show the naive",
        "Download",
    ):
        assert phrase in english
        assert phrase not in russian, phrase
    watch.assert_clean()


def test_export_downloads_svg_png_csv_and_json(open_page, watch):
    page = open_page(FOOD + "&target=0")
    lab_ready(page)
    expect(page.get_by_test_id("lab-curves").locator("polyline")).to_have_count(4)
    with page.expect_download() as info:
        page.get_by_test_id("lab-export-svg").click()
    svg = Path(info.value.path()).read_text(encoding="utf-8")
    assert info.value.suggested_filename == "softmax-curves.svg"
    assert ">pizza</text>" in svg and ">entropy</text>" in svg  # the legend is in the image
    assert (
        svg.startswith("<svg")
        and 'xmlns="http://www.w3.org/2000/svg"' in svg
        and "<polyline" in svg
    )
    with page.expect_download() as info:
        page.get_by_test_id("lab-export-png").click()
    png = Path(info.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000
    page.get_by_test_id("lab-export-chart").select_option("gradient")
    with page.expect_download() as info:
        page.get_by_test_id("lab-export-csv").click()
    raw = Path(info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark: Excel then reads UTF-8
    rows = raw.decode("utf-8-sig").splitlines()
    assert rows[0] == "class,logit,target,probability,gradient"
    assert rows[1].startswith("pizza,4,1,0.8756") and rows[-1].startswith("loss,,,,0.1328")
    with page.expect_download() as info:
        page.get_by_test_id("lab-export-json").click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert data["state"]["logits"] == [4, 2, -1]
    assert data["cross_entropy"]["response"]["loss"] == pytest.approx(0.13284523, abs=1e-8)
    assert len(data["temperature"]["temperatures"]) == len(data["temperature"]["entropy"])
    watch.assert_clean()


def test_an_exported_chart_keeps_the_dark_background(open_page, page, watch):
    page.emulate_media(color_scheme="dark")
    page = open_page(FOOD + "&target=0")
    lab_ready(page)
    page.get_by_test_id("lab-export-chart").select_option("gradient")
    with page.expect_download() as info:
        page.get_by_test_id("lab-export-svg").click()
    svg = Path(info.value.path()).read_text(encoding="utf-8")
    background = re.search(
        r'<rect width="100%" height="100%" fill="rgb\((\d+), (\d+), (\d+)\)"', svg
    )
    assert background, svg[:400]
    assert max(int(c) for c in background.groups()) < 80  # dark, like the card it was drawn on
    text = re.search(r'<text[^>]* fill="rgb\((\d+), (\d+), (\d+)\)"', svg)
    assert text and min(int(c) for c in text.groups()) > 180  # light text on it
    watch.assert_clean()


def test_a_failing_api_is_said_and_the_lab_recovers(open_page, page, watch):
    page.route("**/api/cross-entropy", lambda route: route.abort())
    page = open_page(FOOD + "&target=0")
    panel = page.locator("[data-panel=cross-entropy]")
    expect(panel.locator(".lab-message")).to_contain_text("The API did not answer")
    page.unroute("**/api/cross-entropy")
    page.get_by_label("True class").select_option(label="burger")
    expect(page.get_by_test_id("lab-loss")).to_have_text("2.133")
    expect(panel.get_by_text("The API did not answer")).to_have_count(0)
    watch.assert_clean(allow_console=("net::ERR_FAILED",))


def test_labels_in_the_lab_are_text_not_markup(open_page, page, watch):
    page = open_page("?labels=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E,b&logits=1,0&t=1&lang=en")
    lab_ready(page)
    expect(page.locator("[data-panel=cross-entropy] tbody th").first).to_have_text(
        "<img src=x onerror=alert(1)>"
    )
    expect(page.locator("[data-panel=sampling] tbody th").first).to_have_text(
        "<img src=x onerror=alert(1)>"
    )
    assert page.locator("#lab img").count() == 0
    watch.assert_clean()


@pytest.mark.parametrize(("scheme", "lang"), [("light", "en"), ("dark", "ru")])
def test_the_lab_has_no_axe_violations(open_page, page, watch, scheme, lang):
    from axe_playwright_python.sync_playwright import Axe

    page.emulate_media(color_scheme=scheme)
    page = open_page(FOOD.replace("lang=en", f"lang={lang}") + "&target=0&top_k=2")
    lab_ready(page)
    page.get_by_test_id("lab-naive-toggle").check()
    page.locator("#lab details summary").click()
    page.get_by_test_id("lab-step").click()
    expect(page.get_by_text(re.compile(r"(Steps taken|Сделано шагов): 1\."))).to_be_visible()
    expect(page.get_by_test_id("lab-histogram")).to_have_attribute("aria-label", re.compile("1000"))
    result = Axe().run(page, context="#lab")
    assert result.violations_count == 0, result.generate_report()
    watch.assert_clean()


LAB_API = ("/api/cross-entropy", "/api/temperature", "/api/sample")


def settled_lab(open_page):
    """The food example with the lab loaded and the network quiet: nothing in flight."""
    page = open_page(FOOD + "&target=0")
    lab_ready(page)
    page.wait_for_load_state("networkidle")
    return page


def lab_requests(page) -> list:
    """Every request of the lab's API from now on: [(path, json body)]."""
    seen = []
    page.on(
        "request",
        lambda r: (
            seen.append((urlsplit(r.url).path, r.post_data_json))
            if urlsplit(r.url).path in LAB_API
            else None
        ),
    )
    return seen


def test_the_lab_loads_after_the_first_answer_without_scrolling(page, server, watch):
    events = []
    page.on(
        "request",
        lambda r: (
            events.append(("lab", urlsplit(r.url).path))
            if "/lab/" in r.url or "lab.css" in r.url
            else None
        ),
    )
    page.on(
        "response",
        lambda r: events.append(("answer", "")) if r.url.endswith("/api/softmax") else None,
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server + FOOD.replace("lang=en", "lang=ru") + "&target=1&seed=7")
    # its headings are in the page from the start, translated; its state is kept in the URL
    expect(page.locator("#lab h2")).to_have_text("Лаборатория")
    expect(page.locator("[data-panel=sampling] h3")).to_have_text("Выборка")
    # far below the fold, it still fills in once the page is idle: a full-page capture,
    # a print or a screen reader finds it whole
    expect(page.get_by_test_id("lab-loss")).to_have_text("2,133")  # burger, from target=1
    assert page.evaluate("window.scrollY") == 0
    kinds = [kind for kind, _ in events]
    assert "lab" in kinds and kinds.index("answer") < kinds.index("lab"), events
    expect(page.get_by_label("Правильный класс")).to_have_value("1")
    expect(page.get_by_text("Испытаний: 1000, зерно 7.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"target=1&seed=7$"))
    watch.assert_clean()


def test_the_lab_waits_while_a_slider_is_dragged(open_page, server, page, watch):
    page = settled_lab(open_page)
    page.evaluate("window.scrollTo(0, 0)")
    asked = lab_requests(page)
    slider = page.get_by_label("pizza logit", exact=True)
    box = slider.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.5, y)
    page.mouse.down()
    for i in range(12):
        page.mouse.move(box["x"] + box["width"] * (0.5 + 0.03 * i), y)
        page.wait_for_timeout(200 if i % 4 == 3 else 40)  # pauses longer than the lab's quiet time
    shown = page.locator("#bars td.soft .value").first.inner_text()
    assert shown != "87.6 %"  # the bars followed the drag
    assert asked == []  # ... and the lab, while the slider was held, asked nothing
    page.mouse.up()
    final = float(slider.input_value())
    wait = page.wait_for_timeout
    for _ in range(100):
        if len(asked) >= 3:
            break
        wait(50)
    wait(300)
    # then one request per panel, for the logits the drag ended on
    assert sorted(path for path, _ in asked) == sorted(LAB_API), asked
    assert all(body["logits"] == [final, 2, -1] for _, body in asked), asked
    truth = api(page, server, "api/cross-entropy", {"logits": [final, 2, -1], "target": 0})
    expect(page.get_by_test_id("lab-loss")).to_have_text(f"{truth['loss']:.3f}")
    watch.assert_clean()


def test_held_arrow_keys_send_the_lab_one_request_at_the_end(open_page, page, watch):
    page = settled_lab(open_page)
    asked = lab_requests(page)
    page.get_by_label("burger logit", exact=True).focus()
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    expect(page.get_by_label("burger logit, exact value")).to_have_value("3")
    page.wait_for_timeout(600)
    # one request per panel at the end (on a loaded machine a pause of more than the lab's
    # 150 ms quiet time between two presses may add one more), never one per press
    xent = [body["logits"] for path, body in asked if path == "/api/cross-entropy"]
    assert 1 <= len(xent) <= 2 and xent[-1] == [4, 3, -1], asked
    watch.assert_clean()


def test_the_curves_are_fetched_again_only_for_new_logits(open_page, page, watch):
    page = settled_lab(open_page)
    asked = lab_requests(page)
    page.get_by_label("Temperature T, exact value").fill("3")
    panel = page.locator("[data-panel=curves]")
    # the point at the new T is the page's own answer (58.7 % at T = 3) ...
    expect(panel.get_by_text("At T = 3:")).to_contain_text("pizza with p = 0.587")
    expect(panel.locator("tr.lab-current th")).to_have_text("3", use_inner_text=False)
    expect(page.get_by_test_id("lab-loss")).to_have_text("0.532")  # -ln 0.587
    page.wait_for_timeout(300)
    # ... and the curves, which do not depend on T, were not asked again
    assert [path for path, _ in asked if path == "/api/temperature"] == [], asked
    page.get_by_label("salad logit, exact value").fill("1")
    expect(panel.locator("tr.lab-current td").last).not_to_have_text("")
    page.wait_for_timeout(500)
    curves = [body for path, body in asked if path == "/api/temperature"]
    assert len(curves) == 1 and curves[0]["logits"] == [4, 2, 1], asked
    watch.assert_clean()
