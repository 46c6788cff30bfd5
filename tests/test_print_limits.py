"""The one-sheet handout (front and back) holds whatever a practice may set: the longest details
the build accepts (`LIMITS` in the guide's practice.py) and a reviewer's name (`extra.review.by`),
printed on Letter and on A4, in every language, and read back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import FULLEST_URL as URL
from conftest import REVIEWER, fullest_practice, serve, soup_of
from massage_guide.plugin.practice import LIMITS
from massage_guide.plugin.review import BY_LIMIT
from paper import body_of, handout_sheet_problems, handout_sides, pdf_text, print_pdf, qr_codes_on, squashed
from site_pages import LANGUAGES

SHEETS = ("Letter", "A4")
HOMES = list(LANGUAGES.values())  # "" and "es/"


def test_reviewer_is_near_the_longest_accepted() -> None:
    assert BY_LIMIT - 5 <= len(REVIEWER) <= BY_LIMIT


@pytest.fixture(scope="module")
def fullest() -> dict[str, str]:
    values = fullest_practice()
    for key, value in values.items():
        if key == "logo":
            continue
        limit = LIMITS[key]
        lines = value.splitlines()
        assert len(lines) == limit.lines and all(len(line) == limit.chars for line in lines), key
    return values


@pytest.fixture(scope="module")
def fullest_url(fullest_site: Path) -> Iterator[str]:
    server, url = serve(fullest_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def printed(browser, fullest_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[str]]]:
    folder = tmp_path_factory.mktemp("fullest-printed")
    done = {}
    for home in HOMES:
        for sheet in SHEETS:
            path = folder / f"{home.strip('/') or 'en'}-handout-{sheet}.pdf"
            done[home + sheet] = (path, pdf_text(print_pdf(browser, fullest_url + home + "handout/", path, sheet)))
    path = folder / "booklet.pdf"
    done["booklet"] = (path, pdf_text(print_pdf(browser, fullest_url + "print/", path, "Letter", javascript=False)))
    return done


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_handout_with_the_longest_details_is_one_sheet_front_and_back(fullest_site: Path, printed, sheet: str, home: str) -> None:
    """At most 2 pages: the choice whole on the front, the safety part whole on the back."""
    front, back = handout_sides(soup_of(fullest_site, home + "handout/"))
    bodies = [body_of(text, URL + home + "handout/") for text in printed[home + sheet][1]]
    problems = handout_sheet_problems(bodies, front, back)
    assert not problems, f"with the longest practice details, /{home}handout/ on {sheet}:\n" + "\n".join(problems)


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_handout_shows_the_practice_in_full(printed, fullest: dict[str, str], sheet: str, home: str) -> None:
    """Name, every address line, phone and booking address, none of them cut off."""
    text = squashed(body_of(printed[home + sheet][1][0], URL + home + "handout/"))
    wanted = [fullest["name"], *fullest["address"].splitlines(), fullest["phone"]]
    wanted.append(fullest["booking_url"].split("://", 1)[1])
    for detail in wanted:
        assert squashed(detail) in text, f"the handout does not show {detail!r}"


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_handout_qr_code_still_reads(printed, sheet: str, home: str) -> None:
    path = printed[home + sheet][0]
    assert qr_codes_on(path) == [URL + home]


@pytest.mark.parametrize("sheet", SHEETS)
def test_reviewer_is_named_on_paper(printed, sheet: str) -> None:
    """`extra.review.by` in the sheet's own text and in the footer line of every page."""
    pages = printed[sheet][1]
    assert squashed(f"by {REVIEWER}") in squashed(body_of(pages[0], URL + "handout/"))
    for number, text in enumerate(pages, 1):
        assert squashed(f"by {REVIEWER}, page {number} of {len(pages)}") in squashed(text)


def test_booklet_cover_names_the_practice_and_the_reviewer(printed, fullest: dict[str, str]) -> None:
    cover = printed["booklet"][1][0]
    assert squashed(fullest["name"]) in squashed(cover)
    assert squashed(f"by {REVIEWER}") in squashed(cover)
    assert qr_codes_on(printed["booklet"][0], 1) == [URL]
