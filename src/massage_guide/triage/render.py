"""The triage blocks, made from a checked triage file (data.py) in the page's language:

- `<!-- guide: triage LEVEL -->`: the box of one level (`call-911`, `doctor-today`, ...): its
  title and its signs, each with its note, what to ask the doctor and what to tell the therapist.
  `<!-- guide: triage LEVEL after-massage -->`: only its signs marked `when: [after-massage]`.
  `<!-- guide: triage LEVEL brief -->`: each sign with its note only, without what to ask, what
  to tell the therapist and the level's line under the list (`more:`): the one-sheet handout,
  which points to the safety page for those.
- `<!-- guide: triage-table -->`: every sign and what to do, safest action first, as a table
  (`<!-- guide: triage-table after-massage -->`: the after-massage signs only).

Both are Markdown for the page's own extensions (the glossary explains its words in them), inside
an element marked `data-triage`, and work without JavaScript and on paper.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown.treeprocessors import Treeprocessor

from ..mistakes import AuthorError
from .data import WHEN, Triage

# The box each level is drawn in, by rank: the two "now" levels in the guide's urgent box (the
# one box kind with levels that DECISIONS.md asks for takes its looks from here).
BOXES = {1: "urgent", 2: "urgent", 3: "warning"}
OTHER_BOX = "note"


BRIEF = "brief"  # the option that leaves out what to ask and what to tell the therapist


def _options(options: tuple[str, ...], block: str, allowed: tuple[str, ...]) -> tuple[str, bool]:
    """The kind of sign (`when`) and whether the block is brief, from the words after the block."""
    when, brief = "", False
    for option in options:
        if option == BRIEF and BRIEF in allowed:
            brief = True
        elif option in WHEN and not when:
            when = option
        else:
            raise AuthorError("", None, f"`{option}` after `{block}` is not a kind of sign"
                              + (" nor `brief`." if BRIEF in allowed else "."),
                              "nothing, or one of: " + ", ".join(f"`{w}`" for w in (*WHEN, *allowed)) + ".",
                              f"<!-- guide: {block} {WHEN[0]} -->")
    return when, brief


def level_block(triage: Triage, level: str = "", *options: str) -> str:
    """The Markdown of `<!-- guide: triage LEVEL [WHEN] [brief] -->`."""
    from ..plugin.authoring import render

    keys = [known.key for known in triage.levels]
    if level not in keys:
        problem = "the triage block names no level." if not level else f"`{level}` is not a level of {triage.file}."
        raise AuthorError("", None, problem, "one of: " + ", ".join(f"`<!-- guide: triage {key} -->`" for key in keys),
                          f"<!-- guide: triage {keys[0]} -->")
    found = triage.level(level)
    when, brief = _options(options, f"triage {level}", (BRIEF,))
    signs = triage.signs_of(level, when)
    note = triage.note_911 if found.rank == 1 else ""
    # A level after the three warning levels (fine to book) stays out of site search: search
    # leads to the warnings, and the index every visitor downloads first stays within its
    # budget (test_budgets.py).
    quiet = found.rank not in BOXES
    return render("triage-level.md", triage.language, level=found, signs=signs, note=note,
                  box=BOXES.get(found.rank, OTHER_BOX), brief=brief, quiet=quiet)


def table_block(triage: Triage, *options: str) -> str:
    """The Markdown of `<!-- guide: triage-table [WHEN] -->`."""
    from ..plugin.authoring import render

    when, _ = _options(options, "triage-table", ())
    rows = [(level, sign) for level in triage.levels for sign in triage.signs_of(level.key, when)]
    return render("triage-table.md", triage.language, rows=rows, note=triage.note_911)


class QuietAdvice(Treeprocessor):
    """Keeps what to ask the doctor and what to tell the therapist (the list under each sign of a
    triage box) out of site search: search finds the sign itself, and the index every visitor
    downloads first stays within its budget. The page and paper show them unchanged."""

    def run(self, root: Element) -> None:
        for box in root.iter():
            if box.get("data-triage") and box.get("data-triage") != "table":
                for item in box.iter("li"):
                    for advice in item.findall("ul"):
                        advice.set("data-search-exclude", "true")


class RowLevels(Treeprocessor):
    """Gives each row of a triage table its level's class, `mdx-triage--RANK`, as the level's box
    has: triage.css makes the rows that need a doctor now stand out by more than colour (a
    heavier rule, the level's icon, bold type). The ranks come in order from the table's
    `data-ranks` (triage-table.md), since a Markdown table row cannot carry a class."""

    def run(self, root: Element) -> None:
        for block in root.iter("div"):
            if block.get("data-triage") == "table" and "data-ranks" in block.attrib:
                ranks = block.attrib.pop("data-ranks").split()
                for row, rank in zip(block.iterfind("table/tbody/tr"), ranks):
                    row.set("class", f"mdx-triage--{rank}")
