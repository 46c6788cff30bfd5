"""What authors write is shown as text, never run, and never loads anything from another website.

The build refuses such pages (plugin/page_check.py, the quiz's own checks; the cases are in
test_bad_input.py). These tests check the built site itself, every page of it, and the pieces
that make an author's value safe, without a build.
"""

from __future__ import annotations

import datetime
import logging
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import SITE_URL, soup_of
from massage_guide.plugin.authoring import as_text
from massage_guide.plugin.page_check import other_host, read
from massage_guide.plugin.practice import LIMITS, check_practice, practice_of
from massage_guide.plugin.review import check_review, review_of
from massage_guide.mistakes import AuthorError

# What makes a browser fetch something when a page loads, as (tag, attribute).
FETCHED = [
    ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"), ("video", "src"),
    ("video", "poster"), ("audio", "src"), ("track", "src"), ("iframe", "src"), ("embed", "src"),
    ("object", "data"), ("script", "src"), ("link", "href"), ("input", "src"), ("image", "href"),
]
NAMED_ONLY = {"canonical", "alternate", "sitemap"}


def test_no_page_of_the_built_site_loads_anything_from_another_website(site: Path) -> None:
    own = urlsplit(SITE_URL).netloc
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 12
    found = []
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in FETCHED:
            for node in soup.find_all(tag, attrs={attribute: True}):
                if tag == "link" and set(node.get("rel", [])) <= NAMED_ONLY:
                    continue
                for address in node[attribute].split(","):
                    host = urlsplit(address.strip().split(" ")[0]).netloc
                    if host and host != own:
                        found.append(f"{path.relative_to(site)}: <{tag} {attribute}={node[attribute]}>")
    assert not found, "\n".join(found)


def test_quiz_page_runs_nothing(site: Path) -> None:
    soup = soup_of(site, "quiz/")
    assert soup.select("form.mdx-quiz fieldset"), "the quiz should be there"
    assert not soup.find_all("script"), "the quiz page ships no script at all"
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), f"<{tag.name} {name}=...>"
            text = " ".join(value) if isinstance(value, list) else str(value)
            assert not text.strip().lower().startswith("javascript:"), f"<{tag.name} {name}={text}>"


# --- Pieces, without a build --------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "[Spa](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "Smith & Sons | *Best* _spa_ `code` \\escape ~~gone~~ ==mark== {: .x }",
        "&amp; &#60; &lt;b&gt;",
    ],
)
def test_an_authors_value_shows_exactly_as_written(value: str) -> None:
    html = markdown.markdown(f"Ask {as_text(value)} today.", extensions=["tables", "attr_list", "md_in_html"])
    paragraph = BeautifulSoup(html, "html.parser").p
    assert paragraph.get_text() == f"Ask {value} today.", html
    assert not paragraph.find(True), f"the value became markup: {html}"


def test_an_authors_value_stays_in_its_table_cell() -> None:
    row = f"| {as_text('Tip | 20%')} | {as_text('**none**')} |"
    html = markdown.markdown(f"| A | B |\n| --- | --- |\n{row}\n", extensions=["tables"])
    cells = [cell.get_text() for cell in BeautifulSoup(html, "html.parser").select("td")]
    assert cells == ["Tip | 20%", "**none**"], html


@pytest.mark.parametrize(
    ("address", "host"),
    [
        ("https://cdn.example/x.png", "cdn.example"),
        ("//cdn.example/x.png", "cdn.example"),
        ("HTTPS://Fonts.Example/css", "Fonts.Example"),
        (SITE_URL + "assets/x.png", None),
        ("../assets/x.png", None),
        ("/assets/x.png", None),
        ("data:image/svg+xml,%3Csvg%3E", None),
    ],
)
def test_other_host_tells_another_website_from_the_guides_own(address: str, host: str | None) -> None:
    assert other_host(address, SITE_URL) == host


def test_page_check_reads_what_loads_and_what_runs() -> None:
    found = read(
        '<p style="background:url(//cdn.example/a.png)">x</p><img srcset="a.png 1x, https://b.example/b.png 2x">'
        '<link rel="canonical" href="https://elsewhere.example/"><a href="JavaScript:go()">go</a>'
        "<pre>| --- | --- |</pre><p>| --- | --- |</p><h1>One</h1><h1>Two</h1>"
    )
    assert ("p", "//cdn.example/a.png") in found.fetched
    assert ("img", "https://b.example/b.png") in found.fetched
    assert not any(tag == "link" for tag, _ in found.fetched), "a canonical link loads nothing"
    assert found.scripts == ["JavaScript:go()"]
    assert found.raw_tables == ["| --- | --- |"], "a table in a code block is shown on purpose"
    assert found.titles == ["One", "Two"]


def fake_config(tmp_path: Path, extra: dict) -> SimpleNamespace:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text("extra:\n", encoding="utf-8")
    return SimpleNamespace(extra=extra, config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"))


def test_longest_practice_values_are_accepted(tmp_path: Path) -> None:
    """The values at LIMITS exactly: the print tests print the handout with these."""
    practice = {key: "x" * limit.chars for key, limit in LIMITS.items() if key in ("name",)}
    practice["address"] = "\n".join(["y" * LIMITS["address"].chars] * LIMITS["address"].lines)
    practice["phone"] = "+1 " + "5" * (LIMITS["phone"].chars - 3)
    practice["email"] = "a" * (LIMITS["email"].chars - len("@riverside.example")) + "@riverside.example"
    for key in ("booking_url", "homepage_url"):
        practice[key] = "https://riverside.example/" + "b" * (LIMITS[key].chars - len("https://riverside.example/"))
    config = fake_config(tmp_path, {"practice": dict(practice)})
    check_practice(config)
    assert practice_of(config.extra)["address"] == practice["address"]
    assert all(len(line) <= limit.chars for key, limit in LIMITS.items() for line in practice[key].splitlines())


def test_a_review_due_soon_is_said_in_the_log_and_builds(tmp_path: Path, caplog) -> None:
    today = datetime.date(2026, 11, 29)
    config = fake_config(tmp_path, {"review": {"last": "2026-06-01", "next": "2026-12-10"}})
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.guide"):
        check_review(config, today=today)
    said = [(record.levelno, record.getMessage()) for record in caplog.records]
    assert said == [(logging.INFO, "Review due soon: the guide's next check is due on 2026-12-10, in 11 days.")]
    # mkdocs.yml's settings stay as written; the templates are given the date (review_of).
    assert config.extra["review"]["next"] == "2026-12-10"
    assert review_of(config.extra) == {"last": datetime.date(2026, 6, 1), "next": datetime.date(2026, 12, 10), "by": ""}


def test_a_review_far_off_says_nothing(tmp_path: Path, caplog) -> None:
    config = fake_config(tmp_path, {"review": {"last": "2026-06-01", "next": "2027-06-01"}})
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.guide"):
        check_review(config, today=datetime.date(2026, 11, 29))
    assert not caplog.records


def test_an_overdue_review_is_a_notice_not_a_warning(tmp_path: Path, caplog) -> None:
    """MkDocs fails a --strict build on any warning: an overdue check must not stop publishing."""
    config = fake_config(tmp_path, {"review": {"last": "2025-01-01", "next": "2025-06-01"}})
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.guide"):
        check_review(config, today=datetime.date(2026, 11, 29))
    assert [record.levelno for record in caplog.records] == [logging.INFO]
    assert caplog.records[0].getMessage().startswith("Review overdue")


# --- The quiz, used alone -----------------------------------------------------------------------

QUIZ = """\
<div class="mdx-quiz" markdown>

Which kind of massage starts with a talk about your goals?

| Answer | Correct | Why |
| --- | --- | --- |
| {answer} | yes | See [before the session](before.md). |
| Relaxation | | See [before the session](before.md). |

</div>
"""


def test_quiz_allows_plain_formatting_in_raw_html() -> None:
    html = markdown.markdown(QUIZ.format(answer="Medical<br>(clinical) &amp; <strong>more</strong>"),
                             extensions=["massage_guide.quiz"])
    label = BeautifulSoup(html, "html.parser").select_one("label")
    assert "Medical" in label.get_text() and label.find("strong"), html


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        ("<img src=x onerror=alert(1)>", "onerror"),
        ("<a href='javascript:go()'>Medical</a>", "javascript:go()"),
        ("[Medical](javascript:go())", "javascript:go()"),
        ("<svg onload=go()></svg>", "onload"),
    ],
)
def test_quiz_refuses_author_html_that_would_run(answer: str, said: str) -> None:
    with pytest.raises(AuthorError) as raised:
        markdown.markdown(QUIZ.format(answer=answer), extensions=["massage_guide.quiz"])
    assert raised.value.line == 7 and said in str(raised.value), str(raised.value)


@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        (QUIZ.format(answer="Medical").replace(" markdown>", ">"), 1, "no `markdown` attribute"),
        (QUIZ.format(answer="Medical").replace("mdx-quiz", "mdx-qiuz"), 5, "outside the quiz"),
        (QUIZ.format(answer="Medical").replace("</div>\n", "") + "\n</div>\n", None, None),
    ],
)
def test_quiz_tables_never_show_their_answers_as_plain_tables(text: str, line: int | None, said: str | None) -> None:
    if said is None:  # the right form, for comparison: a working quiz
        assert "mdx-quiz__question" in markdown.markdown(text, extensions=["massage_guide.quiz"])
        return
    with pytest.raises(AuthorError) as raised:
        markdown.markdown(text, extensions=["massage_guide.quiz"])
    assert raised.value.line == line and said in str(raised.value), str(raised.value)
