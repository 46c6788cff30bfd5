"""The practice kit: PDFs printed by the project, not by each reader's browser.

`scripts/make_kit.py` (`make kit`) prints them into the kit folder (`kit/` beside mkdocs.yml, the
`guide/print` plugin's `kit_dir`); the next build publishes those of each language under
`assets/kit/`, and only then do the link kit and the handout page offer them (plugin/link_kit.py).
This module is the one list of what the kit holds and how its files are named, read by both.
"""

from __future__ import annotations

from dataclasses import dataclass

# Where the build publishes the kit's files, from the site's root.
FOLDER = "assets/kit"
# The paper sizes, as file names say them and as Chromium names them.
PAPERS = {"letter": "Letter", "a4": "A4"}


@dataclass(frozen=True)
class Document:
    what: str  # in the file name and the words: "handout"
    source: str | None  # the page printed, in docs/ (None: the poster, made by the kit itself)


# In the order the link kit lists them.
DOCUMENTS = (
    Document("handout", "handout.md"),
    Document("booklet", "print.md"),
    Document("quiz", "quiz.md"),
    Document("poster", None),
)


def file_name(what: str, paper: str, language: str) -> str:
    """What and which language, e.g. `massage-guide-handout-letter-en.pdf`."""
    return f"massage-guide-{what}-{paper}-{language}.pdf"


def kit_files(language: str) -> list[tuple[Document, str, str]]:
    """(document, paper, file name) of every file of the kit in `language`, in the kit's order."""
    return [(document, paper, file_name(document.what, paper, language)) for document in DOCUMENTS for paper in PAPERS]
