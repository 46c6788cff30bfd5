"""A practice's own copy of the guide: its details set once, hosted under a subpath.

One extra build does both (conftest's `practice_site`, which test_print.py prints too):
`extra.practice` filled in with PRACTICE and `site_url` set to PRACTICE_URL, served on loopback
under its folder only. A second one (`other_practice`) sets other details, full of characters
that would be markup, at another folder. The default build is the session's `site`, set up as
mkdocs.yml says: the tests read what to expect from there, so they pass for any practice.
"""

from __future__ import annotations

import copy
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import (
    OTHER_GLANCE,
    OTHER_PRACTICE,
    OTHER_REVIEW,
    OTHER_URL,
    PHONE,
    PRACTICE,
    PRACTICE_URL,
    SITE_PATH,
    SITE_PRACTICE,
    SITE_URL,
    WIDTHS,
    KeptTabs,
    PrefixHandler,
    assert_mentions,
    assert_no_axe_violations,
    failed_build_log,
    serve,
    set_practice,
    sitemap_pages,
    soup_of,
    wait_for_material,
)


def html_pages(site: Path) -> list[str]:
    """Every built HTML file, as an address for `soup_of`."""
    return [path.relative_to(site).as_posix() for path in sorted(site.rglob("*.html"))]


# --- Practice details ---------------------------------------------------------------------------


# The handout and the booklet show the details in a box of their own, at the top of the sheet and
# on the cover: the footer leaves them out there (overrides/partials/copyright.html).
OWN_BOX = ("handout/index.html", "print/index.html")


def test_practice_details_are_in_the_footer_of_every_page(practice_site: Path) -> None:
    pages = html_pages(practice_site)
    assert len(pages) >= 12
    for where in pages:
        soup = soup_of(practice_site, where)
        if where.endswith(OWN_BOX):
            assert soup.select_one("footer .mdx-practice") is None, f"{where}: the details twice, in the footer too"
            own = soup.select_one("article .mdx-practice")
            assert own is not None, f"{where}: no practice details in the page's own box"
            text = " ".join(own.get_text(" ").split())
            assert all(shown in text for shown in (PRACTICE["name"], PRACTICE["phone"])), f"{where}: {text}"
            continue
        footer = soup.select_one("footer .mdx-practice")
        assert footer is not None, f"{where}: no practice details in the footer"
        text = " ".join(footer.get_text(" ").split())
        for shown in (PRACTICE["name"], *PRACTICE["address"].splitlines(), PRACTICE["phone"]):
            assert shown in text, f"{where}: footer lacks {shown!r}: {text}"
        hrefs = {a["href"] for a in footer.select("a[href]")}
        assert {
            f"mailto:{PRACTICE['email']}",
            PRACTICE["booking_url"],
            PRACTICE["homepage_url"],
        } <= hrefs, f"{where}: {hrefs}"
        assert f"tel:{PRACTICE['phone'].replace(' ', '')}" in hrefs, hrefs


def test_choice_page_has_a_book_or_ask_box_with_the_practice(practice_site: Path) -> None:
    page = practice_site / "which-one-is-right-for-you/index.html"
    box = soup_of(practice_site, "which-one-is-right-for-you/").select_one("article .mdx-book")
    assert box is not None, "no 'Book or ask a question' box"
    assert box.find("h2").get_text(strip=True).startswith("Book or ask a question")
    text = " ".join(box.get_text(" ").split())
    assert PRACTICE["name"] in text
    booking = box.find("a", href=PRACTICE["booking_url"])
    assert booking is not None and PRACTICE["booking_url"].split("://")[1] in booking.get_text()
    logo = box.select_one("img.mdx-practice__logo")
    assert logo is not None and (page.parent / logo["src"]).resolve().is_file(), logo


def test_practice_name_is_escaped_not_read_as_html(practice_site: Path) -> None:
    assert "&" in PRACTICE["name"]
    raw = (practice_site / "index.html").read_text(encoding="utf-8")
    assert PRACTICE["name"].replace("&", "&amp;") in raw
    assert PRACTICE["name"] not in raw


def test_default_site_shows_the_practice_that_mkdocs_yml_sets(site: Path) -> None:
    """With a practice block in mkdocs.yml, its name is in every footer (on the handout and the
    booklet, in their own box instead); without, no page shows any practice at all (no empty
    boxes, no contact links)."""
    if SITE_PRACTICE:
        for where in html_pages(site):
            shown = soup_of(site, where).select_one("article .mdx-practice" if where.endswith(OWN_BOX) else "footer .mdx-practice")
            assert shown is not None and SITE_PRACTICE.get("name", "") in shown.get_text(" "), where
        return
    for where in html_pages(site):
        html = (site / where).read_text(encoding="utf-8")
        assert not soup_of(site, where).select(".mdx-practice, .mdx-book"), f"{where} shows practice details"
        assert "Book or ask a question" not in html, where
        assert "mailto:" not in html, where
        # The only number to call is the emergency one, in the triage file's box.
        calls = [link["href"] for link in soup_of(site, where).select('a[href^="tel:"]')
                 if not link.find_parent(attrs={"data-triage": True})]
        assert not calls, f"{where} has phone links of no practice: {calls}"


# --- Mistakes in extra.practice -----------------------------------------------------------------

BAD_VALUES: dict[str, tuple[dict[str, object], list[str]]] = {
    "booking address that is not a web address": (
        {"booking_url": "ftp://riverside.example/book"},
        ["extra.practice.booking_url", "ftp://riverside.example/book", "https://", "booking_url: https://"],
    ),
    "homepage without https://": (
        {"homepage_url": "www.riverside.example"},
        ["extra.practice.homepage_url", "www.riverside.example", "homepage_url: https://"],
    ),
    "malformed email": (
        {"email": "hello at riverside.example"},
        ["extra.practice.email", "hello at riverside.example", "email: hello@"],
    ),
    "email with mailto:": (
        {"email": "mailto:hello@riverside.example"},
        ["extra.practice.email", "no spaces and no `mailto:`"],
    ),
    "phone with letters": (
        {"phone": "call us"},
        ["extra.practice.phone", "call us", "phone:"],
    ),
    "misspelled key": (
        {"booking_link": "https://riverside.example/book"},
        ["extra.practice.booking_link", "Did you mean `booking_url`?", "name, address, phone"],
    ),
    "logo that is not there": (
        {"logo": "assets/no-such-logo.png"},
        ["extra.practice.logo", "no such file", "docs/assets/no-such-logo.png"],
    ),
    "logo from another website": (
        {"logo": "https://cdn.example/logo.png"},
        ["extra.practice.logo", "another website", "inside docs/"],
    ),
    # Issue 16: a real file, but outside docs/, is not published.
    "logo outside docs/": (
        {"logo": "../outside/logo.png"},
        ["extra.practice.logo", "outside docs/", "docs/assets/"],
    ),
    # Longer than the one-sheet handout has room for (LIMITS in plugin/practice.py).
    "name of 300 characters": (
        {"name": ("Riverside Massage " * 17)[:300]},
        ["extra.practice.name", "300 characters", "at most 70"],
    ),
    "address of 6 lines": (
        {"address": "Suite 1\nFloor 2\n12 River Road\nRiverside Park\nSpringfield, OR 97477\nUSA"},
        ["extra.practice.address", "6 lines", "room for 4"],
    ),
    "name on two lines": (
        {"name": "Riverside\nMassage Clinic"},
        ["extra.practice.name", "2 lines", "room for 1"],
    ),
    "phone number with its office hours": (
        {"phone": "+1 541 555 0100 (9 to 5 on weekdays)"},
        ["extra.practice.phone", "at most 25"],
    ),
    "key written with a capital": (
        {"Email": "hello@riverside.example"},
        ["extra.practice.Email", "Did you mean `email`?"],
    ),
}


@pytest.mark.parametrize("case", BAD_VALUES)
def test_bad_practice_value_stops_the_build_with_a_clear_message(
    case: str, broken_copy, tmp_path: Path
) -> None:
    values, expected = BAD_VALUES[case]
    project = broken_copy()
    (project / "outside").mkdir()
    (project / "outside/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    set_practice(project, {"phone": "+1 541 555 0100", **values})
    log = failed_build_log(project, tmp_path / "site", case)
    key = next(iter(values))
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith(f"    {key}:"))
    assert f"mkdocs.yml, line {line}: `extra.practice.{key}`" in log, f"{case}: name the file, line and key\n{log}"
    assert "For example:" in log, log
    assert_mentions(log, expected, case)


# --- Hosting at a domain root and under a subpath -----------------------------------------------


@pytest.fixture
def hosted() -> Iterator[Callable[[Path, str], str]]:
    servers: list[ThreadingHTTPServer] = []

    def start(folder: Path, prefix: str) -> str:
        server, url = serve(folder, type("Handler", (PrefixHandler,), {"prefix": prefix}))
        servers.append(server)
        return url + prefix.lstrip("/")

    yield start
    for server in servers:
        server.shutdown()


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def check_hosting(browser, site: Path, site_url: str, base: str) -> None:
    """Load every page at `base` in Chromium (conftest.KeptTabs): no request fails, every own
    link leads somewhere."""
    own = urlsplit(base).netloc
    problems: list[str] = []
    checked: dict[str, int] = {}
    addresses = [*sitemap_pages(site, site_url), "no-such-page/"]
    failed: dict[str, list[str]] = {address: [] for address in addresses}
    # One width is enough: the same files load on a phone and on a desktop.
    context = browser.new_context(viewport=PHONE)
    kept = KeptTabs(context)
    context.on("requestfailed", lambda request: failed[kept.loading[request.frame.page]].append(f"{request.url} ({request.failure})"))
    context.on(
        "response",
        lambda response: failed[kept.loading[response.frame.page]].append(f"{response.url} ({response.status})")
        if response.status >= 400 and response.url != base + kept.loading[response.frame.page]
        else None,
    )
    for tab, address, response in kept.visit(addresses, lambda address: base + address):
        expected = 404 if address == "no-such-page/" else 200
        if response is None or response.status != expected:
            problems.append(f"/{address}: status {response and response.status}, expected {expected}")
        problems.extend(f"/{address}: {item}" for item in failed[address])
        # A link to a place on the same page ("Skip to content", `#__content`) fetches nothing.
        for link in tab.eval_on_selector_all("a[href]:not([href^='#'])", "nodes => nodes.map(n => n.href)"):
            url = urldefrag(link).url
            if url.startswith(site_url):
                url = base + url[len(site_url):]
            if urlsplit(url).netloc != own:
                continue
            if url not in checked:
                checked[url] = status_of(url)
            if checked[url] != 200:
                problems.append(f"/{address}: link {link} gives {checked[url]}")
    context.close()
    assert len(checked) >= 10, f"too few own links found: {sorted(checked)}"
    assert not problems, "\n".join(problems)


def test_site_works_where_its_site_url_puts_it(browser, site: Path, hosted) -> None:
    """At the root of a domain or in a folder, as mkdocs.yml's `site_url` says."""
    check_hosting(browser, site, SITE_URL, hosted(site, SITE_PATH))


def test_site_works_under_a_subpath(browser, practice_site: Path, hosted) -> None:
    folder = urlsplit(PRACTICE_URL).path
    base = hosted(practice_site, folder)
    assert status_of(base.replace(folder, "/about/")) == 404, "served outside the subpath"
    check_hosting(browser, practice_site, PRACTICE_URL, base)


@pytest.mark.parametrize("width", WIDTHS)
def test_practice_details_are_accessible(browser, practice_site: Path, hosted, width: str) -> None:
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    page.goto(hosted(practice_site, urlsplit(PRACTICE_URL).path) + "which-one-is-right-for-you/")
    wait_for_material(page)
    assert_no_axe_violations(page)
    context.close()


# --- A second practice: other values, each shown as written -------------------------------------


def test_other_practice_shows_its_own_details_as_text(other_practice: tuple[Path, str]) -> None:
    site, _ = other_practice
    for where in ("", "which-one-is-right-for-you/", "404.html"):
        footer = soup_of(site, where).select_one("footer .mdx-practice")
        assert footer is not None, where
        lines = [" ".join(p.get_text(" ").split()) for p in footer.find_all("p")]
        assert OTHER_PRACTICE["name"] in lines, f"{where}: {lines}"
        assert " ".join(OTHER_PRACTICE["address"].split()) in lines, f"{where}: {lines}"
        assert not footer.select(".mdx-practice__logo"), "no logo was set"
        assert "Website:" not in footer.get_text(), "no homepage was set"
    box = soup_of(site, "which-one-is-right-for-you/").select_one("article .mdx-book")
    sentence = box.find("p")
    assert OTHER_PRACTICE["name"] in " ".join(sentence.get_text().split()), sentence
    assert not sentence.find(["a", "em", "strong"]), f"the name became markup: {sentence}"


def test_no_author_value_becomes_a_script_address(other_practice: tuple[Path, str]) -> None:
    site, _ = other_practice
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                assert not name.startswith("on"), f"{path.name}: <{tag.name} {name}>"
                text = " ".join(value) if isinstance(value, list) else value
                assert not text.strip().lower().startswith("javascript:"), f"{path.name}: {tag}"


def test_other_practice_lives_at_its_own_address(other_practice: tuple[Path, str]) -> None:
    site, _ = other_practice
    assert sitemap_pages(site, OTHER_URL)
    assert soup_of(site, "about/").find("link", rel="canonical")["href"] == OTHER_URL + "about/"
    folder = urlsplit(OTHER_URL).path
    for link in soup_of(site, "404.html").select("article a[href]"):
        path = urlsplit(link["href"]).path
        assert path.startswith(folder), f"404 link {link['href']} is outside {folder}"
        target = site / path[len(folder):]
        assert (target / "index.html" if target.is_dir() else target).is_file(), link["href"]


def test_overdue_review_is_shown_on_about_and_said_in_the_log(other_practice: tuple[Path, str]) -> None:
    site, log = other_practice
    assert "Review overdue" in log and OTHER_REVIEW["next"] in log, log
    about = soup_of(site, "about/").select_one("article")
    notice = about.select_one(".admonition.warning")
    assert notice is not None and "due for a check" in notice.get_text(), "readers should see it"
    items = [" ".join(li.get_text().split()) for li in about.select("li")]
    assert f"Checked by: {OTHER_REVIEW['by']}" in items, items


def test_current_review_shows_no_notice(site: Path) -> None:
    assert not soup_of(site, "about/").select("article .admonition.warning"), (
        "mkdocs.yml's next review is still to come, so About shows no 'due for a check' notice"
    )


def test_a_pipe_in_a_glance_value_stays_in_its_cell(other_practice: tuple[Path, str]) -> None:
    """A `|` in a page's `glance:` value is text: the handout's table keeps three cells a row, and
    the home page's card shows the value whole."""
    site, _ = other_practice
    table = copy.copy(soup_of(site, "handout/").select_one("article table"))  # the page is shared
    for stop in table.select("[hidden]"):  # the hidden stops that keep cells apart in search results
        stop.decompose()
    rows = [[" ".join(c.get_text().split()) for c in tr.find_all(["th", "td"])] for tr in table.find_all("tr")]
    assert all(len(row) == 3 for row in rows), rows
    assert OTHER_GLANCE in [row[2] for row in rows], rows
    cards = " ".join(soup_of(site, "").select_one("article").get_text(" ").split())
    assert OTHER_GLANCE in cards, "the home page's card does not show the glance value whole"


def test_an_escaped_pipe_in_a_quiz_explanation_shows_as_a_pipe(other_practice: tuple[Path, str]) -> None:
    site, _ = other_practice
    feedback = [" ".join(f.get_text().split()) for f in soup_of(site, "quiz/").select(".mdx-quiz__feedback--right")]
    assert any("Split 80|20" in text for text in feedback), feedback
