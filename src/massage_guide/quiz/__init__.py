"""A quiz without JavaScript, written as Markdown tables (a Python-Markdown extension).

Wrap the quiz in `<div class="mdx-quiz" markdown>` ... `</div>`. Inside it, each table with its
question line above it becomes part of one HTML form:

    What tip should you plan for a spa massage?

    | Answer | Correct | Why |
    | --- | --- | --- |
    | 20% | yes | Plan on 20%. See [the price page](differences/price.md). |
    | No tip | | A spa expects a tip. See [the price page](differences/price.md). |

    Sort it: which kind of massage does each sentence describe?

    | Statement | Medical | Relaxation | Both | Why |
    | --- | --- | --- | --- | --- |
    | You rest in a quiet lounge. | | x | | See [after the session](differences/after-the-session.md). |

A mistake in a table is an `AuthorError` (mistakes.py) with the line, what is wrong and the
expected form. Under a host (MkDocs, Zensical: host.py) it names the page's file and the line in
it, and goes to the build, which shows every mistake at the end; used alone, it is raised.
Nothing an author writes gives the answers away or runs: a quiz `<div>` without `markdown`, or
a quiz table outside the quiz (after `</div>`, or in a `<div>` whose class is misspelled), is a
mistake, and so is raw HTML in a quiz that does more than format text, an `on...` attribute or
a link that is not to a page, a website, an email address or a phone. Under a host, a link in an
explanation to a page that is not in the docs folder is a mistake too (told once, with its line;
MkDocs would warn twice, for the explanation and its copy in the answer key).
After a conversion, `questions` is the number of questions the document asked (`reset()` sets
it back to 0).

Use: `markdown.Markdown(extensions=["massage_guide.quiz"])` (it adds `tables` and `md_in_html`
if they are missing).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ..host import Page, host, report
from ..mistakes import AuthorError
from .errors import QUIZ_EXAMPLE
from ..words import words
from .questions import Question, Reader, Table, column_keywords, column_names
from .render import Renderer
from .source import SourceMap, SourceTable, TableLines

__all__ = ["AuthorError", "QuizExtension", "makeExtension"]

QUIZ_CLASS = "mdx-quiz"
# After `toc` (5), so the print-only "Answer key" heading stays out of the page's table of
# contents; before MkDocs rewrites links to .md files (0), so links in explanations work.
TREE_PRIORITY = 4
# Right after `normalize_whitespace` (30), before any step that changes the number of lines.
LINES_PRIORITY = 29


def _is_quiz(element: etree.Element) -> bool:
    return QUIZ_CLASS in (element.get("class") or "").split()


class QuizTreeprocessor(Treeprocessor):
    """Rewrite each `div.mdx-quiz` in place into a `form.mdx-quiz`, and add its answer key."""

    def __init__(self, md: Markdown, source: SourceMap, extension: QuizExtension) -> None:
        super().__init__(md)
        self.source = source
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        quizzes = [div for div in root.iter("div") if _is_quiz(div)]
        page = host(self.md)
        language = page.site.language if page else self.extension.getConfig("language")
        try:
            _check_raw_quizzes(self.source)
            places = {id(table): self.source.find(column_names(table)) for table in root.iter("table")}
            _check_outside(root, quizzes, places, language)
            if not quizzes:
                return
            reader = Reader(
                self.extension.getConfig("require_link"),
                stash=self.md.htmlStash,
                check_link=_link_checker(page) if page else None,
                language=language,
            )
            renderer = Renderer(words(language))
            for index, quiz in enumerate(quizzes):
                self._rewrite(root, quiz, self.source.quiz_line(index), reader, renderer, places)
        except AuthorError as error:
            if page is None:
                raise
            report(self.md, page.error(error))
            # The build stops once every page is read; until then the quizzes are left out of
            # this page, so that what is in them (a broken link) brings no second message.
            for parent in list(root.iter()):
                for child in [child for child in parent if _is_quiz(child)]:
                    parent.remove(child)

    def _rewrite(
        self,
        root: etree.Element,
        quiz: etree.Element,
        line: int | None,
        reader: Reader,
        renderer: Renderer,
        places: dict[int, SourceTable | None],
    ) -> None:
        _check_layout(quiz, line, places)
        # Read every table first, so that a mistake stops before anything is changed.
        children = list(quiz)
        items: list[etree.Element | Table] = []
        for child in children:
            if child.tag == "table":
                # The paragraph right above a table is its question (or sort-it instruction).
                intro = items.pop() if items and getattr(items[-1], "tag", None) == "p" else None
                items.append(reader.read(child, intro, places.get(id(child))))
            else:
                items.append(child)
        for child in children:
            quiz.remove(child)
        quiz.tag = "form"
        questions: list[tuple[int, Question]] = []
        for item in items:
            if isinstance(item, Table):
                questions += renderer.table(quiz, item)
            else:
                quiz.append(item)
        if not questions:
            raise AuthorError(
                "",
                line,
                "the quiz has no question tables.",
                "at least one question line and table inside `<div class=\"mdx-quiz\" markdown>`.",
                QUIZ_EXAMPLE,
            )
        self.extension.questions += len(questions)
        renderer.status(quiz, len(questions))
        renderer.key(root, questions)


def _check_layout(quiz: etree.Element, line: int | None, places: dict[int, SourceTable | None]) -> None:
    """Quiz tables sit directly in the quiz, and quizzes do not nest."""
    for inner in quiz.iter("div"):
        if inner is not quiz and _is_quiz(inner):
            raise AuthorError(
                "",
                line,
                "a quiz is inside another quiz.",
                "one `<div class=\"mdx-quiz\" markdown>` ... `</div>` around all the questions.",
                QUIZ_EXAMPLE,
            )
    direct = {id(child) for child in quiz if child.tag == "table"}
    for table in quiz.iter("table"):
        if id(table) not in direct:
            place = places.get(id(table))
            raise AuthorError(
                "",
                place.header_line if place else None,
                "this quiz table is inside another block (a list, a box or a quote).",
                "the question line and its table directly inside the quiz, with no indent.",
                QUIZ_EXAMPLE,
            )


def _check_raw_quizzes(source: SourceMap) -> None:
    """A quiz `<div>` without `markdown` is raw HTML to Python-Markdown: its tables would show as
    `| Answer | Correct | Why |` text."""
    if source.raw_quiz_lines:
        raise AuthorError(
            "",
            source.raw_quiz_lines[0],
            "the quiz's `<div>` line has no `markdown` attribute, so its tables would show as raw "
            "text.",
            "`<div class=\"mdx-quiz\" markdown>` exactly, with `markdown` before the `>`.",
            QUIZ_EXAMPLE,
        )


def looks_like_quiz(names: list[str], language: str = "en") -> bool:
    """A table written for the quiz: `| Answer | Correct | Why |` or `| Statement | ... | Why |`
    (or their names in the page's `language`)."""
    lowered = [name.lower() for name in column_keywords(names, language)]
    return "correct" in lowered or (lowered[:1] in (["answer"], ["statement"]) and "why" in lowered)


def _check_outside(
    root: etree.Element, quizzes: list[etree.Element], places: dict[int, SourceTable | None], language: str
) -> None:
    """A quiz table outside the quiz (after `</div>`, or in a `<div>` whose class is misspelled)
    would be a plain table that shows every answer."""
    inside = {id(table) for quiz in quizzes for table in quiz.iter("table")}
    for table in root.iter("table"):
        if id(table) not in inside and looks_like_quiz(column_names(table), language):
            place = places.get(id(table))
            raise AuthorError(
                "",
                place.header_line if place else None,
                "this quiz table is outside the quiz, so it would show every answer as plain text "
                "(is the quiz's `<div>` spelled `class=\"mdx-quiz\"`, and is `</div>` after the last "
                "table?).",
                "every question table between `<div class=\"mdx-quiz\" markdown>` and its `</div>`.",
                QUIZ_EXAMPLE,
            )


def _link_checker(page: Page) -> Callable[[str, int | None], None]:
    """A check that a link in an explanation leads to a page of the guide."""

    def check(href: str, line: int | None) -> None:
        target = href.split("#", 1)[0]
        if not target or "://" in href or href.startswith(("/", "mailto:", "tel:")) or not target.endswith(".md"):
            return
        path = page.linked(target)
        if not page.exists(path):
            raise AuthorError(
                "",
                line,
                f"the link `{href}` in this explanation leads to no page of the guide (no docs/{path}).",
                "a link to a page in docs/, written from this page: `differences/price.md`.",
                "See [price, tips and insurance](differences/price.md).",
            )

    return check


class QuizExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        self.config = {
            "language": ["en", "With no host: the page's language (massage_guide/words), for the feedback, score and key."],
            "require_link": [True, "Every explanation must link to the page that teaches the point."],
        }
        super().__init__(**kwargs)
        self.questions = 0

    def reset(self) -> None:
        self.questions = 0

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        missing = [
            name
            for name, processor in (("tables", "table"), ("md_in_html", "markdown_block"))
            if processor not in md.parser.blockprocessors
        ]
        if missing:
            md.registerExtensions(missing, {})
        md.registerExtension(self)
        source = SourceMap()
        md.preprocessors.register(TableLines(md, source), "mdx_quiz_lines", LINES_PRIORITY)
        md.treeprocessors.register(QuizTreeprocessor(md, source, self), "mdx_quiz", TREE_PRIORITY)


def makeExtension(**kwargs: object) -> QuizExtension:  # noqa: N802 (Python-Markdown's name)
    return QuizExtension(**kwargs)
