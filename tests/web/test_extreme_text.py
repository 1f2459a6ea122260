"""Logits and temperatures at float64's ends read as a teacher writes them (a power of ten), not in
JavaScript's e notation, in the words under the slider and what a screen reader hears; the
boxes keep what was typed, so it can be edited."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

TIMES = {"en": "\u00d7", "ru": "\u00b7"}  # the multiplication sign and the middle dot


@pytest.mark.parametrize(
    ("lang", "tiny", "huge"), [(lang, f"1{x}10⁻³⁰⁰", f"1{x}10³⁰⁸") for lang, x in TIMES.items()]
)
def test_extreme_values_read_as_powers_of_ten(open_page, page, watch, lang, tiny, huge):
    open_page(f"?logits=1e308,-1e308&t=1e-300&lang={lang}")
    words = page.locator("#t-words")
    expect(words).to_contain_text(f"T = {tiny}")
    assert "e-300" not in words.inner_text()
    expect(page.locator("#figure .zslider").first).to_have_attribute("aria-valuetext", huge)
    expect(page.locator("#t-number")).to_have_value("1e-300")
    watch.assert_clean()
