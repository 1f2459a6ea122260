"""The Share dialog's link is readable (Cyrillic labels in letters, not %D0%BF...), Copy puts
that link on the clipboard, and opening the copied text restores the same state; the <iframe>
code stays percent-encoded and is valid HTML."""
# ruff: noqa: RUF001  (Russian text is what the page shows)

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import expect

FOOD_RU = ["пицца", "бургер", "салат"]
TRICKY = ["a b&c#d%e+f,g=h?", "ко\u0301т 🐈", "100%"]  # what the link must keep escaped
SHOWN = {  # how the link shows those labels
    tuple(FOOD_RU): "пицца,бургер,салат",
    tuple(TRICKY): "a%20b%26c%23d%25e%2Bf%2Cg%3Dh%3F,ко\u0301т%20%F0%9F%90%88,100%25",
}
TEXTS = {  # open, the link's field, Copy, Copied, a class's name field
    "en": ("Share", "Link to this page", "Copy", "Copied", "Name of class {n}"),
    "ru": ("Поделиться", "Ссылка на эту страницу", "Копировать", "Скопировано",
           "Название класса {n}"),
}  # fmt: skip


def encoded(labels: list[str]) -> str:
    """The labels as url.js writes them (encodeURIComponent's set)."""
    return ",".join(quote(label, safe="-_.!~*'()") for label in labels)


def open_link(open_page, page, lang: str):
    page.get_by_role("button", name=TEXTS[lang][0], exact=True).click()
    link = page.get_by_role("dialog").get_by_label(TEXTS[lang][1])
    expect(link).to_be_visible()
    return link


def labels_shown(page, lang: str, k: int) -> list[str]:
    name = TEXTS[lang][4]
    return [page.get_by_label(name.format(n=i + 1), exact=True).input_value() for i in range(k)]


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("labels", [FOOD_RU, TRICKY], ids=["food", "tricky"])
def test_the_copied_readable_link_opens_the_same_state(
    open_page, page, context, server, watch, lang, width, labels
):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page.set_viewport_size({"width": width, "height": 800})
    # An existing link, percent-encoded as the page writes it, still loads.
    open_page(f"?labels={encoded(labels)}&logits=4,2,-1&lang={lang}")
    assert labels_shown(page, lang, 3) == labels
    link = open_link(open_page, page, lang)
    readable = f"{server}?labels={SHOWN[tuple(labels)]}&logits=4,2,-1&t=1&lang={lang}"
    expect(link).to_have_value(readable)
    # Selected, and scrolled back to its start: the labels are in view on a phone too.
    assert link.evaluate("f => [f.selectionStart, f.selectionEnd, f.scrollTop]") == [
        0, len(readable), 0
    ]  # fmt: skip
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("button", name=TEXTS[lang][2], exact=True).first.click()  # the link's
    expect(dialog.get_by_role("button", name=TEXTS[lang][3], exact=True)).to_have_count(1)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == readable
    # Pasted into the address bar: the browser sends the letters as UTF-8 escapes.
    open_page(copied[len(server) :])
    assert page.url == f"{server}?labels={encoded(labels)}&logits=4,2,-1&t=1&lang={lang}"
    assert labels_shown(page, lang, 3) == labels
    expect(open_link(open_page, page, lang)).to_have_value(readable)
    watch.assert_clean()


def test_a_label_typed_in_russian_shows_in_the_link(open_page, page, watch):
    page.set_viewport_size({"width": 390, "height": 844})
    open_page("?labels=pizza,burger,salad&logits=4,2,-1&lang=ru")
    page.get_by_label("Название класса 2", exact=True).fill("бургер с сыром")
    page.get_by_label("бургер с сыром: логит, точное значение").fill("2,5")  # a decimal comma
    link = open_link(open_page, page, "ru")
    tail = "?labels=pizza,бургер%20с%20сыром,salad&logits=4,2.5,-1&t=1&lang=ru"
    expect(link).to_have_value(page.url.split("?")[0] + tail)
    watch.assert_clean()


def test_the_iframe_code_is_valid_html_with_an_encoded_address(open_page, page, server, watch):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page(f"?labels={encoded(TRICKY)}&logits=4,2,-1&lang=ru")
    open_link(open_page, page, "ru")
    code = page.get_by_role("dialog").get_by_label("Код для встраивания рисунка (<iframe>)")
    src = f"{server}?labels={encoded(TRICKY)}&logits=4,2,-1&t=1&lang=ru&embed=1"
    attrs = 'title="Softmax Explorer" width="100%" height="640" loading="lazy"'
    expect(code).to_have_value(f'<iframe src="{src.replace("&", "&amp;")}" {attrs}></iframe>')
    # The browser's HTML parser reads one <iframe> with that address and title back.
    parsed = page.evaluate(
        """code => {
            const doc = new DOMParser().parseFromString(code, "text/html");
            const frames = doc.querySelectorAll("iframe");
            return [frames.length, frames[0].getAttribute("src"), frames[0].title];
        }""",
        code.input_value(),
    )
    assert parsed == [1, src, "Softmax Explorer"]
    open_page(src[len(server) :])
    assert labels_shown(page, "ru", 3) == TRICKY
    watch.assert_clean()
