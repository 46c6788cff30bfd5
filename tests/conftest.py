"""Shared fixtures: one strict build of the site, a loopback server for it, and real Chromium."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
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
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def wait_for_material(page) -> None:
    """Wait until Material's script has started, when the page has one.

    It loads after the first paint (overrides/hooks/scripts.py), so right after `goto` a page
    still looks as it does without JavaScript; tests of the enhanced page wait for it."""
    if page.evaluate("document.scripts.length > 0"):
        page.wait_for_function("document.documentElement.classList.contains('js')", timeout=10_000)


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
    """Build `project`, which a test broke on purpose: the build must fail. Return its log."""
    result = mkdocs_build(project, site_dir)
    log = result.stdout + result.stderr
    assert result.returncode != 0, f"{case}: the build passed but should fail\n{log}"
    return log


def assert_mentions(log: str, needles: list[str], case: str) -> None:
    """The build's message says each of `needles`, so an author knows what to fix."""
    for needle in needles:
        assert needle in log, f"{case}: the message should mention {needle!r}\n{log}"


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The site, built once for the whole run: (site folder, build log)."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{log}"
    return site, log


@pytest.fixture(scope="session")
def site(build: tuple[Path, str]) -> Path:
    return build[0]


@pytest.fixture(scope="session")
def project_copy(tmp_path_factory: pytest.TempPathFactory):
    """Make a throwaway copy of the project that a test may break on purpose."""

    def make() -> Path:
        dest = tmp_path_factory.mktemp("project")
        for name in ("docs", "overrides"):
            shutil.copytree(ROOT / name, dest / name)
        shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
        return dest

    return make


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve `folder` over HTTP on loopback; return the server and its base address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """Address of the built site served on loopback."""
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (its own browser download cannot work here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
