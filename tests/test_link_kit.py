"""The link kit at /link-to-this-guide/: copy-paste links that work, and a QR code that scans."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
import zxingcpp
from bs4 import BeautifulSoup

from conftest import DESKTOP, SITE_URL, soup_of
from site_pages import CONTENT_PAGES, DIFFERENCES, LANGUAGES, language_of, said, site_name_of

KIT = "link-to-this-guide/"
# The kit in each language gives the guide's address in that language (`es/` for Spanish).
HOMES = list(LANGUAGES.values())

# Headings practices may already link to (#anchors). Adding headings is fine; these must stay.
# To reword one of these headings, keep its address: `## New words {#old-anchor}`.
STABLE_ANCHORS = {
    "": ["the-6-differences-at-a-glance", "where-to-go-next"],
    "differences/before-the-session/": ["a-medical-massage-starts-with-a-talk"],
    "differences/price/": ["insurance-may-pay-for-a-medical-massage"],
    "differences/the-massage/": ["firm-pressure-does-not-make-a-massage-medical"],
    "differences/after-the-session/": ["a-plan-for-your-next-visits"],
    "which-one-is-right-for-you/": [
        "find-your-goal-below",
        "i-have-pain-that-keeps-coming-back",
        "i-have-a-note-from-my-doctor-a-referral-or-prescription",
        "i-had-surgery-or-a-car-accident",
    ],
    "safety/": ["ask-a-doctor-before-a-massage-if-you-have-one-of-these"],
    "about/": ["where-the-facts-come-from", "this-guide-is-not-medical-advice"],
}


def kit(site: Path, home: str = "") -> BeautifulSoup:
    return soup_of(site, home + KIT)


def snippets(site: Path, home: str = "") -> list[BeautifulSoup]:
    """Each code block on the page, read back as the HTML a practice would paste."""
    # The booking-email boxes (`mdx-linkkit--email`) are text, not code to paste into a website.
    blocks = kit(site, home).select("article .mdx-linkkit:not(.mdx-linkkit--email) pre code")
    assert len(blocks) == 3, "expected code for a text link, a button and the difference pages"
    return [BeautifulSoup(block.get_text(), "html.parser") for block in blocks]


@pytest.mark.parametrize("home", HOMES)
def test_text_link_and_button_open_the_guide(site: Path, home: str) -> None:
    link, button, _ = snippets(site, home)
    for pasted in (link, button):
        anchors = pasted.find_all("a")
        assert len(anchors) == 1 and anchors[0]["href"] == SITE_URL + home, pasted
        assert site_name_of(home) in anchors[0].get_text()
    assert said(home)["link_kit"]["button"] in button.a.get_text()
    style = button.a["style"]
    for rule in ("background:#00574b", "color:#ffffff", "padding:12px 20px"):
        assert rule in style, style
    assert not button.find_all(["img", "link", "script"]), "the button must need no other file"


def test_button_preview_is_exactly_the_code_to_copy(site: Path) -> None:
    _, button, _ = snippets(site)
    preview = kit(site).select_one("article .mdx-linkkit__preview a")
    assert preview["href"] == button.a["href"] and preview["style"] == button.a["style"]
    assert preview.get_text() == button.a.get_text()


@pytest.mark.parametrize("home", HOMES)
def test_deep_links_cover_every_difference_page_in_order(site: Path, home: str) -> None:
    _, _, deep = snippets(site, home)
    hrefs = [a["href"] for a in deep.select("ul > li > a")]
    assert hrefs == [SITE_URL + address for address in DIFFERENCES if language_of(address) == language_of(home)]
    for a in deep.select("a"):
        title = soup_of(site, a["href"][len(SITE_URL):]).title.get_text()
        assert title.startswith(a.get_text()), f"link text {a.get_text()!r} is not the page title {title!r}"


def decode_qr(browser, base_url: str, address: str) -> list[str]:
    """Draw an image in Chromium (as a reader's screen shows it) and read the QR code in it."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + KIT)
    size = 400
    gray = page.evaluate(
        """async ([src, size]) => {
            const img = new Image(); img.src = src; await img.decode();
            const canvas = document.createElement("canvas"); canvas.width = canvas.height = size;
            const ctx = canvas.getContext("2d");
            ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, size, size);
            ctx.drawImage(img, 0, 0, size, size);
            const rgba = ctx.getImageData(0, 0, size, size).data;
            let gray = "";
            for (let i = 0; i < rgba.length; i += 4) gray += String.fromCharCode(rgba[i]);
            return btoa(gray);
        }""",
        [base_url + address, size],
    )
    context.close()
    image = memoryview(base64.b64decode(gray)).cast("B", (size, size))
    return [code.text for code in zxingcpp.read_barcodes(image)]


def qr_download_links(site: Path, home: str = "") -> dict[str, str]:
    links = kit(site, home).select("article a[download]")
    return {Path(a["download"]).suffix: a["href"] for a in links}


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_downloadable_qr_code_opens_the_guide(browser, site: Path, base_url: str, suffix: str, home: str) -> None:
    href = qr_download_links(site, home)[suffix]
    file = (site / home / KIT / href).resolve()
    assert file.is_file() and file.stat().st_size > 200, file
    address = file.relative_to(site.resolve()).as_posix()
    assert decode_qr(browser, base_url, address) == [SITE_URL + home]


@pytest.mark.parametrize("home", HOMES)
def test_qr_code_is_shown_on_the_page_with_its_address(site: Path, home: str) -> None:
    figure = kit(site, home).select_one("article figure.mdx-linkkit__qr")
    img = figure.find("img")
    shown = (SITE_URL + home).split("://")[1].rstrip("/")
    assert img["src"].endswith(".svg") and shown in img["alt"]
    assert shown in figure.get_text()


def test_kit_explains_linking_to_one_section(site: Path) -> None:
    text = " ".join(kit(site).select_one("article").get_text(" ").split())
    assert "Link to one part of a page" in text and "#" in text


@pytest.mark.parametrize("address", STABLE_ANCHORS)
def test_section_addresses_practices_link_to_still_exist(site: Path, address: str) -> None:
    assert address in CONTENT_PAGES
    ids = {tag["id"] for tag in soup_of(site, address).select("article [id]")}
    missing = [anchor for anchor in STABLE_ANCHORS[address] if anchor not in ids]
    assert not missing, (
        f"/{address} lost the section address(es) {missing}: practices link to them. "
        "Keep the old address after the new heading, like `## New words {#old-anchor}`."
    )
