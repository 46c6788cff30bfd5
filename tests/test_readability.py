"""Every content page reads at grade 8 or below (Flesch-Kincaid), measured on the built page."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from readability import grade, prose
from site_pages import CONTENT_PAGES

MAX_GRADE = 8.0


@pytest.mark.parametrize("address", CONTENT_PAGES)
def test_page_reads_at_grade_8_or_below(site: Path, address: str) -> None:
    html = (site / address / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    assert len(prose(str(article)).split()) > 80, f"/{address} has almost no text to measure"
    score = grade(str(article))
    assert score <= MAX_GRADE, f"/{address} reads at grade {score:.1f}; simplify its sentences"


def test_measure_tells_hard_text_from_easy_text() -> None:
    easy = "<p>You can book a massage. It helps you relax. Ask what it costs.</p>"
    hard = (
        "<p>Comprehensive therapeutic interventions necessitate individualized musculoskeletal "
        "assessment, documentation, and interdisciplinary coordination with physicians.</p>"
    )
    assert grade(easy) <= MAX_GRADE < grade(hard)
