"""The guide built by Zensical, Material's successor (Material 9.x ends on 2027-05-05).

Zensical reads mkdocs.yml and runs Python-Markdown extensions, but no MkDocs plugin. This smoke
test builds a copy of the project with it (the newest version the package index here installs)
and checks what must hold there too: the quiz is a form whose answers stay hidden until the
reader picks one, glossary words are marked and lead to their entries, a mistake in a quiz stops
the build, and no Python file of the project is published. What cannot work there is listed in
the README ("Other hosts of the extensions").
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import serve

ZENSICAL = Path(sys.executable).parent / "zensical"


def zensical_build(project: Path) -> subprocess.CompletedProcess[str]:
    """`zensical build --strict` in `project` (it writes `project/site`)."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [str(ZENSICAL), "build", "--clean", "--strict"],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="module")
def zensical_project(project_copy) -> Path:
    assert ZENSICAL.is_file(), f"Zensical is not installed beside {sys.executable} (requirements-test.txt)"
    return project_copy()


@pytest.fixture(scope="module")
def zensical_site(zensical_project: Path) -> Path:
    result = zensical_build(zensical_project)
    assert result.returncode == 0, f"zensical build failed:\n{result.stdout}\n{result.stderr}"
    return zensical_project / "site"


def test_no_python_file_or_glossary_data_is_published(zensical_site: Path) -> None:
    published = [
        path.relative_to(zensical_site).as_posix()
        for path in zensical_site.rglob("*")
        if path.suffix in {".py", ".pyc", ".pyi"} or path.name in {"__pycache__", "glossary.yml"}
    ]
    assert published == []


def test_quiz_is_a_form_that_hides_its_answers_until_a_choice(zensical_site: Path, browser) -> None:
    soup = BeautifulSoup((zensical_site / "quiz/index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(soup.select("form.mdx-quiz")) == 1
    choices = soup.select("input.mdx-quiz__input[type=radio]")
    assert len(choices) >= 17 * 2 and not [choice for choice in choices if choice.has_attr("checked")]
    headers = [th.get_text(strip=True) for th in soup.select("table th")]
    assert "Correct" not in headers, "a quiz table was left as a table: its answers show"
    # What a reader sees, in Chromium, before and after picking an answer.
    server, url = serve(zensical_site)
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url + "quiz/")
        feedback = page.locator(".mdx-quiz__feedback")
        assert feedback.count() > 0
        assert not [i for i in range(feedback.count()) if feedback.nth(i).is_visible()]
        assert not page.locator(".mdx-quiz__key").is_visible()
        first = page.locator("input.mdx-quiz__input").first
        page.locator(f"label[for='{first.get_attribute('id')}']").click()
        assert [i for i in range(feedback.count()) if feedback.nth(i).is_visible()], "picking shows nothing"
    finally:
        context.close()
        server.shutdown()


def test_glossary_words_are_marked_and_lead_to_their_entries(zensical_site: Path) -> None:
    marks = 0
    for path in sorted(zensical_site.rglob("*.html")):
        for link in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("a.mdx-term__link"):
            marks += 1
            target, _, anchor = link["href"].partition("#")
            entry = (path.parent / target).resolve()
            entry = entry / "index.html" if entry.is_dir() else entry
            where = f"{path.relative_to(zensical_site)}: {link['href']}"
            assert entry.is_file(), f"{where} leads to no page"
            assert BeautifulSoup(entry.read_text(encoding="utf-8"), "html.parser").find(id=anchor), where
    assert marks >= 10


def test_a_quiz_mistake_stops_the_build(zensical_project: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(zensical_project, broken, ignore=shutil.ignore_patterns("site", ".cache"))
    quiz = broken / "docs/quiz.md"
    text = quiz.read_text(encoding="utf-8")
    assert "| --- | --- | --- |" in text
    quiz.write_text(text.replace("| Answer | Correct | Why |", "| Answer | Right | Why |", 1), encoding="utf-8")
    result = zensical_build(broken)
    assert result.returncode != 0, "a quiz with a misnamed column must not be published"
    assert "Correct" in result.stdout + result.stderr, "the message names the column the quiz expects"
