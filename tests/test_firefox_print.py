"""On paper from Firefox (issue 24, DECISIONS.md "Paper"): Firefox prints no `@page` margin boxes,
so the address, the review date and the page numbers that Chromium prints in the margins are not
there. What a reader's Firefox prints must still hold what a clinic hands out: the handout on one
sheet, front and back; the booklet within its sheets; and every page saying, in the page itself,
what it is (general information, not medical advice), where it lives (its address) and when it
was last reviewed.

Firefox is Debian's `firefox-esr`, driven over WebDriver BiDi by `puppeteer-core`
(tests/firefox/print.mjs; `make .venv/.test-deps` installs it): Playwright's own Firefox cannot be
downloaded here, and Debian's does not speak Playwright's protocol. One browser prints every job,
four tabs at a time (print.mjs says why).
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import LAST_REVIEWED, ROOT, SITE_URL, soup_of
from massage_guide.words import long_date
from paper import handout_sheet_problems, handout_sides, pdf_text, squashed
from site_pages import LANGUAGES, language_of, said

FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
PRINTER = ROOT / "tests" / "firefox" / "print.mjs"
PUPPETEER = ROOT / "tests" / "firefox" / "node_modules" / "puppeteer-core"
HOMES = list(LANGUAGES.values())  # "" and "es/"
SHEETS = ("Letter", "A4")
# The booklet on Letter only: Letter's shorter, wider sheet gives it more sheets than A4 (in
# Chromium 34 against 32 in English), so its limit is the one at risk.
BOOKLET_SHEETS = 36  # DECISIONS.md "Paper", as tests/test_print.py MOST_SHEETS
# Pages that carry their own trust line on paper: one of each kind (a page with warning boxes, a
# long reference page, a page of the "differences").
PAGES = ["safety/", "glossary/", "differences/price/"]

_missing = [what for what, there in (("firefox-esr", Path(FIREFOX).exists()), ("node", shutil.which("node")),
                                      ("puppeteer-core (npm ci --prefix tests/firefox)", PUPPETEER.exists())) if not there]
# On CI the parts are installed (.ci/run): a missing one is a failure there, not a skip.
pytestmark = [pytest.mark.slow] + (
    [] if not _missing or os.environ.get("CI") else [pytest.mark.skip(reason=f"not installed: {', '.join(_missing)}")]
)


def _jobs() -> list[tuple[str, str]]:
    jobs = [(home + "handout/", sheet) for home in HOMES for sheet in SHEETS]
    jobs += [(home + "print/", "Letter") for home in HOMES]
    jobs += [(home + page, "Letter") for home in HOMES for page in PAGES]
    return jobs


@pytest.fixture(scope="module")
def firefox_pdfs(base_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], list[str]]:
    """Each job's printed sheets (their text, from `pdf_text`), printed by one Firefox."""
    assert not _missing, f"Firefox printing needs: {', '.join(_missing)}"
    folder = tmp_path_factory.mktemp("firefox")
    paths = {job: folder / f"{job[0].strip('/').replace('/', '-') or 'home'}-{job[1]}.pdf" for job in _jobs()}
    work = [[base_url + address, str(path), sheet.lower()] for (address, sheet), path in paths.items()]
    subprocess.run(["node", str(PRINTER), FIREFOX, json.dumps(work)], check=True, timeout=600,
                   env={**os.environ, "HOME": str(folder)})
    return {job: pdf_text(PdfReader(path)) for job, path in paths.items()}


def trust_line(home: str) -> tuple[str, str]:
    """What every printed page says of itself: "General information, not medical advice" and
    "Page last reviewed: December 6, 2026", in the page's language."""
    words = said(home)
    reviewed = words["trust"]["last"].format(date=long_date(datetime.date.fromisoformat(LAST_REVIEWED), language_of(home)))
    return words["print"]["not_advice"].rstrip("."), reviewed


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_handout_prints_on_one_sheet_in_firefox(site: Path, firefox_pdfs, sheet: str, home: str) -> None:
    sheets = firefox_pdfs[(home + "handout/", sheet)]
    front, back = handout_sides(soup_of(site, home + "handout/"))
    problems = handout_sheet_problems(sheets, front, back)
    assert not problems, f"/{home}handout/ from Firefox on {sheet}: " + "; ".join(problems)


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_handout_says_what_it_is_and_where_from_in_firefox(firefox_pdfs, sheet: str, home: str) -> None:
    front = squashed(firefox_pdfs[(home + "handout/", sheet)][0])
    not_advice, _ = trust_line(home)
    host = SITE_URL.split("://", 1)[1].rstrip("/")
    missing = [text for text in (not_advice, host) if squashed(text) not in front]
    assert not missing, f"/{home}handout/ from Firefox on {sheet}: the front does not say {missing}"


@pytest.mark.parametrize("home", HOMES)
def test_booklet_keeps_to_its_sheets_in_firefox(firefox_pdfs, home: str) -> None:
    sheets = firefox_pdfs[(home + "print/", "Letter")]
    assert len(sheets) <= BOOKLET_SHEETS, f"/{home}print/ from Firefox takes {len(sheets)} Letter sheets (at most {BOOKLET_SHEETS})"


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("page", PAGES)
def test_a_page_printed_from_firefox_says_what_it_is_where_it_lives_and_when_reviewed(firefox_pdfs, page: str, home: str) -> None:
    """Without margin boxes the page's own foot must say it: the address in full, so a reader
    can type it from the paper."""
    printed = squashed(" ".join(firefox_pdfs[(home + page, "Letter")]))
    expected = [*trust_line(home), SITE_URL + home + page]
    missing = [text for text in expected if squashed(text) not in printed]
    assert not missing, f"/{home}{page} printed from Firefox does not say {missing}"
