"""Build the quiz's HTML: a fieldset per question, feedback that CSS reveals, a score, a key.

No JavaScript: each answer is a radio input in its label, followed by its feedback; under the
answers, a "Check answer" button: the summary of an empty `<details>`, which opens with Enter,
Space, a click or a tap, as a button does (a checkbox takes Space only). Arrow keys move through
radio buttons and pick each in turn, so picking shows nothing: the stylesheet shows the feedback
of the picked answer only once the question's details is open (`:has(.mdx-quiz__check[open])`),
and then locks the question. A form's reset cannot close a `<details>`, so "Start again" is a
link to the page itself: loading it afresh clears every pick and check.
A CSS counter counts shown "right" feedback for the score. A wrong answer's feedback also names
the right one.

On paper the quiz is a worksheet: lines for a name and a date (`mdx-print-only`), the questions
without feedback, and the answer key on a page of its own.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any
import xml.etree.ElementTree as etree

from .questions import Choice, Question, Table, text_of

# The words the quiz adds (the feedback, the score, the key) and their punctuation come from the
# words file of the page's language (massage_guide/words/): the Renderer is given them.


def block(parent: etree.Element, tag: str, attrib: dict[str, str] | None = None, text: str = "") -> etree.Element:
    """A child on a line of its own, so that the HTML source stays readable."""
    if len(parent) == 0 and not (parent.text or "").strip():
        parent.text = "\n"
    element = etree.SubElement(parent, tag, attrib or {})
    element.text = text or None
    element.tail = "\n"
    return element


def inline(parent: etree.Element, tag: str, attrib: dict[str, str], text: str = "") -> etree.Element:
    element = etree.SubElement(parent, tag, attrib)
    element.text = text or None
    return element


def add_text(target: etree.Element, text: str) -> None:
    if len(target):
        target[-1].tail = (target[-1].tail or "") + text
    else:
        target.text = (target.text or "") + text


def add_content(target: etree.Element, source: etree.Element) -> None:
    """Append a copy of the text and children of `source` (a cell or a paragraph) to `target`."""
    content = copy.deepcopy(source)
    add_text(target, content.text or "")
    for child in content:
        target.append(child)
    # A cell's last child may end with the cell's trailing whitespace.
    if len(target) and target[-1].tail:
        target[-1].tail = target[-1].tail.rstrip()
    elif target.text:
        target.text = target.text.rstrip()


class Renderer:
    """Numbers the questions of one document from 1, so ids are the same every build."""

    def __init__(self, said: Mapping[str, Any]) -> None:
        self.words = said["quiz"]  # the quiz's words, in the page's language (massage_guide/words/)
        self.punctuation = said["punctuation"]
        self.number = 0
        self.has_worksheet_head = False  # one per page, in its first quiz

    def table(self, form: etree.Element, table: Table) -> list[tuple[int, Question]]:
        """Add the fieldset(s) for `table` to `form`; return the numbered questions."""
        if not self.has_worksheet_head:
            self.has_worksheet_head = True
            self.worksheet(form)
        if not table.sort:
            return [self.question(form, table.questions[0], table.intro)]
        group = block(form, "fieldset", {"class": "mdx-quiz__group"})
        legend = block(group, "legend", {"class": "mdx-quiz__legend"})
        add_content(legend, table.intro)
        return [self.question(group, question, question.text) for question in table.questions]

    def worksheet(self, form: etree.Element) -> None:
        """At the top of the form, for paper only: how to answer, and lines for a name and a date."""
        head = etree.Element("div", {"class": "mdx-quiz__worksheet mdx-print-only"})
        head.text = head.tail = "\n"
        form.insert(0, head)
        block(head, "p", {"class": "mdx-quiz__how"}, self.words["worksheet"])
        lines = block(head, "div", {"class": "mdx-quiz__write-in"})
        for label in self.words["write_in"]:
            line = block(lines, "p", {"class": "mdx-write-line"})
            inline(line, "span", {"class": "mdx-write-label"}, self.punctuation["label"].format(label=label))

    def question(self, parent: etree.Element, question: Question, text: etree.Element) -> tuple[int, Question]:
        self.number += 1
        name = f"mdx-quiz-q{self.number}"
        fieldset = block(parent, "fieldset", {"class": "mdx-quiz__question", "id": name})
        legend = block(fieldset, "legend", {"class": "mdx-quiz__legend"})
        inline(legend, "span", {"class": "mdx-quiz__number"}, f"{self.number}.").tail = " "
        add_content(legend, text)
        # A live region: the feedback that appears in it is read out once the answer is checked.
        choices = block(fieldset, "div", {"class": "mdx-quiz__choices", "aria-live": "polite"})
        for choice in question.choices:
            wrapper = block(choices, "div", {"class": "mdx-quiz__choice"})
            # The circle inside its words' label: no id and `for` to pair them (the quiz page's
            # 35 KB budget feels about 270 bytes of them).
            label = block(wrapper, "label", {"class": "mdx-quiz__label"})
            inline(label, "input", {"class": "mdx-quiz__input", "type": "radio", "name": name})
            add_content(label, choice.label)
            self.feedback(wrapper, question, choice)
        # Opened on purpose (Enter, Space, a click or a tap), it shows the picked answer's feedback.
        check = block(fieldset, "details", {"class": "mdx-quiz__check"})
        inline(check, "summary", {"class": "md-button"}, self.words["check"])
        return self.number, question

    def feedback(self, parent: etree.Element, question: Question, choice: Choice) -> None:
        kind = "right" if choice.right else "not-quite"
        # Left out of the site's search, so searching the guide does not give the answers away.
        box = block(
            parent,
            "div",
            {"class": f"mdx-quiz__feedback mdx-quiz__feedback--{kind}", "data-search-exclude": "true"},
        )
        # Its tick or cross is drawn by quiz.css, once for all the answers.
        message = block(box, "span", {"class": "mdx-quiz__message"})
        inline(message, "strong", {"class": "mdx-quiz__verdict"}, self.words[kind]).tail = " "
        if choice.right:
            add_content(message, choice.why)
        elif question.sort_row:
            # A sort-it row shares one explanation, of the right answer: name it first
            # ("The right answer is Medical.").
            self.right_answer(message, question).tail = " "
            add_content(message, choice.why)
        else:
            # A multiple-choice answer's own "why" says what is wrong with it; then the right
            # one, in quotes, as it reads in the list ("The right answer is “20%”.").
            add_content(message, choice.why)
            add_text(message, " ")
            self.right_answer(message, question, quoted=True)

    def right_answer(self, message: etree.Element, question: Question, quoted: bool = False) -> etree.Element:
        """"The right answer is ...", after a wrong answer of either kind."""
        answer = inline(message, "span", {"class": "mdx-quiz__answer"}, self.words["answer"])
        opening, _, closing = self.punctuation["quoted"].partition("{text}")
        if quoted:
            add_text(answer, opening)
        add_content(answer, question.answer.label)
        if quoted:
            add_text(answer, closing)
        if not text_of(answer).endswith((".", "?", "!")):
            add_text(answer, ".")
        return answer

    def status(self, form: etree.Element, total: int) -> None:
        """The running score (a CSS counter in an `output`, which is a status region) and "Start again".

        Before the first checked answer it asks for one instead ("Answer a question to see your
        score"); the stylesheet shows one of the two."""
        status = block(form, "div", {"class": "mdx-quiz__status"})
        output = block(status, "output", {"class": "mdx-quiz__score"})
        inline(output, "span", {"class": "mdx-quiz__prompt"}, self.words["prompt"])
        score = inline(output, "span", {"class": "mdx-quiz__tally"}, self.words["score"])
        inline(score, "span", {"class": "mdx-quiz__count"}).tail = self.words["of"].format(total=total)
        # The page itself, loaded afresh (an empty address is the page's own, with or without
        # directory URLs, on a server or from a disk): nothing picked, nothing checked.
        block(status, "a", {"class": "mdx-quiz__reset md-button", "href": ""}, self.words["reset"])

    def key(self, root: etree.Element, questions: list[tuple[int, Question]]) -> None:
        """The answer key: hidden on screen, printed on a page of its own at the end."""
        section = block(
            root, "section", {"class": "mdx-quiz__key", "hidden": "hidden", "data-search-exclude": "true"}
        )
        block(section, "h2", {"class": "mdx-quiz__key-title"}, self.words["key"])
        first = questions[0][0]
        items = block(section, "ol", {"class": "mdx-quiz__key-list", **({"start": str(first)} if first > 1 else {})})
        for _, question in questions:
            item = block(items, "li")
            if question.sort_row:
                statement = inline(item, "span", {"class": "mdx-quiz__key-question"})
                add_content(statement, question.text)
                statement.tail = " "
            answer = inline(item, "strong", {"class": "mdx-quiz__key-answer"})
            add_content(answer, question.answer.label)
            if not text_of(answer).endswith((".", "?", "!")):
                add_text(answer, ".")
            answer.tail = " "
            add_content(item, question.answer.why)
