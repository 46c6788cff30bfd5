"""The quiz page (/quiz/) as readers get it: no JavaScript, feedback and score by CSS, a worksheet
on paper, and an author's mistake stops the build with the file and the line.

A picked answer shows nothing until the reader presses its question's "Check answer" (arrow keys
pick every answer they pass, issue 24); checking shows the feedback, counts it and locks the
question."""

from __future__ import annotations

import io
import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import (
    DESKTOP,
    NARROWEST,
    PHONE,
    SEARCH_BUTTON,
    assert_mentions,
    assert_no_axe_violations,
    failed_build_log,
    print_once,
    settle,
    soup_of,
    tab_to,
)
from paper import flat, pdf_text, squashed
from site_pages import CONTENT_PAGES, DIFFERENCES, LANGUAGES, QUIZZES, folder_of, language_of, said

# The quiz in every language the site is built in (QUIZZES): the same checks, in its words.


@pytest.fixture(scope="module", params=QUIZZES)
def quiz_address(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def words(quiz_address: str) -> dict:
    """The quiz's own words (massage_guide/words) in the language of the quiz under test."""
    return said(quiz_address)["quiz"]


def feedback_words(words: dict) -> tuple[str, ...]:
    return (words["right"], words["not-quite"].rstrip("."), words["answer"].strip(), words["score"].strip())


def score(words: dict, right: int, total: int) -> str:
    return flat(f"{words['score']}{right}{words['of'].format(total=total)}")


@pytest.fixture(scope="module")
def quiz(site: Path, quiz_address: str) -> BeautifulSoup:
    return soup_of(site, quiz_address)


@pytest.fixture(scope="module")
def answers(quiz: BeautifulSoup) -> list[tuple[str, int, int]]:
    """(question id, number of its right choice, number of a wrong choice) for every question."""
    found = []
    for question in quiz.select("form.mdx-quiz .mdx-quiz__question"):
        kinds = ["--right" in " ".join(c.select_one(".mdx-quiz__feedback")["class"]) for c in question.select(".mdx-quiz__choice")]
        found.append((question["id"], kinds.index(True) + 1, kinds.index(False) + 1))
    return found


# The built page -------------------------------------------------------------------------------


def test_quiz_page_has_no_script_but_other_pages_keep_theirs(site: Path, quiz: BeautifulSoup, quiz_address: str) -> None:
    assert quiz.find_all("script") == []
    assert "no-js" in quiz.html["class"], "without its scripts the page must keep class no-js"
    assert quiz.html["lang"] == language_of(quiz_address)
    assert soup_of(site, folder_of(quiz_address) + "safety/").find_all("script"), "only pages with `scripts: false` lose them"


def test_quiz_asks_enough_questions_on_every_difference_and_on_choosing(
    site: Path, quiz: BeautifulSoup, quiz_address: str
) -> None:
    questions = quiz.select("form.mdx-quiz .mdx-quiz__question")
    assert len(questions) >= 12
    taught: set[str] = set()
    for question in questions:
        right = question.select_one(".mdx-quiz__feedback--right")
        taught |= {_address(a["href"], quiz_address) for a in right.select("a[href]")}
    folder = folder_of(quiz_address)
    own = [d for d in DIFFERENCES if language_of(d) == language_of(quiz_address)]
    for page in [*own, folder + "which-one-is-right-for-you/"]:
        assert page in taught, f"no question's answer is explained by /{page}"


def _address(href: str, quiz_address: str) -> str:
    """A link on /quiz/ as a site address like `differences/price/`."""
    return urljoin("https://site.invalid/" + quiz_address, href).split("https://site.invalid/", 1)[1].split("#")[0]


def test_every_explanation_links_to_the_page_that_teaches_it(site: Path, quiz: BeautifulSoup, quiz_address: str) -> None:
    feedback = quiz.select(".mdx-quiz__feedback")
    assert feedback
    for box in feedback:
        links = [_address(a["href"], quiz_address) for a in box.select("a[href]")]
        assert links, f"feedback without a link: {flat(box.get_text())}"
        assert all(link in CONTENT_PAGES for link in links), links
        assert all(language_of(link) == language_of(quiz_address) for link in links), links


def test_every_question_has_one_right_answer_and_an_entry_in_the_key(quiz: BeautifulSoup) -> None:
    questions = quiz.select("form.mdx-quiz .mdx-quiz__question")
    for question in questions:
        assert question.find("legend").get_text(strip=True)
        radios = question.select("input[type=radio]")
        assert len(radios) >= 2 and len({r["name"] for r in radios}) == 1
        assert len(question.select(".mdx-quiz__feedback--right")) == 1
    key = quiz.select_one(".mdx-quiz__key")
    assert key.has_attr("hidden"), "the answer key is for paper only"
    assert len(key.select("li")) == len(questions)
    # Only the page's trust marks (its review dates) follow it.
    after = [tag for tag in key.find_next_siblings() if "mdx-trust" not in tag.get("class", [])]
    assert not after, "the answer key comes last"


def test_search_does_not_give_away_the_answers(
    site: Path, quiz: BeautifulSoup, quiz_address: str, words: dict
) -> None:
    # The quiz is a self-test: it is left out of search (`search: exclude` in its front matter),
    # which keeps the search index that every page fetches within the page budget (issue 21). If
    # it is ever searched again, its answers still must not be.
    # Each language has its own search index, in its folder (search_languages.py).
    index = site / folder_of(quiz_address) / "search/search_index.json"
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    indexed = " ".join(doc["text"] for doc in docs if doc["location"].startswith("quiz/"))
    indexed = flat(BeautifulSoup(indexed, "html.parser").get_text())
    assert not indexed, "the quiz is left out of search"
    for box in quiz.select(".mdx-quiz__feedback .mdx-quiz__message"):
        assert flat(box.get_text()) not in indexed, f"search shows an answer: {flat(box.get_text())}"
    assert not any(words["key"] in doc["title"] for doc in docs)


# Mistakes stop the build ----------------------------------------------------------------------


def _edit(project: Path, old: str, new: str, source: str = "quiz.md") -> int:
    """Replace `old` in docs/<source>; return the file's line that now holds `new`."""
    page = project / "docs" / source
    text = page.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    page.write_text(text, encoding="utf-8")
    return next(n for n, line in enumerate(text.splitlines(), 1) if new.splitlines()[0] in line)


BUILD_CASES = {
    "two correct answers": ("| 50% | |", "| 50% | yes |", ["two answers are marked correct", "`Correct`"]),
    "a sort-it row with no mark": (
        "| You may hear calm music. | | | x |",
        "| You may hear calm music. | | | |",
        ['no column is marked for "You may hear calm music."', "| Statement | Medical |"],
    ),
    "scripts neither true nor false": ("scripts: false", "scripts: maybe", ["neither true nor false", "scripts: false"]),
    # The Spanish quiz, from its own file, with the same checks.
    "es: a sort-it row with no mark": (
        "| Puede oír música tranquila. | | | x |",
        "| Puede oír música tranquila. | | | |",
        ['no column is marked for "Puede oír música tranquila."'],
    ),
    "es: two correct answers": ("| 50% | |", "| 50% | sí |", ["two answers are marked correct"]),
}


# The Spanish quiz's build comes after the whole English one: a few seconds, so in the slow tier.
@pytest.mark.parametrize("case", [pytest.param(case, marks=pytest.mark.slow) if case.startswith("es:") else case for case in BUILD_CASES])
def test_quiz_mistake_fails_the_build_naming_file_and_line(case: str, broken_copy, tmp_path: Path) -> None:
    old, new, needles = BUILD_CASES[case]
    source = "quiz.es.md" if case.startswith("es:") else "quiz.md"
    if case.startswith("es:") and "es" not in LANGUAGES:
        pytest.skip("the Spanish edition is switched off")
    project = broken_copy()
    line = _edit(project, old, new, source)  # front matter problems too name their own line
    log = failed_build_log(project, tmp_path / "site", case)
    assert f"docs/{source}, line {line}:" in log, log
    assert "Expected:" in log and "For example:" in log, log
    assert_mentions(log, needles, case)


# In Chromium with JavaScript off --------------------------------------------------------------


@pytest.fixture
def open_quiz(browser, base_url: str, quiz_address: str):
    contexts = []

    def open_(viewport: dict[str, int] = PHONE, javascript: bool = False):
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.goto(base_url + quiz_address)
        return page

    yield open_
    for context in contexts:
        context.close()


def choice_of(question: str, number: int) -> str:
    """The `number`th answer of a question (from 1), as a CSS selector."""
    return f"#{question} .mdx-quiz__choice:nth-child({number})"


def pick(page, question: str, choice: int) -> None:
    """Tap an answer's words: it is picked, nothing more."""
    page.locator(f"{choice_of(question, choice)} label").click()


def check(page, question: str) -> None:
    """Tap the question's "Check answer"."""
    page.locator(f"#{question} .mdx-quiz__check summary").click()


def start_again(page, words: dict) -> None:
    """Press "Start again": the page loads afresh."""
    with page.expect_navigation():
        page.get_by_role("link", name=words["reset"]).click()


# Nothing picked, nothing checked.
PICKED_OR_CHECKED = ".mdx-quiz__input:checked, .mdx-quiz__check[open]"


def answer(page, question: str, choice: int) -> None:
    pick(page, question, choice)
    check(page, question)


def visible_feedback(page) -> list[str]:
    """The feedback shown anywhere in the quiz."""
    return [flat(box.inner_text()) for box in page.locator(".mdx-quiz__feedback:visible").all()]


def shown_feedback(page, question: str) -> list[str]:
    boxes = page.locator(f"#{question} .mdx-quiz__feedback")
    return [flat(boxes.nth(i).inner_text()) for i in range(boxes.count()) if boxes.nth(i).is_visible()]


def score_for_assistive_technology(page) -> str:
    """The score as Chrome's accessibility tree gives it to a screen reader (CSS counter included)."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    by_id = {node["nodeId"]: node for node in nodes}

    def text(node: dict) -> str:
        if node.get("role", {}).get("value") == "StaticText":
            return node["name"]["value"]
        return "".join(text(by_id[child]) for child in node.get("childIds", []) if child in by_id)

    status = [node for node in nodes if node.get("role", {}).get("value") == "status"]
    assert len(status) == 1, "the score should be the page's one status region"
    return flat(text(status[0]))


def test_quiz_runs_no_script_and_hides_search_even_with_javascript_on(open_quiz, base_url: str) -> None:
    page = open_quiz(DESKTOP, javascript=True)
    page.reload(wait_until="networkidle")
    assert page.locator("script").count() == 0
    assert page.evaluate("document.documentElement.className") == "no-js"
    assert not page.locator(SEARCH_BUTTON).is_visible()
    assert not page.locator(".md-search").is_visible()


def test_different_answers_show_different_feedback(open_quiz, answers, words: dict) -> None:
    page = open_quiz()
    question, right, wrong = answers[0]
    assert shown_feedback(page, question) == []
    pick(page, question, wrong)
    assert shown_feedback(page, question) == [], "a picked answer shows nothing until it is checked"
    check(page, question)
    not_quite = shown_feedback(page, question)
    assert len(not_quite) == 1 and not_quite[0].startswith(words["not-quite"])
    start_again(page, words)
    answer(page, question, right)
    shown = shown_feedback(page, question)
    assert len(shown) == 1 and shown[0].startswith(words["right"]) and shown != not_quite
    # A sort-it statement shares one explanation, so "not quite" names the right column.
    question, right, wrong = answers[-1]
    answer(page, question, wrong)
    right_name = flat(page.locator(f"{choice_of(question, right)} label").inner_text())
    assert f"{words['answer']}{right_name}." in shown_feedback(page, question)[0]


def test_score_counts_checked_answers_only_and_reset_clears_it(open_quiz, answers, words: dict) -> None:
    page = open_quiz()
    total = len(answers)
    prompt = flat(words["prompt"])
    assert score_for_assistive_technology(page) == prompt, "before any answer the bar asks for one"
    assert flat(page.locator(".mdx-quiz__status").inner_text()) == prompt
    (q1, right1, wrong1), (q2, right2, wrong2), (q3, right3, _) = answers[:3]
    pick(page, q1, right1)
    assert score_for_assistive_technology(page) == prompt, "a right answer picked but not checked counts nothing"
    check(page, q1)
    assert score_for_assistive_technology(page) == score(words, 1, total)
    answer(page, q2, wrong2)
    pick(page, q3, right3)
    assert score_for_assistive_technology(page) == score(words, 1, total)
    check(page, q3)
    assert score_for_assistive_technology(page) == score(words, 2, total)
    # A checked question is locked: tapping another answer's words changes nothing.
    for question, other in ((q1, wrong1), (q2, right2)):
        box = page.locator(f"{choice_of(question, other)} label").bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        assert not page.locator(f"{choice_of(question, other)} input").is_checked(), f"{question} changed after it was checked"
    assert score_for_assistive_technology(page) == score(words, 2, total)
    start_again(page, words)
    assert score_for_assistive_technology(page) == prompt
    assert page.locator(PICKED_OR_CHECKED).count() == 0
    assert page.locator(".mdx-quiz__feedback:visible").count() == 0
    answer(page, q1, wrong1)  # unlocked again
    assert score_for_assistive_technology(page) == score(words, 0, total)


# The bar's words while the reader answers, in each language: a running score, not a final mark
# ("0 of 17 correct" alone read like one).
SO_FAR = {"en": "So far: 1 of {total} correct", "es": "Lleva 1 de {total} correctas"}


def test_score_reads_as_progress_while_answering(open_quiz, answers, quiz_address: str) -> None:
    page = open_quiz()
    question, right, _ = answers[0]
    answer(page, question, right)
    expected = SO_FAR[language_of(quiz_address)].format(total=len(answers))
    assert score_for_assistive_technology(page) == expected  # its number is a CSS counter


# Which answer of the question (from 1) has focus; 0 for none.
POSITION = "q => [...document.querySelectorAll(`#${q} .mdx-quiz__input`)].indexOf(document.activeElement) + 1"
FOCUS_RING = "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"


@pytest.mark.parametrize("key", ["Enter", "Space"])
@pytest.mark.parametrize("kind", ["multiple choice", "sort it"])
def test_arrow_keys_show_no_answer_until_the_reader_checks_one(open_quiz, quiz, answers, words: dict, kind: str, key: str) -> None:
    """"Check answer" is a button to the keyboard: Enter checks, as Space does."""
    page = open_quiz()
    sort_rows = {q["id"] for q in quiz.select(".mdx-quiz__group .mdx-quiz__question")}
    question, right, _ = next(a for a in answers if (a[0] in sort_rows) == (kind == "sort it"))
    count = page.locator(f"#{question} .mdx-quiz__input").count()
    prompt = flat(words["prompt"])
    tab_to(page, f"[name='{question}']")
    outline = page.evaluate(FOCUS_RING)
    assert outline[0] != "none" and outline[1] >= 2, f"focus on an answer is not visible: {outline}"
    page.keyboard.press("Space")
    # Round the answers twice, down and right, as a reader does who arrows past them.
    picked = []
    for arrow in ["ArrowDown"] * count + ["ArrowRight"] * count:
        page.keyboard.press(arrow)
        picked.append(page.evaluate(POSITION, question))
        assert visible_feedback(page) == [], f"{arrow} to {picked[-1]} showed an answer"
        assert score_for_assistive_technology(page) == prompt, f"{arrow} changed the score"
    assert len(set(picked)) == count, f"the arrow keys did not pass every answer: {picked}"
    # Pick the right one on purpose, then check it: Tab to "Check answer", Enter or Space.
    while not page.locator(f"{choice_of(question, right)} input").is_checked():
        page.keyboard.press("ArrowDown")
    assert visible_feedback(page) == []
    page.keyboard.press("Tab")
    assert page.evaluate(f"document.activeElement.closest('#{question} .mdx-quiz__check')"), "Tab should reach Check answer"
    outline = page.evaluate(FOCUS_RING)
    assert outline[0] != "none" and outline[1] >= 2, f"focus on Check answer is not visible: {outline}"
    page.keyboard.press(key)
    shown = visible_feedback(page)
    assert len(shown) == 1 and shown[0].startswith(words["right"]), shown
    assert shown == shown_feedback(page, question)
    assert score_for_assistive_technology(page) == score(words, 1, len(answers))
    # Locked: Tab goes on to the next question, and arrow keys on the checked answer change nothing.
    page.keyboard.press("Tab")
    assert page.evaluate(f"!document.activeElement.closest('#{question}')"), "focus stayed in a checked question"
    for _ in range(3):  # back past the feedback's links to the checked answer
        page.keyboard.press("Shift+Tab")
        if page.evaluate(POSITION, question):
            break
    assert page.evaluate(POSITION, question) == right, "Shift+Tab should reach the checked answer"
    for other in ("ArrowDown", "ArrowUp", "ArrowRight", "Space", "Enter"):
        page.keyboard.press(other)
        assert page.locator(f"{choice_of(question, right)} input").is_checked(), f"{other} changed a checked answer"
        assert visible_feedback(page) == shown
    assert score_for_assistive_technology(page) == score(words, 1, len(answers))


def test_keyboard_alone_answers_and_starts_again(open_quiz, answers, words: dict) -> None:
    page = open_quiz()
    question = answers[0][0]
    tab_to(page, f"[name='{question}']")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert page.locator(f"{choice_of(question, 2)} input").is_checked()
    assert shown_feedback(page, question) == []
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert len(shown_feedback(page, question)) == 1
    tab_to(page, ".mdx-quiz__reset")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(PICKED_OR_CHECKED).count() == 0
    assert score_for_assistive_technology(page) == flat(words["prompt"])


@pytest.mark.parametrize("width", [NARROWEST, PHONE], ids=["320", "390"])
def test_score_bar_is_one_line_on_a_phone(open_quiz, answers, words: dict, width: dict) -> None:
    page = open_quiz(width)
    bar = page.locator(".mdx-quiz__status")

    def rows() -> int:
        """Lines of text in the bar (its words, and the reset button beside them)."""
        return page.evaluate(
            """() => {
                const bar = document.querySelector('.mdx-quiz__status');
                const range = document.createRange();
                range.selectNodeContents(bar);
                const lines = new Set([...range.getClientRects()].filter(r => r.width && r.height)
                    .map(r => Math.round(r.top + r.height / 2)));
                const mids = [...lines].sort((a, b) => a - b);
                return mids.filter((m, i) => i === 0 || m - mids[i - 1] > 4).length;
            }"""
        )

    assert flat(bar.inner_text()) == flat(words["prompt"])
    assert rows() == 1, "the bar's words take more than one line"
    first = bar.bounding_box()["height"]
    for question, right, _ in answers[:2]:
        answer(page, question, right)
    assert flat(bar.inner_text()).startswith(flat(words["score"]))
    assert rows() == 1, "the score and its button take more than one line"
    # On that one line, whole: nothing runs off the screen's side (a two-digit score is about 8 px
    # wider: keep that much room between the words and the button).
    room = page.evaluate(
        """() => [document.querySelector('.mdx-quiz__status').scrollWidth - innerWidth,
                  document.querySelector('.mdx-quiz__reset').getBoundingClientRect().left
                  - document.querySelector('.mdx-quiz__score').getBoundingClientRect().right]"""
    )
    assert room[0] <= 0 and room[1] >= 16, f"the score bar runs off the screen or has no room to grow: {room}"
    # Its height: one line of its words, with room round them (padding, the button's frame).
    line = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.mdx-quiz__score')).lineHeight)")
    for height in (first, bar.bounding_box()["height"]):
        assert height < 2 * line, f"the bar is {height:.0f} px high: more than one line of {line:.0f} px"



def test_focused_answers_are_not_hidden_under_the_score_bar(open_quiz, answers) -> None:
    """A keyboard run through the whole quiz: pick, check, next, and the bar never covers focus."""
    page = open_quiz(PHONE)
    covered = []
    for _ in range(len(answers) * 3):
        tab_to(page, ".mdx-quiz__input, .mdx-quiz__check summary, .mdx-quiz__reset")
        if page.evaluate("document.activeElement.matches('.mdx-quiz__reset')"):
            break
        overlap = page.evaluate(
            """() => {
                const a = document.activeElement.getBoundingClientRect();
                const bar = document.querySelector('.mdx-quiz__status').getBoundingClientRect();
                return a.bottom > bar.top + 1 && a.top < bar.bottom - 1;
            }"""
        )
        if overlap:
            covered.append(page.evaluate("document.activeElement.closest('fieldset').id"))
        page.keyboard.press("Space")  # pick the first answer, or check it
    assert page.evaluate("document.activeElement.matches('.mdx-quiz__reset')"), "Tab never reached Start again"
    assert not covered, f"the score bar covers the focused answers {covered}"


@pytest.fixture(scope="module")
def answered_quiz(browser, base_url: str, quiz_address: str, answers):
    """The quiz answered once by tapping, every feedback kind showing: each question checked,
    right and wrong in turn, but the last, picked and not checked (its "Check answer" shows).
    Tapped on a desktop (the other tests tap on a phone). axe runs as a script, so this tab
    allows JavaScript; the page itself has none to run."""
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=True)
    page = context.new_page()
    page.goto(base_url + quiz_address)
    for index, (question, right, wrong) in enumerate(answers):
        (pick if index == len(answers) - 1 else answer)(page, question, right if index % 2 else wrong)
    assert page.locator(".mdx-quiz__feedback--right:visible").count() > 0
    assert page.locator(".mdx-quiz__feedback--not-quite:visible").count() > 0
    yield page
    context.close()


@pytest.mark.parametrize("width", [NARROWEST, PHONE, DESKTOP], ids=["320", "390", "1280"])
def test_no_axe_violations_after_answering(answered_quiz, width: dict) -> None:
    """The answered quiz at each width (the tab is resized: the answers stay as they were), once
    whatever the new width set moving has stopped."""
    answered_quiz.set_viewport_size(width)
    settle(answered_quiz)
    assert_no_axe_violations(answered_quiz)


# On paper -------------------------------------------------------------------------------------


def test_printed_quiz_is_a_worksheet_with_the_answer_key_on_the_last_page(open_quiz, quiz, answers, words: dict) -> None:
    page = open_quiz()
    # Answers picked on screen must not print their feedback.
    picked = [(answers[0][0], answers[0][2]), (answers[1][0], answers[1][1])]
    for question, choice in picked:
        answer(page, question, choice)
    texts = pdf_text(PdfReader(io.BytesIO(page.pdf(format="Letter"))))
    first_key_page = next(i for i, text in enumerate(texts) if words["key"] in text)
    worksheet, key_pages = texts[:first_key_page], texts[first_key_page:]
    assert worksheet, "the key must not share the worksheet's first page"
    key = " ".join(key_pages)
    for number, sheet in enumerate(worksheet, 1):
        for word in (*feedback_words(words), words["key"]):
            assert word not in sheet, f"worksheet page {number} shows {word!r}"
    # Nothing about the screen prints: not the buttons, not the introduction's note about them.
    assert words["reset"] not in " ".join(worksheet)
    assert words["check"] not in " ".join(worksheet)
    for question, choice in picked:
        feedback = quiz.select_one(f"{choice_of(question, choice)} .mdx-quiz__feedback .mdx-quiz__message")
        assert squashed(feedback.get_text()) not in squashed(" ".join(worksheet))
    legends = [flat(q.find("legend").get_text(" ")) for q in quiz.select(".mdx-quiz__question")]
    assert all(squashed(legend) in squashed(" ".join(worksheet)) for legend in legends)
    assert not any(squashed(legend) in squashed(key) for legend in legends[:3]), "the key shares its page"
    # Each entry up to its link (on paper the link's address follows its text).
    entries = [entry.get_text()[: entry.get_text().find(entry.a.get_text())] for entry in quiz.select(".mdx-quiz__key li")]
    for entry in entries:
        assert squashed(entry) in squashed(key), f"the key misses {entry!r}"
    assert squashed(entries[-1]) in squashed(texts[-1]), "the key ends on the last page"
    assert len(key_pages) == 1, f"the answer key takes {len(key_pages)} pages; it should fit on one"


# Where the worksheet says the answers are, in words a reader can check on paper.
ANSWERS_ARE = {"en": "follow the last question", "es": "después de la última pregunta"}


def test_printed_worksheet_says_truly_where_the_answers_are(
    browser, base_url: str, site: Path, quiz: BeautifulSoup, quiz_address: str, words: dict, tmp_path_factory
) -> None:
    """"The answers follow the last question", and in the booklet too, where the key runs on after
    the questions (booklet.css) instead of waiting for the last page; on the quiz's own printout
    the key starts the next sheet (test_printed_quiz_is_a_worksheet_...)."""
    assert ANSWERS_ARE[language_of(quiz_address)] in words["worksheet"]
    last = squashed(quiz.select(".mdx-quiz__question legend")[-1].get_text())
    booklet = folder_of(quiz_address) + "print/"
    assert soup_of(site, booklet).select(".mdx-quiz__key"), "the booklet holds the quiz"
    address = booklet
    # The booklet on Letter without JavaScript, as tests/test_print.py prints it: printed once a run.
    pdf = print_once(browser, tmp_path_factory, "site", base_url, address, "Letter", javascript=False)
    sheets = [squashed(text) for text in pdf_text(PdfReader(pdf))]
    how = [n for n, sheet in enumerate(sheets) if squashed(words["worksheet"]) in sheet]
    asked = [n for n, sheet in enumerate(sheets) if last in sheet]  # (a sort-it key repeats it)
    assert len(how) == 1 and asked, f"/{address}: the worksheet's words or its last question are missing"
    # The key (its title, then its first entry) on the last question's sheet or the next.
    first = squashed(quiz.select_one(".mdx-quiz__key li").get_text())[:40]
    keyed = [n for n, sheet in enumerate(sheets) if squashed(words["key"]) + "1." in sheet or first in sheet]
    assert keyed and keyed[0] - asked[0] in (0, 1), f"/{address}: the key is on sheet {keyed}, the last question on {asked[0]}"

