"""Printing a page to PDF in real Chromium (`page.pdf` uses print media) and reading it back: its
text, sheet by sheet, without the footer line; its QR codes; the headings left at a sheet's foot."""

from __future__ import annotations

import copy
import re
import subprocess
import tempfile
import unicodedata
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from pypdf import PdfReader

from conftest import wait_for_material

XHTML = "{http://www.w3.org/1999/xhtml}"
# A sheet of US Letter at 96 px to the inch: the width Chromium lays a printed page out at.
PAPER_VIEWPORT = {"width": 816, "height": 1056}


def flat(text: str) -> str:
    """Text with every run of white space made one space: PDF lines break anywhere."""
    return " ".join(text.split())


def squashed(text: str) -> str:
    """Text with no white space at all: a long address may break over two printed lines."""
    return "".join(text.split())


def print_pdf(browser, url: str, path: Path, sheet: str = "Letter", javascript: bool = True) -> PdfReader:
    """Print the page at `url` to `path` on `sheet` paper, as a reader's browser would."""
    context = browser.new_context(viewport=PAPER_VIEWPORT, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(url, wait_until="load")
    if javascript:
        wait_for_material(page)
    page.pdf(path=str(path), format=sheet)
    context.close()
    return PdfReader(path)


def pdf_text(reader: PdfReader) -> list[str]:
    """Each printed sheet's text, made `flat`, with ligatures read as their letters: a font may
    draw "ff" in "differences" as one glyph (U+FB00), which a reader reads as two letters.

    Read by poppler's `pdftotext -raw` (the text in the order the page drew it, as pypdf reads it,
    but some twenty times faster: 0.1 s for the 36-sheet booklet against 2.7 s)."""
    pdf = reader.stream.getvalue() if hasattr(reader.stream, "getvalue") else Path(reader.stream.name).read_bytes()
    text = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "fd://0", "-"], input=pdf, check=True, capture_output=True, timeout=60
    ).stdout.decode("utf-8")
    sheets = text.split("\f")[: len(reader.pages)]  # each sheet ends with a form feed
    return [flat(unicodedata.normalize("NFKC", sheet)) for sheet in sheets]


# The footer line Chromium prints in the page margin (overrides/partials/print-styles.html):
# "Last checked: November 26, 2026[ by NAME], page 2 of 5", next to the page's address; on a
# Spanish page "Esta hoja se revisó el 26 de noviembre de 2026[ por NAME], página 2 de 5".
FOOTER = re.compile(
    r"Last checked: [A-Z][a-z]+ \d{1,2}, \d{4}(?: by .+?)?, page \d+ of \d+"
    r"|Esta hoja se revisó el \d{1,2} de [a-z]+ de \d{4}(?: por .+?)?, página \d+ de \d+"
)


def body_of(sheet: str, page_url: str) -> str:
    """A sheet's text (from `pdf_text`) without its footer line: the review date, the page number
    and the page's address, which the page margins hold."""
    text = FOOTER.sub(" ", sheet, count=1)
    # A long address may break over two printed lines: find it with spaces allowed anywhere.
    address = r"\s*".join(map(re.escape, page_url))
    return flat(re.sub(address, " ", text, count=1))


def qr_codes_on(pdf: Path, sheet: int = 1) -> list[str]:
    """Every QR code on one sheet of the PDF, read from a grey picture of it (150 dpi)."""
    with tempfile.TemporaryDirectory() as folder:  # not beside the PDF, which other tests read too
        stem = Path(folder) / f"{pdf.stem}-qr{sheet}"
        subprocess.run(
            ["pdftoppm", "-r", "150", "-gray", "-singlefile", "-f", str(sheet), "-l", str(sheet), str(pdf), str(stem)],
            check=True,
            timeout=60,
        )
        data = stem.with_suffix(".pgm").read_bytes()
    width, height, pixels = re.match(rb"P5\s+(\d+)\s+(\d+)\s+\d+\s(.*)", data, re.S).groups()
    image = memoryview(pixels).cast("B", (int(height), int(width)))
    return [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def heading_texts(soup) -> list[str]:
    """The text of every heading in a built page's article, without its link mark."""
    found = []
    for heading in soup.select("article :is(h1, h2, h3, h4, h5, h6)"):
        text = flat("".join(
            str(piece) for piece in heading.find_all(string=True)
            if not piece.find_parent(class_="headerlink")
        ))
        if len(squashed(text)) >= 3:
            found.append(text)
    return found


@dataclass
class Line:
    """A printed line of text and where it sits on its sheet, in points from the top left."""

    text: str
    left: float
    top: float
    bottom: float


@dataclass
class Sheet:
    width: float
    lines: list[Line]  # from the top down


def sheet_lines(pdf: Path) -> list[Sheet]:
    """Each sheet's lines of text, from the top down, without the footer line in the margin.

    Read with poppler's `pdftotext -bbox-layout`, which gives each line its place on the sheet (a
    multi-column layout reads in any order as text, not by place)."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, timeout=60
    ).stdout
    root = etree.fromstring(xhtml)
    sheets = []
    for page in root.iter(f"{XHTML}page"):
        height = float(page.get("height"))
        lines = []
        for line in page.iter(f"{XHTML}line"):
            text = flat(unicodedata.normalize("NFKC", " ".join(word.text or "" for word in line.iter(f"{XHTML}word"))))
            top, bottom = float(line.get("yMin")), float(line.get("yMax"))
            # The footer line sits in the bottom margin, below 95 % of the sheet's height.
            if text and top < 0.95 * height:
                lines.append(Line(text, float(line.get("xMin")), top, bottom))
        sheets.append(Sheet(float(page.get("width")), sorted(lines, key=lambda line: (line.top, line.left))))
    return sheets


def last_lines(sheet: Sheet) -> list[Line]:
    """The last line of each column of a sheet: the lowest line starting in its left half and
    the lowest starting in its right half (a page in two columns ends twice)."""
    middle = sheet.width / 2
    # A right column starts just right of the middle; a table's cells start anywhere.
    halves = (
        [line for line in sheet.lines if line.left < middle],
        [line for line in sheet.lines if middle <= line.left < middle + 30],
    )
    return [max(half, key=lambda line: line.bottom) for half in halves if half]


def lines_in_reading_order(pdf: Path) -> list[list[str]]:
    """Each sheet's lines of text as poppler reads them, block by block (a column of a grid, a
    card, a paragraph), so a line's neighbours are the lines of its own block."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, timeout=60
    ).stdout
    return [
        [flat(unicodedata.normalize("NFKC", " ".join(word.text or "" for word in line.iter(f"{XHTML}word"))))
         for line in page.iter(f"{XHTML}line")]
        for page in etree.fromstring(xhtml).iter(f"{XHTML}page")
    ]


def text_in_font(pdf: Path, font: str) -> list[list[str]]:
    """Each sheet's lines of the text set in `font` (a font's name, `AtkinsonHyperlegible`): the
    words a picture draws in a font of its own (an SVG in `<img>`) are left out. Read by poppler's
    `pdftohtml -xml`, which names each run of text's font: a line is the runs at one height."""
    xml = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-q", "-stdout", str(pdf)], check=True, capture_output=True, timeout=60
    ).stdout
    families: dict[str, str] = {}
    sheets = []
    for page in etree.fromstring(xml).iter("page"):
        families |= {spec.get("id"): spec.get("family", "") for spec in page.iter("fontspec")}
        lines: dict[int, list[tuple[int, str]]] = {}
        for run in page.iter("text"):
            if font in families.get(run.get("font"), ""):
                lines.setdefault(int(run.get("top")), []).append((int(run.get("left")), "".join(run.itertext())))
        texts = (flat("".join(text for _, text in sorted(runs))) for _, runs in sorted(lines.items()))
        sheets.append([text for text in texts if text])
    return sheets


def pdf_fonts(pdf: Path) -> dict[str, bool]:
    """The fonts a PDF uses (poppler's `pdffonts`), without their subset tag, and whether each is
    embedded in the file: `{"AtkinsonHyperlegible-Regular": True, ...}`."""
    listing = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True, timeout=60).stdout
    fonts = {}
    for row in listing.splitlines()[2:]:
        name, *_, embedded, _subset, _unicode, _number, _generation = row.split()
        fonts[name.split("+", 1)[-1]] = fonts.get(name.split("+", 1)[-1], True) and embedded == "yes"
    return fonts


def _bold_baselines_of(page) -> list[float]:
    """A sheet's baselines (points from the top) of text set in a bold font: headings are."""
    height = float(page.mediabox.height)
    found: list[float] = []

    def keep(text: str, cm, tm, font_dict, _size) -> None:
        if text.strip() and font_dict and "Bold" in str(font_dict.get("/BaseFont", "")):
            found.append(height - (tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    page.extract_text(visitor_text=keep)
    return found


def bold_baselines(pdf: Path) -> list[list[float]]:
    """Each sheet's baselines (points from the top) of text set in a bold font: headings are."""
    return [_bold_baselines_of(page) for page in PdfReader(pdf).pages]


def sheets_ending_with_a_heading(pdf: Path, headings: list[str]) -> list[tuple[int, str]]:
    """(sheet number, heading) for each sheet, or column, whose last line is a heading or the
    end of one (a long heading wraps): the heading sits at the foot and what it introduces
    starts the next sheet. Lines are compared without spaces; a heading's line is in bold (a
    table cell with the same words is not a heading). The bold text of a sheet is read only
    where a last line has a heading's words: reading a whole booklet's fonts takes long."""
    stranded = []
    pages = PdfReader(pdf).pages
    for number, sheet in enumerate(sheet_lines(pdf), 1):
        bold: list[float] | None = None
        for line in last_lines(sheet):
            end = squashed(line.text)
            found = [(number, heading) for heading in headings if len(end) >= 3 and squashed(heading).endswith(end)]
            if not found:
                continue
            if bold is None:
                bold = _bold_baselines_of(pages[number - 1])
            if any(line.top - 1 <= baseline <= line.bottom + 1 for baseline in bold):
                stranded += found
    return stranded


# ---------- The handout: one sheet of paper, front and back (DECISIONS.md "Paper") ----------


def _printed_words(element) -> str:
    """An element's words as paper shows them: a glossary word's on-screen definition and a
    heading's link mark never print."""
    element = copy.copy(element)  # the page is shared (conftest.soup_of)
    for tip in element.select(".mdx-term__tip, .headerlink"):
        tip.extract()
    return flat(element.get_text(" "))


def handout_sides(soup) -> tuple[list[str], list[str]]:
    """What each side of the handout must print whole, from its built page: the front's tick
    list (the choice), and the back's heading, box titles and signs (the safety part, from the
    triage source)."""
    front = [_printed_words(e) for e in soup.select(".mdx-handout__front .checklist .admonition-title, "
                                                    ".mdx-handout__front .checklist li")]
    back = [_printed_words(e) for e in soup.select(".mdx-handout__back > h2, .mdx-handout__back .admonition-title, "
                                                   ".mdx-handout__back .admonition li")]
    return front, back


def handout_sheet_problems(bodies: list[str], front: list[str], back: list[str]) -> list[str]:
    """Where a printed handout (each page's text, without its footer) breaks the one-sheet rule:
    at most 2 pages, the front on page 1 whole; the safety part, if on a page of its own, starts
    page 2 and is there whole, none of it on the front (a box half cut at the foot of page 1)."""
    problems = []
    if not front or not back:
        return ["the handout's page has no tick list or no safety part to look for"]
    if len(bodies) > 2:
        problems.append(f"it prints on {len(bodies)} pages: one sheet of paper has 2 sides")
    page_one = squashed(bodies[0])
    problems += [f"the front lacks {words!r}" for words in front if squashed(words) not in page_one]
    if len(bodies) == 1:
        return problems + [f"the sheet lacks {words!r}" for words in back if squashed(words) not in page_one]
    page_two = squashed(bodies[1])
    problems += [f"the safety part is (partly) on the front: {words!r}" for words in back if squashed(words) in page_one]
    if not page_two.startswith(squashed(back[0])):
        problems.append(f"the back does not start with the safety part ({back[0]!r}): {bodies[1][:80]!r}")
    problems += [f"the back lacks {words!r}" for words in back if squashed(words) not in page_two]
    return problems
