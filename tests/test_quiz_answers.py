"""The quiz as a reader on a phone meets it: the first question on the first screen, and after a
wrong answer, feedback that also names the right one, for both kinds of question (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PHONE, soup_of
from paper import flat
from site_pages import QUIZZES, said


@pytest.fixture(scope="module", params=QUIZZES)
def quiz_address(request) -> str:
    """The quiz in each language the site is built in."""
    return request.param


@pytest.fixture(scope="module")
def questions(site: Path, quiz_address: str) -> list[dict]:
    """Each question: its id, whether it is a sort-it row, its right choice's number and words,
    and the number of a wrong choice."""
    found = []
    quiz: BeautifulSoup = soup_of(site, quiz_address)
    for question in quiz.select("form.mdx-quiz .mdx-quiz__question"):
        choices = question.select(".mdx-quiz__choice")
        right = [bool(c.select_one(".mdx-quiz__feedback--right")) for c in choices]
        found.append(
            {
                "id": question["id"],
                "sort": question.find_parent(class_="mdx-quiz__group") is not None,
                "right": right.index(True) + 1,
                "right_words": flat(choices[right.index(True)].select_one("label").get_text(" ")),
                "wrong": right.index(False) + 1,
            }
        )
    return found


@pytest.fixture
def phone_quiz(browser, base_url: str, quiz_address: str):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + quiz_address)
    yield page
    context.close()


def test_first_question_shows_on_a_phones_first_screen(phone_quiz) -> None:
    """The whole first question, with its answers, above the score bar stuck to the screen's foot."""
    question = phone_quiz.locator(".mdx-quiz__question").first.bounding_box()
    bar = phone_quiz.locator(".mdx-quiz__status").bounding_box()
    assert bar["y"] + bar["height"] <= PHONE["height"] + 1, "the score bar should sit at the screen's foot"
    assert question["y"] + question["height"] <= bar["y"], (
        f"the first question ends at {question['y'] + question['height']:.0f} px, under the score bar at {bar['y']:.0f} px"
    )


@pytest.mark.parametrize("kind", ["multiple choice", "sort it"])
def test_wrong_answer_names_the_right_one(phone_quiz, questions: list[dict], kind: str, quiz_address: str) -> None:
    words = said(quiz_address)["quiz"]
    question = next(q for q in questions if q["sort"] == (kind == "sort it"))
    phone_quiz.locator(f"#{question['id']} .mdx-quiz__choice:nth-child({question['wrong']}) label").click()
    phone_quiz.locator(f"#{question['id']} .mdx-quiz__check summary").click()
    feedback = phone_quiz.locator(f"#{question['id']} .mdx-quiz__feedback:visible")
    assert feedback.count() == 1
    text = flat(feedback.inner_text())
    assert text.startswith(words["not-quite"])
    assert words["answer"].strip() in text, text
    assert question["right_words"] in text.split(words["answer"].strip(), 1)[1], text


def test_every_wrong_answer_names_the_right_one_in_the_page(site: Path, questions: list[dict], quiz_address: str) -> None:
    quiz = soup_of(site, quiz_address)
    for question in questions:
        for feedback in quiz.select(f"#{question['id']} .mdx-quiz__feedback--not-quite"):
            named = feedback.select_one(".mdx-quiz__answer")
            assert named is not None, f"{question['id']}: a wrong answer's feedback names no right answer"
            assert question["right_words"] in flat(named.get_text(" "))
        right = quiz.select_one(f"#{question['id']} .mdx-quiz__feedback--right")
        assert right.select_one(".mdx-quiz__answer") is None, "a right answer needs no correction"
