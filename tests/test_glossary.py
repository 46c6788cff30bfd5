"""The glossary (issue 4): one data file, words explained wherever they appear.

Unit tests run the Markdown extension alone; site tests read the built pages; bad-input tests
break a copy of the project and check that the build names the file, the line and the problem.
Browser and paper tests are in test_glossary_browser.py.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, failed_build_log, soup_of
from site_pages import LANGUAGES, glossary_data
from massage_guide.words import words
from massage_guide.mistakes import AuthorError
from massage_guide.glossary import (
    GlossaryExtension,
    load_glossary,
    parse_glossary,
    plural,
    slug,
)

DATA = ROOT / "docs" / "glossary.yml"

# Addresses practices may link to: /glossary/#<anchor>. They must not move.
STABLE_ANCHORS = {
    "sports-massage", "lymphatic-drainage", "neuromuscular-technique", "orthopedic-massage",
    "trigger-point-therapy", "myofascial-release", "cupping", "graston-technique",
    "kinesiology-taping", "swedish-massage", "lomi-lomi", "hot-stone-massage", "aromatherapy",
    "deep-tissue-massage", "couples-massage", "four-hand-massage", "hydrotherapy", "intake-form",
    "consultation", "contraindication", "referral", "diagnosis", "co-pay", "deductible",
    "treatment-plan", "re-evaluation",
}
# Every technique and visit word the issue names, as a reader would search for it on the page.
REQUIRED_WORDS = [
    "sports massage", "lymphatic drainage", "neuromuscular technique", "orthopedic massage",
    "trigger point therapy", "neurofascial release", "myofascial release", "cupping",
    "Graston technique", "instrument-assisted soft tissue work", "kinesiology taping",
    "Swedish massage", "Lomi Lomi", "hot stone massage", "aromatherapy", "deep tissue",
    "couples massage", "four-hand massage", "hydrotherapy", "intake form", "consultation",
    "contraindication", "referral", "prescription", "diagnosis", "co-pay", "deductible",
    "treatment plan", "re-evaluation",
]

GROUPS = """groups:
  clinic:
    title: Clinic techniques
    kind: technique
  visit:
    title: Visit words
    kind: word
"""

SMALL = "\n" + GROUPS + """terms:
  - term: Cupping
    group: clinic
    definition: Cups pull the skin up.
    pressure: varies
    where: clinic
    used_for: Pain.
    caution: It can leave round marks.
  - term: Trigger point therapy
    aliases: [trigger point]
    group: clinic
    definition: Steady pressure on a sore spot.
    pressure: deep
    where: clinic
    used_for: Knots.
  - term: Lymphatic drainage
    forms: [lymphatic drainage massage]
    group: clinic
    definition: A very gentle massage.
    pressure: light
    where: clinic
    used_for: Swelling.
  - term: Deep tissue massage
    aliases: [deep tissue]
    group: clinic
    definition: Firm, slow pressure.
    pressure: deep
    where: both
    used_for: Tight muscles.
  - term: Co-pay
    group: visit
    definition: What you pay at each visit.
    where: clinic
    used_for: Plan your budget.
  - term: Diagnosis
    forms: [diagnoses]
    group: visit
    definition: The name of your health problem.
    where: clinic
    used_for: Insurance needs it.
"""


def convert(text: str, page: str = "differences/price.md") -> BeautifulSoup:
    extension = GlossaryExtension(glossary=parse_glossary(SMALL), page=page)
    md = markdown.Markdown(
        extensions=["attr_list", "md_in_html", "admonition", "tables", "toc", extension]
    )
    return BeautifulSoup(md.convert(textwrap.dedent(text)), "html.parser")


def marked(soup: BeautifulSoup) -> list[str]:
    return [word.get_text() for word in soup.select(".mdx-term__word")]


def box_words(soup: BeautifulSoup) -> list[str]:
    return [dt.get_text() for dt in soup.select(".mdx-glossary-print dt")]


# ---------- Matching ----------


@pytest.mark.parametrize("written", ["cupping", "Cupping", "CUPPING"])
def test_a_word_is_found_in_any_case(written: str) -> None:
    assert marked(convert(f"Ask about {written} first.")) == [written]


@pytest.mark.parametrize(
    "written",
    ["co-pays", "trigger point therapies", "trigger points", "diagnoses", "Diagnoses"],
)
def test_simple_plurals_and_listed_forms_are_found(written: str) -> None:
    assert marked(convert(f"Read about {written} here.")) == [written]


@pytest.mark.parametrize("written", ["deep-tissue", "deep tissue", "Deep\ntissue", "co pay"])
def test_a_space_and_a_hyphen_are_the_same(written: str) -> None:
    assert marked(convert(f"A {written} visit.")) == [written]


@pytest.mark.parametrize(
    "text",
    ["Stop hiccupping now.", "A cuppings-free day.", "Try precupping.", "A co-payer pays.", "cupping_done"],
)
def test_only_whole_words_are_found(text: str) -> None:
    assert marked(convert(text)) == []


def test_the_longest_name_wins() -> None:
    soup = convert("A lymphatic drainage massage helps. Lymphatic drainage is gentle.")
    assert marked(soup) == ["lymphatic drainage massage"]


def test_plural_rules() -> None:
    assert [plural(w) for w in ("therapy", "tape", "pass", "diagnosis", "day")] == [
        "therapies", "tapes", "passes", "diagnoses", "days",
    ]
    assert slug("Lomi Lomi") == "lomi-lomi" and slug("Co-pay") == "co-pay"


# ---------- Marking ----------


def test_only_the_first_use_on_a_page_is_marked() -> None:
    soup = convert("Cupping helps.\n\nMore cupping later, and CUPPING again.\n\n- cupping in a list")
    assert marked(soup) == ["Cupping"]
    assert "More cupping later" in soup.get_text()


def test_each_word_is_marked_once_whatever_name_it_goes_by() -> None:
    soup = convert("Trigger point therapy first. Then a trigger point. Then trigger points.")
    assert marked(soup) == ["Trigger point therapy"]


def test_the_mark_explains_the_word_in_place_and_links_to_the_entry() -> None:
    soup = convert("Your co-pay is small.")
    (term,) = soup.select("span.mdx-term")
    assert str(term) == (
        '<span class="mdx-term">'
        '<button aria-describedby="mdx-term-co-pay" class="mdx-term__word" popovertarget="mdx-tip-co-pay" type="button">co-pay</button>'
        '<small class="mdx-term__tip" data-search-exclude="true" id="mdx-tip-co-pay" popover="auto">'
        '<span class="mdx-term__definition" id="mdx-term-co-pay">What you pay at each visit.</span> '
        '<a class="mdx-term__link" href="../glossary.md#co-pay">Co-pay in the glossary</a> '
        '<button class="mdx-term__close" popovertarget="mdx-tip-co-pay" type="button">Close</button>'
        '</small></span>'
    )


def test_the_text_around_a_mark_is_kept_in_order() -> None:
    soup = convert("Before *cupping* in between co-pay, after.")
    paragraph = soup.find("p")
    for tip in paragraph.select(".mdx-term__tip"):
        tip.decompose()
    assert paragraph.get_text() == "Before cupping in between co-pay, after."
    assert marked(soup) == ["cupping", "co-pay"]


@pytest.mark.parametrize(
    ("page", "href"),
    [("index.md", "glossary.md#cupping"), ("differences/price.md", "../glossary.md#cupping"), ("a/b/c.md", "../../glossary.md#cupping")],
)
def test_links_are_relative_to_the_page(page: str, href: str) -> None:
    assert convert("Cupping.", page=page).select_one("a.mdx-term__link")["href"] == href


SKIPPED = {
    "a heading": "## Cupping works",
    "a link": "[Cupping](other.md) helps.",
    "inline code": "Type `cupping` here.",
    "a code block": "```\ncupping\n```",
    "an admonition title": '!!! note "Cupping"\n\n    Some text.',
    "a table cell": "| Word | Use |\n| --- | --- |\n| Cupping | pain |",
    "a quiz": '<div class="mdx-quiz" markdown>\n\nIs cupping gentle?\n\n</div>',
    "a quiz answer": '<div class="mdx-quiz__answer" markdown>\n\nCupping leaves marks.\n\n</div>',
    "the glossary's entries": '<div class="mdx-glossary" markdown>\n\nCupping pulls.\n\n</div>',
}


@pytest.mark.parametrize("context", SKIPPED)
def test_words_are_not_marked_in_skipped_places(context: str) -> None:
    assert marked(convert(SKIPPED[context])) == []


@pytest.mark.parametrize("context", ["a heading", "a link", "a table cell", "an admonition title"])
def test_a_word_seen_only_where_it_is_not_marked_still_goes_in_the_print_box(context: str) -> None:
    assert box_words(convert(SKIPPED[context])) == ["Cupping"]


@pytest.mark.parametrize("context", ["inline code", "a code block", "a quiz", "a quiz answer"])
def test_code_and_quizzes_are_ignored_altogether(context: str) -> None:
    assert box_words(convert(SKIPPED[context])) == []


def test_a_word_first_seen_in_a_heading_is_marked_in_the_text_below() -> None:
    soup = convert("## What cupping is\n\nCupping pulls the skin.")
    assert marked(soup) == ["Cupping"]
    assert soup.find("h2").find("a") is None


def test_words_in_emphasis_and_list_items_are_marked() -> None:
    soup = convert("- **Couples and cupping:** fun\n- a co-pay")
    assert marked(soup) == ["cupping", "co-pay"]


def test_print_box_lists_every_word_used_from_a_to_z_with_its_definition() -> None:
    soup = convert("# Title\n\nCo-pay and cupping. Ask for a diagnosis.\n\n## Deep tissue")
    box = soup.select_one(".mdx-glossary-print")
    assert box.select_one("h2").get_text() == words()['glossary']['print_title']
    assert box_words(soup) == ["Co-pay", "Cupping", "Deep tissue massage", "Diagnosis"]
    assert box.select("dd")[1].get_text() == "Cups pull the skin up."
    assert box.has_attr("data-search-exclude")


def test_no_print_box_without_words_or_on_the_glossary_page() -> None:
    assert convert("Nothing to explain here.").select(".mdx-glossary-print") == []
    assert convert("Cupping.", page="glossary.md").select(".mdx-glossary-print") == []


def test_print_box_stays_out_of_the_table_of_contents() -> None:
    extension = GlossaryExtension(glossary=parse_glossary(SMALL), page="x.md")
    md = markdown.Markdown(extensions=["toc", extension])
    md.convert("# Title\n\nCupping.")
    assert words()['glossary']['print_title'] not in str(md.toc_tokens)


def test_the_entries_go_where_the_marker_is_with_links_to_each_heading() -> None:
    extension = GlossaryExtension(glossary=parse_glossary(SMALL), page="glossary.md")
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", extension, "toc"])
    soup = BeautifulSoup(md.convert("Before.\n\n<!-- glossary: entries -->\n\nAfter."), "html.parser")
    parts = [tag.name + "." + " ".join(tag.get("class", [])) for tag in soup.find_all(recursive=False)]
    assert parts == ["p.", "nav.mdx-glossary__letters", "div.mdx-glossary", "p."]
    assert "glossary:" not in str(soup)
    box = soup.select_one(".mdx-glossary")
    # Entries from A to Z under their letter, then an index of the words by where you meet them.
    assert [h.get_text() for h in box.select("h2")] == ["C", "D", "L", "T", "Words by where you meet them"]
    assert [h.get_text() for h in box.select("h2 ~ h3:not(.mdx-glossary__term)")] == ["Clinic techniques", "Visit words"]
    cupping = box.select_one("h3#cupping")
    assert cupping.get_text() == "Cupping"
    entry = [tag.get_text(" ", strip=True) for tag in cupping.find_next_siblings(limit=3)]
    assert entry == [
        "Cups pull the skin up.",
        "Pressure: It varies Where: Usually at a clinic People use it for: Pain.",
        "Take care: It can leave round marks.",
    ]
    assert box.select_one("h3#co-pay").find_next_sibling("ul").get_text(" ", strip=True) == (
        "Where you meet it: Usually at a clinic Why it matters: Plan your budget."
    )
    assert [a["href"] for a in soup.select("nav a")] == ["#letter-c", "#letter-d", "#letter-l", "#letter-t"]
    # A letter leads straight to its entries.
    under_d = [h.get_text() for h in box.select("#letter-d ~ h3.mdx-glossary__term") if h.find_previous("h2")["id"] == "letter-d"]
    assert under_d == ["Deep tissue massage", "Diagnosis"]
    # Headings made from the data are headings like any other: in the contents, with a link.
    assert "cupping" in [child["id"] for group in md.toc_tokens for child in group["children"]]
    linked = markdown.Markdown(
        extensions=[GlossaryExtension(glossary=parse_glossary(SMALL)), "toc"],
        extension_configs={"toc": {"permalink": True}},
    )
    assert '<a class="headerlink" href="#cupping"' in linked.convert("<!-- glossary: entries -->")


def test_other_comments_and_pages_without_the_marker_get_no_entries() -> None:
    soup = convert("Cupping.\n\n<!-- glossary: something -->\n\n<!-- a note -->", page="glossary.md")
    assert soup.select(".mdx-glossary, .mdx-glossary__letters") == []
    assert "<!-- a note -->" in str(soup)


def test_the_extension_loads_its_data_file_by_path() -> None:
    md = markdown.Markdown(extensions=[GlossaryExtension(data=str(DATA), page="index.md")])
    assert 'href="glossary.md#kinesiology-taping"' in md.convert("Kinesiology tape on the knee.")


# ---------- The data file ----------


def test_the_data_file_has_every_required_word_and_at_least_24_entries() -> None:
    glossary = load_glossary(DATA)
    assert len(glossary.entries) >= 24
    assert STABLE_ANCHORS <= {entry.anchor for entry in glossary.entries}
    assert {g.title for g in glossary.groups} == {
        "Techniques you meet in clinics", "Techniques you meet in spas", "Words about visits and paying",
    }
    for entry in glossary.entries:
        assert 1 <= len(re.findall(r"[.!?](?:\s|$)", entry.definition)) <= 2, entry.term


def entry_yaml(**fields: str) -> str:
    base = {"term": "Massage X", "group": "clinic", "definition": "A massage.", "pressure": "light",
            "where": "clinic", "used_for": "Rest."}
    base.update(fields)
    lines = [f"  - {key}: {value}" if i == 0 else f"    {key}: {value}"
             for i, (key, value) in enumerate((k, v) for k, v in base.items() if v is not None)]
    return "\n".join(lines) + "\n"


def parse_with(extra: str) -> None:
    parse_glossary(SMALL.rstrip("\n") + "\n" + extra, "docs/glossary.yml")


def line_of(text: str, needle: str) -> int:
    """The line of `needle` in the added `text`, counted in the whole file."""
    before = len(SMALL.rstrip("\n").splitlines())
    return before + next(i + 1 for i, line in enumerate(text.splitlines()) if needle in line)


BAD_DATA = {
    "duplicate term": (entry_yaml(term="cupping"), "term: cupping", "listed twice"),
    "empty definition": (entry_yaml(definition='""'), 'definition: ""', "`definition:` of `Massage X` is empty"),
    "missing definition text": (entry_yaml(definition=""), "definition:", "`definition:` of `Massage X` is empty"),
    "same anchor": (entry_yaml(anchor="co-pay"), "term: Massage X", "anchor `#co-pay`"),
    "unknown group": (entry_yaml(group="salon"), "group: salon", "`group: salon`"),
    "unknown pressure": (entry_yaml(pressure="hard"), "pressure: hard", "`pressure:` of `Massage X` is `hard`"),
    "unknown place": (entry_yaml(where="home"), "where: home", "`where:` of `Massage X` is `home`"),
    "unknown field": (entry_yaml(colour="red"), "colour: red", "unknown field `colour:`"),
    "missing field": (entry_yaml(used_for=None), "term: Massage X", "has no `used_for:`"),
    "technique without pressure": (entry_yaml(pressure=None), "term: Massage X", "has no `pressure:`"),
    "word with pressure": (entry_yaml(group="visit"), "pressure: light", "whose words have no pressure"),
    "name of another entry": (entry_yaml(aliases="[deep tissue]"), "term: Massage X", "would point to two entries"),
    "long definition": (entry_yaml(definition="One. Two. Three."), "definition: One.", "more than 2 sentences"),
    "broken YAML": ("  - term: [Massage\n", "term: [Massage", "not valid YAML"),
}


@pytest.mark.parametrize("case", BAD_DATA)
def test_bad_data_names_the_file_the_line_and_the_problem(case: str) -> None:
    extra, needle, problem = BAD_DATA[case]
    with pytest.raises(AuthorError) as caught:
        parse_with(extra)
    message = str(caught.value)
    assert problem in message, message
    assert "Expected:" in message and "For example:" in message
    if case != "broken YAML":  # YAML reports where it noticed the problem, one line further on
        assert message.startswith(f"docs/glossary.yml, line {line_of(extra, needle)}:"), message
    else:
        assert message.startswith("docs/glossary.yml, line ")


def test_a_duplicate_term_names_both_lines() -> None:
    with pytest.raises(AuthorError) as caught:
        parse_with(entry_yaml(term="Co-Pay"))
    first = next(i + 1 for i, line in enumerate(SMALL.splitlines()) if "term: Co-pay" in line)
    assert f"first on line {first}" in str(caught.value)


# ---------- The built site ----------


def built_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("index.html")) if p.parent != site / "glossary"]


def test_glossary_page_has_every_word_with_a_stable_anchor(site: Path) -> None:
    article = soup_of(site, "glossary/").select_one("article")
    ids = {tag["id"] for tag in article.select(".mdx-glossary__term[id]")}
    assert STABLE_ANCHORS <= ids
    assert len(ids) >= 24
    text = " ".join(article.get_text(" ").split()).lower()
    for word in REQUIRED_WORDS:
        assert word.lower() in text, f"the glossary page does not explain {word!r}"
    groups = [h3.get_text(strip=True).rstrip("¶") for h3 in article.select("#mdx-by-where ~ h3")]
    assert groups[:3] == ["Techniques you meet in clinics", "Techniques you meet in spas", "Words about visits and paying"]


def test_each_entry_gives_pressure_place_use_and_due_cautions(site: Path) -> None:
    article = soup_of(site, "glossary/").select_one("article")

    def entry_text(anchor: str) -> str:
        parts = []
        for sibling in article.find(id=anchor).find_next_siblings():
            if sibling.name in ("h2", "h3"):
                break
            parts.append(sibling.get_text(" "))
        return " ".join(" ".join(parts).split())

    for anchor in STABLE_ANCHORS:
        text = entry_text(anchor)
        assert "Where" in text, anchor
        if anchor in ("intake-form", "consultation", "contraindication", "referral", "diagnosis",
                      "co-pay", "deductible", "treatment-plan", "re-evaluation"):
            assert "Why it matters:" in text, anchor
        else:
            assert re.search(r"Pressure: (Light|Medium|Deep|It varies)", text), anchor
            assert "People use it for:" in text, anchor
    assert "round marks" in entry_text("cupping")
    assert "burn" in entry_text("hot-stone-massage")
    assert "no better than fake taping" in entry_text("kinesiology-taping")


def test_a_to_z_links_resolve_to_letters_and_entries(site: Path) -> None:
    article = soup_of(site, "glossary/").select_one("article")
    ids = {tag["id"] for tag in article.find_all(id=True)}
    letters = [a.get_text() for a in article.select("nav.mdx-glossary__letters a")]
    terms = [h3.get_text().rstrip("¶") for h3 in article.select(".mdx-glossary__term")]
    assert letters == sorted({term[0].upper() for term in terms})
    for link in article.select("nav.mdx-glossary__letters a"):
        assert link["href"].lstrip("#") in ids, link
    index = article.find(id="mdx-by-where").find_all_next("a", href=re.compile("^#(?!letter-)"))
    index_targets = [a["href"][1:] for a in index if "headerlink" not in a.get("class", [])]
    assert sorted(index_targets) == sorted(h3["id"] for h3 in article.select(".mdx-glossary__term"))


def test_marked_words_lead_to_their_entry_with_the_same_definition(site: Path) -> None:
    glossary = soup_of(site, "glossary/")
    soup = soup_of(site, "differences/price/")
    link = soup.select_one("a.mdx-term__link[href$='#co-pay']")
    assert link is not None, "the price page should explain co-pay"
    assert link["href"] == "../../glossary/#co-pay"
    word = link.find_parent(class_="mdx-term").select_one(".mdx-term__word")
    definition = soup.find(id=word["aria-describedby"])
    entry = glossary.find(id="co-pay").find_next_sibling("p")
    assert definition.get_text() == entry.get_text()


def test_every_page_marks_each_word_at_most_once_and_never_in_headings_links_or_tables(site: Path) -> None:
    total = 0
    for page in built_pages(site):
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if article is None:
            continue
        hrefs = [a["href"].split("#")[1] for a in article.select("a.mdx-term__link")]
        if page.parent.name != "print":  # the booklet holds every page, so a word comes back
            assert len(hrefs) == len(set(hrefs)), f"{page}: a word is marked twice"
        for term in article.select(".mdx-term"):
            assert not term.find_parent(["h1", "h2", "h3", "h4", "a", "table", "code"]), page
            assert not any(c.startswith("mdx-quiz") for p in term.parents for c in p.get("class", [])), page
        total += len(hrefs)
    assert total >= 30, "the guide's pages should explain their technique and visit words"


def test_pages_that_use_words_carry_a_print_box_and_the_glossary_does_not(site: Path) -> None:
    therapist = soup_of(site, "differences/the-therapist/")
    words = [dt.get_text() for dt in therapist.select(".mdx-glossary-print dt")]
    for word in ("Cupping", "Graston technique", "Kinesiology taping", "Lomi Lomi"):
        assert word in words
    assert words == sorted(words, key=str.casefold)
    assert soup_of(site, "glossary/").select(".mdx-glossary-print") == []


def test_the_data_file_is_not_published(site: Path) -> None:
    assert not (site / "glossary.yml").exists()


# ---------- Bad input stops the build ----------


def _replace(project: Path, old: str, new: str) -> None:
    data = project / "docs" / "glossary.yml"
    text = data.read_text(encoding="utf-8")
    assert old in text
    data.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line(project: Path, needle: str, occurrence: int = 1) -> int:
    lines = (project / "docs" / "glossary.yml").read_text(encoding="utf-8").splitlines()
    return [i + 1 for i, line in enumerate(lines) if needle in line][occurrence - 1]


KNEADING = (
    "definition: >-\n      The hands lift, squeeze and roll the muscles, a bit like kneading dough."
    " It is part of\n      Swedish massage.\n"
)
BUILD_CASES = {
    "duplicate term": ("- term: Kneading", "- term: Cupping", ("- term: Cupping", 2), "listed twice"),
    "empty definition": (KNEADING, 'definition: ""\n', ('definition: ""', 1), "`definition:` of `Kneading` is empty"),
    "same anchor": ("- term: Kneading\n", "- term: Kneading\n    anchor: cupping\n", ("- term: Kneading", 1), "anchor `#cupping`"),
    "unknown group": ("- term: Kneading\n    group: spa", "- term: Kneading\n    group: salon", ("group: salon", 1), "group: salon"),
}


@pytest.mark.parametrize("case", BUILD_CASES)
def test_bad_glossary_data_fails_the_strict_build(case: str, broken_copy, tmp_path: Path) -> None:
    old, new, (needle, occurrence), problem = BUILD_CASES[case]
    project = broken_copy()
    _replace(project, old, new)
    log = failed_build_log(project, tmp_path / "site", case)
    assert f"docs/glossary.yml, line {_line(project, needle, occurrence)}:" in log, log
    assert problem in log, log


def test_a_glossary_page_without_its_marker_fails_the_build(broken_copy, tmp_path: Path) -> None:
    project = broken_copy()
    page = project / "docs" / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- glossary: entries -->", ""), encoding="utf-8")
    log = failed_build_log(project, tmp_path / "site")
    assert "docs/glossary.md, line" in log and "<!-- glossary: entries -->" in log, log


# ---------- The research line in docs/glossary.yml: an editor's mistakes, named ----------

# The short names shown next to a research label ("Little research (NCCIH)").
SOURCE_NAMES = "sources:\n  nccih-cupping: NCCIH\n"
TECHNIQUE = SOURCE_NAMES + GROUPS + """terms:
  - term: Cupping
    group: {group}
    definition: Cups pull the skin up.
    {pressure}where: clinic
    used_for: Pain.
{research}"""

BAD_RESEARCH = {
    "a label not in the list": ("    evidence: proven\n    source: nccih-cupping\n", "evidence: proven",
                                "`evidence:` of `Cupping` is `proven`"),
    "research claimed without a source": ("    evidence: some research\n", "evidence: some research",
                                          "names no `source:`"),
    "a source that is not an anchor": ("    evidence: mixed research\n    source: NCCIH page\n", "source: NCCIH page",
                                       "is not the anchor of a source"),
    "a source without a label": ("    source: nccih-cupping\n", "source: nccih-cupping", "has a `source:` but no `evidence:`"),
    "a label on a visit word": ("    evidence: little research\n", "evidence: little research", "are not techniques"),
    "a source with no short name": ("    evidence: mixed research\n    source: cochrane-low-back-pain\n",
                                    "source: cochrane-low-back-pain", "has no short name under `sources:`"),
}


@pytest.mark.parametrize("case", BAD_RESEARCH)
def test_a_wrong_research_line_names_the_file_the_line_and_the_fix(case: str) -> None:
    research, needle, problem = BAD_RESEARCH[case]
    word = case == "a label on a visit word"
    text = TECHNIQUE.format(group="visit" if word else "clinic", pressure="" if word else "pressure: varies\n    ",
                            research=research)
    with pytest.raises(AuthorError) as caught:
        parse_glossary(text, "docs/glossary.yml")
    line = next(number for number, row in enumerate(text.splitlines(), 1) if needle in row)
    message = str(caught.value)
    assert message.startswith(f"docs/glossary.yml, line {line}: "), message
    assert problem in message and "Expected:" in message and "For example:" in message, message


def test_a_research_line_with_its_source_is_read() -> None:
    text = TECHNIQUE.format(group="clinic", pressure="pressure: varies\n    ",
                            research="    evidence: little research\n    source: nccih-cupping\n")
    glossary = parse_glossary(text)
    entry = glossary.entries[0]
    assert (entry.evidence, entry.source) == ("little research", "nccih-cupping")
    assert glossary.source_name(entry.source) == "NCCIH"


def test_the_research_line_names_its_source_and_links_to_what_the_label_means(tmp_path: Path) -> None:
    # "Little research (NCCIH)": the label leads to its meaning, the name to the source, both on
    # the sources page; a label with no source says none was found; "not a treatment" claims none.
    text = TECHNIQUE.format(group="clinic", pressure="pressure: varies\n    ",
                            research="    evidence: little research\n    source: nccih-cupping\n")
    text += """  - term: Kneading
    group: clinic
    definition: Hands lift and squeeze the muscles.
    pressure: medium
    where: spa
    used_for: Relaxing.
    evidence: little research
  - term: Couples massage
    group: clinic
    definition: Two people side by side.
    pressure: varies
    where: spa
    used_for: A treat.
    evidence: not a treatment
"""
    data = tmp_path / "glossary.yml"
    data.write_text(text, encoding="utf-8")
    html = markdown.markdown("<!-- glossary: entries -->", extensions=[
        GlossaryExtension(data=str(data), page="glossary.md")])
    soup = BeautifulSoup(html, "html.parser")
    lines = [li for li in soup.select("li") if "How much research:" in li.get_text()]
    said = [" ".join(li.get_text().split()) for li in lines]
    # A to Z: Couples massage, Cupping, Kneading.
    assert said == ["How much research: not a treatment.",
                    "How much research: little research (NCCIH).",
                    "How much research: little research (we found no review)."], said
    first = lines[1].select("a")
    assert [a["href"] for a in first] == ["sources.md#research-labels", "sources.md#nccih-cupping"]


# ---------- The Spanish glossary: its own data, the same entries, Spanish words marked ----------

SPANISH = "es/"
pytestmark_spanish = pytest.mark.skipif("es" not in LANGUAGES, reason="the Spanish edition is switched off")


def _spanish_entries() -> list:
    return load_glossary(glossary_data(SPANISH)).entries


@pytestmark_spanish
def test_the_spanish_data_has_the_same_entries_with_the_same_facts() -> None:
    # Translated words, but the same techniques, pressures, places and research, in the same order.
    english, spanish = load_glossary(glossary_data("")).entries, _spanish_entries()
    assert len(spanish) == len(english)
    for en, es in zip(english, spanish):
        facts = ("group", "pressure", "where", "evidence", "source")
        assert [getattr(es, key) for key in facts] == [getattr(en, key) for key in facts], (en.term, es.term)
        assert bool(es.caution) == bool(en.caution), f"{es.term}: a caution is in one language only"


def test_spanish_plurals() -> None:
    # Every word up to the first linking word; a stressed last syllable loses its accent mark.
    cases = {
        "masaje deportivo": "masajes deportivos",
        "plan de tratamiento": "planes de tratamiento",
        "liberación miofascial": "liberaciones miofasciales",
        "técnica neuromuscular": "técnicas neuromusculares",
        "masaje con piedras calientes": "masajes con piedras calientes",
        "luz": "luces",
    }
    assert {name: plural(name, "es") for name in cases} == cases
    assert slug("Técnica Graston") == "tecnica-graston" and slug("Orden médica") == "orden-medica"


def test_a_spanish_page_marks_spanish_words_with_spanish_labels() -> None:
    data = "\n" + GROUPS.replace("Clinic techniques", "Técnicas de clínica") + """terms:
  - term: Copago
    group: visit
    definition: Lo que usted paga en cada visita.
    where: clinic
    used_for: Saber cuánto pagará.
"""
    md = markdown.Markdown(extensions=[GlossaryExtension(glossary=parse_glossary(data, "glossary.es.yml"), page="price.md", language="es")])
    soup = BeautifulSoup(md.convert("Los copagos cambian según su plan."), "html.parser")
    assert soup.select_one(".mdx-term__word").get_text() == "copagos"
    assert soup.select_one(".mdx-term__link").get_text() == "Copago en el glosario"
    assert soup.select_one(".mdx-glossary-print__title").get_text() == words("es")["glossary"]["print_title"]


@pytestmark_spanish
def test_the_spanish_glossary_page_lists_every_entry_with_spanish_labels(site: Path) -> None:
    article = soup_of(site, SPANISH + "glossary/").select_one("article")
    said = words("es")["glossary"]
    terms = [h3.get_text().rstrip("¶") for h3 in article.select(".mdx-glossary__term")]
    assert sorted(terms) == sorted(entry.term for entry in _spanish_entries())
    text = " ".join(article.get_text(" ").split())
    for label in ("pressure_label", "used_for", "why_it_matters", "research"):
        assert said[label] in text, label
    assert "Pressure:" not in text and "How much research:" not in text, "an English label on the Spanish page"
    letters = [a.get_text() for a in article.select("nav.mdx-glossary__letters a")]
    assert letters == sorted(set(letters)) and article.select_one("nav.mdx-glossary__letters")["aria-label"] == said["letters"]


@pytestmark_spanish
def test_spanish_pages_mark_spanish_words_that_lead_to_the_spanish_entry(site: Path) -> None:
    glossary = soup_of(site, SPANISH + "glossary/")
    soup = soup_of(site, SPANISH + "differences/price/")
    link = soup.select_one("a.mdx-term__link[href$='#copago']")
    assert link is not None, "the Spanish price page should explain copago"
    assert link["href"] == "../../glossary/#copago" and link.get_text() == "Copago en el glosario"
    word = link.find_parent(class_="mdx-term").select_one(".mdx-term__word")
    assert soup.find(id=word["aria-describedby"]).get_text() == glossary.find(id="copago").find_next_sibling("p").get_text()
    box = soup.select_one(".mdx-glossary-print")
    assert box.select_one("h2").get_text() == words("es")["glossary"]["print_title"]
    marked = sum(len(soup_of(site, address).select(".mdx-term")) for address in
                 [SPANISH + page for page in ("differences/the-therapist/", "differences/the-massage/", "safety/")])
    assert marked >= 10, "the Spanish pages should explain their technique and visit words"


@pytestmark_spanish
def test_the_spanish_data_file_is_not_published(site: Path) -> None:
    assert not list(site.rglob("glossary*.yml"))


@pytestmark_spanish
@pytest.mark.slow  # the Spanish build comes after the whole English one
def test_bad_spanish_data_names_the_spanish_file_and_line(broken_copy, tmp_path: Path) -> None:
    project = broken_copy()
    data = project / "docs" / "glossary.es.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("group: spa", "group: salon", 1), encoding="utf-8")
    line = next(i + 1 for i, row in enumerate(data.read_text(encoding="utf-8").splitlines()) if "group: salon" in row)
    log = failed_build_log(project, tmp_path / "site", "a Spanish entry in an unknown group")
    assert f"docs/glossary.es.yml, line {line}:" in log and "group: salon" in log, log


@pytestmark_spanish
@pytest.mark.slow  # the Spanish build comes after the whole English one
def test_a_missing_spanish_data_file_stops_the_build_naming_it(broken_copy, tmp_path: Path) -> None:
    project = broken_copy()
    (project / "docs" / "glossary.es.yml").unlink()
    log = failed_build_log(project, tmp_path / "site", "no Spanish glossary data")
    assert "docs/glossary.es.yml is missing" in log and "Expected:" in log and "For example:" in log, log


# ---------- Glossaries whose entries differ between languages stop the build ----------


def _without_entry(path: Path, term: str) -> int:
    """Remove the entry `term` from the data file at `path`; return the line it started on."""
    rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, row in enumerate(rows) if row.strip() == f"- term: {term}")
    end = next((i for i in range(start + 1, len(rows)) if rows[i].lstrip().startswith("- term:")), len(rows))
    path.write_text("".join(rows[:start] + rows[end:]), encoding="utf-8")
    return start + 1


def _line_of_term(path: Path, term: str) -> int:
    rows = path.read_text(encoding="utf-8").splitlines()
    return next(i + 1 for i, row in enumerate(rows) if row.strip() == f"- term: {term}")


def test_an_entry_in_one_language_only_is_told_with_where_to_add_it() -> None:
    english = parse_glossary("\n" + GROUPS + """terms:
  - term: Co-pay
    group: visit
    definition: What you pay at each visit.
    where: clinic
    used_for: Knowing what you will pay.
  - term: Deductible
    group: visit
    definition: What you pay before the plan pays.
    where: both
    used_for: Knowing what you will pay.
""", "docs/glossary.yml")
    spanish = parse_glossary("\n" + GROUPS + """terms:
  - term: Copago
    group: visit
    definition: Lo que paga en cada visita.
    where: clinic
    used_for: Saber cuánto pagará.
""", "docs/glossary.es.yml")
    from massage_guide.glossary.data import unpaired

    errors = unpaired(english, "docs/glossary.yml", spanish, "docs/glossary.es.yml")
    assert len(errors) == 1, [str(e) for e in errors]
    said = str(errors[0])
    assert said.startswith("docs/glossary.es.yml, line "), said
    assert "`Deductible` (docs/glossary.yml, line " in said and "after the last entry" in said, said
    assert "group: visit" in said and "where: both" in said, said  # the facts to copy
    # The other way round: the extra entry is told in the file that has it, at its line.
    errors = unpaired(spanish, "docs/glossary.es.yml", english, "docs/glossary.yml")
    assert len(errors) == 1 and str(errors[0]).startswith("docs/glossary.yml, line 15: `Deductible` has no entry in docs/glossary.es.yml"), \
        [str(e) for e in errors]
    # The same entries in both: nothing to tell.
    assert unpaired(english, "a", english, "b") == []


@pytestmark_spanish
def test_a_term_missing_from_the_spanish_glossary_stops_the_build(broken_copy, tmp_path: Path) -> None:
    # Before: the Spanish pages silently lost the word (and every later pair moved by one).
    project = broken_copy()
    spanish = project / "docs" / "glossary.es.yml"
    where = _without_entry(spanish, "Ventosas")
    log = failed_build_log(project, tmp_path / "site", "Cupping missing in Spanish")
    cupping = _line_of_term(project / "docs" / "glossary.yml", "Cupping")
    assert f"docs/glossary.es.yml, line {where}: `Cupping` (docs/glossary.yml, line {cupping}) has no entry in this file" in log, log
    assert "Expected:" in log and "source: nccih-cupping" in log and "Traceback" not in log, log
    assert log.count("has no entry") == 1, f"only the missing entry is told, not every later one\n{log}"


@pytestmark_spanish
def test_a_term_only_in_the_spanish_glossary_stops_the_build(broken_copy, tmp_path: Path) -> None:
    project = broken_copy()
    line = _without_entry(project / "docs" / "glossary.yml", "Cupping")
    assert line
    log = failed_build_log(project, tmp_path / "site", "Ventosas only in Spanish")
    where = _line_of_term(project / "docs" / "glossary.es.yml", "Ventosas")
    assert f"docs/glossary.es.yml, line {where}: `Ventosas` has no entry in docs/glossary.yml" in log, log
    assert "Traceback" not in log and log.count("has no entry") == 1, log


@pytestmark_spanish
@pytest.mark.slow  # builds the whole Spanish site
def test_a_spanish_only_build_does_not_compare_glossaries(broken_copy, tmp_path: Path) -> None:
    # DECISIONS.md, "Languages": pair checks apply to the languages the configuration builds.
    project = broken_copy()
    _without_entry(project / "docs" / "glossary.es.yml", "Lomi Lomi")  # no page shows its picture
    config = project / "mkdocs.yml"
    from inprocess import build_in_process
    from test_languages import _spanish_only  # as the README says: Spanish `default: true`, English off

    config.write_text(_spanish_only(config.read_text(encoding="utf-8")), encoding="utf-8")

    built = build_in_process(project, tmp_path / "site")
    assert built.passed and "has no entry" not in built.text, built.text
