"""`make kit`: print the kit's PDFs with Chromium, through Playwright.

Chromium, not WeasyPrint: the tests already need it, and it prints the pages as the guide's own
print styles lay them out (the footer's page numbers and address are CSS margin boxes, which
Chromium draws and Firefox does not), embeds every font and tags the PDF for screen readers.
The site is built into a temporary folder and served on loopback; nothing else is fetched.
Each language's handout, booklet and quiz worksheet (with its key) and a front-desk poster, on
Letter and A4, go into the kit folder, named as `massage_guide.kit` says; pypdf then sets the
author (the practice, else the guide) and checks the title and language Chromium set.
`mkdocs build` and `mkdocs serve` never need this, nor a browser.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from . import PAPERS, kit_files
from ..plugin.authoring import render, shown_address
from ..plugin.practice import practice_of
from ..plugin.qr import home_url, qr_title, site_qr
from ..site_map import SiteMap, address_of

# Without these, Chromium phones home at start-up (tests/conftest.py uses the same).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium() -> str | None:
    """The browser: $CHROMIUM, else Debian's /usr/bin/chromium, else Playwright's own download."""
    found = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
    return found if Path(found).exists() else None


def kit_dir(site_map: SiteMap) -> Path:
    """The kit folder: the `guide/print` plugin's `kit_dir`, beside mkdocs.yml."""
    folder = "kit"
    for plugin in site_map.config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("guide/print"), dict):
            folder = plugin["guide/print"].get("kit_dir", folder)
    return site_map.config_file.parent / folder


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def _served(folder: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def _setting(site_map: SiteMap, code: str, key: str) -> object:
    """A setting as the language `code` has it: the i18n plugin's override, else mkdocs.yml's."""
    override = site_map.language_settings.get(code, {})
    return override[key] if key in override else site_map.config.get(key)


def poster_html(site_map: SiteMap, code: str, folder: str, paper: str) -> str:
    """The front-desk poster in `code`: the guide's name, its line on what the guide is for
    (`extra.share_tagline`), a big QR code to its home page and the address under it, the
    practice's details when set, and "not medical advice"."""
    extra = {**(site_map.config.get("extra") or {}), **(_setting(site_map, code, "extra") or {})}
    address = home_url(site_map.config.get("site_url") or "", folder, "mkdocs.yml")
    svg = site_qr(address).svg_inline(
        svgclass="poster__code", lineclass=None, omitsize=True, title=qr_title(address, code)
    )
    practice = practice_of(extra)
    return render(
        "kit-poster.html", code, paper=PAPERS[paper], site_name=_setting(site_map, code, "site_name"),
        tagline=extra.get("share_tagline", ""), svg=svg, shown=shown_address(address),
        practice=practice, logo_src=(practice or {}).get("logo", ""),
    )


def author(site_map: SiteMap) -> str:
    """Who the PDFs are by: the practice, else the guide's author (`site_author`), else its name."""
    practice = practice_of(site_map.config.get("extra") or {}) or {}
    return practice.get("name") or site_map.config.get("site_author") or site_map.config.get("site_name") or ""


def set_metadata(path: Path, language: str, by: str) -> None:
    """Title (Chromium's, from the page's <title>), author and language, shown as the title."""
    reader = PdfReader(path)
    title = (reader.metadata or {}).get("/Title", "")
    writer = PdfWriter(clone_from=reader)
    writer.add_metadata({"/Title": title, "/Author": by, "/Creator": "massage_guide kit (Chromium)"})
    writer._root_object[NameObject("/Lang")] = TextStringObject(language)
    writer.create_viewer_preferences().display_doctitle = True
    with path.open("wb") as out:
        writer.write(out)


def build(project: Path, site: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True,
    )


def _print_language(site: Path, base: str, site_map: SiteMap, code: str, folder: str, out: Path,
                    browser_path: str | None) -> list[Path]:
    """Print every file of the kit in the language `code` (one Chromium of its own)."""
    from playwright.sync_api import sync_playwright

    made = []
    by = author(site_map)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_path or chromium(), args=CHROMIUM_ARGS)
        context = browser.new_context(java_script_enabled=False)  # paper never depends on it
        for document, paper, name in kit_files(code):
            poster = None
            if document.source:
                url = base + folder + address_of(document.source, site_map.directory_urls)
            else:
                poster = site / f"{name}.html"  # at the root, where the logo's path is the docs'
                poster.write_text(poster_html(site_map, code, folder, paper), encoding="utf-8")
                url = base + poster.name
            page = context.new_page()
            page.goto(url, wait_until="load")
            page.pdf(path=str(out / name), format=PAPERS[paper], print_background=True, tagged=True, outline=True)
            page.close()
            if poster is not None:
                poster.unlink()
            set_metadata(out / name, code, by)
            made.append(out / name)
        browser.close()
    return made


def make_kit(config_file: Path, site: Path | None = None, browser_path: str | None = None) -> list[Path]:
    """Print the kit of the project whose mkdocs.yml is `config_file` into its kit folder; return
    the files. `site`: a build of it to print from (else it is built into a temporary folder).
    The languages print side by side, as many at once as the machine has cores."""
    site_map = SiteMap(config_file)
    out = kit_dir(site_map)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kit-site-") as temporary:
        if site is None:
            site = Path(temporary)
            build(config_file.parent, site)
        with _served(site) as base:
            workers = max(1, min(len(site_map.languages), len(os.sched_getaffinity(0))))
            with ThreadPoolExecutor(max_workers=workers) as pool:
                jobs = [pool.submit(_print_language, site, base, site_map, code, folder, out, browser_path)
                        for code, folder in site_map.languages.items()]
                return [path for job in jobs for path in job.result()]
