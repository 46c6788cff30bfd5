"""Printing a page to PDF in real Chromium (`page.pdf` uses print media) and reading it back."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pypdf import PdfReader

from conftest import wait_for_material

# A sheet of US Letter at 96 px to the inch: the width Chromium lays a printed page out at.
PAPER_VIEWPORT = {"width": 816, "height": 1056}


def flat(text: str) -> str:
    """Text with every run of white space made one space: PDF lines break anywhere."""
    return " ".join(text.split())


def squashed(text: str) -> str:
    """Text with no white space at all: a long address may break over two printed lines."""
    return "".join(text.split())


def print_pdf(browser, url: str, path: Path, sheet: str = "Letter", javascript: bool = True) -> PdfReader:
    """Print the page at `url` to `path` on `sheet` paper, as a reader's browser would."""
    context = browser.new_context(viewport=PAPER_VIEWPORT, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(url, wait_until="load")
    if javascript:
        wait_for_material(page)
    page.pdf(path=str(path), format=sheet)
    context.close()
    return PdfReader(path)


def pdf_text(reader: PdfReader) -> list[str]:
    """Each printed sheet's text, made `flat`, with ligatures read as their letters: a font may
    draw "ff" in "differences" as one glyph (U+FB00), which a reader reads as two letters."""
    return [flat(unicodedata.normalize("NFKC", page.extract_text() or "")) for page in reader.pages]
