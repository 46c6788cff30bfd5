"""An author's mistake stops the build with a message that names the file, the line, what was
found and what to write instead (with an example).

Each case breaks a fresh copy of the project the way a practice owner might, builds it strictly
in the test's own process (conftest's `failed_build_log`), and reads what the author is told. A breaker may return the `file, line N` the message must name, found in
the file it broke (so the test follows the pages as they change)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from conftest import assert_mentions, failed_build_log, without_practice


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def break_link(project: Path) -> None:
    append(project / "docs/safety.md", "\nSee [the old page](no-such-page.md).\n")


def break_anchor(project: Path) -> None:
    append(project / "docs/safety.md", "\nSee [prices](differences/price.md#no-such-part).\n")


def add_page_outside_nav(project: Path) -> None:
    (project / "docs/stray.md").write_text(
        "---\ntitle: Stray\nsummary: A page nobody can reach. It is not in the menu.\n---\n# Stray\n",
        encoding="utf-8",
    )


def drop_front_matter_key(page: Path, key: str) -> None:
    """Remove `key:` from the page's front matter, with the indented lines that carry its value on."""
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = start + 1
    while lines[end].startswith("  "):
        end += 1
    page.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")


def lengthen_description(project: Path) -> None:
    page = project / "docs/safety.md"
    text = page.read_text(encoding="utf-8")
    longer = "description: >-\n  " + "Very long words. " * 12 + "\n"
    page.write_text(text.replace("description: >-\n", longer, 1), encoding="utf-8")


def copy_description(project: Path) -> None:
    source = get_data((project / "docs/about.md").read_text(encoding="utf-8"))[1]["description"]
    page = project / "docs/safety.md"
    drop_front_matter_key(page, "description")
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("---\n", f"---\ndescription: {source}\n", 1), encoding="utf-8")


def drop_title_line(project: Path) -> None:
    page = project / "docs/safety.md"
    text = page.read_text(encoding="utf-8")
    page.write_text("\n".join(l for l in text.splitlines() if not l.startswith("# ")), encoding="utf-8")


def misspell_directive(project: Path) -> None:
    page = project / "docs/index.md"
    text = page.read_text(encoding="utf-8").replace("guide: at-a-glance", "guide: at-a-glanse")
    page.write_text(text, encoding="utf-8")


def misname_overview(project: Path) -> str:
    line = replace(project / "docs/index.md", r"^<!-- guide: at-a-glance cards -->$", "<!-- guide: at-a-glance tiles -->")
    return at(project, "index.md", line)


def drop_glance(project: Path) -> None:
    page = project / "docs/differences/the-setting.md"
    text = page.read_text(encoding="utf-8").replace("glance:", "glimpse:")
    page.write_text(text, encoding="utf-8")




# --- Helpers for the cases below ------------------------------------------------------------------


def replace(path: Path, pattern: str, new: str) -> int:
    """Replace the first match of the regular expression `pattern` (one line, `re.M`) in the
    file; return the line (from 1) where it was."""
    text = path.read_text(encoding="utf-8")
    found = re.search(pattern, text, re.M)
    assert found, f"{path.name} no longer has {pattern!r}: update this test's breaker"
    path.write_text(text[: found.start()] + new + text[found.end():], encoding="utf-8")
    return text.count("\n", 0, found.start()) + 1


def line_of(path: Path, needle: str) -> int:
    """The line (from 1) of the first line of the file that holds `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{path.name} has no line with {needle!r}")


def at(project: Path, name: str, line: int) -> str:
    return f"{name}, line {line}" if name == "mkdocs.yml" else f"docs/{name}, line {line}"


def append_to(project: Path, name: str, text: str) -> str:
    """Add `text` at the end of docs/`name`; return `docs/NAME, line N` of its first non-blank line."""
    page = project / "docs" / name
    before = page.read_text(encoding="utf-8")
    if not before.endswith("\n"):
        before += "\n"
    page.write_text(before + text, encoding="utf-8")
    first = len(before.splitlines()) + len(text) - len(text.lstrip("\n")) + 1
    return at(project, name, first)


def in_config(project: Path, pattern: str, new: str) -> str:
    return at(project, "mkdocs.yml", replace(project / "mkdocs.yml", pattern, new))


def add_to_extra(project: Path, block: str) -> str:
    """Put `block` (written with two-space indent) first under `extra:`; return its first line."""
    return at(project, "mkdocs.yml", replace(project / "mkdocs.yml", r"^extra:\n", "extra:\n" + block) + 1)


def write_practice(project: Path, block: str) -> str:
    """Write `block` as the practice's own details block, in place of any the site already has
    (a practice owner setting it up for the first time); return its first line."""
    config = project / "mkdocs.yml"
    config.write_text(without_practice(config.read_text(encoding="utf-8")), encoding="utf-8")
    return add_to_extra(project, block)


QUIZ_QUESTION = """
<div class="mdx-quiz" markdown>

Which kind of massage ends with a plan for home?

| Answer | Correct | Why |
| --- | --- | --- |
| Medical massage | yes | {why} |
| Relaxation massage | | {other} |

</div>
"""
GOOD_WHY = "See [after the session](differences/after-the-session.md)."


def add_quiz_question(project: Path, answer: str = "Medical massage", why: str = GOOD_WHY) -> str:
    """A question at the end of the quiz; return `docs/quiz.md, line N` of its first answer row."""
    text = QUIZ_QUESTION.format(why=why, other=GOOD_WHY).replace("| Medical massage |", f"| {answer} |")
    append_to(project, "quiz.md", text)
    return at(project, "quiz.md", line_of(project / "docs/quiz.md", f"| {answer} |"))


def quiz_start(project: Path, new: str) -> str:
    return at(project, "quiz.md", replace(project / "docs/quiz.md", r'^<div class="mdx-quiz" markdown>$', new))


def table_after_quiz(project: Path) -> str:
    block = QUIZ_QUESTION.format(why=GOOD_WHY, other=GOOD_WHY).replace('<div class="mdx-quiz" markdown>\n', "")
    block = block.replace("</div>\n", "")
    append_to(project, "quiz.md", block)
    lines = (project / "docs/quiz.md").read_text(encoding="utf-8").splitlines()
    return at(project, "quiz.md", max(n for n, line in enumerate(lines, 1) if line.startswith("| Answer |")))


def front_matter_value(project: Path, name: str, key: str, value: str) -> str:
    """Set `key:` (and the indented lines that carry its value on) to `value`, on one line."""
    return at(project, name, replace(project / "docs" / name, rf"^{key}:.*(\n  .*)*$", f"{key}: {value}"))


def drop_closing_line(project: Path) -> str:
    page = project / "docs/safety.md"
    text = page.read_text(encoding="utf-8")
    end = text.index("\n---\n", 3)
    page.write_text(text[:end] + text[end + 4:], encoding="utf-8")
    return "docs/safety.md, line 1"


def glue_table(project: Path) -> str:
    """Text right above a table, with no blank line between: Markdown reads it all as one paragraph."""
    page = project / "docs/differences/price.md"
    line = replace(page, r"\n\n(?=\| )", "\nThe differences at a glance:\n") + 1
    return at(project, "differences/price.md", line + 1)


def review(project: Path, key: str, value: str) -> str:
    return in_config(project, rf"^    {key}: .*$", f"    {key}: {value}")

CASES: dict[str, tuple[Callable[[Path], str | None], list[str]]] = {
    "broken link": (break_link, ["safety.md", "no-such-page.md"]),
    "broken anchor": (break_anchor, ["safety.md", "no-such-part"]),
    "page not in the navigation": (add_page_outside_nav, ["stray.md", "nav"]),
    "page without a summary": (
        lambda project: drop_front_matter_key(project / "docs/differences/price.md", "summary"),
        ["docs/differences/price.md, line 1", "summary:"],
    ),
    "page without a description": (
        lambda project: drop_front_matter_key(project / "docs/safety.md", "description"),
        ["docs/safety.md, line 1", "description:", "For example:"],
    ),
    "description too long for search results": (lengthen_description, ["docs/safety.md, line", "155"]),
    "description copied from another page": (copy_description, ["docs/safety.md, line", "docs/about.md"]),
    "page without a title line": (drop_title_line, ["docs/safety.md", "# "]),
    "unknown generated block": (misspell_directive, ["docs/index.md, line", "at-a-glanse", "<!-- guide: at-a-glance -->"]),
    "unknown form of the overview": (misname_overview, ["tiles", "<!-- guide: at-a-glance cards -->"]),
    "difference without its glance row": (drop_glance, ["docs/differences/the-setting.md", "glance:"]),
    # Issue 16: pages that built silently broken --------------------------------------------------
    "quiz div without markdown": (
        lambda project: quiz_start(project, '<div class="mdx-quiz">'),
        ["no `markdown` attribute", '<div class="mdx-quiz" markdown>'],
    ),
    "quiz class misspelled": (
        lambda project: quiz_start(project, '<div class="mdx-qiuz" markdown>') and None,
        ["docs/quiz.md, line", "outside the quiz", "show every answer", 'class="mdx-quiz"'],
    ),
    "quiz table after the closing div": (table_after_quiz, ["outside the quiz", "</div>"]),
    "remote image": (
        lambda project: append_to(project, "safety.md", "\n![A room](https://cdn.example/room.jpg)\n"),
        ["https://cdn.example/room.jpg", "another website", "cdn.example", "docs/assets/"],
    ),
    "remote video frame": (
        lambda project: append_to(project, "safety.md", '\n<iframe src="https://video.example/embed/1"></iframe>\n'),
        ["<iframe>", "video.example", "no request to any other website"],
    ),
    "two titles on a page": (
        lambda project: append_to(project, "safety.md", "\n# Another title\n\nMore words.\n"),
        ["2 titles", "Another title", "`## `"],
    ),
    "next review before the last": (
        lambda project: review(project, "next", '"2001-01-01"'),
        ["`extra.review.next` (2001-01-01) is not after `last`"],
    ),
    # Issue 16: unclear errors ------------------------------------------------------------------
    "review date written day/month/year": (
        lambda project: review(project, "last", "26/11/2026"),
        ["`extra.review.last` is `26/11/2026`", "year-month-day", 'last: "2026-11-26"'],
    ),
    "front matter value with an unquoted colon": (
        lambda project: front_matter_value(project, "differences/price.md", "title", "Price: tips"),
        ["not valid YAML", "must be in quotes", 'title: "Price: tips"'],
    ),
    "front matter without its closing line": (drop_closing_line, ["no closing `---`"]),
    "broken link in a quiz explanation": (
        lambda project: add_quiz_question(project, why="See [after](differences/after-the-sesion.md)."),
        ["differences/after-the-sesion.md", "leads to no page"],
    ),
    "unquoted colon in the glossary": (
        lambda project: at(project, "glossary.yml", replace(project / "docs/glossary.yml", r"^    used_for: .*$", "    used_for: Sore muscles: from sport.")),
        ["not valid YAML", "must be in quotes"],
    ),
    "practice written as one value": (
        lambda project: write_practice(project, "  practice: Riverside\n"),
        ["`extra.practice` is `Riverside`", "block of keys"],
    ),
    "scripts switch in quotes": (
        lambda project: front_matter_value(project, "quiz.md", "scripts", '"false"'),
        ['the text "false" in quotes', "scripts: false"],
    ),
    # Issue 16: author text that became markup ---------------------------------------------------
    "script in a quiz answer": (
        lambda project: add_quiz_question(project, answer="Medical <img src=x onerror=alert(1)>"),
        ["onerror", "the quiz does not show"],
    ),
    "javascript link in a quiz explanation": (
        lambda project: add_quiz_question(project, why="See [after](javascript:alert(1))."),
        ["javascript:alert(1)", "not a page or a website"],
    ),
    "page title with markup": (
        lambda project: front_matter_value(project, "differences/price.md", "title", '"Price <b>now</b>"'),
        ["the title `Price <b>now</b>` holds `<`", "write \"and\""],
    ),
    "site name with quotes": (
        lambda project: in_config(project, r"^site_name: .*$", 'site_name: The "best" massage guide'),
        ["`site_name`", "holds `\"`"],
    ),
    # Mistakes of our own, made the way a practice owner would ---------------------------------
    "table glued to the text above it": (glue_table, ["shows as its raw text", "blank line above"]),
    "script written into a page": (
        lambda project: append_to(project, "about.md", "\n<script>alert(1)</script>\n"),
        ["`<script>`", "would run a script"],
    ),
    "event attribute through attr_list": (
        lambda project: append_to(project, "about.md", '\n[Home](index.md){ onmouseover="alert(1)" }\n'),
        ["onmouseover", "would run a script"],
    ),
    "javascript link in a page": (
        lambda project: append_to(project, "about.md", "\nSee [this](javascript:alert(1)).\n"),
        ["javascript:alert(1)", "would run a script"],
    ),
    "web font from another website": (
        lambda project: append_to(project, "about.md", '\n<link rel="stylesheet" href="https://fonts.example/css">\n'),
        ["fonts.example", "<link>"],
    ),
    "remote picture in a style attribute": (
        lambda project: append_to(project, "about.md", '\n<p style="background: url(https://cdn.example/bg.png)">Hi</p>\n'),
        ["https://cdn.example/bg.png", "another website"],
    ),
    "remote video source": (
        lambda project: append_to(project, "about.md", '\n<video controls><source src="https://cdn.example/v.mp4"></video>\n'),
        ["<source>", "cdn.example"],
    ),
    "menu title with markup": (
        lambda project: in_config(project, r"^  - Home: index.md$", "  - Home <3: index.md"),
        ["the menu title `Home <3`"],
    ),
    "share tagline with quotes": (
        lambda project: in_config(project, r"^  share_tagline: (.*)$", '  share_tagline: A "plain" guide.'),
        ["`extra.share_tagline`", "holds `\"`"],
    ),
    "description with markup": (
        lambda project: front_matter_value(project, "safety.md", "description", '"Stay <b>safe</b>."'),
        ["the description `Stay <b>safe</b>.` holds `<`"],
    ),
    "title with an ampersand entity": (
        lambda project: front_matter_value(project, "differences/price.md", "title", "Price&tips"),
        ["holds `&`", "write \"and\""],
    ),
    "practice block misspelled practise": (
        lambda project: write_practice(project, "  practise:\n    name: Riverside\n"),
        ["`extra.practise`", "Did you mean `practice`?"],
    ),
    "practice block capitalised": (
        lambda project: write_practice(project, "  Practice:\n    name: Riverside\n"),
        ["`extra.Practice`", "Did you mean `practice`?"],
    ),
    "review block misspelled": (
        lambda project: in_config(project, r"^  review:", "  reveiw:"),
        ["`extra.reveiw`", "Did you mean `review`?"],
    ),
    "review key misspelled": (
        lambda project: review(project, "next", '"2027-05-26"\n    nxt: "2027-06-01"') and None,
        ["`extra.review.nxt`", "Did you mean `next`?"],
    ),
    "last review in the future": (
        lambda project: review(project, "last", '"2099-11-26"') and review(project, "next", '"2100-05-26"') and None,
        ["`extra.review.last` is 2099-11-26, a date still to come"],
    ),
    "reviewer written as a block": (
        lambda project: review(project, "next", '"2027-05-26"\n    by:\n      name: Dana') and None,
        ["`extra.review.by`", "not a name"],
    ),
    "front matter indented with a tab": (
        lambda project: at(project, "safety.md", replace(project / "docs/safety.md", r"^summary: >-\n  ", "summary: >-\n\t") + 1),
        ["not valid YAML", "'\\t'"],
    ),
    "quiz explanation to an ftp address": (
        lambda project: add_quiz_question(project, why="See [the list](ftp://files.example/list)."),
        ["ftp://files.example/list", "not a page or a website"],
    ),
    "quiz answer with a clickable element": (
        lambda project: add_quiz_question(project, answer="[Medical](index.md){ onclick=\"go()\" }"),
        ["`on...` attribute"],
    ),
}


MKDOCS_CHECKS = {"broken link", "broken anchor", "page not in the navigation"}
# MkDocs stops a strict build for a broken link only once the whole first language is built: a
# few seconds each, so these two are in the slow tier. The others stop at the page or setting.
WHOLE_BUILD = {"broken link", "broken anchor"}


@pytest.mark.parametrize("case", [pytest.param(case, marks=pytest.mark.slow) if case in WHOLE_BUILD else case for case in CASES])
def test_bad_input_fails_the_build_and_names_the_file(case: str, broken_copy, tmp_path: Path) -> None:
    breaker, expected = CASES[case]
    project = broken_copy()
    where = breaker(project)
    log = failed_build_log(project, tmp_path / "site", case)
    # MkDocs' own link and nav checks say it their way; the guide's checks all give the fix.
    own = [] if case in MKDOCS_CHECKS else ["Expected:", "For example:"]
    assert_mentions(log, [*expected, *([where] if where else []), *own], case)
    assert "Traceback" not in log, f"{case}: the author should see a message, not a traceback\n{log}"


def test_a_broken_quiz_link_is_told_once(broken_copy, tmp_path: Path) -> None:
    project = broken_copy()
    where = add_quiz_question(project, why="See [after](differences/after-the-sesion.md).")
    log = failed_build_log(project, tmp_path / "site")
    assert log.count("after-the-sesion.md`") == 1 and where in log, log
    assert "WARNING" not in log, f"MkDocs' own warnings (twice, without a line) should not come first\n{log}"
