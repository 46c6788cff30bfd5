"""The guide in each of its languages (issue 17): every page has its twin in the other language,
says which language it is in, leads to its twin with one plain link (JavaScript off too), tells
search engines about it, and searches its own language only. A practice can switch a language off.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from playwright.sync_api import expect

from conftest import DESKTOP, PHONE, SITE_URL, built_log, failed_build_log, soup_of, wait_for_material
from site_pages import ALL_PAGES, CONTENT_PAGES, LANGUAGES, MAIN_LANGUAGE, in_language, language_of, said

pytestmark = pytest.mark.skipif(len(LANGUAGES) < 2, reason="the site is built in one language")

OTHERS = [code for code in LANGUAGES if code != MAIN_LANGUAGE]
PAGES = [address for address in ALL_PAGES if address != "404.html"]
XHTML = "{http://www.w3.org/1999/xhtml}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.mark.parametrize("address", PAGES)
def test_each_page_says_its_language_and_links_to_its_twin(site: Path, address: str) -> None:
    soup = soup_of(site, address)
    code = language_of(address)
    assert soup.html["lang"] == code
    switch = soup.select("header a.mdx-language")
    assert len(switch) == len(LANGUAGES) - 1, f"/{address}: one link per other language"
    for link in switch:
        other = link["hreflang"]
        assert other != code and other in LANGUAGES
        # The link's own words are in the other language, and say so.
        assert link.select_one(f"[lang={other}]") is not None
        target = in_language(address, other)
        depth = address.count("/")
        assert link["href"] == ("../" * depth + target) or link["href"] == "./" and not target, (address, link["href"])


@pytest.mark.parametrize("address", PAGES)
def test_pages_name_no_alternates_that_material_would_fetch_a_sitemap_for(site: Path, address: str) -> None:
    # Material's script fetches "sitemap.xml" beside every <link rel=alternate>: the sitemap says
    # each page's languages instead (below), and the header link carries its hreflang (above).
    assert not soup_of(site, address).head.find_all("link", rel="alternate")


def test_the_sitemap_lists_both_languages_with_their_twins(site: Path) -> None:
    tree = ElementTree.parse(site / "sitemap.xml")
    urls = {url.findtext(f"{SITEMAP}loc").strip(): url for url in tree.iter(f"{SITEMAP}url")}
    for address in CONTENT_PAGES:
        assert SITE_URL + address in urls, f"the sitemap lacks /{address}"
        twins = {link.get("hreflang"): link.get("href") for link in urls[SITE_URL + address].iter(f"{XHTML}link")}
        assert twins == {code: SITE_URL + in_language(address, code) for code in LANGUAGES}, address


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_a_reader_switches_to_the_same_page_in_the_other_language(browser, base_url: str, javascript: bool) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(base_url + "differences/price/")
    other = OTHERS[0]
    twin = in_language("differences/price/", other)
    link = page.locator("header a.mdx-language")
    expect(link).to_be_visible()
    box = link.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, f"the language link is a small target: {box}"
    link.click()
    page.wait_for_url(f"**/{twin}")
    assert page.locator("html").get_attribute("lang") == other
    assert page.locator(".mdx-summary .admonition-title").inner_text().strip() == said(twin)["in_short"]
    # And back, by keyboard alone.
    page.locator("header a.mdx-language").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/differences/price/")
    assert page.locator("html").get_attribute("lang") == MAIN_LANGUAGE
    context.close()


def _index(site: Path, folder: str) -> dict:
    return json.loads((site / folder / "search/search_index.json").read_text(encoding="utf-8"))


def test_each_language_has_its_own_search_index_and_stemmer(site: Path) -> None:
    for code, folder in LANGUAGES.items():
        index = _index(site, folder)
        assert index["config"]["lang"] == [code]
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        own = {address[len(folder):] for address in CONTENT_PAGES if language_of(address) == code}
        # Every page of the language that search may find, and none of another language.
        assert locations <= own, locations - own
        assert {"", "differences/price/", "safety/"} <= locations


def _search(page, query: str) -> list[str]:
    """Type `query` into Material's search once its index has loaded; return the results' links."""
    wait_for_material(page)
    # Material shows its "type to start" words (in the page's language) once the index is in.
    page.wait_for_function(
        """() => { const words = JSON.parse(document.getElementById('__config').textContent)
                     .translations['search.result.placeholder'];
                   return document.querySelector('.md-search-result__meta').textContent.includes(words); }""",
        timeout=10_000,
    )
    page.locator("input.md-search__input").press_sequentially(query)
    # Material searches again at each key and redraws the list each time ("t", "ti", ...): the
    # links are read in one go, once two looks at the list in a row find the same links.
    return page.wait_for_function(
        """() => { const links = [...document.querySelectorAll('.md-search-result__link')]
                                   .map(link => link.getAttribute('href'));
                   const seen = JSON.stringify(links), same = links.length > 0 && seen === window.__guideLinks;
                   window.__guideLinks = seen;
                   return same && links; }""",
        polling=100,
        timeout=10_000,
    ).json_value()


@pytest.mark.parametrize("code", OTHERS)
def test_search_finds_spanish_words_in_spanish_pages_only(browser, base_url: str, code: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + LANGUAGES[code] + "differences/price/", wait_until="load")
    # A plural finds the singular: Spanish stemming (lunr's Spanish language support).
    hrefs = _search(page, "propinas")
    assert hrefs and all(f"/{LANGUAGES[code]}" in href for href in hrefs), hrefs
    assert any(url.endswith(f"lunr.{code}.min.js") for url in requests), "Spanish search needs its stemmer"
    context.close()


def test_english_pages_load_no_other_languages_search(browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + "differences/price/", wait_until="load")
    hrefs = _search(page, "tips")
    assert hrefs and not any(f"/{LANGUAGES[code]}" in href for code in OTHERS for href in hrefs), hrefs
    assert not [url for url in requests if "/lunr/" in url], "English search needs no other language's scripts"
    context.close()


def test_a_missing_page_in_one_language_stops_the_build(broken_copy, tmp_path: Path) -> None:
    # No silent English page under /es/: the Spanish edition is whole, or the build says what is missing.
    project = broken_copy()
    (project / "docs" / "differences" / "price.es.md").unlink()
    log = failed_build_log(project, tmp_path / "site", "a page without its Spanish twin")
    assert "price.md" in log, log


def _one_language(text: str, off: str) -> str:
    """mkdocs.yml's text with the language `off` switched off (`build: false`), as the README says."""
    pattern = rf"(- locale: {off}\n(?:\s+.*\n)*?\s+build: )true"
    changed, count = re.subn(pattern, r"\1false", text, count=1)
    assert count == 1, f"mkdocs.yml has no `build: true` under the language {off}"
    return changed


@pytest.fixture(scope="module")
def english_only(project_copy, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = project_copy()
    config = project / "mkdocs.yml"
    config.write_text(_one_language(config.read_text(encoding="utf-8"), OTHERS[0]), encoding="utf-8")
    site = tmp_path_factory.mktemp("english-only")
    built_log(project, site)
    return site


def test_a_practice_can_publish_english_only(english_only: Path) -> None:
    assert not (english_only / LANGUAGES[OTHERS[0]]).exists(), "the switched-off language is still published"
    soup = soup_of(english_only, "differences/price/")
    assert soup.select("a.mdx-language") == [], "no link to a language that is not published"
    assert not soup.head.find_all("link", rel="alternate", hreflang=True)
    assert "<xhtml:link" not in (english_only / "sitemap.xml").read_text(encoding="utf-8").replace("xhtml:link rel=\"alternate\" hreflang=\"en\"", "")
    assert _index(english_only, "")["config"]["lang"] == [MAIN_LANGUAGE]
    assert not soup_of(english_only, "404.html").select("article p[lang]"), "the 404 page names no other language"


def test_the_not_found_page_speaks_every_language(site: Path) -> None:
    soup = soup_of(site, "404.html")
    assert soup.html["lang"] == MAIN_LANGUAGE
    for code in OTHERS:
        line = soup.select_one(f"article p[lang={code}]")
        assert line is not None and line.strong.get_text(strip=True).rstrip(".") == said(LANGUAGES[code])["not_found"]["title"]
        assert line.find("a", hreflang=code) is not None


def _spanish_only(text: str) -> str:
    """mkdocs.yml's text with Spanish as the only language, as the README says: English
    `build: false` without `default: true`, Spanish `default: true`."""
    english = re.search(r"- locale: en\n((?:\s{10}.*\n)*)", text)
    spanish = re.search(r"- locale: es\n((?:\s{10}.*\n)*)", text)
    assert english and spanish, "mkdocs.yml lists no English and Spanish languages"
    text = text.replace(english[0], re.sub(r" *default: true\n", "", english[0]).replace("build: true", "build: false"))
    return text.replace(spanish[0], spanish[0].replace("build: true", "default: true\n          build: true"))


@pytest.mark.skipif("es" not in LANGUAGES, reason="the Spanish edition is switched off")
def test_a_practice_can_publish_spanish_only(project_copy, tmp_path: Path) -> None:
    project = project_copy()
    config = project / "mkdocs.yml"
    config.write_text(_spanish_only(config.read_text(encoding="utf-8")), encoding="utf-8")
    site = tmp_path / "site"
    built_log(project, site)
    # The Spanish pages at the site's root, and nothing in English.
    for address in ("", "safety/", "differences/price/", "quiz/"):
        soup = soup_of(site, address)
        assert soup.html["lang"] == "es"
        assert soup.select_one(".mdx-summary .admonition-title").get_text(strip=True) == said("es/")["in_short"]
    assert soup_of(site, "safety/").h1.get_text(strip=True).startswith("Seguridad")
    assert soup_of(site, "differences/price/").select_one("a.mdx-term__link[href$='#copago']") is not None
    assert not (site / "es").exists() and soup_of(site, "").select("a.mdx-language") == []


@pytest.mark.parametrize(("home", "word"), [("", "sciatica"), ("es/", "ciática")])
def test_search_finds_a_word_written_in_brackets(browser, base_url: str, home: str, word: str) -> None:
    """The home page writes the technical name after the plain one, "(sciatica)": search splits
    words at brackets and full stops too (the search plugin's `separator` in mkdocs.yml)."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + home, wait_until="load")
    hrefs = _search(page, word)
    assert hrefs, f"searching {word!r} finds nothing"
    context.close()
