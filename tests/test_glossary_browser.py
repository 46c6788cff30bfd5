"""The glossary in real Chromium and on paper: keyboard, mouse and touch users reach a word's
definition, and a printed page carries its "Words used on this page" box."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DESKTOP, PHONE, WIDTHS, assert_no_axe_violations, settle, tab_to, wait_for_material
from paper import pdf_text, print_pdf

PAGE = "differences/price/"
TERM = "a.mdx-term__link[href$='#co-pay']"
DEFINITION = "The set amount you pay at each visit, while your insurance pays the rest."


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_user_reaches_a_word_and_its_definition_without_javascript(browser, base_url: str, width: str) -> None:
    context = browser.new_context(viewport=WIDTHS[width], java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    term = page.locator(TERM)
    tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    assert not tip.is_visible(), "the definition should wait until the word has focus"
    tab_to(page, TERM)
    assert tip.is_visible()
    assert tip.inner_text() == DEFINITION
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTHS[width]["width"], "the definition runs off screen"
    # It opens below the word and pushes the text down rather than covering it.
    assert box["y"] >= term.bounding_box()["y"] + term.bounding_box()["height"] - 1
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused word needs a visible focus ring"
    page.keyboard.press("Tab")
    assert not tip.is_visible(), "the definition closes when focus moves on"
    context.close()


def test_the_word_is_marked_by_its_underline_not_by_colour_alone(browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    style = page.locator(TERM).evaluate(
        "el => { const s = getComputedStyle(el); return [s.textDecorationLine, s.textDecorationStyle]; }"
    )
    assert style == ["underline", "dotted"]
    context.close()


def test_mouse_users_get_the_definition_on_hover(browser, base_url: str) -> None:
    # Without JavaScript the browser shows the title; with it, Material's tooltip shows the same words.
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    assert page.locator(TERM).locator("xpath=..").get_attribute("title") == DEFINITION
    context.close()

    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + PAGE)
    wait_for_material(page)
    page.locator(TERM).hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(timeout=5_000)
    assert tooltip.inner_text().strip() == DEFINITION
    context.close()


def test_keyboard_focus_with_javascript_keeps_the_description_and_one_definition(browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + PAGE)
    wait_for_material(page)  # Material's scripts set up their tooltips
    tab_to(page, TERM)
    page.locator("#mdx-term-co-pay").wait_for(state="visible")
    # Material makes its tooltip for the focused word active; then nothing may show it.
    page.locator(".md-tooltip2--active").wait_for(state="attached")
    settle(page)
    term = page.locator(TERM)
    assert term.get_attribute("aria-describedby") == "mdx-term-co-pay"
    assert page.locator("#mdx-term-co-pay").is_visible()
    # The definition is open in the text; Material's floating tooltip would only repeat it.
    tooltips = page.locator(".md-tooltip2[role='tooltip']")
    assert not any(tooltips.nth(i).is_visible() for i in range(tooltips.count()))
    context.close()


def test_touch_user_taps_a_word_and_lands_on_its_entry(browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + PAGE)
    page.locator(TERM).tap()
    page.wait_for_url("**/glossary/#co-pay")
    entry = page.locator("#co-pay")
    assert entry.is_visible() and entry.inner_text().startswith("Co-pay")
    assert page.locator("#co-pay + p").inner_text() == DEFINITION
    box = entry.bounding_box()
    assert 0 <= box["y"] < PHONE["height"], "the entry should be on screen after the jump"
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violations_with_a_definition_open(browser, base_url: str, width: str) -> None:
    # axe-core needs JavaScript to run; the definition opens the same way with it on.
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    page.goto(base_url + "differences/the-therapist/")
    wait_for_material(page)
    tab_to(page, "a.mdx-term__link")
    assert page.locator(".mdx-term__link:focus-visible ~ .mdx-term__tip").is_visible()
    assert_no_axe_violations(page)
    context.close()


def test_glossary_letters_are_large_targets_that_jump_to_their_words(browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "glossary/")
    letters = page.locator("nav.mdx-glossary__letters a")
    assert letters.count() >= 10
    for index in range(letters.count()):
        box = letters.nth(index).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
    page.locator("nav.mdx-glossary__letters a", has_text="K").click()
    page.wait_for_url("**/glossary/#letter-k")
    page.locator("#letter-k ~ ul a", has_text="Kinesiology taping").first.click()
    page.wait_for_url("**/glossary/#kinesiology-taping")
    assert page.locator("#kinesiology-taping").is_visible()
    context.close()


def test_printed_page_carries_the_words_used_on_it(browser, base_url: str, tmp_path: Path) -> None:
    text = " ".join(pdf_text(print_pdf(browser, base_url + "differences/the-therapist/", tmp_path / "page.pdf")))
    assert "Words used on this page" in text
    for word, start in (
        ("Cupping", "The therapist puts cups on your skin"),
        ("Kinesiology taping", "Strips of stretchy tape"),
        ("Lomi Lomi", "A massage from Hawaii"),
    ):
        assert f"{word}: {start}" in text, f"the printed page lacks the definition of {word}"
    # The definitions print once, in the box, not inside the sentences too.
    assert text.count("Strips of stretchy tape") == 1


def test_the_words_box_is_for_paper_only(browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "differences/the-therapist/")
    assert page.locator(".mdx-glossary-print").count() == 1
    assert not page.locator(".mdx-glossary-print").is_visible()
    context.close()
