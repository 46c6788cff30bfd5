"""The sources page (docs/sources.md, docs/sources.es.md): every review links to what was read
(its DOI, or an address where no DOI was seen); and "who says what" for the warning signs
(docs/sources-warning-signs.md, linked from the sources page) is made from the triage file
(`<!-- guide: triage-sources -->`), so it cannot drift from the actions the guide gives.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, soup_of
from site_pages import LANGUAGES, MAIN_LANGUAGE

from massage_guide.blocks import BlocksExtension
from massage_guide.mistakes import AuthorError
from massage_guide.triage.data import parse_triage, read_language
from massage_guide.triage.sources_block import differs, sources_block
from massage_guide.words import words

SOURCES = "sources/"
WHO_SAYS_WHAT = "sources-warning-signs/"  # its own page: the notes would take the sources page over its 100 KB budget

TRIAGE = """
note_911: In another country, call your local emergency number.
levels:
  call-911: {title: Call 911 now, short: Call 911 now., actions: [call 911]}
  doctor-today: {title: See a doctor today, short: See a doctor today., actions: [see a doctor today]}
signs:
  - id: chest-pain
    level: call-911
    text: Chest pain.
    matches: [chest pain]
    sources: [nhs-gp, nhs-copy, broken]
    differs: 'One NHS page says "GP or 111"; the other says 999. Safer wins.'
  - id: clot-signs
    level: doctor-today
    text: One swollen leg.
    matches: [swollen leg]
    sources: [nhs-gp]
    differs: none — both say the same.
sources:
  nhs-gp: {title: Back pain (NHS practice), status: verified, address: 'https://gp.example/back-pain'}
  nhs-copy: {title: NHS text read in a copy, status: not verified, address: 'https://copy.example/'}
  broken: {title: A page with no web address, status: partly verified, address: 'javascript:alert(1)'}
"""

SPANISH = """
note_911: En otro país, llame al número local de emergencias.
levels:
  call-911: {title: Llame al 911, short: Llame al 911 ya., actions: [llame al 911]}
  doctor-today: {title: Vea a un médico hoy, short: Vea a un médico hoy., actions: [vea a un médico hoy]}
signs:
  - id: chest-pain
    level: call-911
    text: Dolor en el pecho.
    matches: [dolor en el pecho]
  - id: clot-signs
    level: doctor-today
    text: Una pierna hinchada.
    matches: [pierna hinchada]
"""


def _html(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(text, extensions=["md_in_html", "attr_list"]), "html.parser")


def test_who_says_what_shows_each_sign_where_sources_differ_with_the_guides_action() -> None:
    triage = parse_triage(TRIAGE)
    soup = _html(sources_block(triage))
    box = soup.select_one("[data-triage=sources]")
    assert box is not None, "the block marks what comes from the triage source"
    items = box.select(":scope > ul > li")
    assert len(items) == 1, "a sign whose `differs:` says the sources agree is left out"
    text = " ".join(items[0].get_text(" ").split())
    said = words("en")["triage_sources"]
    assert text.startswith(f"Chest pain. {said['guide']} Call 911 now."), text
    assert 'One NHS page says "GP or 111"; the other says 999.' in text
    # A source read at its publisher's is a link; a copy is named with its status; an address
    # that is not on the web is never a link.
    assert [a["href"] for a in items[0].select("a")] == ["https://gp.example/back-pain"]
    assert "NHS text read in a copy (not verified)" in text
    assert "A page with no web address (partly verified)" in text


def test_who_says_what_in_another_language_marks_the_notes_language() -> None:
    main = parse_triage(TRIAGE)
    spanish = parse_triage(SPANISH, "docs/triage.es.yml", "es", main)
    soup = _html(sources_block(spanish, "en"))
    item = soup.select_one("[data-triage=sources] li")
    assert item.get_text(" ").strip().startswith("Dolor en el pecho.") and "Llame al 911 ya." in item.get_text()
    note = item.select_one("[lang=en]")
    assert note is not None and "Safer wins." in note.get_text(), "the English note is marked as English"


def test_who_says_what_translated_is_shown_in_the_pages_language() -> None:
    main = parse_triage(TRIAGE)
    translated = SPANISH.replace("    text: Dolor en el pecho.\n",
                                 "    text: Dolor en el pecho.\n    differs: Una página del NHS dice 999.\n")
    soup = _html(sources_block(parse_triage(translated, "docs/triage.es.yml", "es", main), "en"))
    item = soup.select_one("[data-triage=sources] li")
    assert "Una página del NHS dice 999." in item.get_text()
    assert item.select_one("[lang=en]") is None, "a note in the page's language is not marked as English"


def test_the_block_takes_no_words_after_its_name() -> None:
    with pytest.raises(AuthorError) as raised:
        sources_block(parse_triage(TRIAGE), "en", "after-massage")
    assert "after `triage-sources` is not known" in str(raised.value)


def test_the_block_is_one_of_the_guides_blocks(tmp_path: Path) -> None:
    # Used alone, with the `triage` option: the line is replaced by the block.
    path = tmp_path / "triage.yml"
    path.write_text(TRIAGE, encoding="utf-8")
    html = markdown.markdown("<!-- guide: triage-sources -->", extensions=[
        BlocksExtension(triage=str(path)), "md_in_html"])
    assert "Chest pain." in html and "data-triage" in html


# The built pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_who_says_what_is_shown_for_every_sign_where_sources_differ(site: Path, code: str) -> None:
    triage = read_language(ROOT / "docs" / "triage.yml", "docs/triage.yml", code, MAIN_LANGUAGE)
    main = read_language(ROOT / "docs" / "triage.yml", "docs/triage.yml", MAIN_LANGUAGE, MAIN_LANGUAGE)
    soup = soup_of(site, LANGUAGES[code] + WHO_SAYS_WHAT)
    box = soup.select_one("article [data-triage=sources]")
    assert box is not None, f"/{LANGUAGES[code]}{WHO_SAYS_WHAT} has no who-says-what block"
    sources = soup_of(site, LANGUAGES[code] + SOURCES)
    assert sources.select_one(f"#who-says-what ~ p a[href$='{WHO_SAYS_WHAT}']"), "the sources page links to it"
    shown = [" ".join(item.get_text(" ").split()) for item in box.select(":scope > ul > li")]
    expected = [sign for sign, first in zip(triage.signs, main.signs) if differs(first)]
    assert len(shown) == len(expected) > 0
    for text, sign in zip(sorted(shown), sorted(expected, key=lambda s: s.text)):
        assert text.startswith(" ".join(sign.text.split())), (text, sign.text)
        assert " ".join(triage.level(sign.level).short.split()) in text, sign.id
    # The sources read are links to the web (the glossary links its words to the glossary page).
    read = [link["href"] for link in box.select("a[href]") if "glossary/" not in link["href"]]
    assert read and all(href.startswith(("https://", "http://")) for href in read), read


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_review_links_to_what_was_read(site: Path, code: str) -> None:
    # Each review: its DOI (https://doi.org/...), or the address it was read at where no DOI was seen.
    soup = soup_of(site, LANGUAGES[code] + SOURCES)
    reviews = soup.find(id="reviews")
    assert reviews is not None
    headings = []
    for node in reviews.find_next_siblings():
        if node.name == "h2":
            break
        if node.name == "h3":
            headings.append(node)
    assert len(headings) >= 5
    for heading in headings:
        links = [a["href"] for a in heading.find_next("ul").select("a[href]")]
        assert links and links[0].startswith("https://"), heading["id"]
    dois = [a["href"] for h in headings for a in h.find_next("ul").select("a[href^='https://doi.org/']")]
    assert len(dois) >= 4, "the reviews with a DOI link to it"


# The Spanish sources pages (issue 23) ---------------------------------------------------------

# Where the agencies keep their pages in Spanish (scheme and "www." left off). A link under one of
# these is a page in Spanish; any other link on a Spanish sources page is to a page in English and
# must say so. Only agencies whose Spanish pages were read (research/sources.md, "Spanish twins").
SPANISH_PATHS = (
    "medlineplus.gov/spanish/",  # MedlinePlus en español (NIH's National Library of Medicine)
    "magazine.medlineplus.gov/es/",  # MedlinePlus Magazine en español
    "cdc.gov/stroke/es/",  # CDC en español: its topics keep Spanish pages under /<topic>/es/
    "cdc.gov/spanish/",  # CDC en español's home
    "mayoclinic.org/es-es/",  # Mayo Clinic en español
    "mayoclinic.org/es/",
    "cochrane.org/es/",  # Cochrane's plain-language summaries translated into Spanish
    "cancer.gov/espanol/",  # National Cancer Institute en español
    "nccih.nih.gov/health/espanol/",  # NCCIH en español
    "niams.nih.gov/es/",  # NIAMS en español
)
IN_ENGLISH = "(en inglés)"  # right after the link's text, as the issue asks
SPANISH_SOURCES_PAGES = (SOURCES, WHO_SAYS_WHAT)


def _in_spanish(href: str) -> bool:
    address = href.split("://", 1)[-1].removeprefix("www.")
    return address.startswith(SPANISH_PATHS)


def spanish_source_links(site: Path, prefix: str) -> tuple[set[str], list[str]]:
    """The links to pages in Spanish on the Spanish sources pages, and the links to other pages
    that are not followed by "(en inglés)"."""
    spanish, unmarked = set(), []
    for page in SPANISH_SOURCES_PAGES:
        for link in soup_of(site, prefix + page).select("article a[href^='http']"):
            if _in_spanish(link["href"]):
                spanish.add(link["href"])
                continue
            after = link.next_sibling
            if not (isinstance(after, str) and after.strip().startswith(IN_ENGLISH)):
                unmarked.append(f"{prefix}{page}: [{link.get_text(' ', strip=True)}]({link['href']})")
    return spanish, unmarked


def test_spanish_sources_link_pages_in_spanish_and_mark_english_ones(site: Path) -> None:
    if "es" not in LANGUAGES:
        pytest.skip("the site builds no Spanish pages")
    spanish, unmarked = spanish_source_links(site, LANGUAGES["es"])
    assert len(spanish) >= 3, f"the Spanish sources pages link {len(spanish)} pages in Spanish: {sorted(spanish)}"
    assert not unmarked, "links to pages in English, not marked " + IN_ENGLISH + ":\n" + "\n".join(unmarked)


def test_a_source_link_on_a_page_in_another_language_says_its_language() -> None:
    main = parse_triage(TRIAGE)
    spanish = parse_triage(SPANISH, "docs/triage.es.yml", "es", main)
    item = _html(sources_block(spanish, "en")).select_one("[data-triage=sources] li")
    link = item.select_one("a[href='https://gp.example/back-pain']")
    assert link.next_sibling.strip().startswith(words("es")["triage_sources"]["in_main_language"])
    english = _html(sources_block(main)).select_one("[data-triage=sources] a")
    assert not english.next_sibling.strip().startswith("("), "no marker in the main language"
