"""Every content page is easy to read, measured on the built page: an English page at grade 8
or below (Flesch-Kincaid), a Spanish page at 70 or more on Fernandez-Huerta's scale ("fairly
easy"), the Spanish measure textstat offers."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from readability import ease_es, grade, prose
from site_pages import CONTENT_PAGES, language_of

MAX_GRADE = 8.0
MIN_EASE_ES = 70.0


def article_of(site: Path, address: str) -> str:
    html = (site / address / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    assert len(prose(str(article)).split()) > 80, f"/{address} has almost no text to measure"
    return str(article)


@pytest.mark.parametrize("address", [a for a in CONTENT_PAGES if language_of(a) == "en"])
def test_page_reads_at_grade_8_or_below(site: Path, address: str) -> None:
    score = grade(article_of(site, address))
    assert score <= MAX_GRADE, f"/{address} reads at grade {score:.1f}; simplify its sentences"


@pytest.mark.parametrize("address", [a for a in CONTENT_PAGES if language_of(a) == "es"])
def test_spanish_page_is_fairly_easy_to_read(site: Path, address: str) -> None:
    score = ease_es(article_of(site, address))
    assert score >= MIN_EASE_ES, f"/{address} scores {score:.1f} on Fernandez-Huerta (70 or more); shorten its sentences and words"


def test_measure_tells_hard_text_from_easy_text() -> None:
    easy = "<p>You can book a massage. It helps you relax. Ask what it costs.</p>"
    hard = (
        "<p>Comprehensive therapeutic interventions necessitate individualized musculoskeletal "
        "assessment, documentation, and interdisciplinary coordination with physicians.</p>"
    )
    assert grade(easy) <= MAX_GRADE < grade(hard)


def test_spanish_measure_tells_hard_text_from_easy_text() -> None:
    easy = "<p>Puede pedir un masaje. Le ayuda a relajarse. Pregunte cuánto cuesta.</p>"
    hard = (
        "<p>Las intervenciones terapéuticas integrales requieren una evaluación musculoesquelética "
        "individualizada, documentación exhaustiva y coordinación interdisciplinaria con los médicos.</p>"
    )
    assert ease_es(hard) < MIN_EASE_ES <= ease_es(easy)
