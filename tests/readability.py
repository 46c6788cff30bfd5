"""Reading level of a page, measured the same way in the tests and in scripts/grade.py.

Text is taken block by block (paragraphs, list items, table cells, headings) so that a table
cell or a heading counts as its own sentence instead of gluing onto the next one.
"""

from __future__ import annotations

import re

import textstat
from bs4 import BeautifulSoup

BLOCKS = ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "dt", "dd", "figcaption", "legend")
# Words the reader sees that are not prose: permalink marks and the like.
SKIP = ("headerlink",)


def prose(html: str) -> str:
    """Return the visible prose of an HTML fragment, one sentence per block."""
    soup = BeautifulSoup(html, "html.parser")
    for node in soup.select(", ".join(f".{c}" for c in SKIP)):
        node.decompose()
    sentences = []
    for block in soup.find_all(BLOCKS):
        # Only innermost blocks: a list item that holds a paragraph counts once.
        if block.find(BLOCKS):
            continue
        text = re.sub(r"\s+", " ", block.get_text(" ")).strip()
        if not text:
            continue
        if text[-1] not in ".!?:":
            text += "."
        sentences.append(text)
    return " ".join(sentences)


def grade(html: str) -> float:
    """Flesch-Kincaid grade level of an HTML fragment's prose (English pages: 8 or lower)."""
    textstat.set_lang("en")
    return textstat.flesch_kincaid_grade(prose(html))


def ease_es(html: str) -> float:
    """Fernandez-Huerta reading ease of a Spanish fragment's prose (Spanish pages: 70 or more,
    "fairly easy"). textstat counts Spanish syllables with its Spanish hyphenation rules."""
    textstat.set_lang("es")
    try:
        return textstat.fernandez_huerta(prose(html))
    finally:
        textstat.set_lang("en")
