"""The in-process build (inprocess.py) tells an author what `mkdocs build --strict` tells them,
and one build leaves nothing behind for the next."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import failed_build_log, mkdocs_build
from inprocess import build_in_process


def misspell_review(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  review:\n" in text
    config.write_text(text.replace("\n  review:\n", "\n  reveiw:\n", 1), encoding="utf-8")


def add_script(project: Path) -> None:
    page = project / "docs/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.slow  # runs the command once, to compare
@pytest.mark.parametrize("breaker", [misspell_review, add_script], ids=["settings", "page"])
def test_a_failed_build_says_the_same_in_process_as_the_command(breaker, broken_copy, tmp_path: Path) -> None:
    project = broken_copy()
    breaker(project)
    command = mkdocs_build(project, tmp_path / "site")
    assert command.returncode != 0, command.stderr
    in_process = build_in_process(project, tmp_path / "site")
    assert not in_process.passed
    assert lines(in_process.text) == lines(command.stderr + command.stdout)


def test_each_build_in_process_starts_afresh(broken_copy, tmp_path: Path) -> None:
    settings, page = broken_copy(), broken_copy()
    misspell_review(settings)
    add_script(page)
    first = failed_build_log(settings, tmp_path / "one")
    second = failed_build_log(page, tmp_path / "two")
    assert "reveiw" in first and "reveiw" not in second, second
    assert "<script>" in second and "<script>" not in first, first
    # The same mistake again: told again, the same way (nothing was remembered from before).
    assert failed_build_log(settings, tmp_path / "three") == first.replace(str(tmp_path / "one"), str(tmp_path / "three"))


@pytest.mark.slow  # the Spanish build comes after the whole English one
def test_a_failed_second_language_leaves_nothing_behind(broken_copy, tmp_path: Path) -> None:
    """mkdocs-static-i18n silences two lines of MkDocs' log and stops it cleaning the site folder
    while it builds the second language, and undoes both only if that build passes."""
    spanish = broken_copy()
    quiz = spanish / "docs/quiz.es.md"
    text = quiz.read_text(encoding="utf-8")
    assert "| 50% | |" in text
    quiz.write_text(text.replace("| 50% | |", "| 50% | sí |", 1), encoding="utf-8")
    assert "docs/quiz.es.md" in failed_build_log(spanish, tmp_path / "spanish")
    page = broken_copy()
    add_script(page)
    (tmp_path / "site").mkdir()
    (tmp_path / "site/left-over.html").write_text("from a build before", encoding="utf-8")
    log = failed_build_log(page, tmp_path / "site")
    assert "Cleaning site directory" in log and "Building documentation to directory" in log, log
    assert not (tmp_path / "site/left-over.html").exists(), "the site folder was not cleaned"


def test_a_python_error_shows_as_a_traceback(broken_copy, tmp_path: Path, monkeypatch) -> None:
    """A crash is never passed off as an author's message: the tests that read what the author
    is told check it holds no traceback."""
    from mkdocs.structure.pages import Page

    def crash(*args, **kwargs):
        raise KeyError("summary")

    monkeypatch.setattr(Page, "render", crash)
    built = build_in_process(broken_copy(), tmp_path / "site")
    assert not built.passed and "Traceback" in built.text and "KeyError: 'summary'" in built.text, built.text
