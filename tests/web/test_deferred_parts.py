"""Parts of the page that load later (the tour, the hard-max pictures) say so: the tour's
button is busy while it loads, and a part that cannot load (offline after the page loaded)
says so in the page's language, with a button that tries again."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

FAILED = {"en": "This part did not load", "ru": "Эта часть не загрузилась"}
RETRY = {"en": "Try again", "ru": "Повторить"}
OPEN = {"en": "Take the tour", "ru": "Пройти по шагам"}
NET = ("Failed to load resource",)  # the browser's own line for a blocked request


@pytest.mark.parametrize(("lang", "width"), [("ru", 390), ("en", 1280)])
def test_the_tour_offline_says_so_and_retries(open_page, page, watch, lang, width):
    page.set_viewport_size({"width": width, "height": 844})
    open_page(f"?lang={lang}")
    page.route("**/static/js/tour.js", lambda route: route.abort())
    entry = page.get_by_role("button", name=OPEN[lang], exact=True)
    entry.click()
    note = page.locator(".load-note")
    expect(note).to_contain_text(FAILED[lang])
    expect(note).to_have_attribute("role", "status")
    expect(entry).not_to_have_attribute("aria-busy", "true")
    expect(page.locator("#tour")).to_have_count(0)
    page.unroute("**/static/js/tour.js")
    note.get_by_role("button", name=RETRY[lang]).click()
    expect(page.locator("#tour")).to_be_visible()
    expect(page.locator("#tour-count")).to_have_text("1 / 12")
    expect(note).to_have_count(0)
    watch.assert_clean(allow_console=NET)


def test_the_tour_button_is_busy_while_the_tour_loads(open_page, page, watch):
    open_page("?lang=ru")
    held = []
    page.route("**/static/js/tour.js", lambda route: held.append(route))  # answered later
    entry = page.get_by_role("button", name=OPEN["ru"], exact=True)
    entry.click()
    expect(entry).to_have_attribute("aria-busy", "true")
    expect(page.locator(".load-note")).to_have_text("Загрузка…")
    assert page.locator("#tour").count() == 0
    held[0].continue_()
    expect(page.locator("#tour")).to_be_visible()
    expect(entry).not_to_have_attribute("aria-busy", "true")
    expect(page.locator(".load-note")).to_have_count(0)
    watch.assert_clean()


@pytest.mark.parametrize(("lang", "width"), [("en", 1280), ("ru", 390)])
def test_the_hard_max_panel_offline_says_so_and_retries(open_page, page, watch, lang, width):
    page.set_viewport_size({"width": width, "height": 800})
    open_page(f"?lang={lang}")
    panel = page.locator("#hardmax")
    expect(panel).to_have_class("plots-pending")  # far below: its pictures are not loaded yet
    page.route("**/static/js/hardmax-plots.js", lambda route: route.abort())
    panel.scroll_into_view_if_needed()
    note = panel.locator(".load-note")
    expect(note).to_contain_text(FAILED[lang])
    assert panel.locator("svg").count() == 0
    page.unroute("**/static/js/hardmax-plots.js")
    note.get_by_role("button", name=RETRY[lang]).click()
    expect(panel.locator("#hardmax-hard svg")).to_be_visible()
    expect(note).to_have_count(0)
    expect(panel).not_to_have_class("plots-pending")
    watch.assert_clean(allow_console=NET)


def test_the_two_class_picture_offline_says_so_and_retries(open_page, page, watch):
    open_page("?lang=en")  # three classes: the two-class picture is not loaded yet
    page.route("**/static/js/twoclass-plot.js", lambda route: route.abort())
    page.get_by_role("button", name="Remove salad").click()
    panel = page.locator("[data-panel=two-class]")
    note = panel.locator(".load-note")
    expect(note).to_contain_text(FAILED["en"])
    page.unroute("**/static/js/twoclass-plot.js")
    note.get_by_role("button", name=RETRY["en"]).click()
    expect(panel.locator("#two-class-plot svg")).to_be_visible()
    expect(note).to_have_count(0)
    watch.assert_clean(allow_console=NET)


def test_share_offline_says_so_and_retries(open_page, page, watch):
    open_page("?lang=ru")
    page.route("**/static/js/share.js", lambda route: route.abort())
    page.get_by_role("button", name="Поделиться", exact=True).click()
    note = page.locator(".load-note")
    expect(note).to_contain_text(FAILED["ru"])
    page.unroute("**/static/js/share.js")
    note.get_by_role("button", name=RETRY["ru"]).click()
    expect(page.get_by_role("dialog")).to_be_visible()
    expect(note).to_have_count(0)
    watch.assert_clean(allow_console=NET)


@pytest.mark.parametrize(("lang", "width"), [("ru", 390), ("en", 1280)])
def test_the_lab_offline_says_so_and_retries(open_page, page, watch, lang, width):
    page.set_viewport_size({"width": width, "height": 844})
    page.route("**/static/js/lab/main.js", lambda route: route.abort())
    open_page(f"?lang={lang}")  # the lab loads once the first answer shows
    lab = page.locator("#lab")
    note = lab.locator(".load-note")
    expect(note).to_contain_text(FAILED[lang])
    expect(page.get_by_test_id("lab-loss")).to_have_count(0)  # the lab draws its widgets
    page.unroute("**/static/js/lab/main.js")
    note.get_by_role("button", name=RETRY[lang]).click()
    expect(page.get_by_test_id("lab-loss")).to_have_text("0,133" if lang == "ru" else "0.133")
    expect(note).to_have_count(0)
    watch.assert_clean(allow_console=NET)
