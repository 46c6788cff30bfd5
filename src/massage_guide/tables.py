"""Tables that read on a phone: each body cell carries its column's name, from the table's header.

    <th>Medical (clinical) massage</th>  ->  <td data-label="Medical (clinical) massage">…</td>

On a wide screen a table stays a table. On a phone the stylesheet (guide.css, "Tables") turns
each row into a small card and shows each cell's column name above its value, read from
`data-label`: three columns squeezed into 320 px broke words in the middle ("Differen/ce").
The name is shown, not spoken (`content: attr(data-label) / ""`): a screen reader still gets
the table, its header row kept in the page, and names each cell's column itself.

A small table of short values (three columns at most, each value a number or a couple of words,
as the tip table's "$80 | $16 | $96") fits a phone as it is: as cards, three numbers would take
six lines. It is marked `data-fits` instead, and its cells get no column names; the stylesheet
leaves it a table.

Search reads a table as one run of words ("Goal Ease pain Relax"): Material's search index keeps
a table's text but none of its cells' edges. So each cell but the last in a row ends with a
hidden ";" and the row's last cell with a hidden ".", unless its words already end in a stop:

    <td data-label="…">Ease pain<span hidden="">;</span></td>

A search result then reads "Goal; Ease pain; Relax." The mark is `hidden`: not shown, not
printed, not read out, not copied with the table; both marks are among the search's word
separators (mkdocs.yml), so they are never words to find. One byte a cell in the search index.

Every table the page's Markdown made carries the class `mdx-table`, and the guide's stylesheets
draw it (guide.css, print.css, handout.css, booklet.css). Material's script takes every table without a class
("table:not([class])") out of the page while the page starts and puts it back inside two frames
of its own (`md-typeset__scrollwrap`, `md-typeset__table`), for sideways scrolling: that lays
the whole table out again on the phone's main thread (on the safety page, most of its blocking
time) for a frame our tables do not need; a table with a class is left where it is. The table
itself scrolls sideways if it is ever wider than its column.

    <table class="mdx-table">

Header text is the text readers see (escapes and entities resolved, inline markup dropped). A
cell under an empty header cell gets no name. Tables inside a quiz are left alone: the quiz
turns them into a form (massage_guide.quiz); so are tables that already have a class, which
belong to whatever gave it. A table without a header row gets the class, and nothing else.

Use: `markdown.Markdown(extensions=["tables", "massage_guide.tables"])`.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from collections.abc import Iterator

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

ATTRIBUTE = "data-label"
# The class that marks a table as the guide's: drawn by its stylesheets, left alone by Material's.
TABLE_CLASS = "mdx-table"
# Parts of a page whose tables are not read as tables (quiz/__init__.py's QUIZ_CLASS).
NOT_TABLES = "mdx-quiz"
# The hidden marks that end a cell for search: between cells, and after a row's last cell.
BETWEEN_CELLS, END_OF_ROW = ";", "."
# Words that already end like this need no mark: search shows the stop they have.
STOPS = (".", ";", ":", "!", "?", ",")
# A table "fits" a phone as a table with this many columns at most, each body cell this short
# (characters, words: "$120", "20% tip") and each header cell at most this long ("To pay in all").
FITS_COLUMNS, SHORT_VALUE, SHORT_WORDS, SHORT_NAME = 3, 12, 2, 16
FITS = "data-fits"
# After the quiz (4), which turns its own tables into a form, and after Python-Markdown's
# `unescape` (0), so that a header's text is what readers see (`\*` is `*`).
PRIORITY = -1


def tables(element: etree.Element) -> Iterator[etree.Element]:
    """Every table under `element` without a class, but for those inside a part marked `NOT_TABLES`."""
    for child in element:
        if NOT_TABLES in (child.get("class") or "").split():
            continue
        if child.tag == "table" and child.get("class") is None:
            yield child
        yield from tables(child)


def cells_of(row: etree.Element) -> list[etree.Element]:
    """A row's cells, header or data."""
    return [cell for cell in row if cell.tag in ("th", "td")]


class TablesTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in tables(root):
            table.set("class", TABLE_CLASS)
            header = table.find("thead/tr")
            if header is None:
                continue
            names = [self.text_of(cell) for cell in cells_of(header)]
            if self.fits(names, table):
                table.set(FITS, "")
            else:
                for row in table.iterfind("tbody/tr"):
                    for cell, name in zip(cells_of(row), names):
                        if name:
                            cell.set(ATTRIBUTE, name)
            # The header row stays out of the search index, where every comparison table would
            # repeat the same column names (on every page's first visit); the rows get their marks.
            table.find("thead").set("data-search-exclude", "")
            for row in table.iterfind("tbody/tr"):
                self.mark_cell_ends(cells_of(row))

    def fits(self, names: list[str], table: etree.Element) -> bool:
        """A few columns of short values: a table even on a phone (module docstring)."""
        values = [self.text_of(cell) for row in table.iterfind("tbody/tr") for cell in cells_of(row)]
        return (
            len(names) <= FITS_COLUMNS
            and all(len(name) <= SHORT_NAME for name in names)
            and all(len(value) <= SHORT_VALUE and len(value.split()) <= SHORT_WORDS for value in values)
        )

    def mark_cell_ends(self, cells: list[etree.Element]) -> None:
        """End each cell of a row with a hidden mark for search (module docstring)."""
        for number, cell in enumerate(cells, 1):
            words = "".join(cell.itertext()).rstrip()
            if not words or words.endswith(STOPS):
                continue
            mark = etree.SubElement(cell, "span", {"hidden": ""})
            mark.text = END_OF_ROW if number == len(cells) else BETWEEN_CELLS

    def text_of(self, cell: etree.Element) -> str:
        """A header cell's words as readers see them: an entity (`&amp;`, set aside by
        Python-Markdown until the end) as its character; other raw HTML as a space."""

        def shown(found) -> str:
            raw = self.md.htmlStash.rawHtmlBlocks[int(found.group(1))]
            return html.unescape(raw) if isinstance(raw, str) and raw.startswith("&") else " "

        return " ".join(HTML_PLACEHOLDER_RE.sub(shown, "".join(cell.itertext())).split())


class TablesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.treeprocessors.register(TablesTreeprocessor(md), "guide_tables", PRIORITY)


def makeExtension(**kwargs: object) -> TablesExtension:  # noqa: N802 (Python-Markdown's name)
    return TablesExtension(**kwargs)
