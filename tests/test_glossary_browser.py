"""The glossary in real Chromium and on paper: keyboard, mouse and touch users reach a word's
definition, and a printed page carries its "Words used on this page" box."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from dataclasses import dataclass

from conftest import DESKTOP, PHONE, WIDTHS, assert_no_axe_violations, tab_to, wait_for_material
from paper import pdf_text, print_pdf
from site_pages import LANGUAGES, glossary_data, said

from massage_guide.glossary import load_glossary


@dataclass(frozen=True)
class Term:
    """The co-pay entry, as the price page of one language marks it."""

    home: str  # "" or "es/"
    entry: str  # its anchor on the glossary page
    definition: str  # from the language's data file

    @property
    def page(self) -> str:
        return self.home + "differences/price/"

    @property
    def word(self) -> str:
        return f".mdx-term:has(a.mdx-term__link[href$='#{self.entry}']) .mdx-term__word"

    @property
    def tip(self) -> str:
        return f".mdx-term:has(a.mdx-term__link[href$='#{self.entry}']) .mdx-term__tip"


@pytest.fixture(scope="module", params=list(LANGUAGES.values()), ids=list(LANGUAGES))
def term(request) -> Term:
    home = request.param
    # The co-pay entry ("Copago" in Spanish, which names "co-pay" among its other names).
    entry = next(e for e in load_glossary(glossary_data(home)).entries if "co-pay" in {n.casefold() for n in e.names})
    return Term(home, entry.anchor, entry.definition)


def _shown_in_place(page, width: int, term: Term) -> None:
    """The definition is on screen, inside the width, just under the word's line, over the text:
    the paragraph keeps its height, so the sentence is not split. It links to the full entry."""
    word, tip = page.locator(term.word), page.locator(term.tip)
    expect(tip).to_be_visible()
    assert page.locator(f"#{word.get_attribute('aria-describedby')}").inner_text() == term.definition
    box, line = tip.bounding_box(), word.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, "the definition runs off screen"
    assert line["y"] + line["height"] - 2 <= box["y"] <= line["y"] + line["height"] + 12
    assert tip.evaluate("el => getComputedStyle(el).position") == "absolute"
    assert tip.locator("a.mdx-term__link").get_attribute("href").endswith(f"glossary/#{term.entry}")


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_user_reaches_a_word_and_its_definition_without_javascript(browser, base_url: str, width: str, term: Term) -> None:
    context = browser.new_context(viewport=WIDTHS[width], java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + term.page)
    paragraph = page.locator(term.word).locator("xpath=ancestor::p[1]")
    height = paragraph.bounding_box()["height"]
    expect(page.locator(term.tip)).to_be_hidden()
    tab_to(page, term.word)
    _shown_in_place(page, WIDTHS[width]["width"], term)
    assert paragraph.bounding_box()["height"] == height, "the definition split the sentence"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused word needs a visible focus ring"
    # Tab goes on to the link to the full entry, then on past the word: the definition closes.
    page.keyboard.press("Tab")
    expect(page.locator(f"{term.tip} a.mdx-term__link")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(term.tip)).to_be_hidden()
    context.close()


def test_touch_user_taps_a_word_and_reads_it_in_place_without_javascript(browser, base_url: str, term: Term) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + term.page)
    address = page.url
    page.locator(term.word).tap()
    _shown_in_place(page, PHONE["width"], term)
    assert page.url == address, "tapping the word left the page or changed its address"
    # A tap on the link in the definition leads to the full entry.
    page.locator(f"{term.tip} a.mdx-term__link").tap()
    page.wait_for_url(f"**/glossary/#{term.entry}")
    assert page.locator(f"#{term.entry} + p").inner_text() == term.definition
    context.close()


def test_mouse_user_points_at_a_word_and_then_at_its_definition(browser, base_url: str, term: Term) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + term.page)
    page.locator(term.word).hover()
    _shown_in_place(page, DESKTOP["width"], term)
    # The pointer may move onto the definition (to reach its link) without closing it.
    page.locator(f"{term.tip} a.mdx-term__link").hover()
    expect(page.locator(term.tip)).to_be_visible()
    page.mouse.move(5, 5)
    expect(page.locator(term.tip)).to_be_hidden()
    context.close()


def test_escape_closes_a_definition_with_javascript(browser, base_url: str, term: Term) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + term.page)
    wait_for_material(page)
    tab_to(page, term.word)
    expect(page.locator(term.tip)).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(term.tip)).to_be_hidden()
    expect(page.locator(term.word)).to_be_focused()
    # Only one definition: no second, floating tooltip from the theme.
    assert page.locator(".md-tooltip2--active").count() == 0
    context.close()


def test_the_word_is_marked_by_its_underline_not_by_colour_alone(browser, base_url: str, term: Term) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + term.page)
    style = page.locator(term.word).evaluate(
        "el => { const s = getComputedStyle(el); return [s.textDecorationLine, s.textDecorationStyle]; }"
    )
    assert style == ["underline", "dotted"]
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violations_with_a_definition_open(browser, base_url: str, width: str, term: Term) -> None:
    # axe-core needs JavaScript to run; the definition opens the same way with it on.
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    page.goto(base_url + term.home + "differences/the-therapist/")
    wait_for_material(page)
    tab_to(page, ".mdx-term__word")
    expect(page.locator(".mdx-term__word:focus + .mdx-term__tip")).to_be_visible()
    assert_no_axe_violations(page)
    context.close()


def test_glossary_letters_are_large_targets_that_jump_to_their_words(browser, base_url: str, term: Term) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + term.home + "glossary/")
    letters = page.locator("nav.mdx-glossary__letters a")
    assert letters.count() >= 10
    for index in range(letters.count()):
        box = letters.nth(index).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
    # A letter far down the list (the last but one), as a reader jumps to it.
    letter = letters.nth(letters.count() - 2).inner_text().strip()
    page.locator("nav.mdx-glossary__letters a", has_text=letter).click()
    page.wait_for_url(f"**/glossary/#letter-{letter.lower()}")
    # The letter's words themselves are right there, definitions and all: no index in between.
    entry = page.locator(f"#letter-{letter.lower()} + h3.mdx-glossary__term")
    expect(entry).to_be_in_viewport()
    assert entry.inner_text().startswith(letter)
    expect(entry.locator("xpath=following-sibling::p[1]")).to_be_in_viewport()
    context.close()


def test_printed_page_carries_the_words_used_on_it(browser, base_url: str, tmp_path: Path) -> None:
    text = " ".join(pdf_text(print_pdf(browser, base_url + "differences/the-therapist/", tmp_path / "page.pdf")))
    assert said("")["glossary"]["print_title"] in text
    for word, start in (
        ("Cupping", "The therapist puts cups on your skin"),
        ("Kinesiology taping", "Strips of stretchy tape"),
        ("Lomi Lomi", "A massage from Hawaii"),
    ):
        assert f"{word}: {start}" in text, f"the printed page lacks the definition of {word}"
    # The definitions print once, in the box, not inside the sentences too.
    assert text.count("Strips of stretchy tape") == 1


def test_the_words_box_is_for_paper_only(browser, base_url: str, term: Term) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + term.home + "differences/the-therapist/")
    assert page.locator(".mdx-glossary-print").count() == 1
    assert not page.locator(".mdx-glossary-print").is_visible()
    context.close()


@pytest.mark.skipif("es" not in LANGUAGES, reason="the Spanish edition is switched off")
def test_a_printed_spanish_page_carries_its_spanish_words(browser, base_url: str, tmp_path: Path) -> None:
    home = LANGUAGES["es"]
    text = " ".join(pdf_text(print_pdf(browser, base_url + home + "differences/the-therapist/", tmp_path / "page.pdf")))
    assert said(home)["glossary"]["print_title"] in text
    entries = {e.term: e.definition for e in load_glossary(glossary_data(home)).entries}
    for word in ("Ventosas", "Lomi Lomi"):
        assert f"{word}: {entries[word][:25]}" in " ".join(text.split()), f"the printed page lacks {word}"
