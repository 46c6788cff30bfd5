"""The one kind of error the quiz raises: an author's mistake, with the line and the fix."""

from __future__ import annotations

from ..mistakes import mistake

CHOICE_EXAMPLE = """\
What tip should you plan for a spa massage?

| Answer | Correct | Why |
| --- | --- | --- |
| 20% | yes | Plan on 20%. See [the price page](differences/price.md). |
| No tip | | A spa expects a tip. See [the price page](differences/price.md). |
"""

SORT_EXAMPLE = """\
Sort it: which kind of massage does each sentence describe?

| Statement | Medical | Relaxation | Both | Why |
| --- | --- | --- | --- | --- |
| You rest in a quiet lounge. | | x | | See [after the session](differences/after-the-session.md). |
"""

QUIZ_EXAMPLE = f"""\
<div class="mdx-quiz" markdown>

{CHOICE_EXAMPLE}
</div>
"""

CHOICE_COLUMNS = "`| Answer | Correct | Why |`"
SORT_COLUMNS = "`| Statement | Medical | Relaxation | Both | Why |` (`Both` only where it fits)"


class QuizError(ValueError):
    """A quiz table that the extension cannot turn into questions.

    `line` counts from 1 in the Markdown text that was converted (None if it cannot be told).
    """

    def __init__(self, line: int | None, problem: str, expected: str, example: str) -> None:
        self.line = line
        self.problem = problem
        self.expected = expected
        self.example = example
        super().__init__(mistake(f"line {line}: " if line else "", problem, expected, example))
