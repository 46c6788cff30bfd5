"""Add the quiz extension (overrides/extensions/quiz) to every page, and name the file on errors.

The extension is added here rather than under `markdown_extensions` in mkdocs.yml: MkDocs imports
those before any hook runs, when this project's folders are not yet importable. A quiz author's
mistake becomes a build error that names the file and the line in it.
"""

from __future__ import annotations

from typing import NoReturn

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from authoring import author_error, body_offset, use_extensions

use_extensions()
from quiz import QuizError, QuizExtension  # noqa: E402

_rendering: list[Page] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    others = [ext for ext in config.markdown_extensions if not isinstance(ext, QuizExtension)]
    config.markdown_extensions = [*others, QuizExtension(on_error=_report)]
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The page whose Markdown is converted next, for the file name in an error.
    _rendering[:] = [page]
    return markdown


def _report(error: QuizError) -> NoReturn:
    page = _rendering[0]
    raise author_error(page, _source_line(page, error.line), error.problem, error.expected, error.example)


def _source_line(page: Page, line: int | None) -> int:
    """The line in the file for `line` of the converted Markdown.

    Hooks before this one add lines (the summary box under the title), so the line is found by
    its text: the same occurrence of the same line in the file as in the converted Markdown.
    """
    converted = (page.markdown or "").splitlines()
    source = page.file.content_string.splitlines()
    if not line or line > len(converted):
        return 1
    text = converted[line - 1].strip()
    occurrence = sum(1 for row in converted[: line - 1] if row.strip() == text)
    matches = [number for number, row in enumerate(source, start=1) if row.strip() == text]
    if occurrence < len(matches):
        return matches[occurrence]
    return body_offset(page, page.markdown or "") + line
