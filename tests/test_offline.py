"""The offline copy for a waiting-room tablet (`make offline`, massage_guide/offline.py).

Made as a practice makes it (its details set), unzipped into a folder, and opened from the disk
(`file://`) in real Chromium, as a tablet's browser opens it:
- from the home page, following links only, every page the sitemap lists is reached, in both
  languages, with JavaScript on and with it off;
- no page logs an error, breaks its Content-Security-Policy or asks for anything but a file of
  the copy (no other host, nothing remote);
- search finds a word in each language and its result opens the right page;
- with JavaScript off, every page shows its text;
- every page keeps the published site's Content-Security-Policy;
- the practice's details are in it.
"""

from __future__ import annotations

import zipfile
from collections import deque
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from bs4 import BeautifulSoup

from massage_guide.offline import make_offline
from massage_guide.plugin.csp import policy

from conftest import DESKTOP, LOGO, PRACTICE, PRACTICE_URL, set_practice, side_by_side, sitemap_pages, wait_for_material

pytestmark = pytest.mark.slow

# Errors a page reports, and any policy it breaks (listened to before the page's own scripts run).
COLLECT = """
window.__problems = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__problems.push(`policy: ${event.effectiveDirective} ${event.blockedURI} ${event.sample}`);
});
"""


@pytest.fixture(scope="module")
def offline(project_copy, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip made from a practice's copy of the guide, unzipped: the folder a reader opens."""
    project = project_copy()
    (project / "docs" / PRACTICE["logo"]).write_text(LOGO, encoding="utf-8")
    set_practice(project, PRACTICE, site_url=PRACTICE_URL)
    packed = make_offline(tmp_path_factory.mktemp("zip") / "offline.zip", project / "mkdocs.yml")
    folder = tmp_path_factory.mktemp("tablet")
    with zipfile.ZipFile(packed) as opened:
        opened.extractall(folder)
    (inside,) = folder.iterdir()  # one folder, as a reader sees after unzipping
    assert (inside / "index.html").is_file()
    return inside


def _address(folder: Path, link: str) -> str | None:
    """A link's page inside the copy (`es/safety.html`), or None for anything else."""
    link = urldefrag(link).url.split("?")[0]
    root = folder.as_uri() + "/"
    return link[len(root):] if link.startswith(root) else None


def _crawl(browser, folder: Path, javascript: bool) -> tuple[list[str], dict[str, list[str]]]:
    """Open the home page and follow every link, breadth first: (pages reached, each page's
    problems: errors, policy violations, requests for anything but a file of the copy)."""
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=javascript)
    context.add_init_script(COLLECT)
    elsewhere: list[str] = []
    context.route(lambda url: not url.startswith("file:"), lambda route: (elsewhere.append(route.request.url), route.abort()))
    reached: list[str] = []
    problems: dict[str, list[str]] = {}
    found: list[str] = []  # the problems of the page being read
    page = context.new_page()  # one tab, going from page to page as a reader does
    page.on("console", lambda message: found.append(f"console: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: found.append(f"error: {error}"))
    page.on("request", lambda request: None if request.url.startswith(("file:", "data:")) else found.append(f"request: {request.url}"))
    queue, seen = deque(["index.html"]), {"index.html"}
    while queue:
        address = queue.popleft()
        page.goto((folder / address).as_uri(), wait_until="load")
        if javascript:
            wait_for_material(page)
            found += page.evaluate("window.__problems")
        else:
            # Every page reads without JavaScript: its title and its text are shown.
            if not page.locator("article h1").first.is_visible():
                found.append("no visible title")
            if not page.locator("article p").last.is_visible():
                found.append("no visible text")
        reached.append(address)
        for link in page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)"):
            target = _address(folder, link)
            if target is not None and target.endswith(".html") and target not in seen:
                seen.add(target)
                queue.append(target)
        if found or elsewhere:
            problems[address] = found + elsewhere
            found.clear()
            elsewhere.clear()
    context.close()
    return reached, problems


def _expected(folder: Path) -> set[str]:
    """Every page of the guide in every language, as the copy's sitemap lists them."""
    return set(sitemap_pages(folder, PRACTICE_URL))


def test_every_page_is_reached_from_the_home_page_and_loads_cleanly(browser, offline: Path) -> None:
    expected = _expected(offline)
    assert any(address.startswith("es/") for address in expected) and "index.html" in expected
    crawls = side_by_side(_crawl, [(offline, True), (offline, False)])
    for (_, javascript), crawl in crawls.items():
        reached, problems = crawl.result()
        state = "on" if javascript else "off"
        assert expected <= set(reached), f"JavaScript {state}: not reached: {sorted(expected - set(reached))}"
        assert not problems, f"JavaScript {state}: {problems}"


def _title_word(folder: Path, address: str) -> tuple[str, str]:
    """A page's title, and its longest word: what a reader might search for to find it."""
    title = BeautifulSoup((folder / address).read_text(encoding="utf-8"), "html.parser").select_one("article h1")
    text = title.get_text(" ", strip=True).replace("¶", "").strip()
    return text, max(text.split(), key=len).strip("?¿.,:;!¡")


@pytest.mark.parametrize("language", ["", "es/"])
def test_search_finds_a_word_and_opens_its_page(browser, offline: Path, language: str) -> None:
    target = f"{language}differences/price.html"
    title, word = _title_word(offline, target)
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(COLLECT)
    page = context.new_page()
    page.goto((offline / language / "index.html").as_uri(), wait_until="load")
    wait_for_material(page)
    search = page.locator("input.md-search__input")
    search.click()
    # Opened from a disk, Material loads its index when search opens; a query typed before is lost.
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').textContent.includes('…')"
        " && !/Initializing|Inicializando/.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=10_000,
    )
    search.press_sequentially(word)
    result = page.locator(f".md-search-result__item > a[href*='{Path(target).name}']").first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_url(lambda url: _address(offline, url) == target, timeout=10_000)
    assert page.locator("article h1").first.inner_text().replace("¶", "").strip() == title
    assert page.evaluate("window.__problems") == []
    context.close()


def test_the_practices_details_are_in_it(offline: Path) -> None:
    for home in ("index.html", "es/index.html"):
        footer = BeautifulSoup((offline / home).read_text(encoding="utf-8"), "html.parser").select_one("footer .mdx-practice")
        assert footer is not None, home
        text = " ".join(footer.get_text(" ").split())
        assert PRACTICE["name"] in text and PRACTICE["phone"] in text, text
    assert (offline / PRACTICE["logo"]).is_file()


def _without_hashes(content: str) -> list[str]:
    return [" ".join(part for part in directive.split() if not part.startswith("'sha256-")) for directive in content.split("; ")]


def test_every_page_keeps_the_published_policy(offline: Path) -> None:
    """Nothing is loosened for `file://` (CONTENT-SECURITY-POLICY.md, "The offline copy")."""
    pages = sorted(offline.rglob("*.html"))
    assert len(pages) >= len(_expected(offline))
    for path in pages:
        first = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head.find(True)
        assert first.name == "meta" and first.get("http-equiv") == "Content-Security-Policy", path
        runs = "script-src 'none'" not in first["content"]
        assert _without_hashes(first["content"]) == _without_hashes(policy([], scripts=runs)), path


def test_the_link_kit_in_it_gives_the_published_sites_addresses(offline: Path) -> None:
    """The copy's own pages name files (`price.html`); the links a practice copies from its link
    kit still go to the published site's pages (`…/differences/price/`)."""
    for folder in ("", "es/"):
        kit = folder + "link-to-this-guide.html"
        code = " ".join(block.get_text() for block in BeautifulSoup((offline / kit).read_text(encoding="utf-8"), "html.parser").select("article pre code"))
        assert PRACTICE_URL + folder + "differences/price/" in code, kit
        assert ".html" not in code.replace("text/html", ""), f"{kit}: a copied link names a file of the offline copy"
