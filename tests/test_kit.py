"""The practice kit (`make kit`): PDFs printed by the project in Chromium, offered by the site
only once they exist, and the booking-email text on the link kit.

A copy of the project is built (in process), `massage_guide.kit.make` prints its kit from that
build into the copy's kit/ folder, and the copy is built again, now publishing the PDFs. Each PDF
is then read back as a reader's PDF viewer and printer would: pypdf and poppler (`pdfinfo`,
`pdffonts`, `pdftoppm`), zxing-cpp for its QR codes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import CHROMIUM, ROOT, SETTINGS, SITE_PRACTICE, SITE_URL, built_log, soup_of
from massage_guide.kit import kit_files
from massage_guide.plugin.authoring import shown_address
from massage_guide.plugin.link_kit import file_size
from paper import qr_codes_on
from site_pages import LANGUAGES, said, site_name_of

pytestmark = pytest.mark.slow

KIT = "link-to-this-guide/"
# Points per sheet (Chromium writes A4 a little over its 595.3 x 841.9 points).
PAPER_POINTS = {"letter": (612, 792), "a4": (595.3, 841.9)}
# The most pages each may take (DECISIONS.md "Paper"): the handout is one sheet, printed on both
# sides; the booklet at most 36; the quiz worksheet 3 with its key; the poster one side.
MOST_PAGES = {"handout": 2, "booklet": 36, "quiz": 3, "poster": 1}
PAGE_OF = {"handout": "handout/", "booklet": "print/", "quiz": "quiz/"}
EMAIL_WORDS = 60


@pytest.fixture(scope="module")
def kit(site: Path, project_copy, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """{"project", "before" (the site without PDFs), "after" (with them)}."""
    from massage_guide.kit.make import kit_dir, make_kit
    from massage_guide.site_map import SiteMap

    project = project_copy()
    before = tmp_path_factory.mktemp("kit-before") / "site"
    if any(kit_dir(SiteMap(ROOT / "mkdocs.yml")).glob("*.pdf")):
        built_log(project, before)  # the session's build publishes the kit this project has made
    else:
        # The copy is the project as it is: before its kit, its site is the session's build, copied
        # (make_kit writes the poster's page into the folder it prints from, which other tests read).
        shutil.copytree(site, before)
    make_kit(project / "mkdocs.yml", site=before, browser_path=CHROMIUM)  # the tests' browser (conftest)
    after = tmp_path_factory.mktemp("kit-after")
    built_log(project, after)
    return {"project": project, "before": before, "after": after}


CASES = [(home, document.what, paper, name) for code, home in LANGUAGES.items() for document, paper, name in kit_files(code)]


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True, timeout=60).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def unembedded_fonts(path: Path) -> list[str]:
    """The fonts `pdffonts` lists as not embedded (its "emb" column)."""
    rows = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True, timeout=60).stdout.splitlines()
    header = rows[0]
    start = header.index("emb")
    return [row for row in rows[2:] if row[start:start + 3].strip() != "yes"]


@pytest.mark.parametrize(("home", "what", "paper", "name"), CASES)
def test_every_kit_pdf_has_its_pages_paper_fonts_and_metadata(kit, home: str, what: str, paper: str, name: str) -> None:
    path = kit["project"] / "kit" / name
    assert path.is_file(), f"make kit did not print {name}"
    info = pdfinfo(path)
    pages = int(info["Pages"])
    assert 1 <= pages <= MOST_PAGES[what], f"{name}: {pages} pages"
    reader = PdfReader(path)
    for number, page in enumerate(reader.pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (abs(width - PAPER_POINTS[paper][0]) < 2 and abs(height - PAPER_POINTS[paper][1]) < 2), \
            f"{name}, page {number}: {width} x {height} points"
    assert not unembedded_fonts(path), f"{name}: fonts not embedded: {unembedded_fonts(path)}"
    assert info.get("Tagged") == "yes", f"{name}: not tagged for screen readers"
    assert reader.trailer["/Root"].get("/Lang") == (home.strip("/") or next(iter(LANGUAGES))), name
    title = reader.metadata.get("/Title", "")
    if what in PAGE_OF:
        assert title == soup_of(kit["before"], home + PAGE_OF[what]).title.get_text(), name
    else:
        assert title == site_name_of(home), name
    author = (SITE_PRACTICE or {}).get("name") or SETTINGS.get("site_author") or SETTINGS["site_name"]
    assert reader.metadata.get("/Author") == author, name


def test_pdfs_carry_page_numbers_and_the_address_in_their_footer(kit) -> None:
    """On every sheet of the booklet and the handout: "page N of M" and the page's address, which
    Firefox would leave off (it has no @page margin boxes)."""
    for home in LANGUAGES.values():
        code = home.strip("/") or next(iter(LANGUAGES))
        for what in ("handout", "booklet"):
            path = kit["project"] / "kit" / next(n for d, p, n in kit_files(code) if d.what == what and p == "letter")
            text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True, timeout=60).stdout
            sheets = [" ".join(sheet.split()) for sheet in text.split("\f")[:-1]]  # each sheet ends with a form feed
            for number, text in enumerate(sheets, 1):
                counted = said(home)["print"]["page_of"].format(page=number, pages=len(sheets)).strip(", ")
                assert counted in text, f"{path.name}, sheet {number}: no {counted!r}"
                assert (SITE_URL + home + PAGE_OF[what]).replace(" ", "") in text.replace(" ", ""), path.name


@pytest.mark.parametrize("home", list(LANGUAGES.values()))
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_handout_and_poster_qr_codes_open_the_guide(kit, home: str, paper: str) -> None:
    code = home.strip("/") or next(iter(LANGUAGES))
    for document, sheet_paper, name in kit_files(code):
        if document.what in ("handout", "poster") and sheet_paper == paper:
            assert qr_codes_on(kit["project"] / "kit" / name, 1) == [SITE_URL + home], name


@pytest.mark.parametrize("home", list(LANGUAGES.values()))
def test_each_booklet_part_opens_its_page_by_qr_code(kit, home: str) -> None:
    """The cover's QR code opens the guide; then each part that starts a sheet starts with one
    that opens its page, in the order of the contents (which list each part's first page's
    address)."""
    code = home.strip("/") or next(iter(LANGUAGES))
    name = next(n for d, p, n in kit_files(code) if d.what == "booklet" and p == "letter")
    path = kit["project"] / "kit" / name
    found = [text for sheet in sheet_pictures(path) for text in qr_codes_in(sheet)]
    contents = soup_of(kit["before"], home + "print/").select("nav.mdx-booklet__contents > ol > li")
    parts = [li.select_one(".mdx-booklet__address").get_text(strip=True) for li in contents]
    assert len(parts) >= 5
    assert found[0] == SITE_URL + home, "the cover's QR code"
    # The first part runs on under the contents, on their sheet: the cover's QR code is its own.
    assert [shown_address(text) for text in found[1:]] == parts[1:]
    for text in found:
        assert text.startswith(SITE_URL)
        page = kit["before"] / text[len(SITE_URL):] / "index.html"
        assert page.is_file(), f"the QR code opens {text}, which the site does not have"


def sheet_pictures(pdf: Path) -> list[Path]:
    """Every sheet of `pdf` as a grey picture at 150 dpi, in one run of pdftoppm."""
    folder = pdf.with_name(pdf.stem + "-sheets")
    folder.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "150", "-gray", str(pdf), str(folder / "sheet")], check=True, timeout=300)
    return sorted(folder.glob("sheet-*.pgm"))


def qr_codes_in(picture: Path) -> list[str]:
    data = picture.read_bytes()
    width, height, pixels = re.match(rb"P5\s+(\d+)\s+(\d+)\s+\d+\s(.*)", data, re.S).groups()
    image = memoryview(pixels).cast("B", (int(height), int(width)))
    return [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def offered_pdfs(site: Path, address: str) -> list[str]:
    return [a["href"] for a in soup_of(site, address).select("article a[href$='.pdf']")]


@pytest.mark.parametrize("home", list(LANGUAGES.values()))
def test_link_kit_and_handout_offer_the_pdfs_only_once_built(kit, home: str) -> None:
    before, after = kit["before"], kit["after"]
    for address in (home + KIT, home + "handout/"):
        assert not offered_pdfs(before, address), f"/{address} offers a PDF the build does not have"
    assert soup_of(before, home + KIT).select_one("#pdf-files") is None
    code = home.strip("/") or next(iter(LANGUAGES))
    expected = [name for _, _, name in kit_files(code)]
    listed = soup_of(after, home + KIT).select("article a[href$='.pdf']")
    # Every file of the kit in the page's language, once each in the list (the email text names
    # the handout again as a full address, in a code box, not as a link).
    assert [a["download"] for a in listed] == expected
    for a in listed:
        file = (after / home / KIT / a["href"]).resolve()
        assert file.is_file() and file.read_bytes() == (kit["project"] / "kit" / a["download"]).read_bytes()
        item = a.find_parent("li").get_text(" ")
        assert f"({file_size(file.stat().st_size, code)})" in item, item
    handout = offered_pdfs(after, home + "handout/")
    assert [href.rsplit("/", 1)[-1] for href in handout] == [n for d, _, n in kit_files(code) if d.what == "handout"]
    paragraph = soup_of(after, home + "handout/").select_one("article a[href$='.pdf']").find_parent("p")
    assert "mdx-screen-only" in paragraph["class"], "the download line is for the screen, not for paper"


def email_boxes(site: Path, home: str) -> list[str]:
    return [code.get_text() for code in soup_of(site, home + KIT).select("article .mdx-linkkit--email pre code")]


def target_of(url: str, site: Path) -> Path:
    assert url.startswith(SITE_URL), url
    path = site / urlsplit(url).path[len(urlsplit(SITE_URL).path):]
    return path / "index.html" if not path.suffix else path


@pytest.mark.parametrize("home", list(LANGUAGES.values()))
@pytest.mark.parametrize("state", ["before", "after"])
def test_email_text_is_short_and_its_links_resolve(kit, home: str, state: str) -> None:
    site = kit[state]
    boxes = email_boxes(site, home)
    assert len(boxes) == 4, "a confirmation and an intake email, each as plain text and as HTML"
    for plain, html in (boxes[0:2], boxes[2:4]):
        urls = re.findall(r"\((https?://[^\s)]+)\)", plain)
        links = [a["href"] for a in BeautifulSoup(html, "html.parser").select("a[href]")]
        assert urls == links, "the plain text and the HTML give the same links"
        assert len(plain.split()) <= EMAIL_WORDS, f"{len(plain.split())} words: {plain}"
        for url in links:
            assert target_of(url, site).is_file(), f"{url} is not in the built site"
        assert SITE_URL + home in links and SITE_URL + home + "which-one-is-right-for-you/" in links
    handout = [url for url in re.findall(r"https?://\S+?\.pdf", boxes[0])]
    assert bool(handout) == (state == "after"), "the handout's PDF is linked once, and only once, it is built"
