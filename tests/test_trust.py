"""Trust marks (issue 21), as a reader meets them: at the foot of every page, on screen and on
paper, when the guide was last reviewed and when the next review is due; who reviewed it only
when `extra.review.by` names someone; a way to report a mistake that needs no JavaScript (an
email to the address a practice sets, else to the practice's email, else the About page's
section); and the About page's "How this guide is made" and accessibility statement.

Expectations come from mkdocs.yml (the review, the practice), so the tests pass for any
practice's valid settings; a practice's copy with a reviewer and an email (conftest's
`other_practice`) and one with an email only (`practice_site`) show the other cases.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import EXTRA, OTHER_PRACTICE, OTHER_REVIEW, OTHER_URL, PRACTICE, PRACTICE_URL, serve, soup_of
from inprocess import build_in_process
from massage_guide.plugin.review import review_of
from massage_guide.plugin.trust import ACCESSIBILITY, HOW_MADE, REPORT, report_address
from massage_guide.words import long_date
from paper import pdf_text, print_pdf
from site_pages import CONTENT_PAGES, LANGUAGES, SITE_MAP, language_of, said

REVIEW = review_of(EXTRA)
# Every page a reader lands on: the nav's pages and the booklet, in every language.
READER_PAGES = [*CONTENT_PAGES, *SITE_MAP.addresses(SITE_MAP.pages_off_nav)]
# The printouts whose own sheet says when the guide was checked and when the next check is due
# (the QR code's note: the handout's last line, the booklet's cover), instead of the marks.
OWN_NOTE = ("handout/", "print/")


def about_of(address: str) -> str:
    return LANGUAGES[language_of(address)] + "about/"


def marks_of(soup: BeautifulSoup) -> BeautifulSoup:
    """The trust marks: the last thing in the page's text."""
    article = soup.select_one("article.md-content__inner")
    last = article.find_all(recursive=False)[-1]
    assert last.name == "footer" and "mdx-trust" in last["class"], "the trust marks are not at the page's foot"
    return last


def review_line(address: str, review: dict) -> str:
    said_ = said(address)["trust"]
    code = language_of(address)
    return " · ".join([
        said_["last"].format(date=long_date(review["last"], code)),
        said_["next"].format(date=long_date(review["next"], code)),
    ])


def text(tag) -> str:
    return " ".join(tag.get_text(" ").split())


# ---------- Every page: the review, and the ways to report a mistake and read more ----------


@pytest.mark.parametrize("address", READER_PAGES)
def test_every_page_ends_with_its_review_dates_and_no_invented_reviewer(site: Path, address: str) -> None:
    marks = marks_of(soup_of(site, address))
    review = marks.select_one(".mdx-trust__review")
    assert text(review) == review_line(address, REVIEW)
    assert [time["datetime"] for time in review.select("time")] == [str(REVIEW["last"]), str(REVIEW["next"])]
    reviewer = marks.select_one(".mdx-trust__by")
    if REVIEW["by"]:
        assert reviewer is not None and text(reviewer) == said(address)["trust"]["by"].format(name=REVIEW["by"])
    else:
        assert reviewer is None, "no one is named in extra.review.by: the page must not name a reviewer"


@pytest.mark.parametrize("address", READER_PAGES)
def test_every_page_links_to_report_a_mistake_and_to_how_the_guide_is_made(site: Path, address: str) -> None:
    links = {text(a): a["href"] for a in marks_of(soup_of(site, address)).select(".mdx-trust__links a")}
    words = said(address)["trust"]
    about = about_of(address)
    for name, section in ((words["how_made"], HOW_MADE), (words["accessibility"], ACCESSIBILITY)):
        target = urlsplit(urljoin("http://site.invalid/" + address, links[name]))
        assert (target.path.lstrip("/"), target.fragment) == (about, section), name
        assert soup_of(site, about).find(id=section), f"/{about} has no #{section}"
    address_set = report_address(EXTRA)
    if address_set:
        assert links[words["report"]].startswith(f"mailto:{address_set}?")
    else:
        target = urlsplit(urljoin("http://site.invalid/" + address, links[words["report"]]))
        assert (target.path.lstrip("/"), target.fragment) == (about, REPORT)


@pytest.mark.parametrize("home", LANGUAGES.values())
def test_about_says_who_reviewed_it_or_plainly_that_no_clinician_has(site: Path, home: str) -> None:
    about = soup_of(site, home + "about/")
    checked = text(about.find(id="how-it-is-checked").find_parent("article"))
    no_clinician = " ".join(said(home)["review"]["no_clinician"].split(".")[0].split())  # its first sentence
    if REVIEW["by"]:
        assert REVIEW["by"] in checked and no_clinician not in checked
    else:
        assert no_clinician in checked, "About must say plainly that no clinician has reviewed this copy"


@pytest.mark.parametrize("home", LANGUAGES.values())
def test_about_tells_how_to_report_a_mistake(site: Path, home: str) -> None:
    section = soup_of(site, home + "about/").find(id=REPORT)
    told = text(section.find_next_sibling("p").find_next_sibling("p"))
    address_set = report_address(EXTRA)
    if address_set:
        assert section.find_next("a", href=f"mailto:{address_set}")
    else:
        assert told == " ".join(said(home)["report"]["no_email"].split())


# ---------- A practice's copy: its reviewer, its email ----------


@pytest.mark.parametrize("address", READER_PAGES)
def test_a_named_reviewer_shows_on_every_page_as_written(other_practice: tuple[Path, str], address: str) -> None:
    site, _ = other_practice
    marks = marks_of(soup_of(site, address))
    reviewer = marks.select_one(".mdx-trust__by")
    assert reviewer is not None and text(reviewer) == said(address)["trust"]["by"].format(name=OTHER_REVIEW["by"])
    assert not reviewer.find(["em", "lead"]), "the reviewer's name is text, never markup"
    review = {key: datetime.date.fromisoformat(OTHER_REVIEW[key]) for key in ("last", "next")}
    assert text(marks.select_one(".mdx-trust__review")) == review_line(address, review)


@pytest.mark.parametrize("home", LANGUAGES.values())
def test_about_names_the_reviewer_and_drops_the_no_clinician_line(other_practice: tuple[Path, str], home: str) -> None:
    site, _ = other_practice
    article = text(soup_of(site, home + "about/").select_one("article"))
    assert OTHER_REVIEW["by"] in article
    assert said(home)["review"]["no_clinician"].split(".")[0] not in article


@pytest.mark.parametrize("address", ["", "differences/price/", "es/safety/"])
def test_report_link_emails_the_practice_with_the_page_named(
    practice_site: Path, other_practice: tuple[Path, str], address: str
) -> None:
    for site, url, email in ((practice_site, PRACTICE_URL, PRACTICE["email"]), (other_practice[0], OTHER_URL, OTHER_PRACTICE["email"])):
        soup = soup_of(site, address)
        link = marks_of(soup).find("a", string=said(address)["trust"]["report"])
        parts = urlsplit(link["href"])
        assert (parts.scheme, parts.path) == ("mailto", email)
        asked = parse_qs(parts.query)
        # "Mistake on the page: Price", the page's title as the browser's tab shows it.
        before = said(address)["trust"]["report_subject"].split("{title}")[0]
        [subject] = asked["subject"]
        assert subject.startswith(before) and subject[len(before):] in soup.title.get_text()
        assert asked["body"] == [said(address)["trust"]["report_body"].format(address=url + address)]
        about = soup_of(site, about_of(address)).find(id=REPORT).find_next("a", href=f"mailto:{email}")
        assert about is not None and about.get_text() == email


def test_report_email_wins_over_the_practices_email() -> None:
    both = {"report_email": "mistakes@riverside.example", "practice": {"email": PRACTICE["email"]}}
    assert report_address(both) == "mistakes@riverside.example"
    assert report_address({"practice": {"email": PRACTICE["email"]}}) == PRACTICE["email"]
    assert report_address({}) == ""


@pytest.mark.parametrize(("line", "expected"), [
    ("  report_email: mistakes at riverside", "`extra.report_email` is `mistakes at riverside`, which is not an email address"),
    ("  report_mail: mistakes@riverside.example", "`extra.report_mail` is not a key the guide knows. Did you mean `report_email`?"),
])
def test_a_report_email_that_is_not_one_stops_the_build_with_its_line(
    project_copy, tmp_path: Path, line: str, expected: str
) -> None:
    project = project_copy()
    config = project / "mkdocs.yml"
    written = config.read_text(encoding="utf-8").replace("\nextra:\n", f"\nextra:\n{line}\n", 1)
    config.write_text(written, encoding="utf-8")
    number = written.splitlines().index(line) + 1
    built = build_in_process(project, tmp_path / "site")
    assert not built.passed
    assert f"mkdocs.yml, line {number}" in built.text and expected in built.text, built.text


# ---------- What a reader sees: on screen and on paper ----------


@pytest.mark.parametrize("address", READER_PAGES)
def test_review_dates_show_on_screen_and_on_paper(tab_without_javascript, base_url: str, address: str) -> None:
    page = tab_without_javascript
    page.emulate_media(media="screen")
    page.goto(base_url + address)
    review = page.locator("article .mdx-trust__review")
    links = page.locator("article .mdx-trust__links")
    assert review.is_visible() and links.is_visible()
    page.emulate_media(media="print")
    assert not links.is_visible(), "links do nothing on paper"
    if any(address.endswith(own) for own in OWN_NOTE):
        assert not review.is_visible()
        note = page.locator(".mdx-qr__note")
        code = language_of(address)
        assert note.is_visible()
        assert long_date(REVIEW["next"], code) in note.inner_text()
    else:
        assert review.is_visible()


def test_a_printed_page_ends_with_its_review_and_its_reviewer(browser, other_practice: tuple[Path, str], tmp_path: Path) -> None:
    site, _ = other_practice
    server, url = serve(site)
    try:
        for address in ("safety/", "es/differences/price/"):
            sheets = pdf_text(print_pdf(browser, url + address, tmp_path / "page.pdf", "Letter", javascript=False))
            review = {key: datetime.date.fromisoformat(OTHER_REVIEW[key]) for key in ("last", "next")}
            assert review_line(address, review) in sheets[-1], sheets[-1][-400:]
            assert said(address)["trust"]["by"].format(name=OTHER_REVIEW["by"]) in sheets[-1]
    finally:
        server.shutdown()
