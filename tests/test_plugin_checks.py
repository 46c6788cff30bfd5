"""The guide plugin's other checks, each broken once: the theme's templates, the settings that
tie the plugin to its extensions, stylesheets and booklet, and a glossary block out of place.

Like test_bad_input.py: a fresh copy of the project, broken the way a practice owner or a
developer might, built strictly in the test's own process; the message must say where, what was
found and what to write."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import assert_mentions, failed_build_log


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer has {old!r}: update this test's breaker"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def template_loads_a_font(project: Path) -> None:
    include = '{% include "partials/print-styles.html" %}'
    edit(project / "overrides/main.html", include, include + '\n  <link rel="stylesheet" href="https://fonts.example/css2">')


def not_found_page_loads_a_picture(project: Path) -> None:
    edit(project / "overrides/404.html", "{% block content %}", '{% block content %}\n  <img src="https://cdn.example/lost.png" alt="">')


def leave_out_the_quiz_extension(project: Path) -> None:
    edit(project / "mkdocs.yml", "\n  - massage_guide.quiz\n", "\n")


def delete_the_glossary_page(project: Path) -> None:
    for name in ("glossary.md", "glossary.es.md"):
        (project / "docs" / name).unlink(missing_ok=True)


def leave_out_a_missing_page_from_the_booklet(project: Path) -> None:
    config = project / "mkdocs.yml"
    text, count = re.subn(r"^  - guide/print$", "  - guide/print:\n      booklet_leaves_out: [no-such-page.md]", config.read_text(encoding="utf-8"), flags=re.M)
    assert count == 1, "mkdocs.yml lists no `- guide/print` plugin without options: update this test's breaker"
    config.write_text(text, encoding="utf-8")


def list_a_missing_stylesheet(project: Path) -> None:
    edit(project / "mkdocs.yml", "\n  - stylesheets/glossary.css\n", "\n  - stylesheets/glossary.css\n  - stylesheets/missing.css\n")


def import_a_stylesheet(project: Path) -> str:
    sheet = project / "docs/stylesheets/print.css"
    sheet.write_text("@import url(more.css);\n" + sheet.read_text(encoding="utf-8"), encoding="utf-8")
    return "docs/stylesheets/print.css, line 1"


def glossary_block_on_another_page(project: Path) -> str:
    page = project / "docs/about.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n"
    page.write_text(text + "\n<!-- glossary: entries -->\n", encoding="utf-8")
    return f"docs/about.md, line {len(text.splitlines()) + 2}"


CASES: dict[str, tuple[Callable[[Path], str | None], list[str]]] = {
    "a template loads a font from another website": (
        template_loads_a_font,
        ["https://fonts.example/css2", "`<link>`", "another website, fonts.example", "Save the file inside docs/", "For example:"],
    ),
    "the not-found page loads a picture from another website": (
        not_found_page_loads_a_picture,
        ["404.html (overrides/)", "https://cdn.example/lost.png", "another website, cdn.example", "For example:"],
    ),
    "a guide extension left out of markdown_extensions": (
        leave_out_the_quiz_extension,
        ["`markdown_extensions` does not list `massage_guide.quiz`", "Expected:", "- massage_guide.quiz"],
    ),
    "no glossary page": (delete_the_glossary_page, ["docs/glossary.md is missing", "docs/glossary.yml", "<!-- glossary: entries -->"]),
    "the booklet leaves out a page that is not there": (
        leave_out_a_missing_page_from_the_booklet,
        ["`booklet_leaves_out` lists `no-such-page.md`", "no docs/no-such-page.md", "For example:"],
    ),
    "a stylesheet listed but not there": (list_a_missing_stylesheet, ["`extra_css` lists stylesheets/missing.css", "docs/stylesheets/missing.css does not exist"]),
    "a stylesheet that imports another": (import_a_stylesheet, ["`@import`", "joined into one", "Expected:"]),
    "the glossary block on another page": (
        glossary_block_on_another_page,
        ["`<!-- glossary: entries -->` is not a glossary block this page can have", "docs/glossary.md only", "For example:"],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_plugin_check_stops_the_build_and_says_what_to_do(case: str, broken_copy, tmp_path: Path) -> None:
    breaker, expected = CASES[case]
    project = broken_copy()
    where = breaker(project)
    log = failed_build_log(project, tmp_path / "site", case)
    assert_mentions(log, [*expected, *([where] if where else [])], case)
    assert "Traceback" not in log, f"{case}: the author should see a message, not a traceback\n{log}"
