"""The glossary page's entries, put where the page has the line `<!-- glossary: entries -->`.

What goes there:

- a list of letters (`nav.mdx-glossary__letters`) that jump straight to the entries;
- `div.mdx-glossary`: the entries from A to Z, one `<h2 id="letter-x">` per letter and under it
  one `<h3 id="ANCHOR">` per entry with its definition, its picture when it has one (a `<figure>`
  with the `<img>` and its caption, loaded only when scrolled to), "Also called", pressure, where
  and what people use it for, and "Take care" when the entry has a caution; then "Words by where
  you meet them" (`<h2 id="mdx-by-where">`), one `<h3>` per group with links to its entries.

The entries are built as elements rather than written as Markdown for the page to convert: the
data is plain text already, and the page then builds in a third of the time. Headings still get
their permalinks and their place in the table of contents, as headings written in Markdown do.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from ..host import host, report
from ..mistakes import AuthorError
from ..words import words
from .data import EVIDENCE, EVIDENCE_ANCHOR, LETTER_ANCHOR, PICTURE_EXAMPLE, SOURCES_PAGE, Entry, Glossary, plain
from .pictures import PictureError, picture_size

# After the inline patterns (20): the text is plain and needs none. Before the tree is made
# pretty (10), attr_list (8) and the table of contents (5), which give headings their links.
PRIORITY = 15

# A glossary block in a page: `<!-- glossary: entries -->` on the glossary page (the MkDocs plugin
# names it anywhere else as a mistake), and `<!-- glossary: picture ANCHOR -->` on any page: the
# picture of the entry with that anchor, as the glossary shows it, in the page's language.
MARKER = re.compile(r"<!--\s*glossary:\s*(?P<name>[\w-]*)(?:\s+(?P<anchor>[\w-]+))?\s*-->")
PICTURE_BLOCK = "picture"
# The index by group, after the entries; its anchor starts with `mdx-`, which no entry may use.
# Its title and every label come from massage_guide/words, in the page's language.
GROUPS_ANCHOR = "mdx-by-where"
# The one label that claims no research ("not a treatment"): no "we found no review" after it.
NOT_RESEARCH = EVIDENCE[-1]


class EntriesTreeprocessor(Treeprocessor):
    """Replace the marker's paragraph with the letters and the entries."""

    def __init__(self, md: Markdown, extension: Any) -> None:
        super().__init__(md)
        self.extension = extension  # the GlossaryExtension: its glossary is read when first needed

    def run(self, root: etree.Element) -> None:
        reading = self.extension.reading(self.md)
        glossary = reading.glossary
        if glossary is None:
            return
        # The marker is an HTML comment, so Python-Markdown has set it aside: the tree holds a
        # paragraph with a placeholder for it, and the stash holds the comment itself.
        for parent in list(root.iter()):
            for index, child in reversed(list(enumerate(parent))):
                marker = self._marker(child) if child.tag == "p" and len(child) == 0 else None
                if marker is None:
                    continue
                if marker["name"] == "entries":
                    said = words(reading.language)["glossary"]
                    found = by_letter(glossary)
                    pictures = self._pictures(glossary, reading, glossary.entries)
                    parent[index : index + 1] = [letters(found, said), entries(glossary, found, said, pictures)]
                elif marker["name"] == PICTURE_BLOCK:
                    parent[index : index + 1] = self._picture_block(glossary, reading, marker)

    def _picture_block(self, glossary: Glossary, reading: Any, marker: re.Match) -> list[etree.Element]:
        """`<!-- glossary: picture cupping -->`: the entry's figure, or a mistake told with the
        page's line (and nothing shown). The printed booklet shows it once, in its glossary."""
        entry = next((e for e in glossary.entries if e.anchor == marker["anchor"]), None)
        if entry is None or entry.picture is None:
            with_pictures = ", ".join(e.anchor for e in glossary.entries if e.picture) or "none yet"
            page = host(self.md)
            source = page.source if page is not None else ""
            at = source.find(marker.group(0))
            report(self.md, AuthorError(
                page.file if page is not None else "", source.count("\n", 0, at) + 1 if at >= 0 else None,
                f"`{marker.group(0)}` names "
                + (f"`{marker['anchor']}`, which is not the anchor of an entry in {glossary.file or 'the glossary'}."
                   if entry is None else f"`{entry.term}`, which has no `picture:` in {glossary.file or 'the glossary'}."),
                f"`<!-- glossary: picture ANCHOR -->` with the anchor of an entry that has a picture ({with_pictures}).",
                "<!-- glossary: picture cupping -->"))
            return []
        page = host(self.md)
        if page is not None and page.booklet:
            return []  # the booklet holds the glossary, and the picture there: paper saved
        shown = self._pictures(glossary, reading, (entry,))
        return [figure(shown[entry.anchor], entry.picture_alt or "", entry.picture_caption or "")] if shown else []

    def _pictures(self, glossary: Glossary, reading: Any, chosen: tuple[Entry, ...]) -> dict[str, Picture]:
        """Each entry's picture as the page shows it, by the entry's anchor. A picture whose file
        is missing or is not an SVG drawing is the author's mistake, told with the data file's
        line; its entry is shown without it."""
        shown: dict[str, Picture] = {}
        here = posixpath.dirname(reading.page) or "."
        for entry in chosen:
            if entry.picture is None:
                continue
            try:
                width, height = picture_size(reading.docs_dir, entry.picture)
            except PictureError as problem:
                report(self.md, AuthorError(
                    glossary.file, entry.picture_line,
                    f"the picture of `{entry.term}`, `{entry.picture}`, {problem}.",
                    "the path of an SVG file from the docs folder, with `width`, `height` and `viewBox`: "
                    "`picture: assets/pictures/cupping.svg` for docs/assets/pictures/cupping.svg.",
                    PICTURE_EXAMPLE))
                continue
            shown[entry.anchor] = Picture(posixpath.relpath(entry.picture, here), width, height)
        return shown

    def _marker(self, paragraph: etree.Element) -> re.Match | None:
        """The glossary block a paragraph stands for, if it is one."""
        placeholder = HTML_PLACEHOLDER_RE.fullmatch((paragraph.text or "").strip())
        if placeholder is None:
            return None
        stash = self.md.htmlStash.rawHtmlBlocks
        number = int(placeholder.group(1))
        marker = MARKER.fullmatch(str(stash[number]).strip()) if number < len(stash) else None
        if marker is None or (marker["name"] == "entries") != (marker["anchor"] is None):
            return None
        return marker if marker["name"] in ("entries", PICTURE_BLOCK) else None


def by_letter(glossary: Glossary) -> dict[str, list[Entry]]:
    """The entries from A to Z, under the first letter of their term."""
    letters: dict[str, list[Entry]] = {}
    for entry in sorted(glossary.entries, key=lambda e: plain(e.term)):
        letters.setdefault(plain(entry.term[0]).upper(), []).append(entry)
    return letters


def letters(found: dict[str, list[Entry]], said: Mapping[str, Any]) -> etree.Element:
    nav = etree.Element("nav", {"class": "mdx-glossary__letters", "aria-label": said["letters"]})
    items = etree.SubElement(nav, "ul")
    # Each link is its letter alone: the list's name ("Words from A to Z") says what they lead to.
    for letter in found:
        link = etree.SubElement(etree.SubElement(items, "li"), "a", {"href": f"#{LETTER_ANCHOR}{letter.lower()}"})
        link.text = letter
    return nav


@dataclass(frozen=True)
class Picture:
    src: str  # the file, as a link from the page
    width: int
    height: int


def entries(glossary: Glossary, found: dict[str, list[Entry]], said: Mapping[str, Any],
            pictures: Mapping[str, Picture] | None = None) -> etree.Element:
    box = etree.Element("div", {"class": "mdx-glossary"})
    for letter, under in found.items():
        _heading(box, "h2", letter, f"{LETTER_ANCHOR}{letter.lower()}", "mdx-glossary__letter")
        for entry in under:
            _entry(box, entry, glossary, said, (pictures or {}).get(entry.anchor))
    # An index of the entries above: search finds the entries themselves, so it skips this part
    # (and every page's first visit fetches a smaller search index).
    _heading(box, "h2", said["by_where"], GROUPS_ANCHOR).set("data-search-exclude", "true")
    for group in glossary.groups:
        _heading(box, "h3", group.title, group.key).set("data-search-exclude", "true")
        items = etree.SubElement(box, "ul", {"data-search-exclude": "true"})
        for entry in sorted(glossary.in_group(group.key), key=lambda e: plain(e.term)):
            link = etree.SubElement(etree.SubElement(items, "li"), "a", {"href": f"#{entry.anchor}"})
            link.text = entry.term
    return box


def _entry(box: etree.Element, entry: Entry, glossary: Glossary, said: Mapping[str, Any],
           picture: Picture | None = None) -> None:
    _heading(box, "h3", entry.term, entry.anchor, "mdx-glossary__term")
    # Search finds each word by its name (the heading above); what is written under it stays out
    # of the search index, which every page fetches on its first visit (a 100 KB budget).
    etree.SubElement(box, "p", {"data-search-exclude": "true"}).text = entry.definition
    if picture is not None:
        box.append(figure(picture, entry.picture_alt or "", entry.picture_caption or ""))
    facts = etree.SubElement(box, "ul", {"data-search-exclude": "true"})
    if entry.aliases:
        _labelled(etree.SubElement(facts, "li"), said["also_called"], ", ".join(entry.aliases))
    if entry.pressure:
        _labelled(etree.SubElement(facts, "li"), said["pressure_label"], said["pressure"][entry.pressure])
        _labelled(etree.SubElement(facts, "li"), said["where_label"], said["where"][entry.where])
        _labelled(etree.SubElement(facts, "li"), said["used_for"], entry.used_for)
        if entry.evidence:
            _evidence(etree.SubElement(facts, "li"), entry, glossary, said)
    else:
        _labelled(etree.SubElement(facts, "li"), said["where_met"], said["where"][entry.where])
        _labelled(etree.SubElement(facts, "li"), said["why_it_matters"], entry.used_for)
    if entry.caution:
        caution = etree.SubElement(box, "p", {"class": "mdx-glossary__caution", "data-search-exclude": "true"})
        _labelled(caution, said["take_care"], entry.caution)


def _evidence(item: etree.Element, entry: Entry, glossary: Glossary, said: Mapping[str, Any]) -> None:
    """"How much research: [little research](what the words mean) ([Cochrane review, 2015](the
    source))." The label links to what it means, the source's short name to the source: both on
    the sources page, beside the glossary page (MkDocs checks the anchors in strict builds,
    naming the page). A label with no source says that none was found, except "not a treatment",
    which claims no research."""
    strong = etree.SubElement(item, "strong")
    strong.text = said["research"]
    strong.tail = " "
    label = etree.SubElement(item, "a", {"href": f"{SOURCES_PAGE}#{EVIDENCE_ANCHOR}"})
    label.text = said["evidence"][entry.evidence]
    if entry.source:
        label.tail = " ("
        link = etree.SubElement(item, "a", {"href": f"{SOURCES_PAGE}#{entry.source}"})
        link.text = glossary.source_name(entry.source)
        link.tail = ")."
    elif entry.evidence != NOT_RESEARCH:
        label.tail = f" ({said['no_review']})."
    else:
        label.tail = "."


def figure(picture: Picture, alt: str, caption: str) -> etree.Element:
    """The picture as a page written in Markdown shows one (`<figure markdown>` with
    `![alt](src){ width=.. height=.. loading=lazy }` and a `<figcaption>`): Material styles it,
    and it loads only when the reader scrolls to it. Its caption stays out of the search index."""
    box = etree.Element("figure", {"data-search-exclude": "true"})
    etree.SubElement(box, "img", {
        "src": picture.src, "alt": alt, "width": str(picture.width), "height": str(picture.height), "loading": "lazy",
    })
    etree.SubElement(box, "figcaption").text = caption
    return box


def _heading(box: etree.Element, tag: str, text: str, anchor: str, kind: str | None = None) -> etree.Element:
    heading = etree.SubElement(box, tag, {"id": anchor, "class": kind} if kind else {"id": anchor})
    heading.text = text
    return heading


def _labelled(parent: etree.Element, label: str, text: str) -> None:
    strong = etree.SubElement(parent, "strong")
    strong.text = label
    strong.tail = f" {text}"
