"""Every mistake in one run: a build with several authors' mistakes names them all, each with its
file, its line, the expected form and an example, and only then stops.

Built in process (the configuration loaded and MkDocs' build called), as a practice owner's
`mkdocs build` would run, without a process of its own.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from massage_guide.mistakes import AuthorError, Mistakes, mistake


def _edit(project: Path, page: str, old: str, new: str) -> int:
    """Replace `old` by `new` in docs/`page`; return the line where it was."""
    path = project / "docs" / page
    text = path.read_text(encoding="utf-8")
    assert old in text, f"docs/{page} no longer holds {old!r}: is this test out of date?"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _build_log(project: Path, caplog: pytest.LogCaptureFixture) -> str:
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build(config)
    return "\n".join(record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR)


def test_one_build_names_three_mistakes_in_three_files(project_copy, caplog: pytest.LogCaptureFixture) -> None:
    project = project_copy()
    # A quiz column misnamed (the quiz extension), a page's summary left out (the page checks)
    # and a block misspelled (the blocks extension), each in a file of its own.
    quiz = _edit(project, "quiz.md", "| Answer | Correct | Why |", "| Answer | Right | Why |")
    summary = _edit(project, "safety.md", "summary:", "summery:")
    block = _edit(project, "about.md", "<!-- guide: review-dates -->", "<!-- guide: review-date -->")
    log = _build_log(project, caplog)
    assert "3 mistakes to fix" in log, log
    for where in (f"docs/quiz.md, line {quiz}: ", "docs/safety.md, line 1: ", f"docs/about.md, line {block}: "):
        assert where in log, f"the build should name {where!r}:\n{log}"
    assert log.count("Expected: ") == 3 and log.count("For example:") == 3, log
    assert summary > 1  # the summary's line is in the front matter; a missing one is told on line 1
    assert not (project / "site" / "index.html").exists(), "no page is written when the build has mistakes"


def test_settings_mistakes_are_told_together(project_copy, caplog: pytest.LogCaptureFixture) -> None:
    project = project_copy()
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r'^    next: "\d{4}-\d\d-(\d\d)"$', r'    next: "2027-13-\1"', text, count=1, flags=re.M)
    text = text.replace("  - massage_guide.permalinks\n", "", 1)
    assert text != config.read_text(encoding="utf-8")
    config.write_text(text, encoding="utf-8")
    log = _build_log(project, caplog)
    assert "2 mistakes to fix" in log, log
    assert re.search(r"mkdocs\.yml, line \d+: `extra\.review\.next` is `2027-13-\d\d`", log), log
    assert "does not list `massage_guide.permalinks`" in log, log


def test_one_mistake_is_told_as_it_is() -> None:
    found = Mistakes()
    error = AuthorError("docs/price.md", 3, "a problem.", "the form.", "an example")
    found.add(error)
    found.add(error)  # a page converted twice (the booklet) tells it once
    assert found.message() == str(error) == mistake("docs/price.md, line 3: ", "a problem.", "the form.", "an example")
