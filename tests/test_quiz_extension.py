"""The quiz extension on its own: Markdown tables in, the quiz's HTML out, and clear errors.

Golden files: `fixtures/quiz/NAME.md` converts to exactly `fixtures/quiz/NAME.html`; they run
in tests/test_golden.py with the golden files of the guide's other extensions.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from massage_guide.mistakes import AuthorError
from massage_guide.quiz import QuizExtension

FIXTURES = Path(__file__).parent / "fixtures" / "quiz"
GOLDEN = sorted(FIXTURES.glob("*.md"))


def new_markdown(**config: object) -> markdown.Markdown:
    # The extension adds `tables` and `md_in_html` itself; `toc` gives headings ids, as on the site.
    return markdown.Markdown(extensions=["toc", QuizExtension(**config)])


def convert(text: str) -> str:
    return new_markdown().convert(text)


def test_golden_files_cover_both_kinds_of_question() -> None:
    html = "".join(path.with_suffix(".html").read_text(encoding="utf-8") for path in GOLDEN)
    for needed in ("mdx-quiz__question", "mdx-quiz__group", "The right answer is", "mdx-quiz__key"):
        assert needed in html


def test_ids_restart_for_every_document() -> None:
    md = new_markdown()
    text = (FIXTURES / "sort-it.md").read_text(encoding="utf-8")
    first = md.convert(text)
    md.convert((FIXTURES / "multiple-choice.md").read_text(encoding="utf-8"))
    again = md.convert(text)
    assert first == again
    assert 'id="mdx-quiz-q1"' in again and 'id="mdx-quiz-q4"' not in again


def test_every_question_has_its_own_radio_group() -> None:
    html = convert((FIXTURES / "two-quizzes.md").read_text(encoding="utf-8"))
    assert html.count("<form") == 2
    names = {f'name="mdx-quiz-q{n}"' for n in (1, 2, 3)}
    assert all(name in html for name in names)
    # The second quiz goes on counting, and its key starts where its questions start.
    assert '<ol class="mdx-quiz__key-list" start="2">' in html


def test_every_question_has_a_check_control_after_its_answers() -> None:
    """Arrow keys pick each answer they pass, so feedback waits for "Check answer" (quiz.css):
    one per question, after its answers, named by its own words; the summary of a `<details>`,
    which Enter opens as well as Space (a checkbox takes Space only)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(convert((FIXTURES / "two-quizzes.md").read_text(encoding="utf-8")), "html.parser")
    questions = soup.select(".mdx-quiz__question")
    assert questions
    for question in questions:
        checks = question.select(".mdx-quiz__check")
        assert len(checks) == 1 and checks[0].name == "details" and "open" not in checks[0].attrs, question["id"]
        assert [child.name for child in checks[0].find_all(True)] == ["summary"], "a summary, nothing to reveal"
        assert checks[0].summary.get_text(strip=True) == "Check answer"
        assert not question.select("input[type=checkbox]")
        assert checks[0].find_previous("input", type="radio") in question.select("input[type=radio]")
        assert not checks[0].find_next("input", type="radio") or checks[0].find_next("input", type="radio") not in question.select("input")
    for status in soup.select(".mdx-quiz__status"):
        assert status.select_one(".mdx-quiz__prompt").get_text() == "Answer a question to see your score"


def test_text_outside_a_quiz_is_left_alone() -> None:
    # (A table with quiz columns outside a quiz is refused: tests/test_author_safety.py.)
    text = "| Word | Meaning |\n| --- | --- |\n| cupping | cups on the skin |\n"
    assert convert(text) == markdown.markdown(text, extensions=["tables"])


# Bad input -------------------------------------------------------------------------------------

CHOICE = """\
<div class="mdx-quiz" markdown>

What tip should you plan for a spa massage?

| Answer | Correct | Why |
| --- | --- | --- |
| 20% | yes | Plan on 20%. See [price](price.md). |
| No tip | | A spa expects a tip. See [price](price.md). |

</div>
"""

SORT = """\
<div class="mdx-quiz" markdown>

Which kind of massage does each sentence describe?

| Statement | Medical | Relaxation | Both | Why |
| --- | --- | --- | --- | --- |
| You rest in a quiet lounge. | | x | | See [after](after.md). |
| You may hear calm music. | | | x | See [setting](setting.md). |

</div>
"""

# name: (Markdown, the line the error must name, words the message must contain)
BAD: dict[str, tuple[str, str, list[str]]] = {
    "no correct answer": (
        CHOICE.replace("| 20% | yes |", "| 20% | |"),
        "| Answer | Correct | Why |",
        ["no answer is marked correct", "`yes` in the `Correct` column of exactly one row"],
    ),
    "two correct answers": (
        CHOICE.replace("| No tip | |", "| No tip | yes |"),
        "| No tip | yes |",
        ["two answers are marked correct", '"20%" and "No tip"', "exactly one row"],
    ),
    "a mark the quiz cannot read": (
        CHOICE.replace("| No tip | |", "| No tip | maybe |"),
        "| No tip | maybe |",
        ["says `maybe`", "`yes` or `x`"],
    ),
    "missing column": (
        CHOICE.replace(" Why |", "").replace("| --- | --- | --- |", "| --- | --- |")
        .replace(" Plan on 20%. See [price](price.md). |", "").replace(" A spa expects a tip. See [price](price.md). |", ""),
        "| Answer | Correct |",
        ["no `Why` column", "`| Answer | Correct | Why |`"],
    ),
    "misnamed column": (
        CHOICE.replace("| Answer | Correct |", "| Answer | Right |"),
        "| Answer | Right | Why |",
        ["the column `Right` is not one a multiple-choice table knows", "`| Answer | Correct | Why |`"],
    ),
    "columns in the wrong order": (
        CHOICE.replace("| Answer | Correct | Why |", "| Answer | Why | Correct |"),
        "| Answer | Why | Correct |",
        ["the columns are `| Answer | Why | Correct |`", "in this order"],
    ),
    "unknown kind of table": (
        CHOICE.replace("| Answer | Correct | Why |", "| Answers | Correct | Why |"),
        "| Answers | Correct | Why |",
        ["starts with the column `Answers`", "neither a multiple-choice nor a sort-it table"],
    ),
    "empty answer": (
        CHOICE.replace("| No tip | |", "|  | |"),
        "|  | | A spa expects a tip.",
        ["answer 2 of this question has no text", "`Answer` column"],
    ),
    "empty explanation": (
        CHOICE.replace("| A spa expects a tip. See [price](price.md). |", "|  |"),
        "| No tip | |  |",
        ['the answer "No tip" has no explanation', "`Why` column"],
    ),
    "explanation without a link": (
        CHOICE.replace("A spa expects a tip. See [price](price.md).", "A spa expects a tip."),
        "| No tip | | A spa expects a tip. |",
        ['the explanation for the answer "No tip" has no link', "differences/price.md"],
    ),
    "fewer than two answers": (
        CHOICE.replace("| No tip | | A spa expects a tip. See [price](price.md). |\n", ""),
        "| Answer | Correct | Why |",
        ["the question has 1 answer; a choice needs at least 2", "2 or more rows"],
    ),
    "the same answer twice": (
        CHOICE.replace("| No tip | |", "| 20% | |"),
        "| 20% | | A spa",
        ['the answer "20%" is listed twice'],
    ),
    "duplicate question": (
        CHOICE.replace("\n</div>", "\n" + CHOICE.split("\n", 2)[2].replace("\n</div>\n", "")) + "\n</div>\n",
        "What tip should you plan for a spa massage?@2",
        ['the question "What tip should you plan for a spa massage?" is asked twice', "each question once"],
    ),
    "no question line": (
        CHOICE.replace("What tip should you plan for a spa massage?\n\n", ""),
        "| Answer | Correct | Why |",
        ["no question line above it", "then a blank line, then the table"],
    ),
    "table inside another block": (
        CHOICE.replace("| Answer", "- | Answer").replace("\n| ", "\n  | "),
        "- | Answer | Correct | Why |",
        ["inside another block", "directly inside the quiz"],
    ),
    "a quiz without questions": (
        "Intro.\n\n<div class=\"mdx-quiz\" markdown>\n\nJust words.\n\n</div>\n",
        '<div class="mdx-quiz"',
        ["the quiz has no question tables", '<div class="mdx-quiz" markdown>'],
    ),
    "a quiz inside a quiz": (
        '<div class="mdx-quiz" markdown>\n\n' + CHOICE + "\n</div>\n",
        '<div class="mdx-quiz"',
        ["a quiz is inside another quiz"],
    ),
    "sort it: no column marked": (
        SORT.replace("| You rest in a quiet lounge. | | x |", "| You rest in a quiet lounge. | | |"),
        "| You rest in a quiet lounge. |",
        ['no column is marked for "You rest in a quiet lounge."', "`x` in exactly one of the columns"],
    ),
    "sort it: two columns marked": (
        SORT.replace("| You may hear calm music. | | | x |", "| You may hear calm music. | x | | x |"),
        "| You may hear calm music. |",
        ['2 columns are marked for "You may hear calm music."', "`x` in exactly one of the columns"],
    ),
    "sort it: misnamed column": (
        SORT.replace("| Relaxation |", "| Spa |"),
        "| Statement | Medical | Spa | Both | Why |",
        ["the column `Spa` is not one a sort-it table knows", "`| Statement | Medical | Relaxation | Both | Why |`"],
    ),
    "sort it: missing column": (
        SORT.replace(" Why |", "").replace("| --- | --- | --- | --- | --- |", "| --- | --- | --- | --- |")
        .replace(" See [after](after.md). |", "").replace(" See [setting](setting.md). |", ""),
        "| Statement | Medical | Relaxation | Both |",
        ["the sort-it table has no `Why` column"],
    ),
    "sort it: empty statement": (
        SORT.replace("| You rest in a quiet lounge. |", "|  |"),
        "|  | | x |",
        ["row 1 of the sort-it table has no statement"],
    ),
    "sort it: empty explanation": (
        SORT.replace("| See [after](after.md). |", "|  |"),
        "| You rest in a quiet lounge. |",
        ['the statement "You rest in a quiet lounge." has no explanation'],
    ),
    "sort it: duplicate statement": (
        SORT.replace("| You may hear calm music. |", "| You rest in a quiet lounge. |"),
        "| You rest in a quiet lounge. | | | x |",
        ['"You rest in a quiet lounge." is asked twice'],
    ),
}


def line_of(text: str, wanted: str) -> int:
    """The 1-based line that starts with `wanted` (`text@2`: its second occurrence)."""
    wanted, _, nth = wanted.partition("@")
    hits = [number for number, line in enumerate(text.splitlines(), 1) if line.startswith(wanted)]
    assert hits, f"the test's Markdown has no line starting with {wanted!r}"
    return hits[int(nth or 1) - 1]


@pytest.mark.parametrize("case", BAD)
def test_bad_input_names_the_line_the_problem_and_the_expected_form(case: str) -> None:
    text, line, words = BAD[case]
    with pytest.raises(AuthorError) as caught:
        convert(text)
    error = caught.value
    assert error.line == line_of(text, line), f"{case}: wrong line in\n{error}"
    message = str(error)
    assert message.startswith(f"line {error.line}: ")
    assert "Expected: " in message and "For example:" in message
    for word in words:
        assert word in message, f"{case}: the message should say {word!r}:\n{message}"


def test_under_a_host_the_mistake_names_the_file_and_its_line_in_it(tmp_path: Path) -> None:
    """A host that says which page it converts (here Zensical's `rendering_context`, host.py):
    the mistake names the page's file, and its line counts the front matter above the body."""
    from zensical.extensions.context import ContextExtension, Page

    body, line, _ = BAD["two correct answers"]
    front_matter = "---\ntitle: Quiz\nsummary: A short quiz.\n---\n"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/quiz.md").write_text(front_matter + body, encoding="utf-8")
    (tmp_path / "docs/price.md").write_text("# Price\n", encoding="utf-8")  # the explanations link to it
    page = Page(url="quiz/", path="quiz.md", meta={"title": "Quiz"})
    host = ContextExtension(page=page, config={"root_dir": str(tmp_path), "docs_dir": "docs", "theme": {"language": "en"}})
    md = markdown.Markdown(extensions=[host, "toc", QuizExtension()])
    with pytest.raises(AuthorError) as caught:
        md.convert(body)
    error = caught.value
    assert error.file == "docs/quiz.md"
    assert error.line == line_of(body, line) + front_matter.count("\n")
    assert str(error).startswith(f"docs/quiz.md, line {error.line}: ")
    assert "two answers are marked correct" in error.problem


def test_links_can_be_made_optional() -> None:
    text = CHOICE.replace(" See [price](price.md).", "")
    with pytest.raises(AuthorError):
        convert(text)
    assert "mdx-quiz__question" in new_markdown(require_link=False).convert(text)
