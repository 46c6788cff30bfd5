"""The glossary in real Chromium and on paper: keyboard, mouse and touch users reach a word's
definition, and a printed page carries its "Words used on this page" box."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import DESKTOP, PHONE, WIDTHS, assert_no_axe_violations, tab_to, wait_for_material
from paper import pdf_text, print_pdf

PAGE = "differences/price/"
ENTRY = "co-pay"
WORD = f".mdx-term:has(a.mdx-term__link[href$='#{ENTRY}']) .mdx-term__word"
TIP = f".mdx-term:has(a.mdx-term__link[href$='#{ENTRY}']) .mdx-term__tip"
DEFINITION = "The set amount you pay at each visit, while your insurance pays the rest."


def _shown_in_place(page, width: int) -> None:
    """The definition is on screen, inside the width, just under the word's line, over the text:
    the paragraph keeps its height, so the sentence is not split. It links to the full entry."""
    word, tip = page.locator(WORD), page.locator(TIP)
    expect(tip).to_be_visible()
    assert page.locator(f"#{word.get_attribute('aria-describedby')}").inner_text() == DEFINITION
    box, line = tip.bounding_box(), word.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, "the definition runs off screen"
    assert line["y"] + line["height"] - 2 <= box["y"] <= line["y"] + line["height"] + 12
    assert tip.evaluate("el => getComputedStyle(el).position") == "absolute"
    assert tip.locator("a.mdx-term__link").get_attribute("href").endswith(f"glossary/#{ENTRY}")


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_user_reaches_a_word_and_its_definition_without_javascript(browser, base_url: str, width: str) -> None:
    context = browser.new_context(viewport=WIDTHS[width], java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    paragraph = page.locator(WORD).locator("xpath=ancestor::p[1]")
    height = paragraph.bounding_box()["height"]
    expect(page.locator(TIP)).to_be_hidden()
    tab_to(page, WORD)
    _shown_in_place(page, WIDTHS[width]["width"])
    assert paragraph.bounding_box()["height"] == height, "the definition split the sentence"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused word needs a visible focus ring"
    # Tab goes on to the link to the full entry, then on past the word: the definition closes.
    page.keyboard.press("Tab")
    expect(page.locator(f"{TIP} a.mdx-term__link")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(TIP)).to_be_hidden()
    context.close()


def test_touch_user_taps_a_word_and_reads_it_in_place_without_javascript(browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + PAGE)
    address = page.url
    page.locator(WORD).tap()
    _shown_in_place(page, PHONE["width"])
    assert page.url == address, "tapping the word left the page or changed its address"
    # A tap on the link in the definition leads to the full entry.
    page.locator(f"{TIP} a.mdx-term__link").tap()
    page.wait_for_url(f"**/glossary/#{ENTRY}")
    assert page.locator(f"#{ENTRY} + p").inner_text() == DEFINITION
    context.close()


def test_mouse_user_points_at_a_word_and_then_at_its_definition(browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    page.locator(WORD).hover()
    _shown_in_place(page, DESKTOP["width"])
    # The pointer may move onto the definition (to reach its link) without closing it.
    page.locator(f"{TIP} a.mdx-term__link").hover()
    expect(page.locator(TIP)).to_be_visible()
    page.mouse.move(5, 5)
    expect(page.locator(TIP)).to_be_hidden()
    context.close()


def test_escape_closes_a_definition_with_javascript(browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + PAGE)
    wait_for_material(page)
    tab_to(page, WORD)
    expect(page.locator(TIP)).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(TIP)).to_be_hidden()
    expect(page.locator(WORD)).to_be_focused()
    # Only one definition: no second, floating tooltip from the theme.
    assert page.locator(".md-tooltip2--active").count() == 0
    context.close()


def test_the_word_is_marked_by_its_underline_not_by_colour_alone(browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    style = page.locator(WORD).evaluate(
        "el => { const s = getComputedStyle(el); return [s.textDecorationLine, s.textDecorationStyle]; }"
    )
    assert style == ["underline", "dotted"]
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violations_with_a_definition_open(browser, base_url: str, width: str) -> None:
    # axe-core needs JavaScript to run; the definition opens the same way with it on.
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    page.goto(base_url + "differences/the-therapist/")
    wait_for_material(page)
    tab_to(page, ".mdx-term__word")
    expect(page.locator(".mdx-term__word:focus + .mdx-term__tip")).to_be_visible()
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
    # The letter's words themselves are right there, definitions and all: no index in between.
    entry = page.locator("#letter-k + h3.mdx-glossary__term")
    expect(entry).to_be_in_viewport()
    assert entry.inner_text().startswith("K")
    expect(entry.locator("xpath=following-sibling::p[1]")).to_be_in_viewport()
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
