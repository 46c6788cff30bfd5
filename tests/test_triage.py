"""The triage source (docs/triage.yml, docs/triage.es.yml) and the rule it serves
(DECISIONS.md): no hand-written text anywhere — pages, snippets, quiz explanations, the
glossary, in every language the site builds — names a warning sign with an action unless it
comes from the triage source.

The detector (massage_guide/triage/detect.py) reads the Markdown sources and the glossary's
YAML, unit by unit (a sentence, a list item with its lead-in, a table row with its header and
lead-in), finds each sign by its `matches:` and each action by its level's `actions:`, and
reports a unit that names a sign and gives actions, none of them the sign's level. What the
triage blocks render is a comment line in the sources, and an element marked `data-triage` in
the built pages: never hand-written text.

Each finding names its file and line, the sign, the action found and the source's:
`.venv/bin/python -m pytest tests/test_triage.py -k no_hand_written`.

Limits: a sign or an action in words that no phrase lists is not seen; a sign and its action in
two sentences of one paragraph are not paired; a negated action ("no need to call 911") reads
as the action. The phrases live in the triage files, beside the signs, for editors to extend.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import DESKTOP, NARROWEST, ROOT
from readability import ease_es, grade
from site_pages import LANGUAGES, MAIN_LANGUAGE, SITE_MAP

from massage_guide.mistakes import AuthorError
from massage_guide.triage.data import TriageErrors, parse_triage, read_language
from massage_guide.triage.detect import find, hand_written, markdown_units, phrase_words
from massage_guide.triage.render import level_block, table_block

DOCS = ROOT / "docs"


def _triage_option() -> str:
    for entry in SITE_MAP.config.get("markdown_extensions") or []:
        if isinstance(entry, dict) and "massage_guide.blocks" in entry:
            return (entry["massage_guide.blocks"] or {}).get("triage") or "docs/triage.yml"
    return "docs/triage.yml"


TRIAGE_FILE = _triage_option()


def triage(code: str):
    return read_language(ROOT / TRIAGE_FILE, TRIAGE_FILE, code, MAIN_LANGUAGE)


# The source ------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_built_language_has_the_same_signs_with_the_same_levels(code: str) -> None:
    main, this = triage(MAIN_LANGUAGE), triage(code)
    assert [(sign.id, sign.level) for sign in this.signs] == [(sign.id, sign.level) for sign in main.signs]
    assert [level.key for level in this.levels] == ["call-911", "doctor-today", "doctor-before-booking", "fine-to-book"]
    assert all(sign.matches for sign in this.signs) and all(level.actions for level in this.levels)
    assert all(sign.sources or sign.judgement for sign in main.signs), "every action is sourced or marked a judgement"


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_no_phrase_names_two_signs_or_two_levels(code: str) -> None:
    """A phrase that named two signs, or gave two actions, would make the test's answer a guess."""
    this, owners = triage(code), {}
    for owner, phrases in [*((s.id, s.matches) for s in this.signs), *((l.key, l.actions) for l in this.levels)]:
        for phrase in phrases:
            key = " ".join(phrase_words(phrase))
            assert owners.setdefault(key, owner) == owner, f"`{phrase}` is listed for {owners[key]} and {owner}"


GOOD = """
note_911: In another country, call your local emergency number.
levels:
  call-911: {title: Call 911 now, short: Call 911 now., actions: [call 911]}
  doctor-today: {title: See a doctor today, short: See a doctor today., actions: [see a doctor today]}
signs:
  - id: chest-pain
    level: call-911
    text: Chest pain.
    matches: [chest pain]
    sources: [nhs]
  - id: clot-signs
    level: doctor-today
    text: One swollen leg.
    matches: [swollen leg]
    sources: [nhs]
sources:
  nhs: {title: NHS, status: verified}
"""


def test_every_mistake_in_a_triage_file_is_told_at_once_with_its_line() -> None:
    broken = (GOOD.replace("level: doctor-today", "level: call-999")
              .replace("    level: call-911\n", "")
              .replace("sources: [nhs]\n", "sources: [nhs, mayo]\n", 1))
    with pytest.raises(TriageErrors) as raised:
        parse_triage(broken, "docs/triage.yml")
    errors = raised.value.errors
    assert all(isinstance(error, AuthorError) and error.file == "docs/triage.yml" for error in errors)
    lines = broken.splitlines()
    told = {error.line: error.problem for error in errors}
    assert len(errors) == 3, str(raised.value)
    assert "has no `level:`" in told[lines.index("  - id: chest-pain") + 1]
    assert "`mayo`" in told[next(n for n, l in enumerate(lines, 1) if "mayo" in l)]
    assert "`level: call-999`" in told[next(n for n, l in enumerate(lines, 1) if "call-999" in l)]
    assert str(raised.value).startswith("3 mistakes to fix"), "told together, in the guide's one message form"


def test_a_number_to_call_is_checked_and_another_language_takes_the_main_files() -> None:
    main = parse_triage(GOOD.replace("actions: [call 911]}", "actions: [call 911], call: '911'}"), "docs/triage.yml")
    assert main.level("call-911").call == "911"
    spanish = parse_triage(GOOD.replace("sources:\n  nhs: {title: NHS, status: verified}\n", "").replace("    sources: [nhs]\n", ""),
                           "docs/triage.es.yml", "es", main)
    assert spanish.level("call-911").call == "911", "a translation without `call:` dials the main file's number"
    with pytest.raises(TriageErrors) as raised:
        parse_triage(GOOD.replace("actions: [call 911]}", "actions: [call 911], call: 'javascript:alert(1)'}"), "docs/triage.yml")
    assert "which a phone cannot call" in str(raised.value) and raised.value.errors[0].line == 4


def test_another_language_with_other_signs_or_levels_is_told_with_file_and_line() -> None:
    main = parse_triage(GOOD, "docs/triage.yml")
    spanish = (GOOD.replace("    sources: [nhs]\n", "").replace("sources:\n  nhs: {title: NHS, status: verified}\n", "")
               .replace("level: doctor-today", "level: call-911").replace("id: chest-pain", "id: chest"))
    with pytest.raises(TriageErrors) as raised:
        parse_triage(spanish, "docs/triage.es.yml", "es", main)
    message = str(raised.value)
    assert all(error.file == "docs/triage.es.yml" and error.line for error in raised.value.errors)
    assert "the sign `chest` is not in docs/triage.yml" in message
    assert "the sign `chest-pain` of docs/triage.yml (line" in message and "is missing here" in message
    assert "the sign `clot-signs` has `level: call-911` here but `level: doctor-today` in docs/triage.yml" in message
    sources = GOOD.replace("  - id: clot-signs", "  - id: clot-signs\n    when: [after-massage]")
    with pytest.raises(TriageErrors) as raised:
        parse_triage(sources.replace("sources:\n  nhs: {title: NHS, status: verified}\n", ""), "docs/triage.es.yml", "es", main)
    assert "unknown field `sources:`" in str(raised.value), "sources are written in the main file only"


# The blocks --------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_triage_blocks_mark_all_they_show_and_read_easily(code: str) -> None:
    this = triage(code)
    source = "\n\n".join([*(level_block(this, level.key) for level in this.levels), table_block(this)])
    html = markdown.Markdown(extensions=["tables", "md_in_html"]).convert(source)
    soup = BeautifulSoup(html, "html.parser")
    outside = [text for text in soup.find_all(string=True) if text.strip() and text.find_parent(attrs={"data-triage": True}) is None]
    assert not outside, f"text the triage source gives but no data-triage marks: {outside}"
    shown = soup.get_text(" ")
    assert all(sign.text in " ".join(shown.split()) for sign in this.signs)
    if code == "en":
        assert grade(html) <= 8, f"the triage blocks read at grade {grade(html):.1f}"
    if code == "es":
        assert ease_es(html) >= 70


# The rule --------------------------------------------------------------------------------------

MADE_UP_PAGE = """---
title: Back pain
summary: A made-up page for this test.
---

# Back pain

If you have chest pain, see a doctor first.

Tell the therapist where it hurts.
"""


def test_a_page_giving_a_911_sign_another_action_fails_with_a_message() -> None:
    """The "done when" of issue 21: a page that says "see a doctor first" for a 911 sign."""
    findings = find(triage("en"), markdown_units(MADE_UP_PAGE, "docs/back-pain.md"))
    assert len(findings) == 1
    message = findings[0].message()
    print(message)
    assert message.startswith('docs/back-pain.md, line 8: "chest pain" (sign `chest-pain`) is given "see a doctor first"')
    assert '(doctor-before-booking); the triage source says "Call 911 now." (call-911)' in message


def test_text_that_agrees_with_the_source_or_comes_from_it_passes() -> None:
    agrees = MADE_UP_PAGE.replace("see a doctor first", "call 911 now")
    block = MADE_UP_PAGE.replace("If you have chest pain, see a doctor first.", "<!-- guide: triage call-911 -->")
    both = MADE_UP_PAGE.replace("see a doctor first", "call 911; with a swollen leg, see a doctor today")
    for page in (agrees, block, both):
        assert find(triage("en"), markdown_units(page, "docs/back-pain.md")) == []


def test_a_list_or_table_gives_its_items_the_action_of_its_lead_in() -> None:
    page = """# Safety

See a doctor before your first massage if you have:

- chest pain
- a cold

| What you feel | What to do |
| --- | --- |
| A large bruise | Call your doctor. |

!!! urgent "Call 911 now"

    - One leg or arm is swollen, painful, warm or red. It may be a blood clot.
"""
    found = {(f.line, f.sign.id, f.expected.key) for f in find(triage("en"), markdown_units(page, "docs/x.md"))}
    assert found == {(5, "chest-pain", "call-911"), (10, "after-massage-large-bruise", "doctor-today"),
                     (14, "clot-signs", "doctor-today")}


def _findings() -> list[str]:
    units = hand_written(DOCS, dict(LANGUAGES), MAIN_LANGUAGE)
    return [finding.message() for code in LANGUAGES for finding in find(triage(code), units[code])]


def test_the_detector_reads_every_kind_of_hand_written_text() -> None:
    units = hand_written(DOCS, dict(LANGUAGES), MAIN_LANGUAGE)
    files = {unit.file for code in LANGUAGES for unit in units[code]}
    for code in LANGUAGES:
        assert f"docs/{SITE_MAP.in_language('quiz.md', code)}" in files
        assert f"docs/{SITE_MAP.in_language('snippets/urgent-signs.md', code)}" in files
    assert {path.relative_to(ROOT).as_posix() for path in SITE_MAP.glossary_files.values()} <= files
    assert not any(Path(file).stem.startswith("triage") for file in files), "the triage files are the source"


def test_no_hand_written_text_gives_a_sign_another_action_than_the_triage_source() -> None:
    findings = _findings()
    assert not findings, f"{len(findings)} places give a sign another action:\n\n" + "\n\n".join(findings)


def test_mkdocs_serve_watches_the_triage_files() -> None:
    """The triage files are left out of the site (exclude_docs), so MkDocs would not watch them:
    guide/checks does, so that an edit shows at once while previewing."""
    from massage_guide.plugin.checks import ChecksPlugin

    class Server:
        watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    plugin = ChecksPlugin()
    plugin.triage_data = ROOT / TRIAGE_FILE
    site = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"))
    server = plugin.on_serve(Server(), config=site, builder=lambda: None)  # type: ignore[arg-type]
    expected = {str(ROOT / TRIAGE_FILE)} | {str((ROOT / TRIAGE_FILE).with_suffix(f".{code}.yml")) for code in LANGUAGES if code != MAIN_LANGUAGE}
    assert expected <= set(server.watched)
    assert all(f"/{Path(path).name}" in SITE_MAP.config["exclude_docs"] for path in expected), "not published"


def test_a_brief_block_shows_each_sign_and_note_without_what_to_ask() -> None:
    """`<!-- guide: triage LEVEL brief -->` (the one-sheet handout): every sign with its note, no
    questions for the doctor or lines for the therapist; an unknown word after a level is told."""
    this = triage(MAIN_LANGUAGE)
    full, brief = level_block(this, "doctor-before-booking"), level_block(this, "doctor-before-booking", "brief")
    bleeding = next(sign for sign in this.signs if sign.id == "bleeding-risk")
    for sign in this.signs_of("doctor-before-booking"):
        assert sign.text.split("(")[0] in brief
    assert bleeding.note and bleeding.note in brief, "NCCIH's caution on deep tissue massage shows on the handout"
    assert bleeding.ask in full and bleeding.ask not in brief and bleeding.tell_therapist not in brief
    with pytest.raises(AuthorError) as raised:
        level_block(this, "call-911", "short")
    assert "`short`" in str(raised.value) and "brief" in str(raised.value)


def test_bleeding_risk_asks_the_doctor_and_avoids_deep_tissue_massage_unless_cleared() -> None:
    """NCCIH: with a bleeding disorder, low platelets or blood thinners, avoid forceful and deep
    tissue massage; the guide: ask the doctor before you book, in every language."""
    for code in LANGUAGES:
        sign = next(sign for sign in triage(code).signs if sign.id == "bleeding-risk")
        assert sign.level == "doctor-before-booking" and sign.note
    english = next(sign for sign in triage(MAIN_LANGUAGE).signs if sign.id == "bleeding-risk")
    assert all(word in english.text for word in ("bleeding disorder", "platelet", "blood thinner"))
    assert "deep tissue" in english.note and "unless your doctor says yes" in english.note
    assert "nccih-massage" in english.sources


# Phones' first screens (CSS pixels): a common phone's, less the browser's bars, and the smallest.
FIRST_SCREENS = {"390x720": {"width": 390, "height": 720}, "320x640": NARROWEST}


# Every language, on both screens (issue 23 shortened the Spanish title and "En resumen" so the
# box fits on the smallest phone too).
FIRST_SCREEN_CASES = [(home, screen) for home in LANGUAGES.values() for screen in FIRST_SCREENS]


@pytest.mark.parametrize(("home", "screen"), FIRST_SCREEN_CASES)
def test_the_911_box_is_on_the_first_phone_screen_of_the_safety_page(browser, base_url: str, home: str, screen: str) -> None:
    """DECISIONS.md: the 911 box stays on the first phone screen of the safety page, with and
    without JavaScript. Issue 24: at 390 x 720 its title and its tap-to-call link are in full
    view; at 320 x 640 at least its top is. On a taller phone (390 x 844), its first sign too."""
    from conftest import PHONE

    viewport = FIRST_SCREENS[screen]
    for javascript in (True, False):
        state = f"/{home}safety/ at {screen}, JavaScript {'on' if javascript else 'off'}"
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        page = context.new_page()
        page.goto(base_url + home + "safety/")
        box = page.locator('[data-triage="call-911"]').first
        assert "911" in box.locator(".admonition-title").inner_text()
        top = box.bounding_box()["y"]
        assert top < viewport["height"], f"{state}: the 911 box starts at {top:.0f} px, below the first screen"
        number = triage(code_of(home)).level("call-911").call
        call = box.locator(f'a[href="tel:{number.replace(" ", "").replace("-", "")}"]') if number else None
        if screen == "390x720":
            title = box.locator(".admonition-title").bounding_box()
            assert title["y"] + title["height"] <= viewport["height"], f"{state}: the 911 box's title is cut off"
            # A reader in trouble taps to call: the number the triage file gives, a target of
            # 24 px or more, on the first screen. On paper the box's title says the number instead.
            if call is not None:
                target = call.bounding_box()
                assert target and target["height"] >= 24 and target["y"] + target["height"] <= viewport["height"], target
                assert number in call.inner_text()
                page.emulate_media(media="print")
                assert not call.is_visible(), "the call link is for screens: on paper the title says the number"
                page.emulate_media(media="screen")
            page.set_viewport_size(PHONE)
            first_sign = box.locator("li").first.bounding_box()
            assert first_sign["y"] + first_sign["height"] <= PHONE["height"], (
                f"{state}: on a 390 x {PHONE['height']} screen the 911 box's first sign ends at "
                f"{first_sign['y'] + first_sign['height']:.0f} px, below the first screen")
        context.close()


# How a box looks, as the browser draws it: its frame, its fill, its title's icon and words.
BOX_LOOK = """box => ({
  frame: getComputedStyle(box).borderTopWidth,
  fill: getComputedStyle(box).backgroundColor,
  icon: getComputedStyle(box.querySelector(".admonition-title"), "::before").maskImage,
  title: box.querySelector(".admonition-title").innerText,
})"""


@pytest.mark.parametrize("home", list(LANGUAGES.values()))
def test_the_two_urgent_levels_differ_by_more_than_shade(browser, base_url: str, home: str) -> None:
    """Issue 24: "Call 911 now" and "See a doctor today" are told apart by their words, their
    icon and their frame, on screen and on paper, not by a shade of red alone."""
    first, second = [level.key for level in triage(code_of(home)).levels[:2]]
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + home + "safety/")
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        now, today = (page.locator(f'[data-triage="{key}"]').first.evaluate(BOX_LOOK) for key in (first, second))
        assert now["title"] != today["title"], media
        assert now["icon"] != today["icon"], f"{media}: both boxes show the same icon"
        assert now["frame"] != today["frame"], f"{media}: both boxes have a {now['frame']} frame"
    context.close()


# How a row of the after-massage table looks: its level (from its class), the weight of its sign,
# the rule on its left (the row's own, as a card, or its first cell's, in a table) and the icon
# before its action.
ROW_LOOK = """row => ({
  level: row.className,
  sign: row.cells[0].innerText.trim().slice(0, 40),
  weight: parseInt(getComputedStyle(row.cells[0]).fontWeight),
  rule: Math.max(parseFloat(getComputedStyle(row).borderLeftWidth), parseFloat(getComputedStyle(row.cells[0]).borderLeftWidth)),
  icon: getComputedStyle(row.querySelector("strong"), "::before").maskImage,
})"""


@pytest.mark.parametrize("width", ["390", "1280"])
@pytest.mark.parametrize("home", list(LANGUAGES.values()))
def test_the_urgent_rows_of_the_after_massage_table_stand_out_by_more_than_colour(browser, base_url: str, home: str, width: str) -> None:
    """Issue 24: the "Call 911 now" row of the after-effects table looked like every other row.
    Each row carries its level, as in the triage file; the "Call 911 now" rows have a heavier rule
    and bolder type than the rows one may book with, the "See a doctor today" rows a rule and
    their own icon; on a phone (cards) and on a wide screen (a table)."""
    levels = triage(code_of(home)).levels
    now, today = levels[0].rank, levels[1].rank
    after = [level.rank for level in levels for _ in triage(code_of(home)).signs_of(level.key, "after-massage")]
    context = browser.new_context(viewport={"width": int(width), "height": 900})
    page = context.new_page()
    page.goto(base_url + home + "safety/")
    rows = [row.evaluate(ROW_LOOK) for row in page.locator(".mdx-triage-table tbody tr").all()]
    context.close()
    assert [row["level"] for row in rows] == [f"mdx-triage--{rank}" for rank in after]
    calm = [row for row in rows if row["level"] not in (f"mdx-triage--{now}", f"mdx-triage--{today}")]
    assert calm, "no row to compare the urgent ones with"
    for row in rows:
        if row["level"] == f"mdx-triage--{now}":
            assert row["weight"] > max(c["weight"] for c in calm) and row["rule"] >= 6, row
            assert row["rule"] > max(c["rule"] for c in calm) and "svg" in row["icon"], row
        elif row["level"] == f"mdx-triage--{today}":
            assert row["rule"] > max(c["rule"] for c in calm) and "svg" in row["icon"], row
            assert row["icon"] != next(r["icon"] for r in rows if r["level"] == f"mdx-triage--{now}"), row


def code_of(home: str) -> str:
    return next(code for code, address in LANGUAGES.items() if address == home)


def test_words_that_name_no_sign_of_the_source_are_not_read_as_one() -> None:
    """Two readings the detector got wrong: "weakness in an arm or a leg" is no sign of back pain
    down one leg, and "more than 2 or 3 days" of soreness is not pain that gets worse fast."""
    page = """# Signs

Numbness, tingling or weakness in an arm or a leg that came on suddenly: call 911.

Soreness that lasts more than 2 or 3 days: call your doctor.
"""
    assert find(triage(MAIN_LANGUAGE), markdown_units(page, "docs/x.md")) == []
    worse = page.replace("lasts more than 2 or 3 days", "gets worse fast")
    assert [f.sign.id for f in find(triage(MAIN_LANGUAGE), markdown_units(worse, "docs/x.md"))] == ["severe-or-worsening-pain"]
