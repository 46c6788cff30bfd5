"""The triage blocks, made from a checked triage file (data.py) in the page's language:

- `<!-- guide: triage LEVEL -->`: the box of one level (`call-911`, `doctor-today`, ...): its
  title and its signs, each with its note, what to ask the doctor and what to tell the therapist.
  `<!-- guide: triage LEVEL after-massage -->`: only its signs marked `when: [after-massage]`.
- `<!-- guide: triage-table -->`: every sign and what to do, safest action first, as a table
  (`<!-- guide: triage-table after-massage -->`: the after-massage signs only).

Both are Markdown for the page's own extensions (the glossary explains its words in them), inside
an element marked `data-triage`, and work without JavaScript and on paper.
"""

from __future__ import annotations

from ..mistakes import AuthorError
from .data import WHEN, Triage

# The box each level is drawn in, by rank: the two "now" levels in the guide's urgent box (the
# one box kind with levels that DECISIONS.md asks for takes its looks from here).
BOXES = {1: "urgent", 2: "urgent", 3: "warning"}
OTHER_BOX = "note"


def _when(triage: Triage, when: str, block: str) -> str:
    if when and when not in WHEN:
        raise AuthorError("", None, f"`{when}` after `{block}` is not a kind of sign.",
                          "nothing, or one of: " + ", ".join(f"`{w}`" for w in WHEN) + ".",
                          f"<!-- guide: {block} {WHEN[0]} -->")
    return when


def level_block(triage: Triage, level: str = "", when: str = "") -> str:
    """The Markdown of `<!-- guide: triage LEVEL [WHEN] -->`."""
    from ..plugin.authoring import render

    keys = [known.key for known in triage.levels]
    if level not in keys:
        problem = "the triage block names no level." if not level else f"`{level}` is not a level of {triage.file}."
        raise AuthorError("", None, problem, "one of: " + ", ".join(f"`<!-- guide: triage {key} -->`" for key in keys),
                          f"<!-- guide: triage {keys[0]} -->")
    found = triage.level(level)
    signs = triage.signs_of(level, _when(triage, when, f"triage {level}"))
    note = triage.note_911 if found.rank == 1 else ""
    return render("triage-level.md", triage.language, level=found, signs=signs, note=note,
                  box=BOXES.get(found.rank, OTHER_BOX))


def table_block(triage: Triage, when: str = "") -> str:
    """The Markdown of `<!-- guide: triage-table [WHEN] -->`."""
    from ..plugin.authoring import render

    when = _when(triage, when, "triage-table")
    rows = [(level, sign) for level in triage.levels for sign in triage.signs_of(level.key, when)]
    return render("triage-table.md", triage.language, rows=rows, note=triage.note_911)
