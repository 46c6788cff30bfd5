"""Page weight budgets: what a phone downloads on a first visit to each page (issue 7).

Readers often open the guide from a practice's page, on a phone and a slow connection. For every
page in `ALL_PAGES` (and any other page in the build, so a new page counts before it is listed
there), real Chromium loads it with JavaScript on and records every file it fetches before the
reader scrolls: HTML, CSS, JavaScript, images, icons, and what Material fetches once the page has
loaded (the search worker and the search index). A picture below the first screen must load
lazily (`loading="lazy"`), so that it weighs only on readers who scroll to it (DECISIONS.md). The test then adds up the sizes of those files as they are
on disk, gzip-compressed, so the numbers do not depend on the server or on timing.

Budgets (1 KB = 1,000 bytes): every page at most 100 KB; the quiz at most 35 KB and no
JavaScript at all; no image over 50 KB. Two costs that are not the guide's have budgets of
their own:
- A page in another language than English also fetches lunr's stemmer for that language
  (Material's `assets/javascripts/lunr/`), so that its search finds "propina" for "propinas":
  held to 5 KB.
- On a practice's copy, the practice's own settings add to every page: its details (in every
  footer, on the handout, in the "Book or ask" box), its reviewer, its address for reports, its
  web address (in every printed link and QR code). The guide's part of a page, what it weighs
  built without them (conftest.guide_site: the session's site itself in the guide's own
  repository), keeps the budget; with them, a page may weigh up to 1 KB more, a round number
  above what the longest values the build accepts add (0.9 KB; `LIMITS` in practice.py,
  `SITE_URL_LIMIT` in settings_check.py). The quiz has room for them within its 35 KB. The
  practice's logo is a picture of its own, held to the image budget: on the handout it is in
  the first screen. Why an allowance (PERFORMANCE.md): the guide's fullest pages have less room
  than the longest details take, and a practice can only shorten its own name and address.
A page over budget fails with its total and its biggest files: fix the cause (a big image, a
page copied into the search index), not the budget.
`python tests/test_budgets.py` prints every page's numbers (see PERFORMANCE.md).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from massage_guide.plugin.logo_check import MAX_BYTES

from conftest import PHONE, PRACTICE_URL, ROOT, SEARCH_BUTTON, SITE_PATH, KeptTabs, PrefixHandler, serve, soup_of
from site_pages import ALL_PAGES, LANGUAGES, QUIZZES, said

KB = 1000
PAGE_BUDGET = 100 * KB
LANGUAGE_SEARCH_BUDGET = 5 * KB
LANGUAGE_SEARCH = "assets/javascripts/lunr/"
# What a practice's own settings may add beyond a page's budget, on its copy (none to the quiz's).
PRACTICE_ALLOWANCE = 1 * KB
QUIZ_BUDGET = 35 * KB
# The build holds the practice's logo to it too (logo_check.py): one number for both.
IMAGE_BUDGET = MAX_BYTES
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico", ".bmp"}
# `<script type=...>` values that hold data, not a program.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "importmap", "speculationrules"}
# A phone on 4G, said out loud: how far below the screen a lazy picture starts loading depends on
# the connection Chromium believes it has. Left to guess, Debian's headless shell fetched a picture
# 1,635 px below a phone's screen that the full browser (which guesses 4G) leaves until the reader
# scrolls. A small delay and no speed limit: the answer, not the wait, is what counts here.
PHONE_NETWORK = {"offline": False, "latency": 20, "downloadThroughput": -1, "uploadThroughput": -1, "connectionType": "cellular4g"}


@cache
def transfer_size(path: Path) -> int:
    """Bytes on the wire: gzip level 9 where it helps (text), the file as it is otherwise."""
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 9)))


def on_disk(site: Path, url: str) -> Path:
    """The built file that answers a request for `url` (or a page's address, like `quiz/`) on
    the loopback server, which serves the site in the folder its `site_url` names."""
    path = unquote(urlsplit(url).path)
    path = site / (path.removeprefix(SITE_PATH) if path.startswith(SITE_PATH) else path).lstrip("/")
    return path / "index.html" if path.is_dir() else path


@dataclass(frozen=True)
class Parts:
    """A first visit's files ({file: bytes on the wire}) by whose they are: the guide's, held to
    the page budget; the language's search stemmer; and, on a practice's copy, what its own
    settings add to the guide's files (and any other file they make), and its own pictures (its
    logo)."""

    guide: dict[Path, int]
    language: dict[Path, int]
    added: dict[Path, int]
    pictures: dict[Path, int]


def parts_of(site: Path, guide_site: Path, sizes: dict[Path, int]) -> Parts:
    """`sizes` ({file in `site`: bytes}) by whose they are, each file weighed as the guide alone
    builds it (the same file in `guide_site`)."""
    language = {path: size for path, size in sizes.items() if str(path.relative_to(site)).startswith(LANGUAGE_SEARCH)}
    guide, added, pictures = {}, {}, {}
    for path, size in sizes.items():
        if path in language:
            continue
        alone = guide_site / path.relative_to(site)
        if alone.is_file():
            guide[path] = transfer_size(alone)
            if size > guide[path]:
                added[path] = size - guide[path]
        elif path.suffix.lower() in IMAGE_SUFFIXES:
            pictures[path] = size
        else:
            added[path] = size
    return Parts(guide, language, added, pictures)


def page_budget(address: str) -> tuple[int, int]:
    """The page's budget, and what a practice's own settings may add beyond it."""
    return (QUIZ_BUDGET, 0) if address in QUIZZES else (PAGE_BUDGET, PRACTICE_ALLOWANCE)


def budget_problems(site: Path, address: str, parts: Parts) -> list[str]:
    """Each budget `address` breaks: the guide's part over the page's budget; with what a
    practice's own settings add, over the budget and their allowance; the language's stemmer
    over its own."""
    budget, allowance = page_budget(address)
    problems = []
    guide, added = sum(parts.guide.values()), sum(parts.added.values())
    if guide > budget:
        problems.append(report(site, address, parts.guide, budget))
    elif guide + added > budget + allowance:
        problems.append(
            f"/{address}: the practice's own settings add {added / KB:.2f} KB to the guide's "
            f"{guide / KB:.2f} KB, over its {budget / KB:.0f} KB and the {allowance / KB:.0f} KB "
            "they may add."
        )
    if sum(parts.language.values()) > LANGUAGE_SEARCH_BUDGET:
        problems.append(report(site, address, parts.language, LANGUAGE_SEARCH_BUDGET))
    # The practice's pictures (parts.pictures) are held to IMAGE_BUDGET by the build and by
    # test_no_image_is_over_budget, not here again.
    return problems


def requested(browser, base_url: str, addresses: list[str]) -> dict[str, list[str]]:
    """Every address on this host that a first visit to each page asks for.

    In tabs kept open from page to page (conftest.KeptTabs), with the browser's cache turned off
    in each (as DevTools' "Disable cache" does): every page asks for all of its files, as on a
    first visit. A new context per page asked for the same files (all 234 requests of the guide's
    pages, compared) at almost three times the CPU. Each tab is a phone on 4G (PHONE_NETWORK)."""
    host = urlsplit(base_url).netloc
    found: dict[str, list[str]] = {address: [] for address in addresses}
    context = browser.new_context(viewport=PHONE, device_scale_factor=3)
    kept = KeptTabs(context, min(8, len(addresses)))
    for tab in kept.tabs:
        devtools = context.new_cdp_session(tab)
        devtools.send("Network.enable")
        devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
        devtools.send("Network.emulateNetworkConditions", PHONE_NETWORK)
    # Context-wide, so requests from Material's search worker count for the page that started it.
    context.on(
        "request",
        lambda request: found[kept.loading[request.frame.page]].append(request.url) if urlsplit(request.url).netloc == host else None,
    )
    for tab, _, _ in kept.visit(addresses, lambda address: base_url + address):
        # Search fetches its worker and index as the page starts; opening it makes sure.
        if tab.locator(SEARCH_BUTTON).is_visible():
            tab.locator(SEARCH_BUTTON).click()
            tab.wait_for_load_state("networkidle")
    context.close()
    return found


def sizes_of(site: Path, address: str, urls: list[str]) -> dict[Path, int]:
    """The files a visit to `address` fetched, each with its size on the wire."""
    files = {on_disk(site, url) for url in urls}
    missing = sorted(str(path.relative_to(site)) for path in files if not path.is_file())
    assert not missing, f"/{address} asks for files the site does not have: {missing}"
    return {path: transfer_size(path) for path in files}


def visit(browser, base_url: str, site: Path, address: str) -> dict[Path, int]:
    """Load a page as a first-time phone visitor would; return {file: transfer size}."""
    return sizes_of(site, address, requested(browser, base_url, [address])[address])


def built_pages(site: Path) -> list[str]:
    """The address of every HTML page in the built site."""
    addresses = []
    for path in site.rglob("*.html"):
        folder = path.parent.relative_to(site)
        if path.name != "index.html":
            addresses.append(str(path.relative_to(site)))
        else:
            addresses.append("" if folder == Path(".") else f"{folder}/")
    return sorted(addresses)


@pytest.fixture(scope="module")
def first_visit(browser, base_url: str, site: Path):
    """`visit`, once per page for the whole module: every built page visited side by side first."""
    urls = requested(browser, base_url, [*ALL_PAGES, *(a for a in built_pages(site) if a not in ALL_PAGES)])
    return cache(lambda address: sizes_of(site, address, urls[address]) if address in urls else visit(browser, base_url, site, address))


def report(site: Path, address: str, sizes: dict[Path, int], budget: int) -> str:
    total = sum(sizes.values())
    biggest = sorted(sizes.items(), key=lambda item: -item[1])[:5]
    lines = [f"/{address} downloads {total / KB:.1f} KB on a first visit (budget {budget / KB:.0f} KB)."]
    lines.append("Its biggest files (gzip-compressed):")
    lines += [f"  {size / KB:6.1f} KB  {path.relative_to(site)}" for path, size in biggest]
    return "\n".join(lines)


@pytest.mark.parametrize("address", ALL_PAGES)
def test_first_visit_is_within_page_budget(first_visit, site: Path, guide_site: Path, address: str) -> None:
    sizes = first_visit(address)
    # The page itself and what search fetches after load are in the total.
    assert on_disk(site, address) in sizes, f"/{address} was not fetched"
    problems = budget_problems(site, address, parts_of(site, guide_site, sizes))
    assert not problems, "\n\n".join(problems)


def test_every_other_built_page_is_within_page_budget(first_visit, site: Path, guide_site: Path) -> None:
    # A new page counts before anyone remembers to list it in site_pages.py.
    others = [address for address in built_pages(site) if address not in ALL_PAGES]
    over = []
    for address in others:
        over += budget_problems(site, address, parts_of(site, guide_site, first_visit(address)))
    assert not over, "\n\n".join(over)


@pytest.mark.parametrize("home", LANGUAGES.values())
def test_search_index_is_counted(first_visit, site: Path, home: str) -> None:
    # If Material stops fetching these, the budget above would measure less than a reader gets.
    # Each language's pages fetch that language's index (massage_guide/plugin/search_languages.py).
    sizes = first_visit(home)
    fetched = {str(path.relative_to(site)) for path in sizes}
    assert f"{home}search/search_index.json" in fetched, fetched
    assert any(name.startswith("assets/javascripts/workers/search") for name in fetched), fetched


@pytest.mark.parametrize("quiz", QUIZZES)
def test_quiz_is_light_and_has_no_javascript(first_visit, site: Path, guide_site: Path, quiz: str) -> None:
    sizes = first_visit(quiz)
    scripts = [str(path.relative_to(site)) for path in sizes if path.suffix in {".js", ".mjs"}]
    assert not scripts, f"/{quiz} downloads JavaScript: {scripts}"
    soup = BeautifulSoup(on_disk(site, quiz).read_text(encoding="utf-8"), "html.parser")
    inline = [
        str(tag)[:80]
        for tag in soup.find_all("script")
        if tag.get("type", "text/javascript").lower() not in DATA_SCRIPT_TYPES
    ]
    assert not inline, f"/{quiz} has inline JavaScript: {inline}"
    handlers = sorted(
        {f"{tag.name}[{name}]" for tag in soup.find_all(True) for name in tag.attrs if name.startswith("on")}
    )
    assert not handlers, f"/{quiz} has JavaScript event handlers: {handlers}"
    links = [tag["href"] for tag in soup.find_all(href=True) if tag["href"].lower().startswith("javascript:")]
    assert not links, f"/{quiz} has javascript: links: {links}"
    problems = budget_problems(site, quiz, parts_of(site, guide_site, sizes))
    assert not problems, "\n\n".join(problems)


# Pictures in a page's text whose top is below the first screen of a phone, without lazy loading.
EAGER_BELOW_THE_FOLD = """() => [...document.querySelectorAll("article img")]
    .filter(img => img.getBoundingClientRect().top > window.innerHeight && img.loading !== "lazy")
    .map(img => img.getAttribute("src"))"""


def eager_below_the_fold(browser, base_url: str, addresses: list[str]) -> dict[str, list[str]]:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    eager = {}
    for address in addresses:
        page.goto(base_url + address)
        if found := page.evaluate(EAGER_BELOW_THE_FOLD):
            eager[address] = found
    context.close()
    return eager


def test_pictures_below_the_first_screen_load_only_when_scrolled_to(browser, base_url: str) -> None:
    # The budget counts what loads before scrolling; a picture further down must wait for the
    # reader (`{ loading=lazy }` after the picture in Markdown), or it weighs on every visit.
    eager = eager_below_the_fold(browser, base_url, ALL_PAGES)
    assert not eager, f"Pictures below the first screen without loading=lazy: {eager}"


def test_the_practice_logo_below_the_first_screen_waits_too(browser, practice_site: Path) -> None:
    # The logo in the "Book or ask" box, at the end of a long page (practice.html's `lazy_logo`).
    folder = urlsplit(PRACTICE_URL).path
    server, url = serve(practice_site, type("Handler", (PrefixHandler,), {"prefix": folder}))
    try:
        pages = [address for address in ALL_PAGES if soup_of(practice_site, address).select_one("img.mdx-practice__logo")]
        assert any(address.endswith("which-one-is-right-for-you/") for address in pages), pages
        eager = eager_below_the_fold(browser, url + folder.lstrip("/"), pages)
    finally:
        server.shutdown()
    assert not eager, f"The practice's logo below the first screen without loading=lazy: {eager}"


def test_the_longest_practice_settings_keep_every_page_within_its_allowance(
    first_visit, site: Path, guide_site: Path, fullest_site: Path
) -> None:
    # The longest details the build accepts (tests/longest.py), a reviewer and the longest web
    # address: each file a page fetches, weighed as they change it (the page itself, its
    # language's search index, a QR code), stays within the page's budget and the practice's
    # allowance, so every practice's valid settings keep it. (Their logo, a picture of their
    # own, the build holds to the image budget: MAX_BYTES in logo_check.py.)
    over = []
    for address in built_pages(fullest_site):
        parts = parts_of(site, guide_site, first_visit(address))
        fullest = {path: fullest_site / path.relative_to(site) for path in parts.guide}
        added = {
            path: max(0, transfer_size(fullest[path]) - size)
            for path, size in parts.guide.items() if fullest[path].is_file()
        }
        assert added[on_disk(site, address)] > 0, f"/{address}: the practice's settings should show on the page"
        over += budget_problems(site, address, Parts(parts.guide, {}, added, {}))
    assert not over, "With the longest practice settings:\n\n" + "\n\n".join(over)


def test_no_image_is_over_budget(site: Path) -> None:
    images = [path for path in site.rglob("*") if path.suffix.lower() in IMAGE_SUFFIXES]
    assert images, "the site should have at least its favicon"
    heavy = [
        f"{path.relative_to(site)}: {transfer_size(path) / KB:.1f} KB"
        for path in images
        if transfer_size(path) > IMAGE_BUDGET
    ]
    assert not heavy, f"Images over {IMAGE_BUDGET / KB:.0f} KB; resize or compress them: {heavy}"


def test_stylesheets_reach_readers_whole_and_small() -> None:
    # massage_guide/plugin/stylesheets.py joins docs/stylesheets/*.css into one file without comments.
    # What a rule means must not change: strings stay as written, the space of a descendant
    # selector and the spaces calc() needs stay; the spaces that mean nothing go.
    from massage_guide.plugin.cssjoin import minify

    css = """
    /* Why this rule exists. */
    .md-typeset a :hover ,  .x > .y {
      content: "/* not a comment */  two  spaces";
      background: url('data:image/svg+xml;charset=utf-8,<svg a="1">  </svg>');
      margin: calc(1em + 2px)  auto ;
      font: 8pt / 1.2 Helvetica, sans-serif !important;
    }
    @media print and (max-width: 40em) { .z { color: #000 } }
    @page { margin: 1cm; @bottom-left { content: "p. " counter(page) } }
    """
    assert minify(css) == (
        '.md-typeset a :hover,.x>.y{content:"/* not a comment */  two  spaces";'
        'background:url("data:image/svg+xml;charset=utf-8,<svg a=\\"1\\">  </svg>");'
        "margin:calc(1em + 2px) auto;font:8pt/1.2 Helvetica,sans-serif!important}"
        "@media print and (max-width:40em){.z{color:#000}}"
        '@page{margin:1cm;@bottom-left{content:"p. " counter(page)}}'
    )


def test_pages_link_one_stylesheet_of_ours(site: Path) -> None:
    html = on_disk(site, ALL_PAGES[0]).read_text(encoding="utf-8")
    links = [tag["href"] for tag in BeautifulSoup(html, "html.parser").select("link[rel=stylesheet]")]
    ours = [href for href in links if not href.startswith("assets/")]
    assert len(ours) == 1 and ours[0].startswith("stylesheets/site."), links
    # Material's palette stylesheet has no rule for one light scheme with custom colours.
    assert not [href for href in links if "palette" in href], links
    shipped = (site / ours[0]).read_text(encoding="utf-8")
    for name in sorted((ROOT / "docs" / "stylesheets").glob("*.css")):
        if f"stylesheets/{name.name}" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8"):
            assert f"/* stylesheets/{name.name} */" in shipped, f"{name.name} is missing from {ours[0]}"


def test_permalink_marks_are_named_without_a_title(site: Path) -> None:
    # Material gives every element with a `title` in the text a tooltip of its own as its script
    # starts. The glossary's 60-odd permalink marks doubled that start-up, a long task that slow
    # phones feel and Lighthouse counts as blocking time. Screen readers get the words by name.
    marks = {}
    for address in ALL_PAGES:
        # "Link to this section", in the page's language (massage_guide.permalinks, massage_guide/words).
        words = said(address)["permalink"]
        marks[address] = soup_of(site, address).select("a.headerlink")
        for mark in marks[address]:
            assert mark.get("aria-label") == words and not mark.has_attr("title"), (address, str(mark))
    assert len(marks["glossary/"]) > 30


if __name__ == "__main__":
    # `python tests/test_budgets.py`: every page's first-visit weight, as a Markdown table.
    import tempfile

    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS, PrefixHandler, mkdocs_build, serve

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        built = Path(folder)
        result = mkdocs_build(ROOT, built)
        assert result.returncode == 0, result.stderr
        server, url = serve(built, type("Handler", (PrefixHandler,), {"prefix": SITE_PATH}))
        url += SITE_PATH.lstrip("/")
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print("| Page | Files | First visit | Budget | Biggest file | Language's search stemmer |")
        print("| --- | --- | --- | --- | --- | --- |")
        for address in [*ALL_PAGES, *(a for a in built_pages(built) if a not in ALL_PAGES)]:
            parts = parts_of(built, built, visit(chromium, url, built, address))
            budget = QUIZ_BUDGET if address in QUIZZES else PAGE_BUDGET
            path, size = max(parts.guide.items(), key=lambda item: item[1])
            print(
                f"| `/{address}` | {len(parts.guide)} | {sum(parts.guide.values()) / KB:.2f} KB | {budget / KB:.0f} KB "
                f"| {path.relative_to(built)} ({size / KB:.1f} KB) | {sum(parts.language.values()) / KB:.1f} KB |"
            )
        chromium.close()
        server.shutdown()
