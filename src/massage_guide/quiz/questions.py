"""Read quiz tables into questions, and refuse tables an author got wrong.

Two kinds of table, told apart by their first column:

- multiple choice, `| Answer | Correct | Why |`: the paragraph above the table is the question,
  each row an answer, `yes` (or `x`) in `Correct` marks the one right answer, `Why` explains it;
- sort it, `| Statement | Medical | Relaxation | Both | Why |`: the paragraph above the table
  is the instruction, each row a question, `x` (or `yes`) marks the one right column.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from .errors import CHOICE_COLUMNS, CHOICE_EXAMPLE, SORT_COLUMNS, SORT_EXAMPLE, QuizError
from .source import SourceTable

MARKED = {"yes", "x"}
UNMARKED = {"", "no"}
CHOICE_NAMES = ["answer", "correct", "why"]
SORT_CHOICES = ["medical", "relaxation", "both"]
LINK_EXPECTED = (
    "a link in the `Why` column to the page that teaches the point, "
    "such as `See [the price page](differences/price.md).`"
)


@dataclass
class Choice:
    label: etree.Element  # its text and children are what the reader sees as the answer
    why: etree.Element
    right: bool


@dataclass
class Question:
    text: etree.Element  # its text and children are the question (a paragraph or a cell)
    choices: list[Choice]
    # A row of a sort-it table: one explanation for all its choices, so "not quite" names the
    # right answer; its statement is short, so the answer key repeats it.
    sort_row: bool

    @property
    def answer(self) -> Choice:
        return next(choice for choice in self.choices if choice.right)


@dataclass
class Table:
    """One quiz table: a multiple-choice question, or a sort-it group of questions."""

    intro: etree.Element  # the paragraph above the table
    questions: list[Question]
    sort: bool


def text_of(element: etree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def column_names(table: etree.Element) -> list[str]:
    return [text_of(cell) for cell in table.iter("th")]


def _rows(table: etree.Element) -> list[list[etree.Element]]:
    body = table.find("tbody")
    return [list(row) for row in body.iter("tr")] if body is not None else []


class Reader:
    """Reads the quiz tables of one document; remembers questions to refuse duplicates."""

    def __init__(self, require_link: bool) -> None:
        self.require_link = require_link
        self.asked: set[str] = set()

    def read(self, table: etree.Element, intro: etree.Element | None, source: SourceTable | None) -> Table:
        names = column_names(table)
        header = source.header_line if source else None
        kind = names[0].lower() if names else ""
        if kind not in ("answer", "statement"):
            raise QuizError(
                header,
                f"this table in the quiz starts with the column `{names[0] if names else ''}`, so it "
                "is neither a multiple-choice nor a sort-it table.",
                f"a multiple-choice table {CHOICE_COLUMNS} or a sort-it table {SORT_COLUMNS}.",
                CHOICE_EXAMPLE,
            )
        sort = kind == "statement"
        example = SORT_EXAMPLE if sort else CHOICE_EXAMPLE
        if intro is None:
            raise QuizError(
                header,
                "this quiz table has no question line above it.",
                "the question (or, for a sort-it table, the instruction) as a line of its own, "
                "then a blank line, then the table.",
                example,
            )
        if sort:
            questions = self._sort_questions(table, names, source)
        else:
            questions = [self._choice_question(table, names, intro, source)]
        return Table(intro, questions, sort)

    # Multiple choice -------------------------------------------------------------------------

    def _choice_question(
        self, table: etree.Element, names: list[str], intro: etree.Element, source: SourceTable | None
    ) -> Question:
        header = source.header_line if source else None
        _check_columns(names, CHOICE_NAMES, header, CHOICE_COLUMNS, CHOICE_EXAMPLE)
        rows = _rows(table)
        if len(rows) < 2:
            raise QuizError(
                header,
                f"the question has {len(rows)} answer{'' if len(rows) == 1 else 's'}; a choice needs "
                "at least 2.",
                "2 or more rows of answers under the header, one marked `yes` in `Correct`.",
                CHOICE_EXAMPLE,
            )
        choices: list[Choice] = []
        seen: dict[str, int] = {}
        first_right: str | None = None
        for index, (answer, mark, why) in enumerate(row[:3] for row in rows):
            line = source.row_line(index) if source else None
            label = text_of(answer)
            if not label:
                raise QuizError(
                    line,
                    f"answer {index + 1} of this question has no text.",
                    "the answer's words in the `Answer` column of every row.",
                    CHOICE_EXAMPLE,
                )
            if label.lower() in seen:
                raise QuizError(
                    line,
                    f"the answer \"{label}\" is listed twice for the same question.",
                    "each answer once.",
                    CHOICE_EXAMPLE,
                )
            seen[label.lower()] = index
            right = _mark(mark, line, "`Correct`", CHOICE_EXAMPLE)
            self._check_why(why, line, f"the answer \"{label}\"", CHOICE_EXAMPLE)
            if right and first_right is not None:
                raise QuizError(
                    line,
                    f"two answers are marked correct (\"{first_right}\" and \"{label}\"), but a "
                    "question has one right answer.",
                    "`yes` in the `Correct` column of exactly one row; leave the others empty.",
                    CHOICE_EXAMPLE,
                )
            if right:
                first_right = label
            choices.append(Choice(answer, why, right))
        if first_right is None:
            raise QuizError(
                header,
                "no answer is marked correct.",
                "`yes` in the `Correct` column of exactly one row; leave the others empty.",
                CHOICE_EXAMPLE,
            )
        self._check_new(intro, source.question_line if source else None, CHOICE_EXAMPLE)
        return Question(intro, choices, sort_row=False)

    # Sort it ----------------------------------------------------------------------------------

    def _sort_questions(
        self, table: etree.Element, names: list[str], source: SourceTable | None
    ) -> list[Question]:
        header = source.header_line if source else None
        lowered = [name.lower() for name in names]
        if "why" in lowered[:-1]:
            raise QuizError(
                header,
                "the `Why` column is not the last column of this sort-it table.",
                f"the columns {SORT_COLUMNS}, with `Why` last.",
                SORT_EXAMPLE,
            )
        middle = lowered[1:-1] if lowered[-1:] == ["why"] else lowered[1:]
        for name, shown in zip(middle, names[1:]):
            if name not in SORT_CHOICES:
                raise QuizError(
                    header,
                    f"the column `{shown}` is not one a sort-it table knows.",
                    f"the columns {SORT_COLUMNS}.",
                    SORT_EXAMPLE,
                )
        for needed in ("medical", "relaxation", "why"):
            if needed not in lowered:
                raise QuizError(
                    header,
                    f"the sort-it table has no `{needed.capitalize()}` column.",
                    f"the columns {SORT_COLUMNS}.",
                    SORT_EXAMPLE,
                )
        if len(set(middle)) != len(middle):
            raise QuizError(
                header,
                "a column appears twice in this sort-it table.",
                f"each of the columns {SORT_COLUMNS} once.",
                SORT_EXAMPLE,
            )
        rows = _rows(table)
        if not rows:
            raise QuizError(
                header,
                "the sort-it table has no statements.",
                "one row for each statement to sort, with `x` in its column.",
                SORT_EXAMPLE,
            )
        columns = table.findall("thead/tr/th")[1 : 1 + len(middle)]
        questions = []
        for index, row in enumerate(rows):
            line = source.row_line(index) if source else None
            statement, marks, why = row[0], row[1 : 1 + len(middle)], row[1 + len(middle)]
            if not text_of(statement):
                raise QuizError(
                    line,
                    f"row {index + 1} of the sort-it table has no statement.",
                    "the sentence to sort in the `Statement` column of every row.",
                    SORT_EXAMPLE,
                )
            chosen = [
                column
                for column, mark in zip(columns, marks)
                if _mark(mark, line, f"`{text_of(column)}`", SORT_EXAMPLE)
            ]
            if not chosen:
                raise QuizError(
                    line,
                    f"no column is marked for \"{text_of(statement)}\".",
                    "`x` in exactly one of the columns Medical, Relaxation or Both.",
                    SORT_EXAMPLE,
                )
            if len(chosen) > 1:
                raise QuizError(
                    line,
                    f"{len(chosen)} columns are marked for \"{text_of(statement)}\", but each "
                    "statement has one right column.",
                    "`x` in exactly one of the columns Medical, Relaxation or Both "
                    "(use `Both` when it fits both kinds of massage).",
                    SORT_EXAMPLE,
                )
            self._check_why(why, line, f"the statement \"{text_of(statement)}\"", SORT_EXAMPLE)
            self._check_new(statement, line, SORT_EXAMPLE)
            choices = [Choice(column, why, column is chosen[0]) for column in columns]
            questions.append(Question(statement, choices, sort_row=True))
        return questions

    # Shared checks ----------------------------------------------------------------------------

    def _check_why(self, why: etree.Element, line: int | None, what: str, example: str) -> None:
        if not text_of(why):
            raise QuizError(
                line,
                f"{what} has no explanation.",
                "a short sentence in the `Why` column that says why, with a link to the page "
                "that teaches the point.",
                example,
            )
        if self.require_link and why.find(".//a[@href]") is None:
            raise QuizError(line, f"the explanation for {what} has no link.", LINK_EXPECTED, example)

    def _check_new(self, question: etree.Element, line: int | None, example: str) -> None:
        key = re.sub(r"\W+", " ", text_of(question).lower()).strip()
        if key in self.asked:
            raise QuizError(
                line,
                f"the question \"{text_of(question)}\" is asked twice on this page.",
                "each question once; change or delete one of them.",
                example,
            )
        self.asked.add(key)


def _check_columns(
    names: list[str], expected: list[str], line: int | None, shown: str, example: str
) -> None:
    lowered = [name.lower() for name in names]
    for name, original in zip(lowered, names):
        if name not in expected:
            raise QuizError(
                line,
                f"the column `{original}` is not one a multiple-choice table knows.",
                f"the columns {shown}, in this order.",
                example,
            )
    for name in expected:
        if name not in lowered:
            raise QuizError(
                line,
                f"the multiple-choice table has no `{name.capitalize()}` column.",
                f"the columns {shown}, in this order.",
                example,
            )
    if lowered != expected:
        raise QuizError(
            line,
            f"the columns are `| {' | '.join(names)} |`.",
            f"the columns {shown}, each once and in this order.",
            example,
        )


def _mark(cell: etree.Element, line: int | None, column: str, example: str) -> bool:
    value = text_of(cell).lower()
    if value in MARKED:
        return True
    if value in UNMARKED:
        return False
    raise QuizError(
        line,
        f"the {column} column says `{text_of(cell)}`, which the quiz cannot read as right or wrong.",
        "`yes` or `x` in the one right column; leave the others empty.",
        example,
    )
