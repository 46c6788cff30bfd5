"""Read quiz tables into questions, and refuse tables an author got wrong.

Two kinds of table, told apart by their first column:

- multiple choice, `| Answer | Correct | Why |`: the paragraph above the table is the question,
  each row an answer, `yes` (or `x`) in `Correct` marks the one right answer, `Why` explains it;
- sort it, `| Statement | Medical | Relaxation | Both | Why |`: the paragraph above the table
  is the instruction, each row a question, `x` (or `yes`) marks the one right column.

A quiz names its columns and marks its answers in its page's language (`quiz_tables:` in the
language's words file: `| Respuesta | Correcta | Por qué |`, `sí`) or in any language the guide
ships words for (a host that does not tell the page's language still reads a Spanish quiz).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from markdown.util import HTML_PLACEHOLDER_RE, HtmlStash

from ..mistakes import AuthorError
from ..words import ENGLISH, language_of, shipped, words
from .errors import CHOICE_COLUMNS, CHOICE_EXAMPLE, SORT_COLUMNS, SORT_EXAMPLE
from .source import SourceTable

CHOICE_NAMES = ["answer", "correct", "why"]
SORT_CHOICES = ["medical", "relaxation", "both"]
# Raw HTML an author may write in a quiz cell: text formatting, nothing that loads or runs.
SAFE_TAGS = {"br", "strong", "em", "b", "i", "small", "sub", "sup", "abbr", "span", "mark", "wbr"}
SAFE_ATTRIBUTES = {"class", "title", "lang"}
# Where a link in a quiz may lead: a page of the guide, a website, an email address, a phone.
SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}
SAFETY_EXPECTED = (
    "plain words and Markdown: **bold**, _italics_, and links to pages of the guide "
    "(`[the price page](differences/price.md)`) or to websites that start with https://"
)
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


def _quiz_tables(language: str) -> list:
    """The `quiz_tables` words a quiz in `language` is read with: the language's own last, so
    that they win over the shipped languages'."""
    page = language_of(language)
    return [words(code)["quiz_tables"] for code in (*(code for code in shipped() if code != page), page)]


def column_keywords(names: list[str], language: str = ENGLISH) -> list[str]:
    """Column names as the quiz knows them: a name in the page's language (its words file's
    `quiz_tables.columns`: "Respuesta") becomes its English keyword ("answer"); an English name
    stays as written (readers see the sort-it ones)."""
    known = {
        name.lower(): keyword for said in _quiz_tables(language) for keyword, name in said["columns"].items()
    }
    keywords = []
    for name in names:
        keyword = known.get(name.lower(), name)
        keywords.append(name if keyword == name.lower() else keyword)
    return keywords


def marks(language: str = ENGLISH) -> tuple[set[str], set[str]]:
    """The marks of a right answer and of a wrong one in a quiz in `language` (its words file's
    `quiz_tables`, which win), and in the shipped languages; an empty cell is wrong."""
    right: set[str] = set()
    wrong = {""}
    for said in _quiz_tables(language):
        own_right, own_wrong = {mark.lower() for mark in said["right"]}, {mark.lower() for mark in said["wrong"]}
        right, wrong = (right - own_wrong) | own_right, (wrong - own_right) | own_wrong
    return right, wrong


def _rows(table: etree.Element) -> list[list[etree.Element]]:
    body = table.find("tbody")
    return [list(row) for row in body.iter("tr")] if body is not None else []


class Reader:
    """Reads the quiz tables of one document; remembers questions to refuse duplicates."""

    def __init__(
        self,
        require_link: bool,
        stash: HtmlStash | None = None,
        check_link: Callable[[str, int | None], None] | None = None,
        language: str = ENGLISH,
    ) -> None:
        self.require_link = require_link
        self.stash = stash
        self.check_link = check_link
        self.language = language  # the page's: its column names and marks are read too
        self.marks = marks(language)
        self.asked: set[str] = set()

    def read(self, table: etree.Element, intro: etree.Element | None, source: SourceTable | None) -> Table:
        names = column_keywords(column_names(table), self.language)
        header = source.header_line if source else None
        kind = names[0].lower() if names else ""
        if kind not in ("answer", "statement"):
            raise AuthorError(
                "",
                header,
                f"this table in the quiz starts with the column `{names[0] if names else ''}`, so it "
                "is neither a multiple-choice nor a sort-it table.",
                f"a multiple-choice table {CHOICE_COLUMNS} or a sort-it table {SORT_COLUMNS}.",
                CHOICE_EXAMPLE,
            )
        sort = kind == "statement"
        example = SORT_EXAMPLE if sort else CHOICE_EXAMPLE
        if intro is None:
            raise AuthorError(
                "",
                header,
                "this quiz table has no question line above it.",
                "the question (or, for a sort-it table, the instruction) as a line of its own, "
                "then a blank line, then the table.",
                example,
            )
        self.check_safe(intro, source.question_line if source else header, "the question", example)
        for number, row in enumerate(_rows(table)):
            for cell in row:
                self.check_safe(cell, source.row_line(number) if source else None, "this row", example)
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
            raise AuthorError(
                "",
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
                raise AuthorError(
                    "",
                    line,
                    f"answer {index + 1} of this question has no text.",
                    "the answer's words in the `Answer` column of every row.",
                    CHOICE_EXAMPLE,
                )
            if label.lower() in seen:
                raise AuthorError(
                    "",
                    line,
                    f"the answer \"{label}\" is listed twice for the same question.",
                    "each answer once.",
                    CHOICE_EXAMPLE,
                )
            seen[label.lower()] = index
            right = _mark(mark, line, "`Correct`", CHOICE_EXAMPLE, self.marks)
            self._check_why(why, line, f"the answer \"{label}\"", CHOICE_EXAMPLE)
            if right and first_right is not None:
                raise AuthorError(
                    "",
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
            raise AuthorError(
                "",
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
            raise AuthorError(
                "",
                header,
                "the `Why` column is not the last column of this sort-it table.",
                f"the columns {SORT_COLUMNS}, with `Why` last.",
                SORT_EXAMPLE,
            )
        middle = lowered[1:-1] if lowered[-1:] == ["why"] else lowered[1:]
        for name, shown in zip(middle, names[1:]):
            if name not in SORT_CHOICES:
                raise AuthorError(
                    "",
                    header,
                    f"the column `{shown}` is not one a sort-it table knows.",
                    f"the columns {SORT_COLUMNS}.",
                    SORT_EXAMPLE,
                )
        for needed in ("medical", "relaxation", "why"):
            if needed not in lowered:
                raise AuthorError(
                    "",
                    header,
                    f"the sort-it table has no `{needed.capitalize()}` column.",
                    f"the columns {SORT_COLUMNS}.",
                    SORT_EXAMPLE,
                )
        if len(set(middle)) != len(middle):
            raise AuthorError(
                "",
                header,
                "a column appears twice in this sort-it table.",
                f"each of the columns {SORT_COLUMNS} once.",
                SORT_EXAMPLE,
            )
        rows = _rows(table)
        if not rows:
            raise AuthorError(
                "",
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
                raise AuthorError(
                    "",
                    line,
                    f"row {index + 1} of the sort-it table has no statement.",
                    "the sentence to sort in the `Statement` column of every row.",
                    SORT_EXAMPLE,
                )
            chosen = [
                column
                for column, mark in zip(columns, marks)
                if _mark(mark, line, f"`{text_of(column)}`", SORT_EXAMPLE, self.marks)
            ]
            if not chosen:
                raise AuthorError(
                    "",
                    line,
                    f"no column is marked for \"{text_of(statement)}\".",
                    "`x` in exactly one of the columns Medical, Relaxation or Both.",
                    SORT_EXAMPLE,
                )
            if len(chosen) > 1:
                raise AuthorError(
                    "",
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

    def check_safe(self, element: etree.Element, line: int | None, what: str, example: str) -> None:
        """Author text in the quiz runs nothing: no raw HTML beyond text formatting, no event
        attribute, no link that is not to a page, a website, an email address or a phone."""
        for node in element.iter():
            if node is not element and any(name.lower().startswith("on") for name in node.attrib):
                raise AuthorError("", line, f"{what} gives `<{node.tag}>` an `on...` attribute, which runs a script.",
                                SAFETY_EXPECTED, example)
            href = node.get("href") if node.tag == "a" else None
            if href is not None and urlsplit(href.strip()).scheme.lower() not in SAFE_SCHEMES:
                raise AuthorError("", line, f"{what} links to `{href}`, which is not a page or a website.",
                                SAFETY_EXPECTED, example)
            for text in (node.text, node.tail if node is not element else None):
                for raw in self._raw_html(text or ""):
                    raise AuthorError("", line, f"{what} holds the HTML `{raw}`, which the quiz does not show.",
                                    SAFETY_EXPECTED, example)

    def _raw_html(self, text: str) -> list[str]:
        """Raw HTML that Python-Markdown set aside in `text` and that is not plain formatting."""
        if self.stash is None:
            return []
        found = []
        for match in HTML_PLACEHOLDER_RE.finditer(text):
            index = int(match.group(1))
            raw = str(self.stash.rawHtmlBlocks[index]) if index < len(self.stash.rawHtmlBlocks) else ""
            if raw.startswith("<") and not _safe_html(raw):
                found.append(raw)
        return found

    def _check_why(self, why: etree.Element, line: int | None, what: str, example: str) -> None:
        if self.check_link is not None:
            for link in why.iter("a"):
                if link.get("href"):
                    self.check_link(link.get("href"), line)
        if not text_of(why):
            raise AuthorError(
                "",
                line,
                f"{what} has no explanation.",
                "a short sentence in the `Why` column that says why, with a link to the page "
                "that teaches the point.",
                example,
            )
        if self.require_link and why.find(".//a[@href]") is None:
            raise AuthorError("", line, f"the explanation for {what} has no link.", LINK_EXPECTED, example)

    def _check_new(self, question: etree.Element, line: int | None, example: str) -> None:
        key = re.sub(r"\W+", " ", text_of(question).lower()).strip()
        if key in self.asked:
            raise AuthorError(
                "",
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
            raise AuthorError(
                "",
                line,
                f"the column `{original}` is not one a multiple-choice table knows.",
                f"the columns {shown}, in this order.",
                example,
            )
    for name in expected:
        if name not in lowered:
            raise AuthorError(
                "",
                line,
                f"the multiple-choice table has no `{name.capitalize()}` column.",
                f"the columns {shown}, in this order.",
                example,
            )
    if lowered != expected:
        raise AuthorError(
            "",
            line,
            f"the columns are `| {' | '.join(names)} |`.",
            f"the columns {shown}, each once and in this order.",
            example,
        )


def _mark(cell: etree.Element, line: int | None, column: str, example: str, marks: tuple[set[str], set[str]]) -> bool:
    value = text_of(cell).lower()
    right, wrong = marks
    if value in right:
        return True
    if value in wrong:
        return False
    raise AuthorError(
        "",
        line,
        f"the {column} column says `{text_of(cell)}`, which the quiz cannot read as right or wrong.",
        "`yes` or `x` in the one right column; leave the others empty.",
        example,
    )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.safe = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in SAFE_TAGS or any(name not in SAFE_ATTRIBUTES for name, _ in attrs):
            self.safe = False

    def handle_endtag(self, tag: str) -> None:
        if tag not in SAFE_TAGS:
            self.safe = False

    def handle_comment(self, data: str) -> None:
        pass  # an HTML comment shows nothing and runs nothing

    def unknown_decl(self, data: str) -> None:
        self.safe = False


def _safe_html(raw: str) -> bool:
    """Whether a piece of raw HTML from a quiz cell only formats text (`<br>`, `<strong>`...)."""
    parser = _Tags()
    parser.feed(raw)
    parser.close()
    return parser.safe
