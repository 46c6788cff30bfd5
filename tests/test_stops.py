"""Every stop names the file to fix and shows no traceback (issue 25): mistakes that used to end
in a traceback, or named the wrong file, each made in a fresh copy of the project and built in
process (conftest's `failed_build_log`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import failed_build_log
from site_pages import LANGUAGES

spanish = pytest.mark.skipif("es" not in LANGUAGES, reason="the Spanish edition is switched off")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer has {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _told(log: str, *needles: str) -> None:
    for needle in needles:
        assert needle in log, f"the message should say {needle!r}\n{log}"
    assert "Traceback" not in log, f"the author should see a message, not a traceback\n{log}"


@spanish
def test_a_missing_spanish_page_names_the_spanish_file(broken_copy, tmp_path: Path) -> None:
    # Before: after the whole English site, warnings that links lead to no `safety.md`.
    project = broken_copy()
    (project / "docs" / "safety.es.md").unlink()
    log = failed_build_log(project, tmp_path / "site", "no safety.es.md")
    _told(log, "docs/safety.es.md: this file is missing", "lists safety.md", "Expected:", "For example:")
    assert "target 'safety.md' is not found" not in log, log


@spanish
def test_an_unknown_language_code_names_the_setting(broken_copy, tmp_path: Path) -> None:
    # Before: a traceback (WordsError in guide/languages' on_env) once English was built.
    project = broken_copy()
    _edit(project / "mkdocs.yml", "- locale: es", "- locale: sp")
    log = failed_build_log(project, tmp_path / "site", "locale: sp")
    _told(log, "mkdocs.yml: ", "`locale: sp`", "no words/sp.yml", "Expected:", "For example:")
    assert "docs/safety.sp.md" not in log, f"the language is told once, not page by page\n{log}"


def test_removed_guide_plugins_are_named(broken_copy, tmp_path: Path) -> None:
    # Before: "No filter named 'long_date' found" deep in a template, with a traceback.
    project = broken_copy()
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"^  - guide/\w+\n", "", text, flags=re.MULTILINE), encoding="utf-8")
    log = failed_build_log(project, tmp_path / "site", "no guide plugins")
    _told(log, "mkdocs.yml: `plugins:` does not list `guide/languages`, `guide/checks`, `guide/assets`, `guide/print`",
          "Expected:", "For example:")


def test_a_mistyped_front_matter_icon_names_the_page_and_line(broken_copy, tmp_path: Path) -> None:
    # Before: TemplateNotFound `.icons/material/cashh.svg` while drawing the menu, with a traceback.
    project = broken_copy()
    _edit(project / "docs" / "about.md", "---\n", "---\nicon: material/cashh\n")
    log = failed_build_log(project, tmp_path / "site", "icon: material/cashh")
    _told(log, "docs/about.md, line 2: `icon: material/cashh` is not an icon of the theme", "Expected:", "For example:")


def test_a_real_front_matter_icon_is_accepted(broken_copy, tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    from massage_guide.plugin.settings_check import check_page_icon

    config = load_config(config_file=str(broken_copy() / "mkdocs.yml"))
    page = Page(None, File("about.md", config.docs_dir, config.site_dir, True), config)
    page.meta = {"icon": "material/cash"}
    check_page_icon(page, config)  # no error


def test_a_missing_snippet_names_the_page_and_line(broken_copy, tmp_path: Path) -> None:
    # Before: SnippetMissingError with a traceback (MkDocs' log named the page, not the line).
    project = broken_copy()
    page = project / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n--8<-- "urgent-sign.md"\n', encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())
    log = failed_build_log(project, tmp_path / "site", "a missing snippet")
    _told(log, f'docs/about.md, line {line}: `--8<-- "urgent-sign.md"` names a snippet that is not in docs/snippets/',
          "Expected:", "For example:")
