"""The main page's Share dialog on a phone and on a desktop: the link, its Copy button and the
<iframe> code are on screen as soon as it opens (the list of panels scrolls in the room that is
left), and the keyboard goes in and comes back out."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.viewport import in_view

ARTICLE = "?labels=pizza,burger,salad&logits=4,2,-1&t=3&lang="
NAMES = {  # open, title, link, code, copy, panels, the last panel, close
    "en": ("Share", "Share this view", "Link to this page",
           "Code to embed the figure (<iframe>)", "Copy", "Panels to show", "Export", "Close"),
    "ru": ("Поделиться", "Поделиться", "Ссылка на эту страницу",
           "Код для встраивания рисунка (<iframe>)", "Копировать", "Какие панели показать",
           "Экспорт", "Закрыть"),
}  # fmt: skip


def open_share(open_page, page, lang: str):
    open_page(ARTICLE + lang)
    share, title = NAMES[lang][:2]
    page.get_by_role("button", name=share, exact=True).click()
    dialog = page.get_by_role("dialog", name=title)
    expect(dialog).to_be_visible()
    return dialog


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("size", [(390, 844), (360, 740), (1280, 800)])
def test_the_link_and_copy_are_on_screen_when_the_dialog_opens(open_page, page, watch, lang, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    dialog = open_share(open_page, page, lang)
    _, _, link_name, code_name, copy, panels, _, close = NAMES[lang]
    link = dialog.get_by_label(link_name)
    expect(link).to_be_focused()  # focus moved into the dialog, onto the link
    for part in (link, dialog.get_by_label(code_name), dialog.get_by_role("button", name=close)):
        assert in_view(page, part), part
    for button in dialog.get_by_role("button", name=copy, exact=True).all():
        assert in_view(page, button)
    # Nothing was reached by scrolling the dialog: it fits, and only the panels' list scrolls.
    assert dialog.evaluate("d => [d.scrollTop, d.scrollHeight <= d.clientHeight]") == [0, True]
    assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
    expect(dialog.get_by_role("group", name=panels).get_by_role("checkbox")).not_to_have_count(0)
    watch.assert_clean()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_on_a_phone_the_last_panel_is_reached_in_the_list(open_page, page, server, watch, lang):
    page.set_viewport_size({"width": 390, "height": 844})
    dialog = open_share(open_page, page, lang)
    _, _, link_name, _, _, panels, last, _ = NAMES[lang]
    group = dialog.get_by_role("group", name=panels)
    box = group.get_by_label(last, exact=True)
    assert group.locator(".share-list").evaluate("e => e.scrollHeight > e.clientHeight")
    box.uncheck()  # Playwright scrolls the list to it first
    link = dialog.get_by_label(link_name)
    expect(link).to_have_value(server + ARTICLE + lang + "&hide=export")
    assert in_view(page, box)
    assert in_view(page, link)  # the list scrolled, the link stayed
    watch.assert_clean()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_escape_closes_and_focus_returns_to_share(open_page, page, watch, lang):
    page.set_viewport_size({"width": 390, "height": 844})
    dialog = open_share(open_page, page, lang)
    share, _, link_name, _, copy, _, _, close = NAMES[lang]
    page.keyboard.press("Tab")  # from the link to its Copy button, still in the dialog
    expect(dialog.get_by_role("button", name=copy, exact=True).first).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    opener = page.get_by_role("button", name=share, exact=True)
    expect(opener).to_be_focused()
    # Again, and out by the Close button this time.
    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_label(link_name)).to_be_focused()
    dialog.get_by_role("button", name=close).click()
    expect(dialog).to_be_hidden()
    expect(opener).to_be_focused()
    assert re.search(r"[?&]lang=" + lang, page.url)
    watch.assert_clean()
