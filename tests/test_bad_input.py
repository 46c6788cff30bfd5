"""An author's mistake stops the build with a message that names the file and says what to do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from conftest import assert_mentions, failed_build_log


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def break_link(project: Path) -> None:
    append(project / "docs/safety.md", "\nSee [the old page](no-such-page.md).\n")


def break_anchor(project: Path) -> None:
    append(project / "docs/safety.md", "\nSee [prices](differences/price.md#no-such-part).\n")


def add_page_outside_nav(project: Path) -> None:
    (project / "docs/stray.md").write_text(
        "---\ntitle: Stray\nsummary: A page nobody can reach. It is not in the menu.\n---\n# Stray\n",
        encoding="utf-8",
    )


def drop_front_matter_key(page: Path, key: str) -> None:
    """Remove `key:` from the page's front matter, with the indented lines that carry its value on."""
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = start + 1
    while lines[end].startswith("  "):
        end += 1
    page.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")


def lengthen_description(project: Path) -> None:
    page = project / "docs/safety.md"
    text = page.read_text(encoding="utf-8")
    longer = "description: >-\n  " + "Very long words. " * 12 + "\n"
    page.write_text(text.replace("description: >-\n", longer, 1), encoding="utf-8")


def copy_description(project: Path) -> None:
    source = get_data((project / "docs/about.md").read_text(encoding="utf-8"))[1]["description"]
    page = project / "docs/safety.md"
    drop_front_matter_key(page, "description")
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("---\n", f"---\ndescription: {source}\n", 1), encoding="utf-8")


def drop_title_line(project: Path) -> None:
    page = project / "docs/safety.md"
    text = page.read_text(encoding="utf-8")
    page.write_text("\n".join(l for l in text.splitlines() if not l.startswith("# ")), encoding="utf-8")


def misspell_directive(project: Path) -> None:
    page = project / "docs/index.md"
    text = page.read_text(encoding="utf-8").replace("guide: at-a-glance", "guide: at-a-glanse")
    page.write_text(text, encoding="utf-8")


def drop_glance(project: Path) -> None:
    page = project / "docs/differences/the-setting.md"
    text = page.read_text(encoding="utf-8").replace("glance:", "glimpse:")
    page.write_text(text, encoding="utf-8")


CASES: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    "broken link": (break_link, ["safety.md", "no-such-page.md"]),
    "broken anchor": (break_anchor, ["safety.md", "no-such-part"]),
    "page not in the navigation": (add_page_outside_nav, ["stray.md", "nav"]),
    "page without a summary": (
        lambda project: drop_front_matter_key(project / "docs/differences/price.md", "summary"),
        ["docs/differences/price.md, line 1", "summary:"],
    ),
    "page without a description": (
        lambda project: drop_front_matter_key(project / "docs/safety.md", "description"),
        ["docs/safety.md, line 1", "description:", "For example:"],
    ),
    "description too long for search results": (lengthen_description, ["docs/safety.md, line", "155"]),
    "description copied from another page": (copy_description, ["docs/safety.md, line", "docs/about.md"]),
    "page without a title line": (drop_title_line, ["docs/safety.md", "# "]),
    "unknown generated block": (misspell_directive, ["docs/index.md, line", "at-a-glanse", "<!-- guide: at-a-glance -->"]),
    "difference without its glance row": (drop_glance, ["docs/differences/the-setting.md", "glance:"]),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_fails_the_build_and_names_the_file(case: str, project_copy, tmp_path: Path) -> None:
    breaker, expected = CASES[case]
    project = project_copy()
    breaker(project)
    log = failed_build_log(project, tmp_path / "site", case)
    assert_mentions(log, expected, case)
