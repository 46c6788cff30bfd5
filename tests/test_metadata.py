"""What search engines and link previews see: titles, descriptions, share cards, JSON-LD, icons.

A missing, long or copied description stops the build: those cases are in test_bad_input.py."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from conftest import LAST_REVIEWED, ROOT, SETTINGS, SITE_URL, sitemap_pages, soup_of
from site_pages import CONTENT_PAGES, is_home, site_name_of, source_of


def front_matter(address: str) -> dict:
    source = ROOT / "docs" / source_of(address)
    return get_data(source.read_text(encoding="utf-8"))[1]


def head(site: Path, address: str) -> BeautifulSoup:
    return soup_of(site, address).head


def meta(tags: BeautifulSoup, **attrs: str) -> str:
    found = tags.find_all("meta", attrs=attrs)
    assert len(found) == 1, f"expected one <meta {attrs}>, found {len(found)}"
    return found[0]["content"]


def test_sitemap_lists_every_content_page(site: Path) -> None:
    assert set(CONTENT_PAGES) <= set(sitemap_pages(site))


def test_every_page_has_its_own_title_and_description(site: Path) -> None:
    titles: dict[str, str] = {}
    descriptions: dict[str, str] = {}
    for address in sitemap_pages(site):
        tags = head(site, address)
        title = tags.title.get_text(strip=True)
        description = meta(tags, name="description")
        assert titles.setdefault(title, address) == address, f"/{address} has the title of /{titles[title]}"
        assert descriptions.setdefault(description, address) == address, (
            f"/{address} has the description of /{descriptions[description]}"
        )
        source = front_matter(address)
        assert description == " ".join(source["description"].split()), f"/{address}"
        assert site_name_of(address) in title and (is_home(address) or source["title"] in title), title


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, BeautifulSoup]:
    return {address: head(site, address) for address in sitemap_pages(site)}


def test_share_tags_describe_each_page(pages: dict[str, BeautifulSoup]) -> None:
    for address, tags in pages.items():
        canonical = SITE_URL + address
        assert tags.find("link", rel="canonical")["href"] == canonical
        description = meta(tags, name="description")
        title = site_name_of(address) if is_home(address) else front_matter(address)["title"]
        assert meta(tags, property="og:url") == canonical
        assert meta(tags, property="og:title") == title
        assert meta(tags, property="og:description") == description
        assert meta(tags, property="og:site_name") == site_name_of(address)
        # X (Twitter) takes the title, description and image from the Open Graph tags.
        assert meta(tags, name="twitter:card") == "summary_large_image"
        assert meta(tags, property="og:image") and meta(tags, property="og:image:alt")
        assert not tags.find("meta", attrs={"name": ["twitter:title", "twitter:description", "twitter:image"]})


def png_size(file: Path) -> tuple[int, int]:
    data = file.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{file} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_share_image_is_a_small_1200_by_630_png_shipped_with_the_site(site: Path, pages) -> None:
    image_url = meta(pages[""], property="og:image")
    assert image_url.startswith(SITE_URL), "link previews need the image's full address"
    file = site / image_url[len(SITE_URL):]
    assert file.is_file(), image_url
    assert png_size(file) == (1200, 630)
    assert file.stat().st_size < 50_000, f"share image is {file.stat().st_size} bytes"
    assert meta(pages[""], property="og:image:width") == "1200"
    assert meta(pages[""], property="og:image:height") == "630"


def test_json_ld_marks_each_page_as_reviewed_patient_information(pages) -> None:
    checked = 0
    for address, tags in pages.items():
        if front_matter(address).get("scripts") is False:
            continue  # a page that ships no <script> at all (the quiz, the booklet) goes without
        checked += 1
        scripts = tags.find_all("script", type="application/ld+json")
        assert len(scripts) == 1, f"/{address} needs one JSON-LD block"
        data = json.loads(scripts[0].string)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "MedicalWebPage"
        assert data["url"] == SITE_URL + address
        assert data["lastReviewed"] == LAST_REVIEWED
        assert data["audience"]["audienceType"] == "Patient"
        assert data["description"] == meta(tags, name="description")
        assert data["name"] == meta(tags, property="og:title")
    assert checked >= 10, f"only {checked} pages carry JSON-LD"


def test_not_found_page_is_kept_out_of_search_results(site: Path) -> None:
    tags = head(site, "404.html")
    assert meta(tags, name="robots") == "noindex"
    assert not tags.find("script", type="application/ld+json")


def test_robots_txt_points_to_the_sitemap(site: Path) -> None:
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines
    assert not any(line.strip() == "Disallow: /" for line in lines)


def test_favicon_and_touch_icon_are_the_guides_own(site: Path, pages) -> None:
    tags = pages[""]
    icon = tags.find("link", rel="icon")["href"]
    touch = tags.find("link", rel="apple-touch-icon")["href"]
    # The icon is written into the page (massage_guide/plugin/theme_assets.py): the guide's own drawing.
    assert icon.startswith("data:image/svg+xml,")
    drawn = unquote(icon.split(",", 1)[1])
    # The drawing's own name, as its file in docs/ (theme.favicon) writes it.
    own = ROOT / "docs" / SETTINGS["theme"]["favicon"]
    title = BeautifulSoup(own.read_text(encoding="utf-8"), "html.parser").find("title").get_text()
    assert drawn.startswith("<svg") and f"<title>{title}</title>" in drawn
    assert " " not in icon and "#" not in icon, "an address may hold neither spaces nor a raw #"
    assert png_size(site / touch) == (180, 180)
    assert (site / "assets/icons/favicon.svg").is_file(), "the icon file stays for those who link to it"
