"""Every promised page is there, opens with its title and main message, and is built strictly."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from bs4 import Tag

from conftest import LAST_REVIEWED, NEXT_REVIEW, soup_of
from site_pages import ALL_PAGES, CONTENT_PAGES, DIFFERENCES, LANGUAGES, language_of, said

# What each language's pages say in their own words (the authors' text, not the words files').
WRITTEN = {
    "en": {
        "checklist": "What to ask or expect",
        "stories": ("Amy", "sciatica", "Tom", "co-pay"),
        "signs": ("blood clot", "blood thinner", "fracture", "burn", "osteoporosis", "pregnan", "cancer"),
        "source": ("Medical Massage vs Relaxation Massage: 6 Key Differences", "Jesse Martel", "2020"),
    },
    "es": {
        "checklist": "Qué preguntar o esperar",
        "stories": ("Amy", "ciática", "Tom", "copago"),
        "signs": ("coágulo", "anticoagulante", "fractura", "quemadura", "osteoporosis", "embaraz", "cáncer"),
        "source": ("Medical Massage vs Relaxation Massage: 6 Key Differences", "Jesse Martel", "2020"),
    },
}


def test_strict_build_logs_no_warning(build: tuple[Path, str]) -> None:
    _, log = build
    flagged = [line for line in log.splitlines() if "WARNING" in line or "ERROR" in line]
    assert not flagged, "\n".join(flagged)


# A page of docs/ gets one title and a description, or the build stops (plugin/page_check.py,
# page_meta.py; test_bad_input.py): only the pages made from templates are left to check here.
@pytest.mark.parametrize("address", [address for address in ALL_PAGES if address not in CONTENT_PAGES])
def test_page_has_one_title_and_a_description(site: Path, address: str) -> None:
    soup = soup_of(site, address)
    assert len(soup.find_all("h1")) == 1, f"/{address} must have exactly one h1"
    description = soup.find("meta", attrs={"name": "description"})
    assert description and description["content"].strip(), f"/{address} has no meta description"


@pytest.mark.parametrize("address", CONTENT_PAGES)
def test_page_opens_with_its_summary_box(site: Path, address: str) -> None:
    soup = soup_of(site, address)
    h1 = soup.find("h1")
    box = h1.find_next_sibling()
    assert box is not None and "mdx-summary" in box.get("class", []), (
        f"/{address}: the summary box must come right after the title"
    )
    assert box.select_one(".admonition-title").get_text(strip=True) == said(address)["in_short"]
    words = box.get_text(" ", strip=True).split()
    assert len(words) >= 12, f"/{address}: the summary is too short to carry the main message"


@pytest.mark.parametrize("address", CONTENT_PAGES)
def test_page_description_is_short_enough_for_search_results(site: Path, address: str) -> None:
    content = soup_of(site, address).find("meta", attrs={"name": "description"})["content"]
    assert 40 <= len(content) <= 160, f"/{address}: description is {len(content)} characters"


@pytest.mark.parametrize("address", DIFFERENCES)
def test_difference_page_compares_then_details_then_checklist(site: Path, address: str) -> None:
    article = soup_of(site, address).select_one("article")
    box = article.select_one(".mdx-summary")
    table = box.find_next("table")
    assert table is not None, f"/{address} has no comparison table"
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headers[1:] == list(said(address)["at_a_glance"][1:]), headers
    assert len(table.select("tbody tr")) >= 3
    assert article.find("h2"), f"/{address} has no detail sections"
    # The "What to ask or expect" list, a tip box (the price page has a second tip, the worked example).
    title = WRITTEN[language_of(address)]["checklist"]
    checklist = [box for box in article.select(".admonition.tip") if box.select_one(".admonition-title").get_text(strip=True) == title]
    assert len(checklist) == 1, f"/{address} needs one 'What to ask or expect' checklist"
    assert len(checklist[0].select("li")) >= 4
    assert table.sourceline < checklist[0].sourceline


@pytest.mark.parametrize("index", range(len(DIFFERENCES)))
def test_difference_pages_link_to_previous_and_next(site: Path, index: int) -> None:
    soup = soup_of(site, DIFFERENCES[index])
    prev_link = soup.select_one("a.md-footer__link--prev")
    next_link = soup.select_one("a.md-footer__link--next")
    assert prev_link is not None and next_link is not None
    same_language = [d for d in DIFFERENCES if language_of(d) == language_of(DIFFERENCES[index])]
    at = same_language.index(DIFFERENCES[index])
    if at > 0:
        assert prev_link["href"].rstrip("/").endswith(same_language[at - 1].split("/")[-2])
    if at < len(same_language) - 1:
        assert next_link["href"].rstrip("/").endswith(same_language[at + 1].split("/")[-2])


def shown_text(tag: Tag) -> str:
    """The words a reader sees in `tag`, without the glossary's definitions (opened on a tap) and
    the hidden stops that keep table cells apart in search results (massage_guide.tables)."""
    tag = copy.copy(tag)
    for definition in tag.select(".mdx-term__tip, [hidden]"):
        definition.decompose()
    return " ".join(tag.get_text().split())


@pytest.mark.parametrize("home", LANGUAGES.values())
def test_home_cards_show_all_six_differences_with_links_and_their_one_line_difference(site: Path, home: str) -> None:
    cards = soup_of(site, home).select(".mdx-cards > ul > li")
    links = [card.select_one("a")["href"] for card in cards]
    own = [d[len(home):] for d in DIFFERENCES if language_of(d) == language_of(home)]
    assert [link.strip("/") for link in links] == [d.strip("/") for d in own]
    # Each card holds what the handout's table row of the same page says, both kinds named.
    table = next(t for t in soup_of(site, home + "handout/").select("article table")
                 if said(home)["at_a_glance"][0] in t.select_one("th").get_text())
    for card, row in zip(cards, table.select("tbody tr"), strict=True):
        medical, relaxation = (shown_text(td) for td in row.select("td")[1:])
        lines = [shown_text(li) for li in card.select("li")]
        assert lines == [f"{said(home)['at_a_glance'][1]}: {medical}", f"{said(home)['at_a_glance'][2]}: {relaxation}"], lines
        assert medical and relaxation, f"empty one-line difference in {lines}"


@pytest.mark.parametrize("home", LANGUAGES.values())
def test_home_retells_both_stories(site: Path, home: str) -> None:
    text = soup_of(site, home).select_one("article").get_text(" ")
    for fact in WRITTEN[language_of(home)]["stories"]:
        assert fact in text


@pytest.mark.parametrize("home", LANGUAGES.values())
def test_about_credits_the_source_and_shows_review_dates(site: Path, home: str) -> None:
    article = soup_of(site, home + "about/").select_one("article")
    text = article.get_text(" ")
    for credit in WRITTEN[language_of(home)]["source"]:
        assert credit in text
    # The page's own review block (the trust marks at its foot have the dates too: test_trust).
    dates = [t["datetime"] for t in article.select("time") if not t.find_parent(class_="mdx-trust")]
    assert dates == [LAST_REVIEWED, NEXT_REVIEW], dates


@pytest.mark.parametrize("home", LANGUAGES.values())
def test_safety_page_names_the_warning_signs(site: Path, home: str) -> None:
    text = " ".join(soup_of(site, home + "safety/").select_one("article").get_text(" ").lower().split())
    for sign in WRITTEN[language_of(home)]["signs"]:
        assert sign in text, f"/{home}safety/ does not mention {sign}"


def test_not_found_page_offers_every_page(site: Path) -> None:
    soup = soup_of(site, "404.html")
    hrefs = {a["href"].strip("/") for a in soup.select("article a")}
    for address in CONTENT_PAGES:
        if language_of(address) == next(iter(LANGUAGES)):
            assert any(h.endswith(address.strip("/")) for h in hrefs), f"404 page lacks /{address}"
    # The one "page not found" page serves every language: it leads to each other's home page.
    for code, home in list(LANGUAGES.items())[1:]:
        other = soup.select_one(f"article p[lang={code}]")
        assert other is not None and other.find("a", hreflang=code)["href"].strip("/").endswith(home.strip("/"))
