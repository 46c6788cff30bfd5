"""The glossary in real Chromium and on paper: keyboard, mouse and touch users reach a word's
definition, and a printed page carries its "Words used on this page" box."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from dataclasses import dataclass

from conftest import DESKTOP, NARROWEST, PHONE, WIDTHS, assert_no_axe_violations, tab_to, wait_for_material
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


# Pixels kept between an open definition and the screen's left and right sides.
SIDE_MARGIN = 8

SCREENS = {"320": NARROWEST, "390": {"width": 390, "height": 720}, "1280": {"width": 1280, "height": 800}}


def _contrast(page, selector: str) -> float:
    """The contrast ratio (WCAG) of an element's text colour against its own background, which
    must be solid (nothing underneath shows through)."""
    text, background = (
        [float(part) for part in css[css.index("(") + 1 : -1].replace("/", " ").replace(",", " ").split()] + [1.0]
        for css in page.locator(selector).evaluate(
            "el => { const s = getComputedStyle(el); return [s.color, s.backgroundColor]; }"
        )
    )
    assert background[3] == 1, f"the background lets the page show through: {background}"
    # Text drawn with some transparency over its background.
    text = [t * text[3] + b * (1 - text[3]) for t, b in zip(text[:3], background[:3])]

    def luminance(rgb: list[float]) -> float:
        linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb[:3]]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(text), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _open_and_readable(page, screen: dict, term: Term) -> None:
    """The definition is on screen, whole, solid (nothing shows through it), in body-size text
    of full contrast, and links to the full entry."""
    word, tip = page.locator(term.word), page.locator(term.tip)
    expect(tip).to_be_visible()
    assert page.locator(f"#{word.get_attribute('aria-describedby')}").inner_text() == term.definition
    box = tip.bounding_box()
    # Inside the screen with a margin, as the panel at a phone's foot has (0.5rem): never
    # touching the screen's side, where it reads as cut off.
    assert box["x"] >= SIDE_MARGIN and box["x"] + box["width"] <= screen["width"] - SIDE_MARGIN, (
        f"the definition runs to or off the side of the {screen['width']} px screen: {box}"
    )
    assert box["y"] >= 0 and box["y"] + box["height"] <= screen["height"], f"the definition runs off the screen: {box}"
    assert tip.evaluate("el => el.scrollHeight <= el.clientHeight + 1"), f"the definition is cut to a strip that scrolls: {box}"
    opacity = tip.evaluate("el => { let o = 1; for (; el; el = el.parentElement) o *= +getComputedStyle(el).opacity; return o; }")
    assert opacity == 1, f"the definition is see-through (opacity {opacity})"
    assert _contrast(page, term.tip) >= 4.5
    body = word.locator("xpath=ancestor::p[1]").evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert tip.evaluate("el => parseFloat(getComputedStyle(el).fontSize)") >= body, "the definition is smaller than the text"
    assert tip.locator("a.mdx-term__link").get_attribute("href").endswith(f"glossary/#{term.entry}")


def _close_button(page, term: Term):
    """The definition's Close button: in view, a target of 24 px and more."""
    close = page.locator(f"{term.tip} .mdx-term__close")
    expect(close).to_be_visible()
    assert close.inner_text().strip() == said(term.home)["glossary"]["close"]
    box = close.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box
    return close


def _word_at_the_bottom_right(page, screen: dict, term: Term, edge: bool = False) -> None:
    """Put the word at the end of a line of its own at the right of the text column, and scroll
    it to the last lines of the screen: the hardest place for its definition to fit. With `edge`,
    the line runs on to the screen's right side, as a word at the right of a wide table does."""
    page.locator(term.word).evaluate(
        """(word, [height, edge]) => {
            const line = document.createElement("p");
            line.style.textAlign = "right";
            word.closest("p").after(line);
            line.append(word.parentElement);
            if (edge) line.style.marginRight = `${line.getBoundingClientRect().right - innerWidth + 2}px`;
            window.scrollBy(0, word.getBoundingClientRect().bottom - (height - 8));
        }""",
        [screen["height"], edge],
    )
    word = page.locator(term.word)
    line, column = word.bounding_box(), word.locator("xpath=ancestor::p[1]").bounding_box()
    assert screen["height"] - 80 <= line["y"] and line["y"] + line["height"] <= screen["height"], line
    assert line["x"] + line["width"] >= column["x"] + column["width"] - 2, (line, column)
    if edge:
        assert line["x"] + line["width"] >= screen["width"] - 4, f"the word should end at the screen's side: {line}"


@pytest.mark.parametrize("screen", [*SCREENS, "1280-edge"])
def test_a_tapped_word_near_the_bottom_right_opens_its_definition_in_view_without_javascript(
    browser, base_url: str, screen: str, term: Term
) -> None:
    screen, _, edge = screen.partition("-")
    size = SCREENS[screen]
    phone = size["width"] < 600
    context = browser.new_context(viewport=size, java_script_enabled=False, has_touch=phone, is_mobile=phone)
    page = context.new_page()
    page.goto(base_url + term.page)
    address = page.url
    expect(page.locator(term.tip)).to_be_hidden()
    _word_at_the_bottom_right(page, size, term, edge=bool(edge))
    if phone:
        page.locator(term.word).tap()
    else:
        page.locator(term.word).click()
    _open_and_readable(page, size, term)
    close = _close_button(page, term)
    close.tap() if phone else close.click()
    expect(page.locator(term.tip)).to_be_hidden()
    assert page.evaluate("() => location.href") == address, "opening or closing the definition changed the address"
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_user_opens_reads_and_closes_a_definition_without_javascript(browser, base_url: str, width: str, term: Term) -> None:
    context = browser.new_context(viewport=WIDTHS[width], java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + term.page)
    address = page.url
    paragraph = page.locator(term.word).locator("xpath=ancestor::p[1]")
    height = paragraph.bounding_box()["height"]
    tab_to(page, term.word)
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused word needs a visible focus ring"
    page.keyboard.press("Enter")
    _open_and_readable(page, WIDTHS[width], term)
    assert paragraph.bounding_box()["height"] == height, "the definition split the sentence"
    # Tab goes on to the link to the full entry, then to Close; Enter there closes the
    # definition and gives focus back to the word, at the same address.
    page.keyboard.press("Tab")
    expect(page.locator(f"{term.tip} a.mdx-term__link")).to_be_focused()
    page.keyboard.press("Tab")
    expect(_close_button(page, term)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(term.tip)).to_be_hidden()
    expect(page.locator(term.word)).to_be_focused()
    # Space opens it too, and Escape closes it, with no script.
    page.keyboard.press(" ")
    expect(page.locator(term.tip)).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(term.tip)).to_be_hidden()
    assert page.evaluate("() => location.href") == address
    context.close()


# What a browser without popovers (iOS 16, Firefox before 125) makes of a page, in Chromium, which
# has them: such a browser ignores the `popover` and `popovertarget` attributes (the word is a
# plain button, its definition a plain element that glossary.css hides) and applies the rules of
# `@supports not selector(:popover-open)`, which Chromium skips. So the attributes go, and those
# rules are added to the page as they are written, without their condition.
AS_WITHOUT_POPOVERS = """() => {
    const rules = [];
    for (const sheet of document.styleSheets) {
        for (const rule of sheet.cssRules) {
            if (rule instanceof CSSSupportsRule && rule.conditionText.replace(/\\s+/g, "") === "notselector(:popover-open)") {
                rules.push(...[...rule.cssRules].map(inner => inner.cssText));
            }
        }
    }
    const style = document.createElement("style");
    style.textContent = rules.join("\\n");
    document.head.append(style);
    for (const el of document.querySelectorAll("[popover]")) el.removeAttribute("popover");
    for (const el of document.querySelectorAll("[popovertarget]")) el.removeAttribute("popovertarget");
    return rules.length;
}"""


@pytest.mark.parametrize("screen", ["390", "1280"])
def test_without_popovers_the_definition_shows_while_the_word_has_focus_or_the_pointer(
    browser, base_url: str, screen: str, term: Term
) -> None:
    size = SCREENS[screen]
    context = browser.new_context(viewport=size, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + term.page)
    assert page.evaluate(AS_WITHOUT_POPOVERS), "glossary.css has no rules for browsers without popovers"
    tip = page.locator(term.tip)
    expect(tip).to_be_hidden()
    # Keyboard: focus on the word shows its definition, solid and readable, inside the screen.
    tab_to(page, term.word)
    expect(tip).to_be_visible()
    assert page.locator(f"#{page.locator(term.word).get_attribute('aria-describedby')}").inner_text() == term.definition
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"], f"the definition runs off the side: {box}"
    opacity = tip.evaluate("el => { let o = 1; for (; el; el = el.parentElement) o *= +getComputedStyle(el).opacity; return o; }")
    assert opacity == 1, f"the definition is see-through (opacity {opacity})"
    # Tab goes on to the link to the full entry, still shown; the Close button, which could close
    # nothing there, is not a stop; Tab on leaves the word and hides the definition.
    page.keyboard.press("Tab")
    expect(page.locator(f"{term.tip} a.mdx-term__link")).to_be_focused()
    expect(tip).to_be_visible()
    expect(page.locator(f"{term.tip} .mdx-term__close")).to_be_hidden()
    page.keyboard.press("Tab")
    expect(tip).to_be_hidden()
    # Pointer: over the word it shows, and stays while the pointer moves onto the definition.
    page.locator(term.word).hover()
    expect(tip).to_be_visible()
    page.locator(f"{term.tip} a.mdx-term__link").hover()
    expect(tip).to_be_visible()
    page.mouse.move(5, 5)
    expect(tip).to_be_hidden()
    context.close()


def test_touch_user_taps_a_word_and_then_its_link_without_javascript(browser, base_url: str, term: Term) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + term.page)
    address = page.url
    page.locator(term.word).tap()
    _open_and_readable(page, PHONE, term)
    assert page.url == address, "tapping the word left the page or changed its address"
    # A tap on the text around it closes it too.
    page.touchscreen.tap(PHONE["width"] // 2, 80)
    expect(page.locator(term.tip)).to_be_hidden()
    # A tap on the link in the definition leads to the full entry.
    page.locator(term.word).tap()
    page.locator(f"{term.tip} a.mdx-term__link").tap()
    page.wait_for_url(f"**/glossary/#{term.entry}")
    assert page.locator(f"#{term.entry} + p").inner_text() == term.definition
    context.close()


def test_mouse_user_clicks_a_word_and_reads_it_just_under_it_without_javascript(browser, base_url: str, term: Term) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + term.page)
    paragraph = page.locator(term.word).locator("xpath=ancestor::p[1]")
    height = paragraph.bounding_box()["height"]
    page.locator(term.word).click()
    _open_and_readable(page, DESKTOP, term)
    # On a wide screen, just under the word's line, over the text: the sentence is not split.
    box, line = page.locator(term.tip).bounding_box(), page.locator(term.word).bounding_box()
    assert line["y"] + line["height"] - 2 <= box["y"] <= line["y"] + line["height"] + 12
    assert abs(box["x"] - line["x"]) <= 12
    assert paragraph.bounding_box()["height"] == height, "the definition split the sentence"
    # The pointer may move onto the definition (to reach its link) without closing it; a click
    # anywhere else closes it.
    page.locator(f"{term.tip} a.mdx-term__link").hover()
    expect(page.locator(term.tip)).to_be_visible()
    page.mouse.click(5, DESKTOP["height"] - 5)
    expect(page.locator(term.tip)).to_be_hidden()
    context.close()


def test_escape_closes_a_definition_with_javascript(browser, base_url: str, term: Term) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + term.page)
    wait_for_material(page)
    tab_to(page, term.word)
    page.keyboard.press("Enter")
    expect(page.locator(term.tip)).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(term.tip)).to_be_hidden()
    expect(page.locator(term.word)).to_be_focused()
    # Only one definition: no second, floating tooltip from the theme.
    page.locator(term.word).hover()
    assert page.locator(".md-tooltip2--active").count() == 0
    context.close()


def test_the_word_is_marked_by_its_underline_not_by_colour_alone(browser, base_url: str, term: Term) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + term.page)
    word = page.locator(term.word)
    style = word.evaluate(
        "el => { const s = getComputedStyle(el); return [s.textDecorationLine, s.textDecorationStyle]; }"
    )
    assert style == ["underline", "dotted"]
    # Otherwise it reads as a word of the sentence: the sentence's type and colour.
    around = ["color", "fontFamily", "fontSize", "fontWeight", "lineHeight"]
    mine, sentence = (
        element.evaluate("(el, names) => names.map(n => getComputedStyle(el)[n])", around)
        for element in (word, word.locator("xpath=ancestor::p[1]"))
    )
    assert mine == sentence
    context.close()


@pytest.mark.parametrize("screen", SCREENS)
def test_no_axe_violations_with_a_definition_open(browser, base_url: str, screen: str, term: Term) -> None:
    # axe-core needs JavaScript to run; the definition opens the same way with it on.
    context = browser.new_context(viewport=SCREENS[screen])
    page = context.new_page()
    page.goto(base_url + term.home + "differences/the-therapist/")
    wait_for_material(page)
    tab_to(page, ".mdx-term__word")
    page.keyboard.press("Enter")
    expect(page.locator(".mdx-term__word:focus + .mdx-term__tip")).to_be_visible()
    assert_no_axe_violations(page)
    context.close()


def test_glossary_entry_names_are_clear_headings(browser, base_url: str, term: Term) -> None:
    for screen in (PHONE, DESKTOP):
        context = browser.new_context(viewport=screen, java_script_enabled=False)
        page = context.new_page()
        page.goto(base_url + term.home + "glossary/")
        heading = page.locator(f"h3#{term.entry}")
        size = lambda locator: locator.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")  # noqa: E731
        weight = heading.evaluate("el => +getComputedStyle(el).fontWeight")
        assert size(heading) >= 1.2 * size(heading.locator("xpath=following-sibling::p[1]")) and weight >= 600
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
