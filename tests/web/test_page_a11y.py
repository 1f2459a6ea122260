"""Zero axe-core violations on the explorer page, in both schemes, both languages, phone width."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

# The lab section (issue 4) has its own accessibility tests.
CONTEXT = {"exclude": [["#lab"]]}
FOCUSED_NAME = "(e => e.getAttribute('aria-label') || e.textContent)(document.activeElement)"


@pytest.mark.parametrize(
    ("query", "width", "scheme"),
    [
        ("", 1280, "light"),
        ("", 1280, "dark"),
        ("?lang=ru&labels=a,b&logits=1,0&t=0", 360, "light"),
        ("?labels=a,b,c&logits=3,3,1&t=0.5", 360, "dark"),
        ("?labels=a,b,c&logits=1000,999,-1000&embed=1", 1280, "light"),
    ],
)
def test_no_axe_violations(open_page, page, watch, query, width, scheme):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    open_page(query)
    page.wait_for_timeout(300)  # let bar transitions settle
    result = Axe().run(page, context=CONTEXT)
    assert result.violations_count == 0, result.generate_report()
    watch.assert_clean()


def test_every_control_has_a_name_with_its_class(open_page, page):
    open_page()
    for name in ("pizza", "burger", "salad"):
        assert page.get_by_label(f"{name} logit", exact=True).get_attribute("type") == "range"
        # a text box with a decimal keyboard: "0,3" and a real minus are numbers (issue 12)
        box = page.get_by_label(f"{name} logit, exact value")
        assert box.get_attribute("inputmode") == "decimal"
        assert page.get_by_role("button", name=f"Remove {name}").count() == 1


def test_keyboard_reaches_every_control(open_page, page):
    open_page()
    seen = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        seen.add(page.evaluate(FOCUSED_NAME))
    for expected in (
        "pizza logit",
        "salad logit, exact value",
        "Remove salad",
        "+ Add a class",
        "Temperature T (log scale)",
        "T = 0 (hard max)",
        "What to eat?",
        "Русский",
    ):
        assert expected in seen, (expected, seen)
