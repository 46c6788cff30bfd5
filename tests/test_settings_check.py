"""Settings that reach every page, or that would publish a broken guide, stop the build with the
file, the line and the fix (massage_guide/plugin/settings_check.py, logo_check.py); values the
theme writes into pages are escaped or refused."""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import assert_mentions, built_log, failed_build_log, set_practice
from massage_guide.plugin.settings_check import PLACEHOLDER_HOST

PRACTICE_URL = "https://guide.riverside-massage.example/"


def _config(project: Path, pattern: str, new: str) -> None:
    config = project / "mkdocs.yml"
    text, count = re.subn(pattern, lambda _: new, config.read_text("utf-8"), count=1, flags=re.M)
    assert count == 1, pattern
    config.write_text(text, "utf-8")


def _front_matter(project: Path, name: str, line: str) -> None:
    page = project / "docs" / name
    text = page.read_text("utf-8")
    assert text.startswith("---\n")
    page.write_text("---\n" + line + "\n" + text[4:], "utf-8")


def _png(width: int, height: int, padding: int = 0) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"tEXt", b"x\0" + b"a" * padding) + chunk(b"IEND", b"")


def _logo(name: str, content: bytes) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        (project / "docs" / "assets" / name).write_bytes(content)
        set_practice(project, {"name": "Riverside Massage Clinic", "logo": f"assets/{name}"}, site_url=PRACTICE_URL)

    return make


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 60 20">{}</svg>'

CASES: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    "Google Analytics": (
        lambda project: _config(project, r"^extra:\n", "extra:\n  analytics:\n    provider: google\n    property: G-XXXXXXX\n"),
        ["`extra.analytics` would add a visitor tracker", "no request to any other website", "server logs"],
    ),
    "javascript social link": (
        lambda project: _config(project, r"^extra:\n", "extra:\n  social:\n    - icon: fontawesome/brands/facebook\n      link: javascript:alert(1)\n"),
        ["the social link `javascript:alert(1)`", "https://"],
    ),
    "site_url with a query": (
        lambda project: _config(project, r"^site_url:.*$", "site_url: https://massage-guide.example/?utm_source=qr"),
        ["`site_url` is `https://massage-guide.example/?utm_source=qr`", "without `?` or `#`"],
    ),
    "site_url too long": (
        lambda project: _config(project, r"^site_url:.*$", "site_url: https://riverside-massage-and-wellness.example/our-own-massage-guide/"),
        ["`site_url` is `https://riverside-massage-and-wellness.example/our-own-massage-guide/`, 69 characters",
         "at most 64 characters"],
    ),
    "site_url with a fragment": (
        lambda project: _config(project, r"^site_url:.*$", "site_url: https://guide.example/#top"),
        ["`site_url`", "`?` or `#` part"],
    ),
    "practice details with the placeholder address": (
        # The placeholder set here, as a practice's own copy may already have its address.
        lambda project: (_config(project, r"^site_url:.*$", f"site_url: https://{PLACEHOLDER_HOST}/"),
                         set_practice(project, {"name": "Riverside Massage Clinic"})),
        ["`site_url` is still the guide's placeholder", "QR code"],
    ),
    "fallback to the default language": (
        lambda project: _config(project, r"fallback_to_default: false", "fallback_to_default: true"),
        ["`fallback_to_default: true`", "`fallback_to_default: false`"],
    ),
    "empty site name": (
        lambda project: _config(project, r"^site_name:.*$", 'site_name: ""'),
        ["`site_name` is empty"],
    ),
    "invisible site name": (
        lambda project: _config(project, r"^site_name:.*$", 'site_name: "\\u200b\\u200b"'),
        ["`site_name` is made of invisible characters only"],
    ),
    "nav translation with other capitals": (
        lambda project: _config(project, r"^            The 6 differences:", "            The 6 Differences:"),
        ["`nav_translations` has `The 6 Differences`", "the nav writes it `The 6 differences`"],
    ),
    "nav translation with markup": (
        lambda project: _config(project, r"^            About: .*$", '            About: "Acerca <b>de</b>"'),
        ["menu title `Acerca <b>de</b>` holds `<`"],
    ),
    "language name with markup": (
        lambda project: _config(project, r"^          name: Español$", '          name: "Español<script>"'),
        ["the `es` language's `name` `Español<script>` holds `<`"],
    ),
    "site author with a quote": (
        lambda project: _config(project, r"^site_author:.*$", 'site_author: The "best" editors'),
        ["`site_author`", "holds `\"`"],
    ),
    "copyright with markup": (
        lambda project: _config(project, r"^copyright: >-\n.*$", "copyright: >-\n  Not advice. <img src=x onerror=alert(1)>"),
        ["`copyright`", "holds `<`"],
    ),
    "redirect template": (
        lambda project: _front_matter(project, "about.md", "template: redirect.html\nlocation: https://evil.example/"),
        ["docs/about.md, line 2", "`template: redirect.html` is not one of the guide's page templates", "`home.html`"],
    ),
    "subtitle with markup": (
        lambda project: _front_matter(project, "about.md", 'subtitle: "<img src=x onerror=alert(1)>"'),
        ["docs/about.md, line 2", "`subtitle:", "holds `<`"],
    ),
    "text file named .png as logo": (
        _logo("logo.png", b"Riverside Massage Clinic logo\n"),
        ["`extra.practice.logo` is `assets/logo.png`", "it is not a picture"],
    ),
    "logo over 50 KB": (_logo("logo.png", _png(400, 200, padding=60 * 1000)), ["it is 61 KB, more than 50 KB"]),
    "logo over 1000 px": (_logo("logo.png", _png(4000, 1200)), ["4000 x 1200 pixels"]),
    "JPEG named .png": (_logo("logo.png", b"\xff\xd8\xff\xe0" + b"\0" * 100), ["a JPEG file named `.png`"]),
    "SVG logo with a script": (
        _logo("logo.svg", SVG.format('<script>alert(1)</script><rect width="60" height="20"/>').encode()),
        ["it holds `<script>`"],
    ),
    "SVG logo with an event attribute": (
        _logo("logo.svg", SVG.format('<rect width="60" height="20" onload="alert(1)"/>').encode()),
        ["script attribute `onload`"],
    ),
    "SVG logo with a remote picture": (
        _logo("logo.svg", SVG.format('<image xlink:href="https://cdn.example/logo.png" width="60" height="20"/>').encode()),
        ["it links `https://cdn.example/logo.png`"],
    ),
    "SVG logo with a remote font": (
        _logo("logo.svg", SVG.format("<style>@import url(https://fonts.example/css);</style>").encode()),
        ["its `<style>` loads from another website"],
    ),
    "SVG logo animating an address": (
        _logo("logo.svg", SVG.format('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a>').encode()),
        ["it holds `<set>`"],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_setting_that_would_publish_a_broken_or_unsafe_guide_stops_the_build(case: str, broken_copy, tmp_path: Path) -> None:
    breaker, expected = CASES[case]
    project = broken_copy()
    breaker(project)
    log = failed_build_log(project, tmp_path / "site", case)
    assert_mentions(log, [*expected, "Expected:", "For example:"], case)
    assert "mkdocs.yml, line" in log or "docs/" in log, log
    assert "Traceback" not in log, log


@pytest.mark.slow
def test_an_authors_name_with_quotes_is_escaped_in_the_page(broken_copy, tmp_path: Path) -> None:
    project = broken_copy()
    _front_matter(project, "about.md", "author: 'Dana \"DJ\" Lee, LMT'")
    built_log(project, tmp_path / "site")
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((tmp_path / "site" / "about" / "index.html").read_text("utf-8"), "html.parser")
    assert soup.find("meta", attrs={"name": "author"})["content"] == 'Dana "DJ" Lee, LMT'


def test_a_real_small_logo_is_fine(broken_copy, tmp_path: Path) -> None:
    from massage_guide.plugin.logo_check import logo_problems

    path = tmp_path / "logo.png"
    path.write_bytes(_png(600, 200))
    assert logo_problems(path) == []
    svg = tmp_path / "logo.svg"
    svg.write_text(SVG.format('<rect width="60" height="20" fill="#245"/>'), "utf-8")
    assert logo_problems(svg) == []
