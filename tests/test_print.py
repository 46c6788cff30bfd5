"""On paper: the one-sheet handout (front and back), the booklet, the quiz worksheet, the glossary, and every page
printed clean.

Pages are printed to PDF by real Chromium on Letter and on A4 (`page.pdf` uses print media), then
read back: pypdf counts the sheets and reads their text (tests/paper.py), pdftoppm turns a sheet
into a picture and zxing-cpp reads the QR code on it.
"""

from __future__ import annotations

import copy
import datetime
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LAST_REVIEWED,
    PRACTICE_URL,
    SETTINGS,
    SITE_PRACTICE,
    SITE_URL,
    failed_build_log,
    print_once,
    serve,
    soup_of,
    wait_for_material,
)
from massage_guide.plugin.config import PrintConfig
from massage_guide.words import long_date
from paper import (
    PAPER_VIEWPORT,
    body_of,
    flat,
    handout_sheet_problems,
    handout_sides,
    heading_texts,
    lines_in_reading_order,
    pdf_fonts,
    pdf_text,
    print_pdf,
    text_in_font,
    qr_codes_on,
    sheet_lines,
    sheets_ending_with_a_heading,
    squashed,
)
from site_pages import CONTENT_PAGES, DIFFERENCES, LANGUAGES, language_of, said

LAST_CHECKED = datetime.date.fromisoformat(LAST_REVIEWED)
SHEETS = ("Letter", "A4")
# Every printout in every language the site is built in: "" and "es/".
HOMES = list(LANGUAGES.values())
# What each language's pages say on screen only, in their authors' words, and the controls
# Material draws around a page (its own words for each language).
SCREEN_ONLY = {
    "en": ("Jump to a letter", "Tab key", "Print command"),
    "es": ("Vaya a una letra", "tecla Tab", "desde su navegador"),
}
CHROME = {"en": ("Skip to content", "Search", "Back to top"), "es": ("Saltar a contenido", "Búsqueda", "Volver al principio")}
# The handout's "ask a doctor before you book" box (from the triage source): words it must hold,
# with NCCIH's bleeding-risk signs.
SAFETY_LINE = {"en": ("doctor", "blood clot", "blood thinner", "platelet"),
               "es": ("médico", "coágulo", "anticoagulante", "plaquetas")}


def checked_line(home: str) -> str:
    """"Last checked: November 26, 2026" in the language of `home`, as every printed sheet says it."""
    return said(home)["print"]["last_checked"].format(date=long_date(LAST_CHECKED, language_of(home)))


def not_advice(home: str) -> str:
    return said(home)["print"]["not_advice"].rstrip(".")


def write_in(home: str) -> tuple[str, ...]:
    return said(home)["practice"]["write_in"]
PT = 4 / 3  # CSS pixels per point

# What each printout may take, on either sheet size (issue 14), in pages: the handout is one
# sheet of paper, printed on both sides; the booklet at most 36, the glossary 6 and the quiz
# worksheet 3 plus its key, all at 11 pt (DECISIONS.md "Paper").
MOST_SHEETS = {"handout/": 2, "print/": 36, "quiz/": 4, "glossary/": 6}
# Printed with JavaScript off, as paper must not depend on it (the handout with it on, as most
# readers print it).
JAVASCRIPT = {"handout/": True}


def shown(address: str) -> str:
    """An address as the guide prints it for typing: no scheme, no final slash."""
    return address.split("://", 1)[-1].rstrip("/")


def nav_order(site: Path, home: str = "") -> list[str]:
    """Page addresses in reading order, from the navigation of the built home page of `home`'s language."""
    order: list[str] = []
    for link in soup_of(site, home).select(".md-nav--primary a.md-nav__link[href]"):
        address = urlsplit(urljoin("http://site.invalid/" + home, link["href"])).path.lstrip("/")
        if address not in order:
            order.append(address)
    return order


def booklet_leaves_out() -> list[str]:
    """The pages the booklet leaves out: the guide plugin's option in mkdocs.yml, or its default."""
    for plugin in SETTINGS.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("guide/print"), dict):
            if "booklet_leaves_out" in plugin["guide/print"]:
                return list(plugin["guide/print"]["booklet_leaves_out"])
    return list(dict(PrintConfig._schema)["booklet_leaves_out"].default)


def address_of(docs_path: str) -> str:
    """`handout.md` -> `handout/`, `index.md` -> ``."""
    return re.sub(r"(^|/)index/$", r"\1", docs_path.removesuffix(".md") + "/")


def h1_text(site: Path, address: str) -> str:
    return heading_texts(soup_of(site, address))[0]


@dataclass
class Printed:
    path: Path
    sheets: list[str]  # each sheet's text, from `pdf_text`
    bodies: list[str]  # the same without the footer line (`body_of`)


def printed_once(browser, base_url: str, tmp_path_factory, address: str, sheet: str, javascript: bool) -> Printed:
    """`address` printed once for the whole run (conftest's `print_once`: other test files read
    the same PDF), and read."""
    path = print_once(browser, tmp_path_factory, "site", base_url, address, sheet, javascript)
    sheets = pdf_text(PdfReader(path))
    return Printed(path, sheets, [body_of(text, SITE_URL + address) for text in sheets])


@pytest.fixture(scope="module")
def printed(browser, base_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    """Each printout on both sheet sizes, and a difference page on Letter, printed and read once."""
    done = {}
    for home in HOMES:
        for page in MOST_SHEETS:
            address = home + page
            for sheet in SHEETS:
                done[f"{address}{sheet}"] = printed_once(
                    browser, base_url, tmp_path_factory, address, sheet, JAVASCRIPT.get(page, False)
                )
        done[home + "difference"] = printed_once(browser, base_url, tmp_path_factory, home + DIFFERENCE, "Letter", False)
    return done


DIFFERENCE = "differences/after-the-session/"  # a page that prints on more than one sheet


# ---------- Every printout: its sheets, its headings, screen-only and print-only text ----------

# Pages with text for paper only: the quiz's name and date lines, and the handout's write-in lines
# for the practice's details, which it has only when mkdocs.yml sets none.
PRINT_ONLY = ["quiz/"] if SITE_PRACTICE else ["handout/", "quiz/"]


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
@pytest.mark.parametrize("page", MOST_SHEETS)
def test_printout_fits_its_sheets(printed: dict[str, Printed], page: str, sheet: str, home: str) -> None:
    address = home + page
    pages, most = len(printed[address + sheet].sheets), MOST_SHEETS[page]
    assert pages <= most, f"/{address} prints on {pages} pages of {sheet} paper; at most {most}"


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
@pytest.mark.parametrize("page", MOST_SHEETS)
def test_no_printed_sheet_ends_with_a_heading(site: Path, printed: dict[str, Printed], page: str, sheet: str, home: str) -> None:
    """A heading at the foot of a sheet, with its text on the next one, reads as a mistake."""
    address = home + page
    headings = heading_texts(soup_of(site, address))
    assert headings, f"/{address} has no headings to check"
    stranded = sheets_ending_with_a_heading(printed[address + sheet].path, headings)
    assert not stranded, f"/{address} on {sheet}: sheets that end with a heading: {stranded}"


@pytest.mark.parametrize("home", HOMES)
def test_a_long_page_has_no_heading_at_a_sheet_foot(site: Path, printed: dict[str, Printed], home: str) -> None:
    assert len(printed[home + "difference"].sheets) >= 2, "this check needs a page that prints on more than one sheet"
    headings = heading_texts(soup_of(site, home + DIFFERENCE))
    assert not sheets_ending_with_a_heading(printed[home + "difference"].path, headings)


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("page", MOST_SHEETS)
def test_screen_only_text_stays_off_paper_and_print_only_text_is_on_it(
    site: Path, printed: dict[str, Printed], page: str, home: str
) -> None:
    address = home + page
    article = copy.copy(soup_of(site, address).article)  # the page is shared (conftest.soup_of)
    text = squashed(" ".join(printed[address + "Letter"].bodies))
    # What the page says outside its screen-only parts: a screen-only link ("Call 911") may repeat
    # words printed beside it (the box's title "Call 911 now"), so it is counted, not just found.
    on_paper = copy.copy(article)
    for element in on_paper.select(".mdx-screen-only"):
        element.decompose()
    # Words drawn in a picture (the flow chart's "Call 911 now") are printed text too.
    drawn = [BeautifulSoup((site / address / unquote(img["src"])).resolve().read_text("utf-8"), "html.parser").get_text(" ")
             for img in on_paper.select('img[src$=".svg"]')]
    expected = squashed(flat(" ".join([on_paper.get_text(" "), *drawn])))
    for element in article.select(".mdx-screen-only"):
        words = squashed(flat(element.get_text(" ")))
        assert text.count(words) <= expected.count(words), (
            f"/{address} prints screen-only text: {flat(element.get_text(' '))[:60]!r}")
    # A picture's title (the QR code's "QR code that opens ...") names it for screen readers and
    # is never drawn: the words a print-only part must print are the rest (the code's address).
    for title in article.select(".mdx-print-only svg title"):
        title.decompose()
    for element in article.select(".mdx-print-only"):
        words = squashed(flat(element.get_text(" ")))
        assert words and words in text, f"/{address} does not print {flat(element.get_text(' '))[:60]!r}"


@pytest.mark.parametrize("home", HOMES)
def test_screen_only_and_print_only_text_are_used(site: Path, home: str) -> None:
    """The one rule is in use: the handout's and the quiz's screen-only notes, the write-in lines."""
    # The home page's words about the screen ("Pick one to read more") stay off paper too.
    for address in ("", "handout/", "quiz/", "glossary/"):
        assert soup_of(site, home + address).article.select(".mdx-screen-only"), f"/{home}{address} marks no screen-only text"
    for address in PRINT_ONLY:
        assert soup_of(site, home + address).article.select(".mdx-print-only"), f"/{home}{address} has no print-only text"


@pytest.mark.parametrize("address", [home + page for home in HOMES for page in PRINT_ONLY])
def test_print_only_lines_do_not_show_on_screen(browser, base_url: str, address: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + address)
    wait_for_material(page)
    print_only = page.locator("article .mdx-print-only")
    assert print_only.count() > 0
    for index in range(print_only.count()):
        assert not print_only.nth(index).is_visible(), f"/{address}: print-only text shows on screen"
    assert page.locator("article .mdx-screen-only").first.is_visible()
    context.close()


# ---------- The handout ----------


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_handout_names_all_six_differences(site: Path, printed: dict[str, Printed], sheet: str, home: str) -> None:
    text = printed[f"{home}handout/{sheet}"].bodies[0]
    for address in [d for d in DIFFERENCES if language_of(d) == language_of(home)]:
        name = soup_of(site, address).title.get_text().split(" - ")[0]
        assert name in text, f"the printed handout does not name the difference {name!r}"


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_handout_qr_code_opens_the_guide(printed: dict[str, Printed], sheet: str, home: str) -> None:
    # The Spanish handout opens the Spanish edition.
    codes = qr_codes_on(printed[f"{home}handout/{sheet}"].path)
    assert codes == [SITE_URL + home], f"QR codes read from the printed handout: {codes}"


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_handout_says_what_it_is_where_from_and_when_checked_on_the_sheet(
    printed: dict[str, Printed], sheet: str, home: str
) -> None:
    """In the sheet itself, not only in the page margins, which some browsers leave off."""
    body = printed[f"{home}handout/{sheet}"].bodies[0]
    assert not_advice(home) in body
    # The caption may break a long address only after a "/", never inside a word ("massage-/guide").
    for part in shown(SITE_URL + home).split("/"):
        assert part in body, f"the QR code's caption breaks {part!r} in the guide's address"
    assert checked_line(home) in body


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_handout_is_one_sheet_the_choice_in_front_the_safety_part_behind(
    site: Path, printed: dict[str, Printed], sheet: str, home: str
) -> None:
    """At most 2 pages; the front holds the tick list whole; the back starts with the safety part
    (from the triage source: call 911, see a doctor today, ask before you book) and holds every
    sign of it, none of it cut off at the foot of the front."""
    soup = soup_of(site, home + "handout/")
    front, back = handout_sides(soup)
    urgent = soup.select(".mdx-handout__back .admonition.urgent")
    assert len(urgent) == 2 and len(back) >= 20, "the back should hold the urgent boxes and the signs to ask about"
    problems = handout_sheet_problems(printed[f"{home}handout/{sheet}"].bodies, front, back)
    assert not problems, f"/{home}handout/ on {sheet}:\n" + "\n".join(problems)


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_handout_has_a_place_for_the_practice(printed: dict[str, Printed], sheet: str, home: str) -> None:
    body = printed[f"{home}handout/{sheet}"].bodies[0]
    if SITE_PRACTICE:
        assert SITE_PRACTICE.get("name", "") in body
    else:
        for label in write_in(home):
            assert f"{label}:" in body, f"the handout has no line to write {label!r} on"


@pytest.mark.parametrize("home", HOMES)
def test_handout_has_tick_boxes_and_a_safety_line(site: Path, home: str) -> None:
    soup = soup_of(site, home + "handout/")
    choices = soup.select("article .checklist li")
    assert 4 <= len(choices) <= 8, "the handout needs a few tick-box lines"
    assert all(":" in li.get_text() for li in choices), "each line names a goal, then the massage"
    safety = soup.select_one("article .admonition.warning").get_text(" ").lower()
    assert all(word in safety for word in SAFETY_LINE[language_of(home)])


@pytest.mark.parametrize("home", HOMES)
def test_handout_prints_no_words_box_and_no_print_tip(printed: dict[str, Printed], home: str) -> None:
    body = " ".join(printed[f"{home}handout/Letter"].bodies)
    assert said(home)["glossary"]["print_title"] not in body
    assert SCREEN_ONLY[language_of(home)][2] not in body


def _print_styles(browser, url: str, script: str):
    context = browser.new_context(viewport=PAPER_VIEWPORT)
    page = context.new_page()
    page.goto(url, wait_until="load")
    wait_for_material(page)
    page.emulate_media(media="print")
    # The switch to print starts Material's colour transitions; paper gets where they end.
    page.wait_for_function("() => document.getAnimations().every(a => !(a instanceof CSSTransition))", timeout=5_000)
    result = page.evaluate(script)
    context.close()
    return result


# Every element in the article that shows text of its own, with its size and colour on paper.
TEXT_STYLES = """() => [...document.querySelectorAll('article *')]
  .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
  .filter(el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
  .map(el => ({text: el.textContent.trim().slice(0, 40), size: parseFloat(getComputedStyle(el).fontSize),
               color: getComputedStyle(el).color}))"""


@pytest.fixture(scope="module", params=HOMES)
def handout_text_styles(browser, base_url: str, request) -> list[dict]:
    return _print_styles(browser, base_url + request.param + "handout/", TEXT_STYLES)


def test_handout_text_is_10_5_pt_or_larger_on_paper(handout_text_styles: list[dict]) -> None:
    styles = handout_text_styles
    assert len(styles) > 20
    small = [s for s in styles if s["size"] < 10.5 * PT - 0.01]
    assert not small, f"text under 10.5 pt on the printed handout: {small[:5]}"


def _luminance(color: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"[\d.]+", color)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_handout_text_prints_dark_on_white(handout_text_styles: list[dict]) -> None:
    """Clear in black and white: every word prints in (near) black, so no meaning is in a colour."""
    faint = [s for s in handout_text_styles if (1.05) / (_luminance(s["color"]) + 0.05) < 12]
    assert not faint, f"text that prints pale or coloured on the handout: {faint[:5]}"


# ---------- Type on paper: 11 pt, in the font shipped with the site ----------

# Printouts whose every word is read at 11 pt or more (DECISIONS.md "Paper"); the handout's
# 10.5 pt is checked above.
ELEVEN_PT = ("print/", "quiz/", "glossary/")
# Text that is not read but typed: the address under a QR code may be small.
TEXT_ON_PAPER = """() => [...document.querySelectorAll('article *')]
  .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
  .filter(el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
  .filter(el => !el.closest('figure[class*="qr"] figcaption'))
  .map(el => ({text: el.textContent.trim().slice(0, 40), size: parseFloat(getComputedStyle(el).fontSize),
               font: getComputedStyle(el).fontFamily}))"""


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("page", ELEVEN_PT)
def test_printed_text_is_11_pt_or_larger(browser, base_url: str, page: str, home: str) -> None:
    """Body text, tables, boxes, the quiz's answers and key, the glossary's entries: 11 pt or more."""
    styles = _print_styles(browser, base_url + home + page, TEXT_ON_PAPER)
    assert len(styles) > 20
    small = [s for s in styles if s["size"] < 11 * PT - 0.01]
    assert not small, f"text under 11 pt on the printed /{home}{page}: {small[:5]}"


SHIPPED_FONT = "AtkinsonHyperlegible"


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("page", MOST_SHEETS)
def test_printouts_are_set_in_the_font_shipped_with_the_site(site: Path, printed: dict[str, Printed], page: str, home: str) -> None:
    """Atkinson Hyperlegible (docs/assets/fonts/), embedded: a printout breaks its sheets the same
    way on every machine. A picture's own words (an SVG in `<img>`) may use another font."""
    fonts = pdf_fonts(printed[f"{home}{page}Letter"].path)
    assert {f"{SHIPPED_FONT}-Regular", f"{SHIPPED_FONT}-Bold"} <= set(fonts), f"/{home}{page} prints in {sorted(fonts)}"
    assert all(fonts.values()), f"/{home}{page} prints with fonts not embedded: {fonts}"
    if not soup_of(site, home + page).article.select('img[src$=".svg"]'):
        others = sorted(name for name in fonts if not name.startswith(SHIPPED_FONT))
        assert not others, f"/{home}{page} prints words in fonts of the machine: {others}"


@pytest.mark.parametrize("address", ["", "es/glossary/", "quiz/"])
def test_the_print_font_is_not_fetched_on_screen(browser, base_url: str, address: str) -> None:
    """Only paper uses it: a phone reading the page, scrolled to its end, asks for no font."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    fonts: list[str] = []
    context.on("request", lambda request: fonts.append(request.url) if "/fonts/" in request.url else None)
    page = context.new_page()
    page.goto(base_url + address, wait_until="networkidle")
    page.keyboard.press("End")
    page.wait_for_load_state("networkidle")
    context.close()
    assert not fonts, f"/{address} on screen fetches {fonts}"


def fontconfig_with_other_fonts(folder: Path) -> Path:
    """A fontconfig file that gives Chromium another set of system fonts than the machine's own:
    its serif fonts only (DejaVu Serif on Debian), so any text set in the machine's fonts would
    be laid out differently."""
    config = folder / "fonts.conf"
    config.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <cachedir>{folder / "cache"}</cachedir>
  <selectfont>
    <rejectfont><glob>*</glob></rejectfont>
    <acceptfont><glob>*Serif*</glob></acceptfont>
  </selectfont>
</fontconfig>
""", encoding="utf-8")
    return config


@pytest.mark.parametrize(("address", "sheet"), [("print/", "Letter"), ("es/quiz/", "A4")])
def test_printouts_are_the_same_with_other_fonts_installed(
    browser, base_url: str, printed: dict[str, Printed], tmp_path: Path, address: str, sheet: str
) -> None:
    """The same sheets, each with the same lines, from a Chromium that finds other fonts (and
    other font settings) on its machine: issue 24 saw a print test fail on a machine with more
    fonts. The words of a picture (an SVG in `<img>`) are drawn in the machine's fonts: left out."""
    config = fontconfig_with_other_fonts(tmp_path)
    other = browser.browser_type.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, env={**os.environ, "FONTCONFIG_FILE": str(config)}
    )
    try:
        print_pdf(other, base_url + address, tmp_path / "other-fonts.pdf", sheet, javascript=False)
    finally:
        other.close()
    mine, others = (text_in_font(pdf, SHIPPED_FONT) for pdf in (printed[address + sheet].path, tmp_path / "other-fonts.pdf"))
    assert len(mine) == len(others), f"/{address} on {sheet}: {len(mine)} sheets with the machine's fonts, {len(others)} with others"
    changed = [number for number, (one, two) in enumerate(zip(mine, others), 1) if one != two]
    assert not changed, f"/{address} on {sheet}: these sheets break their lines differently with other fonts: {changed}"


# ---------- The home page's cards on paper ----------


def _cards(site: Path, home: str) -> list[tuple[str, str]]:
    """Each card of the home page (the ways in, the 6 differences): its title (its link's words)
    and the words under it, if any."""
    cards = []
    for card in soup_of(site, home).select("article .mdx-ways > ul > li, article .mdx-cards > ul > li"):
        title = flat(card.select_one("a").get_text(" "))
        cards.append((title, flat(card.get_text(" ")).removeprefix(title).strip()))
    return cards


def _headed(title: str, words: str, sheets: list[list[str]]) -> bool:
    """Whether `title` prints on a line of its own (or two, if it wraps), and the card's own
    `words`, if it has any, start the line after it (or its web address does)."""
    for lines in sheets:
        for number in range(len(lines)):
            for size in (1, 2):
                if squashed(" ".join(lines[number:number + size])) != squashed(title):
                    continue
                after = squashed(lines[number + size]) if number + size < len(lines) else ""
                if not words or after.startswith(("(http", squashed(words)[:15])):
                    return True
    return False


@pytest.mark.parametrize("home", HOMES)
def test_home_cards_print_as_headed_blocks(site: Path, browser, base_url: str, printed: dict[str, Printed], tmp_path: Path, home: str) -> None:
    """Each card's title on a line of its own, its words starting the next line, not run on
    into them, on the home page printed on its own and in the booklet."""
    cards = _cards(site, home)
    assert len(cards) >= 3 and any(words for _, words in cards), f"/{home} should have its ways in as cards"
    print_pdf(browser, base_url + home, tmp_path / "home.pdf", "Letter")
    for name, pdf in (("the home page", tmp_path / "home.pdf"), ("the booklet", printed[f"{home}print/Letter"].path)):
        sheets = lines_in_reading_order(pdf)
        run_on = [title for title, words in cards if not _headed(title, words, sheets)]
        assert not run_on, f"{name} (/{home}) prints these cards' titles run on into other words: {run_on}"


# ---------- Every page on paper ----------


@pytest.mark.parametrize("home", HOMES)
def test_printed_page_ends_with_its_review_dates(printed: dict[str, Printed], home: str) -> None:
    """The trust marks, in the page itself (a browser without page margins prints them too)."""
    review = SETTINGS["extra"]["review"]
    words = said(home)["trust"]
    dates = [long_date(datetime.date.fromisoformat(review[key]), language_of(home)) for key in ("last", "next")]
    last_sheet = printed[home + "difference"].bodies[-1]
    assert f'{words["last"].format(date=dates[0])} · {words["next"].format(date=dates[1])}' in last_sheet


@pytest.mark.parametrize("home", HOMES)
def test_printed_page_has_no_screen_chrome(site: Path, printed: dict[str, Printed], home: str) -> None:
    soup = soup_of(site, home + DIFFERENCE)
    article = flat(soup.select_one("article").get_text(" "))
    chrome = {
        flat(node.get_text(" "))
        for node in soup.select(".md-header__title .mdx-name, .md-nav--primary a, .md-footer__link, .md-skip")
    }
    only_chrome = {text for text in chrome if text and text not in article}
    assert len(only_chrome) >= 5, only_chrome
    text = " ".join(printed[home + "difference"].sheets)
    printed_chrome = sorted(t for t in only_chrome if t in text)
    assert not printed_chrome, f"navigation text on paper: {printed_chrome}"
    for control in CHROME[language_of(home)]:
        assert control not in text


@pytest.mark.parametrize("home", HOMES)
def test_printed_page_shows_link_addresses(site: Path, printed: dict[str, Printed], home: str) -> None:
    article = soup_of(site, home + DIFFERENCE).article
    internal = [
        a for a in article.select("a[href]")
        if not a["href"].startswith(("#", "http")) and "headerlink" not in a.get("class", [])
        and "mdx-term__link" not in a.get("class", []) and not a.find_parent(["td", "th"])
        and not a.find_parent(class_="mdx-screen-only")  # off paper (the trust marks' links)
    ]
    assert internal, "the page should link to another page of the guide"
    text = squashed(" ".join(printed[home + "difference"].sheets))
    for link in internal:
        address = urljoin(SITE_URL + home + DIFFERENCE, link["href"])
        assert f"({address})" in text, f"the printed page does not show {address} after the link"


@pytest.mark.parametrize("home", HOMES)
def test_every_printed_sheet_has_the_address_and_review_date(printed: dict[str, Printed], home: str) -> None:
    sheets = printed[home + "difference"].sheets
    assert len(sheets) >= 2, "this check needs a page that prints on more than one sheet"
    for number, sheet in enumerate(sheets, 1):
        assert SITE_URL + home + DIFFERENCE in squashed(sheet), f"sheet {number}"
        assert checked_line(home) in sheet, f"sheet {number} lacks the review date"


# ---------- The booklet ----------


def booklet_pages(site: Path, home: str = "") -> list[str]:
    """The addresses the booklet of `home`'s language holds, in reading order: the nav without
    the pages left out."""
    left_out = {home + address_of(path) for path in booklet_leaves_out()}
    return [address for address in nav_order(site, home) if address not in left_out]


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_booklet_cover_has_title_purpose_practice_qr_code_and_review_date(
    site: Path, printed: dict[str, Printed], sheet: str, home: str
) -> None:
    booklet = printed[f"{home}print/{sheet}"]
    cover = booklet.bodies[0]
    assert cover.startswith(h1_text(site, home + "print/"))
    purpose = flat(soup_of(site, home + "print/").select_one(".mdx-booklet__purpose").get_text(" "))
    assert squashed(purpose) in squashed(cover)
    assert not_advice(home) in cover and checked_line(home) in cover
    if SITE_PRACTICE:
        assert SITE_PRACTICE.get("name", "") in cover
    else:
        assert all(f"{label}:" in cover for label in write_in(home)), "the cover has no lines for the practice"
    assert qr_codes_on(booklet.path, 1) == [SITE_URL + home]
    # The cover is a cover: the contents and the guide start on the next sheet.
    assert said(home)["booklet"]["contents"] not in cover


@pytest.mark.parametrize("home", HOMES)
def test_booklet_contents_fit_one_sheet_and_name_every_page(site: Path, printed: dict[str, Printed], home: str) -> None:
    contents = printed[f"{home}print/Letter"].bodies[1]
    assert contents.startswith(said(home)["booklet"]["contents"])
    for address in booklet_pages(site, home):
        title = soup_of(site, address).title.get_text().split(" - ")[0]
        home_title = soup_of(site, home).select_one(".md-nav--primary a.md-nav__link").get_text(strip=True)
        assert title in contents or (address == home and home_title in contents), f"the contents lack {title!r}"
        assert shown(SITE_URL + address) in squashed(contents), f"the contents lack the address of /{address}"


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_booklet_holds_the_readers_pages_in_reading_order(site: Path, printed: dict[str, Printed], sheet: str, home: str) -> None:
    bodies = printed[f"{home}print/{sheet}"].bodies
    pages = booklet_pages(site, home)
    own = {d for d in DIFFERENCES if language_of(d) == language_of(home)}
    assert set(pages) >= {home, *own, home + "safety/", home + "glossary/"}
    previous = (1, 0)  # after the contents
    for address in pages:
        title = squashed(h1_text(site, address))
        found = [
            (number, squashed(body).find(title)) for number, body in enumerate(bodies) if title in squashed(body)
        ]
        later = [place for place in found if place > previous]
        assert later, f"the booklet lacks {h1_text(site, address)!r} after the page before it"
        previous = later[0]


@pytest.mark.parametrize("home", HOMES)
def test_booklet_starts_a_sheet_only_where_a_part_begins(site: Path, printed: dict[str, Printed], home: str) -> None:
    """Each part after the first starts a sheet; the pages inside a part run on."""
    soup = soup_of(site, home + "print/")
    # Each sheet's text from its first line down (by place on the sheet, not reading order).
    bodies = [squashed(" ".join(line.text for line in sheet.lines)) for sheet in sheet_lines(printed[f"{home}print/Letter"].path)]
    parts = soup.select("article .mdx-booklet__part")
    assert len(parts) >= 5
    for part in parts[1:]:
        first = part.select_one("h2")
        title = squashed("".join(s for s in first.find_all(string=True) if not s.find_parent(class_="headerlink")))
        assert any(body.startswith(title) for body in bodies), f"the part {title!r} does not start a sheet"
    run_on = [section for part in parts for section in part.select(".mdx-booklet__section")[1:]]
    assert run_on, "the 6 differences should run on inside their part"
    starts = 0
    for section in run_on:
        title = squashed(heading_texts_of(section)[0])
        starts += any(body.startswith(title) for body in bodies)
    assert starts < len(run_on), "every page of a part starts a sheet of its own"


def heading_texts_of(element) -> list[str]:
    return [
        flat("".join(s for s in heading.find_all(string=True) if not s.find_parent(class_="headerlink")))
        for heading in element.select("h1, h2, h3, h4, h5, h6")
    ]


@pytest.mark.parametrize("home", HOMES)
def test_booklet_leaves_out_what_is_not_for_readers(site: Path, printed: dict[str, Printed], home: str) -> None:
    text = squashed(" ".join(printed[f"{home}print/Letter"].bodies[1:]))
    for path in booklet_leaves_out():
        title = h1_text(site, home + address_of(path))
        assert squashed(title) not in text, f"the booklet prints {title!r}, which it should leave out"
    for screen_only in (*SCREEN_ONLY[language_of(home)], said(home)["glossary"]["print_title"]):
        assert squashed(screen_only) not in text, f"the booklet prints {screen_only!r}"


@pytest.mark.parametrize("home", HOMES)
def test_booklet_prints_no_web_address_for_its_own_pages(site: Path, printed: dict[str, Printed], home: str) -> None:
    """Inside the booklet a link to another of its pages needs no address (the reader holds it),
    and tables carry no addresses at all; the contents say where each page is online."""
    text = squashed(" ".join(printed[f"{home}print/Letter"].bodies[2:]))
    for address in booklet_pages(site, home):
        if address != home:
            assert f"({SITE_URL}{address}" not in text, f"the booklet prints the address of /{address}"


@pytest.mark.parametrize("home", HOMES)
def test_booklet_links_point_inside_the_booklet(site: Path, home: str) -> None:
    soup = soup_of(site, home + "print/")
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "ids in the booklet must be unique"
    sections = soup.select("article .mdx-booklet__section")
    assert len(sections) == len(booklet_pages(site, home))
    inside = {f"/{address}" for address in booklet_pages(site, home)}
    leaving = []
    for section in sections:
        for link in section.select("a[href]"):
            href = link["href"]
            if href.startswith("#"):
                assert href[1:] in ids, f"booklet link {href} points nowhere"
                continue
            path = urlsplit(urljoin(f"http://site.invalid/{home}print/", href)).path
            if not href.startswith("http") and path in inside:
                leaving.append(href)
    assert not leaving, f"links that leave the booklet for one of its own pages: {leaving}"


@pytest.mark.parametrize("home", HOMES)
def test_booklet_reads_without_javascript(site: Path, browser, base_url: str, home: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + home + "print/")
    sections = page.locator("article .mdx-booklet__section")
    assert sections.count() == len(booklet_pages(site, home))
    assert sections.last.locator("h2, h3").first.is_visible()
    context.close()


# ---------- The quiz worksheet and the glossary ----------


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_quiz_worksheet_has_name_and_date_lines_and_a_key_without_addresses(
    site: Path, printed: dict[str, Printed], sheet: str, home: str
) -> None:
    words = said(home)["quiz"]
    bodies = printed[f"{home}quiz/{sheet}"].bodies
    assert all(f"{label}:" in bodies[0] for label in words["write_in"])
    key = bodies[-1]
    assert key.startswith(words["key"]), "the answer key starts the last sheet"
    # The page's own address may follow the key: the line every printed page ends with
    # ("not medical advice" and the address, overrides/partials/trust-marks.html).
    own = squashed(SITE_URL + home + "quiz/")
    assert "http" not in squashed(key).replace(own, ""), "the key names the page to read, not its address"
    pages = {flat(a.get_text(" ")) for a in soup_of(site, home + "quiz/").select(".mdx-quiz__key a")}
    assert pages and all(name in key for name in pages)
    for screen_only in (words["reset"], words["score"].strip()):
        assert screen_only not in " ".join(bodies)


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_glossary_prints_every_word_without_screen_controls(site: Path, printed: dict[str, Printed], sheet: str, home: str) -> None:
    text = squashed(" ".join(printed[f"{home}glossary/{sheet}"].bodies))
    soup = soup_of(site, home + "glossary/")
    terms = [flat(h.get_text(" ")).removesuffix(" ¶") for h in soup.select(".mdx-glossary__term")]
    assert len(terms) >= 10
    for term in terms:
        assert squashed(term) in text, f"the printed glossary lacks {term!r}"
    letters = soup.select_one(".mdx-glossary__letters")
    assert letters is None or squashed(letters.get_text(" ")) not in text, "the A to Z buttons print"


# ---------- With the practice's details, the longest the build accepts ----------


@pytest.fixture(scope="module")
def practice_url(practice_site: Path) -> Iterator[str]:
    """conftest's practice copy (details and logo set, a closed box and tabs on the safety page),
    served at a domain root: its pages link relatively, so they print the same there."""
    server, url = serve(practice_site)
    yield url
    server.shutdown()


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_handout_with_practice_details_is_still_one_sheet(
    browser, practice_site: Path, practice_url: str, tmp_path: Path, sheet: str, home: str
) -> None:
    reader = print_pdf(browser, practice_url + home + "handout/", tmp_path / "handout.pdf", sheet)
    front, back = handout_sides(soup_of(practice_site, home + "handout/"))
    bodies = [body_of(text, PRACTICE_URL + home + "handout/") for text in pdf_text(reader)]
    problems = handout_sheet_problems(bodies, front, back)
    assert not problems, f"/{home}handout/ with practice details on {sheet}:\n" + "\n".join(problems)
    text = squashed(pdf_text(reader)[0])
    for detail in ("Riverside Massage & Wellness", "12 River Road", "+1 541 555 0100", "riverside-massage.example/book"):
        assert squashed(detail) in text, f"the handout does not show {detail!r}"


@pytest.mark.parametrize("home", HOMES)
def test_practice_details_only_when_set(site: Path, browser, practice_url: str, tmp_path: Path, home: str) -> None:
    for address in ("handout/", "print/"):
        article = soup_of(site, home + address).article
        if not SITE_PRACTICE:
            assert not article.select(".mdx-practice"), f"/{home}{address} shows practice details that are not set"
            assert said(home)["practice"]["your_practice"] not in article.get_text()
    cover = pdf_text(print_pdf(browser, practice_url + home + "print/", tmp_path / "booklet.pdf", javascript=False))[0]
    assert "Riverside Massage & Wellness" in cover, "the booklet's cover should name the practice"
    assert f"{write_in(home)[0]}:" not in cover, "with the practice's details set, no lines to write them on"


def test_closed_boxes_and_tabs_print_open(browser, practice_url: str, tmp_path: Path) -> None:
    text = " ".join(pdf_text(print_pdf(browser, practice_url + "safety/", tmp_path / "s.pdf", javascript=False)))
    for words in ("Words inside the closed box.", "Words on the first tab.", "Words on the second tab."):
        assert words in text, f"{words!r} is hidden on paper"


def test_build_without_site_url_says_the_qr_code_needs_it(broken_copy, tmp_path: Path) -> None:
    project = broken_copy()
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url:.*\n", "", config.read_text(encoding="utf-8"), flags=re.M))
    log = failed_build_log(project, tmp_path / "site", "no site_url")
    assert "QR code" in log and "site_url" in log, log


@pytest.mark.parametrize("home", HOMES)
def test_every_page_of_the_guide_is_in_the_booklet_or_left_out_on_purpose(site: Path, home: str) -> None:
    in_booklet = set(booklet_pages(site, home))
    left_out = {home + address_of(path) for path in booklet_leaves_out()}
    for address in CONTENT_PAGES:
        if address in nav_order(site, home):
            assert address in in_booklet or address in left_out, f"/{address} is missing from the booklet"


def test_the_one_sheet_rule_fails_on_a_third_page_or_a_safety_part_cut_on_the_front() -> None:
    """The handout's one-sheet check can fail: made-up pages of text, as read back from a PDF."""
    front, back = ["Tick what is true.", "I want to rest: book a relaxation massage."], [
        "Safety: check these signs first", "Call 911 now", "Chest pain.", "Ask a doctor before you book", "You are pregnant."]
    choice = "Tick what is true. I want to rest: book a relaxation massage."
    safety = "Safety: check these signs first Call 911 now Chest pain. Ask a doctor before you book You are pregnant."
    assert handout_sheet_problems([choice, safety], front, back) == []
    three = handout_sheet_problems([choice, safety.removesuffix(" You are pregnant."), "You are pregnant."], front, back)
    assert any("3 pages" in problem for problem in three)
    cut = handout_sheet_problems([choice + " Safety: check these signs first Call 911 now",
                                  "Chest pain. Ask a doctor before you book You are pregnant."], front, back)
    assert any("on the front" in problem for problem in cut) and any("does not start" in problem for problem in cut)
    assert any("front lacks" in problem for problem in handout_sheet_problems(["Tick what is true.", safety], front, back))
