"""CSS read with a CSS parser (massage_guide/plugin/css_check.py): no stylesheet, `<style>` or
`style` attribute asks another website for anything, however the address is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assert_mentions, failed_build_log
from massage_guide.plugin.css_check import declarations_addresses, elsewhere, stylesheet_addresses

SITE = "https://massage-guide.example/"

REMOTE_STYLESHEETS = {
    "brand font": '@font-face { font-family: B; src: url(https://fonts.example/b.woff2) format("woff2"); }',
    "image-set": '.x { background: image-set("https://cdn.example/a.png" 1x); }',
    "webkit image-set": '.x { background: -webkit-image-set("https://cdn.example/a.png" 1x) }',
    "image-set with url()": ".x { background: image-set(url(//cdn.example/b.png) 2x); }",
    "@import string": '@import "https://evil.example/x.css";',
    "@import url()": "@import url(https://evil.example/x.css) screen;",
    "escaped function name": ".x { background: u\\72 l(https://evil.example/a.png); }",
    "escaped address": '.x { background: url("\\68ttps://evil.example/a.png"); }',
    "inside @media": "@media print { .x { background: url(https://evil.example/p.png) } }",
    "nested at-rules, cursor": "@supports (display:grid) { @media screen { .y { cursor: url(https://evil.example/c.cur), auto } } }",
    "capital URL": ".x { background: URL(https://evil.example/a.png) }",
    "protocol-relative": ".x { background: url(//evil.example/a.png) }",
    "mask": '.x { mask-image: url("https://evil.example/m.svg") }',
}


@pytest.mark.parametrize("case", REMOTE_STYLESHEETS)
def test_an_address_on_another_website_is_found(case: str) -> None:
    found = [address for address in stylesheet_addresses(REMOTE_STYLESHEETS[case]) if elsewhere(address.address, SITE)]
    assert found, case


def test_the_sites_own_files_and_data_addresses_are_fine() -> None:
    css = '.x { mask: url("data:image/svg+xml,<svg/>"); background: url(../assets/a.png) } .y { background: url(https://massage-guide.example/a.png) }'
    assert not [address for address in stylesheet_addresses(css) if elsewhere(address.address, SITE)]


def test_a_style_attribute_is_read_the_same_way() -> None:
    assert [found.address for found in declarations_addresses('background: image-set("https://cdn.example/a.png" 1x); color: red')] == ["https://cdn.example/a.png"]
    assert [found.address for found in declarations_addresses("background:u\\72l(https://cdn.example/bg.png)")] == ["https://cdn.example/bg.png"]


def test_a_brand_font_from_another_website_stops_the_build_naming_file_and_line(broken_copy, tmp_path: Path) -> None:
    project = broken_copy()
    sheet = project / "docs" / "stylesheets" / "guide.css"
    before = sheet.read_text("utf-8").rstrip("\n") + "\n"
    line = len(before.splitlines()) + 3
    sheet.write_text(before + '@font-face {\n  font-family: "Brand";\n  src: url(https://fonts.example/brand.woff2);\n}\n'
                     '.md-header { background: image-set("https://cdn.example/bg.png" 1x); }\n', "utf-8")
    log = failed_build_log(project, tmp_path / "site")
    assert_mentions(log, [
        f"docs/stylesheets/guide.css, line {line}: `url()` loads `https://fonts.example/brand.woff2` from another website, fonts.example",
        f"docs/stylesheets/guide.css, line {line + 2}: `image-set()` loads `https://cdn.example/bg.png`",
        "Expected:", "For example:",
    ], "remote font and background")
    assert "Traceback" not in log


@pytest.mark.parametrize("style", [
    'background: image-set("https://cdn.example/a.png" 1x)',
    "background: u\\72l(https://cdn.example/a.png)",
    # `\\` in CSS is one backslash: `\\\\host` reads `\\host`, which browsers read as `//host`.
    "background: url(\\\\\\\\cdn.example/a.png)",
])
def test_a_style_attribute_in_a_page_that_loads_from_elsewhere_stops_the_build(style: str, broken_copy, tmp_path: Path) -> None:
    project = broken_copy()
    page = project / "docs" / "about.md"
    page.write_text(page.read_text("utf-8").rstrip("\n") + f"\n\n<p style='{style}'>Hi</p>\n", "utf-8")
    log = failed_build_log(project, tmp_path / "site")
    assert_mentions(log, ["docs/about.md, line", "cdn.example", "another website"], style)


def test_a_stylesheet_outside_the_joined_ones_is_checked_too(broken_copy, tmp_path: Path) -> None:
    project = broken_copy()
    (project / "docs" / "brand.css").write_text("body { background: url(https://cdn.example/bg.png) }\n", "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("extra_css:\n", "extra_css:\n  - brand.css\n", 1), "utf-8")
    log = failed_build_log(project, tmp_path / "site")
    assert_mentions(log, ["docs/brand.css, line 1: `url()` loads `https://cdn.example/bg.png`"], "brand.css")
