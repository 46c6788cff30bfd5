"""A practice's own copy of the guide: its details set once, hosted under a subpath.

One extra build does both (conftest's `practice_site`, which test_print.py prints too):
`extra.practice` filled in and `site_url` set to https://practice.example/massage-guide/,
served on loopback under /massage-guide/ only.
The default build (practice-neutral, at a domain root) is the session's `site`.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest

from conftest import (
    PHONE,
    PRACTICE_URL,
    SITE_URL,
    WIDTHS,
    QuietHandler,
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


def test_practice_details_are_in_the_footer_of_every_page(practice_site: Path) -> None:
    pages = html_pages(practice_site)
    assert len(pages) >= 12
    for where in pages:
        footer = soup_of(practice_site, where).select_one("footer .mdx-practice")
        assert footer is not None, f"{where}: no practice details in the footer"
        text = " ".join(footer.get_text(" ").split())
        for shown in ("Riverside Massage & Wellness", "12 River Road", "Springfield, OR 97477", "+1 541 555 0100"):
            assert shown in text, f"{where}: footer lacks {shown!r}: {text}"
        hrefs = {a["href"] for a in footer.select("a[href]")}
        assert {
            "mailto:hello@riverside-massage.example",
            "https://riverside-massage.example/book",
            "https://riverside-massage.example/",
        } <= hrefs, f"{where}: {hrefs}"
        assert any(h.startswith("tel:+1") and "541" in h for h in hrefs), hrefs


def test_choice_page_has_a_book_or_ask_box_with_the_practice(practice_site: Path) -> None:
    page = practice_site / "which-one-is-right-for-you/index.html"
    box = soup_of(practice_site, "which-one-is-right-for-you/").select_one("article .mdx-book")
    assert box is not None, "no 'Book or ask a question' box"
    assert box.find("h2").get_text(strip=True).startswith("Book or ask a question")
    text = " ".join(box.get_text(" ").split())
    assert "Riverside Massage & Wellness" in text
    booking = box.find("a", href="https://riverside-massage.example/book")
    assert booking is not None and "riverside-massage.example/book" in booking.get_text()
    logo = box.select_one("img.mdx-practice__logo")
    assert logo is not None and (page.parent / logo["src"]).resolve().is_file(), logo


def test_practice_name_is_escaped_not_read_as_html(practice_site: Path) -> None:
    raw = (practice_site / "index.html").read_text(encoding="utf-8")
    assert "Riverside Massage &amp; Wellness" in raw
    assert "Riverside Massage & Wellness" not in raw


def test_default_site_shows_no_practice_at_all(site: Path) -> None:
    for where in html_pages(site):
        html = (site / where).read_text(encoding="utf-8")
        assert not soup_of(site, where).select(".mdx-practice, .mdx-book"), f"{where} shows practice details"
        assert "Book or ask a question" not in html, where
        assert "mailto:" not in html and 'href="tel:' not in html, where


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
}


@pytest.mark.parametrize("case", BAD_VALUES)
def test_bad_practice_value_stops_the_build_with_a_clear_message(
    case: str, project_copy, tmp_path: Path
) -> None:
    values, expected = BAD_VALUES[case]
    project = project_copy()
    set_practice(project, {"name": "Riverside", **values})
    log = failed_build_log(project, tmp_path / "site", case)
    key = next(iter(values))
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith(f"    {key}:"))
    assert f"mkdocs.yml, line {line}: `extra.practice.{key}`" in log, f"{case}: name the file, line and key\n{log}"
    assert "For example:" in log, log
    assert_mentions(log, expected, case)


# --- Hosting at a domain root and under a subpath -----------------------------------------------


class _PrefixHandler(QuietHandler):
    """Serves the site folder under `prefix` only, and 404.html for a missing page, like a host."""

    prefix = "/"

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path + "/" == self.prefix:
            self.send_response(301)
            self.send_header("Location", self.prefix)
            self.end_headers()
            return
        inside = path.startswith(self.prefix)
        local = Path(self.translate_path("/" + path[len(self.prefix):])) if inside else None
        if local is not None and local.is_dir():
            local = local / "index.html"
        if local is None or not local.is_file():
            body = Path(self.directory, "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.path = "/" + self.path[len(self.prefix):]
        super().do_GET()


@pytest.fixture
def hosted() -> Iterator[Callable[[Path, str], str]]:
    servers: list[ThreadingHTTPServer] = []

    def start(folder: Path, prefix: str) -> str:
        server, url = serve(folder, type("Handler", (_PrefixHandler,), {"prefix": prefix}))
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
    """Load every page at `base` in Chromium: no request fails, every own link leads somewhere."""
    own = urlsplit(base).netloc
    problems: list[str] = []
    checked: dict[str, int] = {}
    addresses = [*sitemap_pages(site, site_url), "no-such-page/"]
    # One width is enough: the same files load on a phone and on a desktop.
    context = browser.new_context(viewport=PHONE)
    for address in addresses:
        page = context.new_page()
        failed: list[str] = []
        page.on("requestfailed", lambda request: failed.append(f"{request.url} ({request.failure})"))
        page.on(
            "response",
            lambda response: failed.append(f"{response.url} ({response.status})")
            if response.status >= 400 and response.url != base + address
            else None,
        )
        response = page.goto(base + address, wait_until="networkidle")
        expected = 404 if address == "no-such-page/" else 200
        if response is None or response.status != expected:
            problems.append(f"/{address}: status {response and response.status}, expected {expected}")
        problems.extend(f"/{address}: {item}" for item in failed)
        for link in page.eval_on_selector_all("a[href]", "nodes => nodes.map(n => n.href)"):
            url = urldefrag(link).url
            if url.startswith(site_url):
                url = base + url[len(site_url):]
            if urlsplit(url).netloc != own:
                continue
            if url not in checked:
                checked[url] = status_of(url)
            if checked[url] != 200:
                problems.append(f"/{address}: link {link} gives {checked[url]}")
        page.close()
    context.close()
    assert len(checked) >= 10, f"too few own links found: {sorted(checked)}"
    assert not problems, "\n".join(problems)


def test_site_works_at_a_domain_root(browser, site: Path, hosted) -> None:
    check_hosting(browser, site, SITE_URL, hosted(site, "/"))


def test_site_works_under_a_subpath(browser, practice_site: Path, hosted) -> None:
    base = hosted(practice_site, "/massage-guide/")
    assert status_of(base.replace("/massage-guide/", "/about/")) == 404, "served outside the subpath"
    check_hosting(browser, practice_site, PRACTICE_URL, base)


@pytest.mark.parametrize("width", WIDTHS)
def test_practice_details_are_accessible(browser, practice_site: Path, hosted, width: str) -> None:
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    page.goto(hosted(practice_site, "/massage-guide/") + "which-one-is-right-for-you/")
    wait_for_material(page)
    assert_no_axe_violations(page)
    context.close()
