"""The reader's language follows them: a Russian browser gets /classifier and /digits in
Russian (the server's <html lang>, not the i18n default), ?lang= still wins, and the links
between the pages carry the language the reader is reading in."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

CYRILLIC = re.compile("[\u0400-\u04ff]")
TITLES = {
    ("classifier", "ru"): "Softmax за работой: классификатор",
    ("classifier", "en"): "Softmax at work: a classifier",
    ("digits", "ru"): "Softmax за работой: нарисуйте цифру",
    ("digits", "en"): "Softmax at work: draw a digit",
}


@pytest.fixture
def reader(browser, server):
    """reader("ru-RU") -> a page of a browser whose language is that locale."""
    contexts = []

    def _open(locale: str):
        context = browser.new_context(locale=locale, viewport={"width": 390, "height": 844})
        contexts.append(context)
        return context.new_page()

    yield _open
    for context in contexts:
        context.close()


def target(link) -> str:
    """Where a link leads: its path and query."""
    return link.evaluate("a => a.pathname + a.search")


def asked_lang(page) -> list[str]:
    return parse_qs(urlsplit(page.url).query).get("lang", [])


def expect_page_in(page, name: str, lang: str) -> None:
    page.wait_for_selector("body[data-ready='1']", timeout=10_000)
    page.wait_for_timeout(300)  # the address is saved a moment after the first render
    assert page.evaluate("document.documentElement.lang") == lang
    expect(page.locator("h1")).to_have_text(TITLES[name, lang])
    expect(page.locator(f".lang-btn[data-lang='{lang}']")).to_have_attribute("aria-pressed", "true")
    assert asked_lang(page) in ([], [lang]), page.url


@pytest.mark.parametrize("name", ["classifier", "digits"])
@pytest.mark.parametrize("query", ["", "?t=2", "?lang=ru"])
def test_a_russian_browser_gets_the_page_in_russian(reader, server, name, query):
    page = reader("ru-RU")
    page.goto(f"{server}{name}{query}")
    expect_page_in(page, name, "ru")


@pytest.mark.parametrize("name", ["classifier", "digits"])
def test_an_explicit_lang_wins_over_the_browser(reader, server, name):
    page = reader("ru-RU")
    page.goto(f"{server}{name}?lang=en")
    expect_page_in(page, name, "en")
    page = reader("en-US")
    page.goto(f"{server}{name}?lang=ru")
    expect_page_in(page, name, "ru")


@pytest.mark.parametrize("locale", ["ru-RU", "en-US"])
def test_the_footer_link_of_the_russian_article_lands_on_a_russian_page(reader, server, locale):
    page = reader(locale)
    page.goto(server + ("?lang=ru" if locale == "en-US" else ""))
    page.wait_for_selector("body[data-ready='1']", timeout=10_000)
    link = page.get_by_role("link", name="обучите классификатор")
    assert target(link) == "/classifier?lang=ru"
    link.click()
    page.wait_for_url(re.compile(r".*/classifier\?.*"))
    expect_page_in(page, "classifier", "ru")
    # ...and its own links keep the language: back to the article, then to the digits.
    page.get_by_role("link", name=re.compile("нарисуйте цифру", re.I)).first.click()
    expect_page_in(page, "digits", "ru")


def test_the_links_follow_a_switch_of_language(reader, server):
    page = reader("ru-RU")
    page.goto(server)
    page.wait_for_selector("body[data-ready='1']", timeout=10_000)
    page.locator(".lang-btn[data-lang='en']").click()
    link = page.get_by_role("link", name="draw a digit")
    assert target(link) == "/digits?lang=en"
    link.click()
    expect_page_in(page, "digits", "en")
    page.locator(".lang-btn[data-lang='ru']").click()
    assert target(page.locator("nav.pages a").first) == "/?lang=ru"
    page.locator("nav.pages a").first.click()
    page.wait_for_selector("body[data-ready='1']", timeout=10_000)
    expect(page.get_by_role("link", name="обучите классификатор")).to_be_visible()
    assert CYRILLIC.search(page.title()), page.title()
