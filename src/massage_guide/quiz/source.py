"""Where each table starts in the Markdown text, so that errors can name a line.

Python-Markdown's tree has no line numbers. A preprocessor notes every table's header line (and
the first line of the paragraph above it) before any other step can change the lines; the tree
processor then pairs the tables it finds with these notes, in order, by their column names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.preprocessors import Preprocessor

SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
CELL_SPLIT = re.compile(r"(?<!\\)\|")
QUIZ_START = re.compile(r"<div\b[^>]*\bclass=[\"'][^\"']*\bmdx-quiz\b(?!__)")
# `markdown` (or `markdown="1"`, `markdown="block"`) among the div's attributes.
MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown(?:\s*=\s*[\"']?(?:1|block|span)[\"']?)?(?=[\s>/])")
# A table may sit in a list item or a quote: its header line then starts with `- ` or `> `.
BLOCK_MARKERS = re.compile(r"^\s*(?:(?:[-*+]|\d+[.)])\s+|>\s?)*")


def signature(names: list[str]) -> tuple[str, ...]:
    """Column names reduced to letters and digits, equal for raw and rendered header cells."""
    return tuple(re.sub(r"\W+", "", name.lower()) for name in names)


@dataclass
class SourceTable:
    header_line: int
    question_line: int | None
    columns: tuple[str, ...]

    def row_line(self, index: int) -> int:
        """The line of body row `index` (0-based): rows follow the header and the `---` line."""
        return self.header_line + 2 + index


@dataclass
class SourceMap:
    """The tables and quiz starts of the document being converted, in order; refilled for each."""

    tables: list[SourceTable] = field(default_factory=list)
    quiz_lines: list[int] = field(default_factory=list)
    # Lines of quiz starts without the `markdown` attribute: their tables would show as raw text.
    raw_quiz_lines: list[int] = field(default_factory=list)
    _next: int = 0

    def reset(self) -> None:
        self.tables = []
        self.quiz_lines = []
        self.raw_quiz_lines = []
        self._next = 0

    def quiz_line(self, index: int) -> int | None:
        """The line of the `index`-th (0-based) `<div class="mdx-quiz" ...>` of the document."""
        return self.quiz_lines[index] if index < len(self.quiz_lines) else None

    def find(self, columns: list[str]) -> SourceTable | None:
        """The next noted table with these columns (tables come in document order)."""
        wanted = signature(columns)
        for index in range(self._next, len(self.tables)):
            if self.tables[index].columns == wanted:
                self._next = index + 1
                return self.tables[index]
        return None


def _cells(line: str) -> list[str]:
    row = BLOCK_MARKERS.sub("", line).strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return [cell.strip() for cell in CELL_SPLIT.split(row)]


class TableLines(Preprocessor):
    """Note the line of every table header; change nothing."""

    def __init__(self, md: Markdown, source: SourceMap) -> None:
        super().__init__(md)
        self.source = source

    def run(self, lines: list[str]) -> list[str]:
        self.source.reset()
        in_table = False
        for index, line in enumerate(lines):
            if not line.strip():
                in_table = False
                continue
            if QUIZ_START.search(line):
                self.source.quiz_lines.append(index + 1)
                if not MARKDOWN_ATTRIBUTE.search(line):
                    self.source.raw_quiz_lines.append(index + 1)
            if in_table or index + 1 >= len(lines) or "|" not in line:
                continue
            if SEPARATOR.match(lines[index + 1]):
                in_table = True
                self.source.tables.append(
                    SourceTable(index + 1, _paragraph_start(lines, index), signature(_cells(line)))
                )
        return lines


def _paragraph_start(lines: list[str], header: int) -> int | None:
    """First line (1-based) of the block just above line index `header`, if there is one."""
    above = header - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    if above < 0:
        return None
    while above > 0 and lines[above - 1].strip():
        above -= 1
    return above + 1
