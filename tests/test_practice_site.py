"""A practice's own copy of the guide: its details set once, hosted under a subpath.

One extra build does both: `extra.practice` filled in and `site_url` set to
https://practice.example/massage-guide/, served on loopback under /massage-guide/ only.
The default build (practice-neutral, at a domain root) is the session's `site`.
"""

from __future__ import annotations

import functools
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from conftest import DESKTOP, PHONE, ROOT, assert_mentions, failed_build_log, mkdocs_build, wait_for_material
from test_browser import WCAG_AA

SUBPATH_URL = "https://practice.example/massage-guide/"
PRACTICE = {
    "name": "Riverside Massage & Wellness",
    "address": "12 River Road\nSpringfield, OR 97477",
    "phone": "+1 541 555 0100",
    "email": "hello@riverside-massage.example",
    "booking_url": "https://riverside-massage.example/book",
    "homepage_url": "https://riverside-massage.example/",
    "logo": "assets/practice-logo.svg",
}
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" '
    'fill="#234"/><text x="10" y="27" fill="#fff" font-size="18">Riverside</text></svg>'
)


def practice_yaml(values: dict[str, object]) -> str:
    """The `practice:` block as an author writes it under `extra:` (two-space indent)."""
    rows = ["  practice:"]
    for key, value in values.items():
        if isinstance(value, str) and "\n" in value:
            rows.append(f"    {key}: |-")
            rows.extend(f"      {line}" for line in value.splitlines())
        elif isinstance(value, str):
            rows.append(f'    {key}: "{value}"')
        else:
            rows.append(f"    {key}: {value}")
    return "\n".join(rows) + "\n"


def set_practice(project: Path, values: dict[str, object], site_url: str | None = None) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nextra:\n" in text
    text = text.replace("\nextra:\n", "\nextra:\n" + practice_yaml(values), 1)
    if site_url:
        text = re.sub(r"^site_url:.*$", f"site_url: {site_url}", text, count=1, flags=re.M)
    config.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def practice_site(project_copy, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = project_copy()
    (project / "docs" / PRACTICE["logo"]).write_text(LOGO, encoding="utf-8")
    set_practice(project, PRACTICE, site_url=SUBPATH_URL)
    site = tmp_path_factory.mktemp("practice-site")
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# --- Practice details ---------------------------------------------------------------------------


def test_practice_details_are_in_the_footer_of_every_page(practice_site: Path) -> None:
    pages = html_pages(practice_site)
    assert len(pages) >= 12
    for page in pages:
        footer = soup(page).select_one("footer .mdx-practice")
        where = page.relative_to(practice_site)
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
    box = soup(page).select_one("article .mdx-book")
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
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        parsed = BeautifulSoup(html, "html.parser")
        where = page.relative_to(site)
        assert not parsed.select(".mdx-practice, .mdx-book"), f"{where} shows practice details"
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


class _PrefixHandler(SimpleHTTPRequestHandler):
    """Serves the site folder under `prefix` only, and 404.html for a missing page, like a host."""

    prefix = "/"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

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
        handler = type("Handler", (_PrefixHandler,), {"prefix": prefix})
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}{prefix}"

    yield start
    for server in servers:
        server.shutdown()


def sitemap_addresses(site: Path, site_url: str) -> list[str]:
    """Every page the sitemap lists, as a path below `site_url`."""
    tree = ElementTree.parse(site / "sitemap.xml")
    locs = [loc.text.strip() for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc.startswith(site_url) for loc in locs), locs
    return [loc[len(site_url):] for loc in locs]


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
    addresses = [*sitemap_addresses(site, site_url), "no-such-page/"]
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
    site_url = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
    check_hosting(browser, site, site_url, hosted(site, "/"))


def test_site_works_under_a_subpath(browser, practice_site: Path, hosted) -> None:
    base = hosted(practice_site, "/massage-guide/")
    assert status_of(base.replace("/massage-guide/", "/about/")) == 404, "served outside the subpath"
    check_hosting(browser, practice_site, SUBPATH_URL, base)


@pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_practice_details_are_accessible(browser, practice_site: Path, hosted, width) -> None:
    context = browser.new_context(viewport=width)
    page = context.new_page()
    page.goto(hosted(practice_site, "/massage-guide/") + "which-one-is-right-for-you/")
    wait_for_material(page)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    context.close()
    assert results.violations_count == 0, results.generate_report()
