"""Shared fixtures and helpers: one strict build of the site, a loopback server for it, real
Chromium, the practice's copy of the guide, and the facts the tests read from mkdocs.yml."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from concurrent.futures import Future, ThreadPoolExecutor
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from inprocess import build_in_process

# mkdocs.yml's settings without what its `!!python/name:` and `!ENV` tags name.
from massage_guide.site_map import read_config

ROOT = Path(__file__).resolve().parent.parent

# The settings the session's build uses: tests read expectations from them, so the suite passes
# for whatever name, address and practice a practice has set.
SETTINGS = read_config(ROOT / "mkdocs.yml")
SITE_URL: str = SETTINGS["site_url"]
SITE_PATH = urlsplit(SITE_URL).path  # "/" at a domain root, "/massage-guide/" in a folder
SITE_NAME: str = SETTINGS["site_name"]
EXTRA: dict = SETTINGS.get("extra") or {}
LAST_REVIEWED = str((EXTRA.get("review") or {}).get("last", ""))  # ISO date, like 2026-11-26
NEXT_REVIEW = str((EXTRA.get("review") or {}).get("next", ""))  # ISO date, like 2027-05-26
# The practice's details as set in mkdocs.yml (None when the guide is practice-neutral).
SITE_PRACTICE: dict | None = EXTRA.get("practice") or None

# The one variable for the browser, in the tests and scripts alike (CONTRIBUTING.md says so).
# Unset, the tests run Debian's Chromium headless shell (package `chromium-headless-shell`, built
# from the same Chromium source and version as /usr/bin/chromium, and what Playwright itself runs
# for headless tests): the same Blink renders, lays out, focuses and prints, at a quarter of the
# CPU for each new tab and page load. Without it, /usr/bin/chromium.
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
CHROMIUM = os.environ.get("CHROMIUM") or (HEADLESS_SHELL if os.access(HEADLESS_SHELL, os.X_OK) else "/usr/bin/chromium")
# Without these, Chromium phones home at start-up; this machine's closed network refuses it.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NARROWEST = {"width": 320, "height": 640}  # the narrowest phone the guide is laid out for
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
# Material's search button in the header (a label for its search toggle).
SEARCH_BUTTON = "label.md-header__button[for='__search']"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


# Tests that build the site or drive Chromium are "slow"; `make test-fast` runs the others (unit
# and golden tests, and the builds meant to fail, in process: `broken_copy`) in seconds.
SLOW_FIXTURES = {"build", "site", "base_url", "browser", "project_copy", "practice_site", "other_practice", "fullest_site", "guide_site"}


# The longest test files, longest first (seconds of one worker, measured in a whole run on a 2-core
# machine: CONTRIBUTING.md, "Suite time"). `make test` hands the workers whole files in this order
# (`--no-loadscope-reorder`), then the others, those with more tests first, as pytest-xdist would.
# The every-page sweep alone keeps one worker busy for about half the run: started first, it runs
# while the other worker works through the rest. Started in the middle (pytest-xdist's own order,
# by number of tests), it ran on alone at the end while the other worker had nothing left to do.
# Next, two files that build copies of their own and never read the session's site: the other
# worker runs them while the first builds that site (`build`, a `mkdocs` process on one core).
LONGEST_FIRST = (
    "test_every_page.py",  # 150-220 s
    "test_bad_input.py", "test_scaling.py", "test_quiz_site.py", "test_print.py",  # 30-45 s
    "test_practice_site.py", "test_offline.py", "test_glossary_browser.py", "test_trust.py",
    "test_firefox_print.py", "test_kit.py", "test_budgets.py",  # 18-30 s
    "test_csp.py", "test_furniture.py", "test_pictures.py", "test_zensical.py", "test_boxes.py",
    "test_triage.py", "test_browser.py", "test_settings_check.py",  # 10-15 s
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    # Files in LONGEST_FIRST's order, then by their number of tests; a file's own tests keep theirs.
    rank = {name: number for number, name in enumerate(LONGEST_FIRST)}
    tests_in = Counter(item.path.name for item in items)
    items.sort(key=lambda item: (rank.get(item.path.name, len(rank)), -tests_in[item.path.name], item.path.name))


def watch_for_escapes(context, page) -> tuple[list[str], list[str]]:
    """Record what a hostile page would do: the dialogs a script opens (dismissed) and every
    request to another host (refused). Playwright's routes sit after the page's policy, so a
    request the policy blocks never reaches them; one that would leave the machine does."""
    dialogs: list[str] = []
    elsewhere: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    context.route(
        lambda address: urlsplit(address).hostname != "127.0.0.1",
        lambda route: (elsewhere.append(route.request.url), route.abort()),
    )
    return dialogs, elsewhere


def wait_for_material(page) -> None:
    """Wait until Material's script has started, when the page has one.

    It loads after the first paint (overrides/partials/load-after-paint.html), so right after `goto` a page
    still looks as it does without JavaScript; tests of the enhanced page wait for it."""
    if page.evaluate("document.scripts.length > 0"):
        # A function, not an expression: Playwright runs an expression with eval(), which the
        # pages' Content-Security-Policy refuses.
        page.wait_for_function("() => document.documentElement.classList.contains('js')", timeout=10_000)


def settle(page) -> None:
    """Wait until the page has stopped moving: no CSS transition or animation left running.

    Polled every 50 ms, since a page without JavaScript gets no animation frames to wait on. The
    style is read first, so that a transition a click has just caused is already running."""
    page.wait_for_function(
        """() => { document.body.getBoundingClientRect();
                   return document.getAnimations().every(a => a.playState !== "running"); }""",
        polling=50,
        timeout=10_000,
    )


@functools.cache
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()  # reads axe-core's script from disk: once is enough


def assert_no_axe_violations(page) -> None:
    """axe-core finds nothing against WCAG 2.2 A and AA on the page as it is now."""
    # Details of the violations only: axe then skips listing every element that passed, which
    # took about half its time on a long page; what it checks is the same.
    options = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
    results = _axe().run(page, options=options)
    assert results.violations_count == 0, results.generate_report()


def tab_to(page, selector: str, limit: int = 250) -> None:
    """Press Tab, as a keyboard user does, until an element matching `selector` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def soup_of(site: Path, address: str) -> BeautifulSoup:
    """The built page at `address` (like `safety/`, `` for home, or `404.html`), parsed.

    Parsed once per worker and shared by the tests that read it (about 1,200 reads of fewer than
    200 pages took half a minute of parsing): never change it. A test that removes parts of a page
    to read the rest works on a copy of the element (`copy.copy(element)`)."""
    path = site / address / "index.html" if not address.endswith(".html") else site / address
    assert path.is_file(), f"/{address} was not built"
    stat = path.stat()
    return _parsed(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=128)
def _parsed(path: Path, _mtime_ns: int, _size: int) -> BeautifulSoup:
    """The page at `path` as it is on disk (its time and size in the key: a rebuilt page is new)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def sitemap_pages(site: Path, site_url: str = SITE_URL) -> list[str]:
    """Every page the sitemap lists, as a path below `site_url`."""
    tree = ElementTree.parse(site / "sitemap.xml")
    locs = [loc.text.strip() for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc.startswith(site_url) for loc in locs), locs
    return [loc[len(site_url):] for loc in locs]


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Build `project` strictly into `site_dir`; return the finished process with its log."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def failed_build_log(project: Path, site_dir: Path, case: str = "this mistake") -> str:
    """Build `project`, which a test broke on purpose, in this process (inprocess.py): the build
    must fail. Return what its author is told: the log and the error that stopped it."""
    built = build_in_process(project, site_dir)
    assert not built.passed, f"{case}: the build passed but should fail\n{built.text}"
    return built.text


def built_log(project: Path, site_dir: Path) -> str:
    """Build `project` (a copy a test changed) strictly into `site_dir`, in this process: the build
    must pass. Return its log. (The session's `build` runs the `mkdocs` command itself.)"""
    built = build_in_process(project, site_dir)
    assert built.passed, built.text
    return built.text


def assert_mentions(log: str, needles: list[str], case: str) -> None:
    """The build's message says each of `needles`, so an author knows what to fix."""
    for needle in needles:
        assert needle in log, f"{case}: the message should mention {needle!r}\n{log}"


# --- Made once per run, whatever the number of workers ------------------------------------------
# `make test` runs the suite on every core (pytest-xdist, `-n`): each worker is a process of its
# own, with its own session fixtures and its own temporary folder (`popen-gw0`, ...). A site built
# or a page printed for the whole run is made once, by the first worker that needs it, in the
# folder the workers share, under a lock; the others wait for it and read it. Without `-n`, the
# same code makes it once in the run's own temporary folder.

WORKERS = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))


def _run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of the whole run: shared by the workers, if any."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # no fcntl (Windows): no lock, and no workers sharing either
        yield
        return
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, make) -> tuple[Path, str]:
    """`make(folder)` into a new folder `name`, once for the whole run: (folder, what it returned).

    What `make` returns (a build log) is kept beside the folder, never in it. A `make` that fails
    leaves nothing: the next worker that needs the folder tries again and fails the same way."""
    run = _run_folder(tmp_path_factory)
    folder, done = run / "once" / name, run / "once" / f"{name}.done"
    folder.parent.mkdir(parents=True, exist_ok=True)
    with _locked(run / "once" / f"{name}.lock"):
        if not done.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            done.write_text(make(folder) or "", encoding="utf-8")
    return folder, done.read_text(encoding="utf-8")


def print_once(browser, tmp_path_factory: pytest.TempPathFactory, site: str, url: str, address: str,
               sheet: str = "Letter", javascript: bool = True) -> Path:
    """The page at `url` + `address` of the site named `site` ("site", "practice"), printed on
    `sheet` (paper.print_pdf) once for the whole run: the test files that read the same printout
    (the booklet on Letter, say) share one PDF. The PDF does not depend on the server's address:
    what it prints as addresses comes from `site_url`."""
    from paper import print_pdf

    name = f"{site}-{address.strip('/').replace('/', '-') or 'home'}-{sheet}-{'js' if javascript else 'nojs'}"

    def make(folder: Path) -> None:
        print_pdf(browser, url + address, folder / f"{name}.pdf", sheet, javascript)

    return once_per_run(tmp_path_factory, f"pdf-{name}", make)[0] / f"{name}.pdf"


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The site, built once for the whole run: (site folder, build log)."""

    def make(site: Path) -> str:
        result = mkdocs_build(ROOT, site)
        log = result.stdout + result.stderr
        assert result.returncode == 0, f"mkdocs build --strict failed:\n{log}"
        return log

    return once_per_run(tmp_path_factory, "site", make)


@pytest.fixture(scope="session")
def site(build: tuple[Path, str]) -> Path:
    return build[0]


def _copier(tmp_path_factory: pytest.TempPathFactory):
    def make() -> Path:
        dest = tmp_path_factory.mktemp("project")
        for name in ("docs", "overrides"):
            shutil.copytree(ROOT / name, dest / name)
        shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
        return dest

    return make


@pytest.fixture(scope="session")
def project_copy(tmp_path_factory: pytest.TempPathFactory):
    """Make a throwaway copy of the project that a test may break on purpose."""
    return _copier(tmp_path_factory)


@pytest.fixture(scope="session")
def broken_copy(tmp_path_factory: pytest.TempPathFactory):
    """Like `project_copy`, for a copy a test breaks on purpose and builds in process
    (`failed_build_log`): most such builds stop within a second, so these tests are in the fast
    tier; one whose mistake only the second language's build meets is marked slow itself."""
    return _copier(tmp_path_factory)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class PrefixHandler(QuietHandler):
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

class LoopbackServer(ThreadingHTTPServer):
    """A reader who leaves a page while a file is still arriving closes the connection (a test
    that goes to the next page does too): that is no error of the server's, so say nothing."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(folder: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> tuple[ThreadingHTTPServer, str]:
    """Serve `folder` over HTTP on loopback with `handler`; return the server and its base address."""
    server = LoopbackServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """Address of the built site served on loopback, in the folder its `site_url` names (the
    "page not found" page links to the site's files by their full path)."""
    server, url = serve(site, type("Handler", (PrefixHandler,), {"prefix": SITE_PATH}))
    yield url + SITE_PATH.lstrip("/")
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (its own browser download cannot work here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def tab_without_javascript(browser):
    """One tab with JavaScript off, kept for a module's tests of many pages: opening a tab costs
    about twice as much as loading a page in an open one, and a page without script keeps nothing
    from the page before. A test that needs another size or medium sets it on the tab itself."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


class KeptTabs:
    """Tabs kept open from page to page, loading pages side by side: opening a tab costs about as
    much as loading a page in an open one, and each load waits for the network to be quiet for
    half a second, waits that overlap instead of adding up. `loading[tab]` is the address a tab
    is loading, so listeners on the context (`request.frame.page`) know whose request it is."""

    def __init__(self, context, count: int = 8) -> None:
        self.tabs = [context.new_page() for _ in range(count)]
        self.loading: dict = {}

    def visit(self, addresses: list[str], url_of) -> Iterator[tuple]:
        """Load each address (at `url_of(address)`); yield (tab, address, its response) once the
        page's network has been quiet, so no request of one page is left as the next one loads."""
        for start in range(0, len(addresses), len(self.tabs)):
            batch = []
            for tab, address in zip(self.tabs, addresses[start:start + len(self.tabs)]):
                self.loading[tab] = address
                batch.append((tab, address, tab.goto(url_of(address), wait_until="commit")))  # the next starts now
            for tab, address, response in batch:
                tab.wait_for_load_state("networkidle")
                yield tab, address, response


def side_by_side(job, cases: list[tuple]) -> dict[tuple, Future]:
    """`job(browser, *case)` for each case, each in a Chromium of its own, as many at once as the
    machine has cores: a long walk through every page spends much of its time waiting for one
    process or another (Python, Playwright's driver, Chromium), and two walks fill each other's
    waits. Playwright's sync API wants one instance per thread. Each case's future gives what its
    job returned, or raises what it raised."""

    def run(case: tuple):
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return job(browser, *case)
            finally:
                browser.close()

    # With the suite on every core (`-n`), each worker gets its share of them.
    cores = max(1, len(os.sched_getaffinity(0)) // WORKERS)
    with ThreadPoolExecutor(max_workers=min(len(cases), cores)) as pool:
        return {case: pool.submit(run, case) for case in cases}


# --- A practice's own copy of the guide ---------------------------------------------------------

PRACTICE_URL = "https://practice.example/massage-guide/"  # hosted under a subpath
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
# A collapsed box and two tabs on the safety page, to check that both print open.
HIDDEN_ON_SCREEN = """

??? note "A box that starts closed"

    Words inside the closed box.

=== "First tab"

    Words on the first tab.

=== "Second tab"

    Words on the second tab.
"""


def practice_yaml(values: dict[str, object]) -> str:
    """The `practice:` block as an author writes it under `extra:` (two-space indent)."""
    rows = ["  practice:"]
    for key, value in values.items():
        if isinstance(value, str) and "\n" in value:
            rows.append(f"    {key}: |-")
            rows.extend(f"      {line}" for line in value.splitlines())
        elif isinstance(value, str):
            rows.append(f"    {key}: {json.dumps(value)}")  # a JSON string is a quoted YAML one
        else:
            rows.append(f"    {key}: {value}")
    return "\n".join(rows) + "\n"


def without_key(text: str, parent: str, key: str) -> str:
    """mkdocs.yml's text without `key:` (and the lines of its value) under `parent:` (one of the
    top level, or under `extra:`, `parent` written with its indentation, like "  review")."""
    lines = text.splitlines(keepends=True)
    kept: list[str] = []
    depth = len(parent) - len(parent.lstrip())
    inside, skipping, key_indent = False, False, depth + 2
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if skipping and line.strip() and indent > key_indent:
            continue
        skipping = False
        if line.rstrip() == f"{parent}:":
            inside = True
        elif inside and line.strip() and indent <= depth:
            inside = False
        elif inside and indent == key_indent and line.lstrip().startswith(f"{key}:"):
            skipping = True
            continue
        kept.append(line)
    return "".join(kept)


def without_practice(text: str) -> str:
    """mkdocs.yml's text without the `practice:` block the practice may have set under `extra:`."""
    return without_key(text, "extra", "practice")


def set_practice(project: Path, values: dict[str, object], site_url: str | None = None) -> None:
    """Set the practice's details (replacing any the practice set) and, if given, `site_url`."""
    config = project / "mkdocs.yml"
    text = without_practice(config.read_text(encoding="utf-8"))
    assert "\nextra:\n" in text
    text = text.replace("\nextra:\n", "\nextra:\n" + practice_yaml(values), 1)
    if site_url:
        text = re.sub(r"^site_url:.*$", f"site_url: {site_url}", text, count=1, flags=re.M)
    config.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def practice_site(project_copy, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide built as a practice hosts it: every detail of PRACTICE set (logo included),
    site_url at PRACTICE_URL, and HIDDEN_ON_SCREEN added to the safety page."""

    def make(site: Path) -> str:
        project = project_copy()
        (project / "docs" / PRACTICE["logo"]).write_text(LOGO, encoding="utf-8")
        set_practice(project, PRACTICE, site_url=PRACTICE_URL)
        safety = project / "docs/safety.md"
        safety.write_text(safety.read_text(encoding="utf-8") + HIDDEN_ON_SCREEN, encoding="utf-8")
        return built_log(project, site)

    return once_per_run(tmp_path_factory, "practice-site", make)[0]


# --- The guide as its editors publish it --------------------------------------------------------
# A practice's own settings add to every page: its details and logo (`extra.practice`), its
# reviewer (`extra.review.by`), its address for reports (`extra.report_email`) and its web
# address (`site_url`). Page weights are the guide's measured without them (test_budgets.py), at
# the address the guide's own mkdocs.yml gives.

GUIDE_URL = "https://massage-guide.example/"


def guides_own(text: str) -> str:
    """mkdocs.yml's text without a practice's own settings: no practice block, no reviewer, no
    address for reports, and the guide's own web address."""
    text = without_key(without_key(without_practice(text), "  review", "by"), "extra", "report_email")
    return re.sub(r"^site_url:.*$", f"site_url: {GUIDE_URL}", text, count=1, flags=re.M)


@pytest.fixture(scope="session")
def guide_site(site: Path, project_copy, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide built without a practice's own settings: the session's site itself when the
    project has none (the guide's own repository), else a copy built without them, and without
    the practice's logo file, which is the practice's own."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if guides_own(text) == text:
        return site
    logo = str((EXTRA.get("practice") or {}).get("logo") or "")

    def make(folder: Path) -> str:
        project = project_copy()
        (project / "mkdocs.yml").write_text(guides_own(text), encoding="utf-8")
        if logo:
            (project / "docs" / logo.lstrip("/")).unlink(missing_ok=True)
        return built_log(project, folder)

    return once_per_run(tmp_path_factory, "guide-site", make)[0]


# --- The fullest practice: the longest details the build accepts ---------------------------------
# Every detail at its limit (tests/longest.py), a logo and a reviewer's long name, hosted in a
# folder of a long web address: the handout must still fit its sheet (test_print_limits.py) and
# the details their share of each page's budget (test_budgets.py).

# At the longest `site_url` the build accepts (SITE_URL_LIMIT in settings_check.py).
FULLEST_URL = "https://riverside-massage-and-wellness.example/guide-to-massage/"
# A reviewer's long name and role, close to the longest the build accepts.
REVIEWER = "Dr. Alexandra Montgomery-Richardson, physical therapist and massage therapist"


def fullest_practice() -> dict[str, str]:
    from longest import longest_practice

    return {**longest_practice(), "logo": PRACTICE["logo"]}


def set_reviewer(project: Path, reviewer: str) -> None:
    """Set `by:` under `extra.review` in the project's mkdocs.yml (in place of one the practice
    set), indented like `next:`."""
    config = project / "mkdocs.yml"
    text, found = re.subn(
        r"^(\s+)next:(.*)$", lambda m: f'{m[0]}\n{m[1]}by: "{reviewer}"',
        without_key(config.read_text(encoding="utf-8"), "  review", "by"), count=1, flags=re.M,
    )
    assert found == 1, "mkdocs.yml should have `extra.review.next`"
    config.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def fullest_site(project_copy, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide with the longest practice details, a logo and a reviewer, built once per run."""

    def make(site: Path) -> str:
        project = project_copy()
        (project / "docs" / PRACTICE["logo"]).write_text(LOGO, encoding="utf-8")
        set_practice(project, fullest_practice(), site_url=FULLEST_URL)
        set_reviewer(project, REVIEWER)
        return built_log(project, site)

    return once_per_run(tmp_path_factory, "fullest-site", make)[0]


# --- A second practice, set up differently ------------------------------------------------------
# Another name, address and site_url (two folders deep), only some keys, values full of
# characters that Markdown and HTML would read as markup, a review that is overdue, a `|` in a
# glance row and a `\|` in a quiz explanation: the guide must show each as written.

OTHER_URL = "https://lakeside.example/guides/massage/"
OTHER_PRACTICE = {
    "name": "Lakeside [Bodywork](javascript:alert(1)) *& Spa* | North",
    "address": "Unit 4, <Mill> Yard\n200 Lake Street\nPortland, ME 04101",
    "phone": "(207) 555-0199",
    "email": "desk@lakeside.example",
    "booking_url": "https://book.lakeside.example/now",
}
OTHER_REVIEW = {"last": "2025-01-02", "next": "2026-01-02", "by": "Sam *O'Neil* <lead>, LMT"}
OTHER_GLANCE = "Plan on a 20% tip | hotel spas add it"
OTHER_QUIZ = """
<div class="mdx-quiz" markdown>

Which kind of massage ends with a plan for exercises at home?

| Answer | Correct | Why |
| --- | --- | --- |
| Medical massage | yes | Split 80\\|20: work, then a plan. See [after the session](differences/after-the-session.md). |
| Relaxation massage | | A spa ends with rest. See [after the session](differences/after-the-session.md). |

</div>
"""


@pytest.fixture(scope="session")
def other_practice(project_copy, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The guide built for OTHER_PRACTICE (see above): (site folder, build log)."""
    return once_per_run(tmp_path_factory, "other-practice-site", lambda site: _build_other_practice(project_copy(), site))


def _build_other_practice(project: Path, site: Path) -> str:
    set_practice(project, OTHER_PRACTICE, site_url=OTHER_URL)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for key, value in OTHER_REVIEW.items():
        if re.search(rf"^    {key}: .*$", text, re.M):
            text = re.sub(rf"^    {key}: .*$", f"    {key}: {json.dumps(value)}", text, count=1, flags=re.M)
        else:
            text = re.sub(r"^(    next: .*)$", rf"\1\n    {key}: {json.dumps(value)}", text, count=1, flags=re.M)
    config.write_text(text, encoding="utf-8")
    price = project / "docs/differences/price.md"
    text = re.sub(r"^  relaxation: .*$", f"  relaxation: {OTHER_GLANCE}", price.read_text(encoding="utf-8"), count=1, flags=re.M)
    price.write_text(text, encoding="utf-8")
    quiz = project / "docs/quiz.md"
    quiz.write_text(quiz.read_text(encoding="utf-8") + OTHER_QUIZ, encoding="utf-8")
    return built_log(project, site)
