"""On paper: the one-page handout, every page printed clean, and the whole guide as a booklet.

Pages are printed to PDF by real Chromium (`page.pdf` uses print media), then read back: pypdf
counts the sheets and reads the text, pdftoppm turns a sheet into a picture and zxing-cpp reads
the QR code on it.
"""

from __future__ import annotations

import datetime
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import zxingcpp

from conftest import LAST_REVIEWED, SITE_URL, failed_build_log, serve, soup_of, wait_for_material
from paper import PAPER_VIEWPORT, flat, pdf_text, print_pdf, squashed
from site_pages import CONTENT_PAGES, DIFFERENCES

LAST_CHECKED = datetime.date.fromisoformat(LAST_REVIEWED)
SHEETS = ("Letter", "A4")
PT = 4 / 3  # CSS pixels per point


FOOTER = re.compile(r"Last checked: [A-Z][a-z]+ \d{1,2}, \d{4}, page \d+ of \d+")


def sheet_body(sheet: str) -> str:
    """A sheet's text without its footer line (the review date, page number and address)."""
    return re.sub(r"^https?://\S*?/(?= |$)", "", FOOTER.sub("", sheet, count=1).lstrip()).strip()


def qr_codes_on(pdf: Path) -> list[str]:
    """Every QR code on the PDF's first sheet, read from a grey picture of it (150 dpi)."""
    stem = pdf.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-singlefile", "-f", "1", "-l", "1", str(pdf), str(stem)],
        check=True,
        timeout=60,
    )
    data = stem.with_suffix(".pgm").read_bytes()
    width, height, pixels = re.match(rb"P5\s+(\d+)\s+(\d+)\s+\d+\s(.*)", data, re.S).groups()
    image = memoryview(pixels).cast("B", (int(height), int(width)))
    return [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def h1_text(site: Path, address: str) -> str:
    h1 = soup_of(site, address).select_one("article h1")
    for mark in h1.select(".headerlink"):
        mark.decompose()
    return flat(h1.get_text(" "))


def nav_order(site: Path) -> list[str]:
    """Page addresses in reading order, from the navigation of the built home page."""
    order: list[str] = []
    for link in soup_of(site, "").select(".md-nav--primary a.md-nav__link[href]"):
        address = urlsplit(urljoin("http://site.invalid/", link["href"])).path.lstrip("/")
        if address not in order:
            order.append(address)
    return order


@dataclass
class Printed:
    path: Path
    sheets: list[str]  # each sheet's text, from `pdf_text`


@pytest.fixture(scope="module")
def printed(browser, base_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    """The handout on both sheet sizes, a difference page and the booklet, printed and read once."""
    folder = tmp_path_factory.mktemp("printed")
    jobs = {
        "handout-Letter": ("handout/", "Letter", True),
        "handout-A4": ("handout/", "A4", True),
        # Printed with JavaScript off: paper must not depend on it.
        "difference": ("differences/after-the-session/", "Letter", False),
        "booklet": ("print/", "Letter", False),
    }
    done = {}
    for name, (address, sheet, javascript) in jobs.items():
        path = folder / f"{name}.pdf"
        done[name] = Printed(path, pdf_text(print_pdf(browser, base_url + address, path, sheet, javascript)))
    return done


# ---------- The handout ----------


@pytest.mark.parametrize("sheet", SHEETS)
def test_handout_fits_on_one_sheet(printed: dict[str, Printed], sheet: str) -> None:
    pages = len(printed[f"handout-{sheet}"].sheets)
    assert pages == 1, f"the handout prints on {pages} sheets of {sheet} paper, not 1"


@pytest.mark.parametrize("sheet", SHEETS)
def test_handout_names_all_six_differences(site: Path, printed: dict[str, Printed], sheet: str) -> None:
    text = printed[f"handout-{sheet}"].sheets[0]
    for address in DIFFERENCES:
        name = soup_of(site, address).title.get_text().split(" - ")[0]
        assert name in text, f"the printed handout does not name the difference {name!r}"


@pytest.mark.parametrize("sheet", SHEETS)
def test_handout_qr_code_opens_the_guide(printed: dict[str, Printed], sheet: str) -> None:
    codes = qr_codes_on(printed[f"handout-{sheet}"].path)
    assert codes == [SITE_URL], f"QR codes read from the printed handout: {codes}"


def test_handout_prints_the_guide_address_beside_the_qr_code(printed: dict[str, Printed]) -> None:
    text = printed["handout-Letter"].sheets[0]
    shown = SITE_URL.split("://", 1)[1].rstrip("/")
    assert shown in squashed(text), f"the handout does not print the address {shown}"


def test_handout_has_tick_boxes_and_a_safety_line(site: Path) -> None:
    soup = soup_of(site, "handout/")
    choices = soup.select("article .checklist li")
    assert 4 <= len(choices) <= 8, "the handout needs a few tick-box lines"
    assert all(":" in li.get_text() for li in choices), "each line names a goal, then the massage"
    safety = soup.select_one("article .admonition.warning").get_text(" ").lower()
    assert "doctor" in safety and "blood clot" in safety


def _print_styles(browser, url: str, script: str):
    context = browser.new_context(viewport=PAPER_VIEWPORT)
    page = context.new_page()
    page.goto(url, wait_until="load")
    wait_for_material(page)
    page.emulate_media(media="print")
    # The switch to print starts Material's colour transitions; paper gets where they end.
    page.wait_for_function("document.getAnimations().every(a => !(a instanceof CSSTransition))", timeout=5_000)
    result = page.evaluate(script)
    context.close()
    return result


# Every element in the article that shows text of its own, with its size and colour on paper.
TEXT_STYLES = """() => [...document.querySelectorAll('article *')]
  .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
  .filter(el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
  .map(el => ({text: el.textContent.trim().slice(0, 40), size: parseFloat(getComputedStyle(el).fontSize),
               color: getComputedStyle(el).color}))"""


@pytest.fixture(scope="module")
def handout_text_styles(browser, base_url: str) -> list[dict]:
    return _print_styles(browser, base_url + "handout/", TEXT_STYLES)


def test_handout_text_is_9_pt_or_larger_on_paper(handout_text_styles: list[dict]) -> None:
    styles = handout_text_styles
    assert len(styles) > 20
    small = [s for s in styles if s["size"] < 9 * PT - 0.01]
    assert not small, f"text under 9 pt on the printed handout: {small[:5]}"


def _luminance(color: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"[\d.]+", color)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_handout_text_prints_dark_on_white(handout_text_styles: list[dict]) -> None:
    """Clear in black and white: every word prints in (near) black, so no meaning is in a colour."""
    faint = [s for s in handout_text_styles if (1.05) / (_luminance(s["color"]) + 0.05) < 12]
    assert not faint, f"text that prints pale or coloured on the handout: {faint[:5]}"


# ---------- Every page on paper ----------


def test_printed_page_has_no_screen_chrome(site: Path, printed: dict[str, Printed]) -> None:
    soup = soup_of(site, "differences/after-the-session/")
    article = flat(soup.select_one("article").get_text(" "))
    chrome = {
        flat(node.get_text(" "))
        for node in soup.select(".md-header__topic, .md-nav--primary a, .md-footer__link, .md-skip")
    }
    only_chrome = {text for text in chrome if text and text not in article}
    assert len(only_chrome) >= 5, only_chrome
    text = " ".join(printed["difference"].sheets)
    printed_chrome = sorted(t for t in only_chrome if t in text)
    assert not printed_chrome, f"navigation text on paper: {printed_chrome}"
    for control in ("Skip to content", "Search", "Back to top"):
        assert control not in text


def test_printed_page_shows_link_addresses(site: Path, printed: dict[str, Printed]) -> None:
    internal = [
        a for a in soup_of(site, "differences/after-the-session/").select("article a[href]")
        if not a["href"].startswith(("#", "http")) and "headerlink" not in a.get("class", [])
        and "mdx-term__link" not in a.get("class", [])
    ]
    assert internal, "the page should link to another page of the guide"
    text = squashed(" ".join(printed["difference"].sheets))
    for link in internal:
        address = urljoin(SITE_URL + "differences/after-the-session/", link["href"])
        assert f"({address})" in text, f"the printed page does not show {address} after the link"


def test_every_printed_sheet_has_the_address_and_review_date(printed: dict[str, Printed]) -> None:
    sheets = printed["difference"].sheets
    assert len(sheets) >= 2, "this check needs a page that prints on more than one sheet"
    checked = f"Last checked: {LAST_CHECKED:%B} {LAST_CHECKED.day}, {LAST_CHECKED.year}"
    for number, sheet in enumerate(sheets, 1):
        assert SITE_URL + "differences/after-the-session/" in squashed(sheet), f"sheet {number}"
        assert checked in sheet, f"sheet {number} lacks {checked!r}"


# ---------- The booklet ----------


def test_booklet_holds_every_content_page_in_reading_order(site: Path, printed: dict[str, Printed]) -> None:
    order = nav_order(site)
    assert set(CONTENT_PAGES) <= set(order), "every content page should be in the navigation"
    sheets = printed["booklet"].sheets
    previous = 0  # the cover
    for address in order:
        title = h1_text(site, address)
        later = [number for number, sheet in enumerate(sheets) if title in sheet and number > previous]
        # A later sheet each time: the parts are in reading order, and each starts a new sheet.
        assert later, f"the booklet lacks {title!r} on a sheet of its own, in reading order"
        previous = later[0]


def test_booklet_cover_has_the_guide_title(site: Path, printed: dict[str, Printed]) -> None:
    cover = sheet_body(printed["booklet"].sheets[0])
    assert cover.startswith(h1_text(site, "print/"))
    site_name = soup_of(site, "print/").select_one(".md-header__topic").get_text(strip=True)
    assert site_name.rstrip("?") in h1_text(site, "print/")


def test_booklet_links_point_inside_the_booklet(site: Path) -> None:
    soup = soup_of(site, "print/")
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "ids in the booklet must be unique"
    sections = soup.select("article .mdx-booklet__section")
    assert len(sections) == len(nav_order(site))
    leaving = []
    for section in sections:
        for link in section.select("a[href]"):
            href = link["href"]
            if href.startswith("#"):
                assert href[1:] in ids, f"booklet link {href} points nowhere"
                continue
            path = urlsplit(urljoin("http://site.invalid/print/", href)).path
            to_a_page = urlsplit(href).scheme in ("", "http", "https") and path.endswith(("/", ".html"))
            to_a_page = to_a_page and path != "/print/"  # the booklet itself
            if to_a_page and not href.startswith("http") and not link.find_parent(class_="mdx-booklet__source"):
                leaving.append(href)
    assert not leaving, f"links that leave the booklet for another page: {leaving}"


def test_booklet_reads_without_javascript(site: Path, browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "print/")
    sections = page.locator("article .mdx-booklet__section")
    assert sections.count() == len(nav_order(site))
    assert sections.last.locator("h2").first.is_visible()
    context.close()


# ---------- With the practice's details, and without site_url ----------


@pytest.fixture(scope="module")
def practice_url(practice_site: Path) -> Iterator[str]:
    """conftest's practice copy (details and logo set, a closed box and tabs on the safety page),
    served at a domain root: its pages link relatively, so they print the same there."""
    server, url = serve(practice_site)
    yield url
    server.shutdown()


@pytest.mark.parametrize("sheet", SHEETS)
def test_handout_with_practice_details_still_fits_one_sheet(
    browser, practice_url: str, tmp_path: Path, sheet: str
) -> None:
    reader = print_pdf(browser, practice_url + "handout/", tmp_path / "handout.pdf", sheet)
    assert len(reader.pages) == 1
    text = squashed(pdf_text(reader)[0])
    for detail in ("Riverside Massage & Wellness", "12 River Road", "+1 541 555 0100", "riverside-massage.example/book"):
        assert squashed(detail) in text, f"the handout does not show {detail!r}"


def test_practice_details_only_when_set(site: Path, browser, practice_url: str, tmp_path: Path) -> None:
    for address in ("handout/", "print/"):
        article = soup_of(site, address).article
        assert not article.select(".mdx-practice"), f"/{address} shows practice details that are not set"
        assert "Your massage practice" not in article.get_text()
    cover = pdf_text(print_pdf(browser, practice_url + "print/", tmp_path / "booklet.pdf", javascript=False))[0]
    assert "Riverside Massage & Wellness" in cover, "the booklet's cover should name the practice"


def test_closed_boxes_and_tabs_print_open(browser, practice_url: str, tmp_path: Path) -> None:
    text = " ".join(pdf_text(print_pdf(browser, practice_url + "safety/", tmp_path / "s.pdf", javascript=False)))
    for words in ("Words inside the closed box.", "Words on the first tab.", "Words on the second tab."):
        assert words in text, f"{words!r} is hidden on paper"


def test_build_without_site_url_says_the_qr_code_needs_it(project_copy, tmp_path: Path) -> None:
    project = project_copy()
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url:.*\n", "", config.read_text(encoding="utf-8"), flags=re.M))
    log = failed_build_log(project, tmp_path / "site", "no site_url")
    assert "QR code" in log and "site_url" in log, log
