"""The decision steps as a flow chart (issue 22): "Answer 4 questions" on which-one-is-right-for-you,
drawn as one SVG file per language (docs/assets/pictures/decision-steps.svg, and .es.svg beside it,
which mkdocs-static-i18n serves to the Spanish pages at the same address under /es/).

What a reader would notice if it broke:
- the chart says what the page's steps say: every outcome of the steps, in the page's language,
  and no word the page does not use (so no English in the Spanish chart);
- it follows the triage rule: it names no urgent warning sign at all (it points to the safety
  page's boxes by their names), and gives no sign another action than the triage source does;
- it is a picture file and nothing more: no script, no request to anything outside itself;
- on the page it is a figure with a caption and alt text, after the steps it draws, each
  language's page showing its own language's file, at the file's own size;
- on paper it is there, in the booklet, at its own size: its words print at about 10.5 pt, as
  large as the booklet's text (an independent review found them at 7 pt when the chart was
  shrunk to half a sheet).

The chart's words are read with a real XML parser (its `<text>` and `<title>` elements).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest

from conftest import ROOT, soup_of
from massage_guide.triage.detect import Unit, clean, find, spans, words
from paper import pdf_text, print_pdf
from site_pages import LANGUAGES, MAIN_LANGUAGE, SITE_MAP
from test_triage import triage

SVG = "{http://www.w3.org/2000/svg}"
PAGE = "which-one-is-right-for-you.md"
CHART = "assets/pictures/decision-steps.svg"
STEPS = "three-questions"  # the id of the heading "Answer 4 questions"
# 24 cm at CSS's 96 px to the inch: what a printed sheet holds inside its margins.
A_SHEET_PX = 24 / 2.54 * 96
# Levels the chart may only point to by their boxes' names, never by naming a sign.
URGENT = {"call-911", "doctor-today"}

# What the steps tell a reader to do, in each language: the chart must say each of these. Each is
# also checked to be in the page's steps, so a change of wording there fails here until the chart
# follows. The first two are the names of the safety page's boxes, which question 1 points to.
OUTCOMES = {
    "en": ["Call 911 now", "See a doctor today", "Ask your doctor before you book",
           "Book a relaxation massage", "Book a medical massage", "Ask a doctor before you book"],
    "es": ["Llame al 911 ya", "Vaya al médico hoy", "Pregunte a su médico antes de hacer la cita",
           "Haga cita para un masaje de relajación", "Haga cita para un masaje médico",
           "Pregunte a un médico antes de hacer la cita"],
}


def chart_file(code: str) -> Path:
    """The chart's source for a language: `decision-steps.es.svg` for Spanish (the i18n plugin's
    suffix), `decision-steps.svg` for the main language."""
    return SITE_MAP.docs_dir / SITE_MAP.in_language(CHART, code)


def parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)


def lines_of(root: ElementTree.Element) -> list[str]:
    """Every line of words the chart shows (and its title), in document order."""
    return [" ".join("".join(node.itertext()).split()) for node in root.iter() if node.tag in (f"{SVG}text", f"{SVG}title")]


def units_of(root: ElementTree.Element, file: str) -> list[Unit]:
    """The chart's words as the triage detector reads text: one unit per question with its
    answers and outcomes (a `<g id="q1">` group), so a sign is paired with the action it leads to."""
    units = [Unit(file, 0, " ".join(lines_of(group))) for group in root.iter(f"{SVG}g") if re.fullmatch(r"q\d+", group.get("id", ""))]
    return units or [Unit(file, 0, " ".join(lines_of(root)))]


def flat(text: str) -> str:
    return " ".join(words(text))


def missing_outcomes(root: ElementTree.Element, outcomes: list[str]) -> list[str]:
    """The outcomes no line of the chart says (in any case; a pill's words may wrap over lines)."""
    said = flat(" ".join(lines_of(root)))
    return [outcome for outcome in outcomes if f" {flat(outcome)} " not in f" {said} "]


def vocabulary(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"[^\W\d_]+", text)}


def unknown_words(root: ElementTree.Element, page_text: str) -> set[str]:
    """Words of the chart that its page never uses."""
    return vocabulary(" ".join(lines_of(root))) - vocabulary(page_text)


def outside_references(root: ElementTree.Element) -> list[str]:
    """Anything in the file that runs or fetches: scripts, event handlers, embedded documents or
    pictures, and every link or `url()` that is not to a part of the file itself (`#a`)."""
    found = []
    for node in root.iter():
        tag = node.tag.removeprefix(SVG)
        if tag in ("script", "foreignObject", "image", "iframe", "style", "use", "a", "feImage"):
            found.append(f"<{tag}>")
        for name, value in node.attrib.items():
            name = name.split("}")[-1]
            if name.lower().startswith("on"):
                found.append(f"{name}=")
            if name == "href" and not value.startswith("#"):
                found.append(f"{name}={value}")
            found += [f"url({ref})" for ref in re.findall(r"url\(\s*['\"]?([^)'\"]*)", value) if not ref.startswith("#")]
    return found


def page_source(code: str) -> str:
    return (SITE_MAP.docs_dir / SITE_MAP.in_language(PAGE, code)).read_text(encoding="utf-8")


def steps_text(code: str) -> str:
    """The words of the page's "Answer 4 questions" section, as a reader reads them."""
    text = page_source(code)
    start = text.index(f"{{#{STEPS}}}")
    end = text.index("\n## ", start)
    return clean(text[start:end].split("\n", 1)[1])


# The chart files ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_chart_says_every_outcome_of_the_steps_in_the_pages_language(code: str) -> None:
    steps = flat(steps_text(code))
    assert not [o for o in OUTCOMES[code] if flat(o) not in steps], "the page's steps no longer say these; update the chart and OUTCOMES"
    root = parse(chart_file(code).read_text(encoding="utf-8"))
    missing = missing_outcomes(root, OUTCOMES[code])
    assert not missing, f"{chart_file(code).name} does not say: {missing}"


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_charts_words_are_its_pages_words(code: str) -> None:
    # Words taken from the page, so the Spanish chart holds no English: a word of the English
    # chart that the Spanish page never uses may not be in the Spanish chart.
    root = parse(chart_file(code).read_text(encoding="utf-8"))
    page = clean(page_source(code))
    assert not unknown_words(root, page), f"{chart_file(code).name}: words its page does not use: {sorted(unknown_words(root, page))}"
    for other in LANGUAGES:
        if other != code:
            foreign = vocabulary(" ".join(lines_of(parse(chart_file(other).read_text(encoding="utf-8"))))) - vocabulary(page)
            assert not vocabulary(" ".join(lines_of(root))) & foreign, (code, other)


def triage_problems(root: ElementTree.Element, where: str, code: str) -> tuple[str, list[str]]:
    """What a chart's words break of the triage rule: the findings of the triage check (a sign
    with another action), and the urgent signs it names at all (a chart points to boxes instead)."""
    source = triage(code)
    units = units_of(root, where)
    findings = "\n".join(finding.message() for finding in find(source, units))
    text = words(" ".join(unit.text for unit in units))
    named = sorted({sign.id for sign in source.signs if sign.level in URGENT for phrase in sign.matches if any(spans(text, phrase))})
    return findings, named


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_chart_follows_the_triage_rule(code: str) -> None:
    root = parse(chart_file(code).read_text(encoding="utf-8"))
    findings, named = triage_problems(root, f"docs/{chart_file(code).relative_to(SITE_MAP.docs_dir).as_posix()}", code)
    assert not findings, findings
    assert not named, f"the chart names urgent signs {named}: point to the safety page's boxes by name instead"


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_chart_is_a_picture_and_nothing_more(code: str) -> None:
    text = chart_file(code).read_text(encoding="utf-8")
    root = parse(text)
    assert root.tag == f"{SVG}svg" and root.get("viewBox", "").startswith("0 0 320 "), root.attrib
    assert not outside_references(root), outside_references(root)
    # Its own size, which the page's <img> repeats, so nothing moves as it loads.
    assert [root.get("width"), root.get("height")] == root.get("viewBox").split()[2:]


def test_the_checks_catch_a_chart_that_strays_from_its_page() -> None:
    good = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 80" width="320" height="80">
      <g id="q1"><text x="0" y="10">Has a doctor checked this pain?</text><text x="0" y="30">Book a medical</text>
      <text x="0" y="50">massage</text></g></svg>"""
    assert missing_outcomes(parse(good), ["Book a medical massage"]) == []
    dropped = good.replace("Book a medical", "Book a")
    assert missing_outcomes(parse(dropped), ["Book a medical massage"]) == ["Book a medical massage"]
    # An English word in a Spanish chart is a word the Spanish page does not use.
    assert unknown_words(parse(good.replace("Has a doctor", "¿Un médico")), "¿Un médico ya revisó este dolor?") >= {"book", "massage"}
    # A sign named with another action than the triage source's, by the detector the pages use.
    wrong = good.replace("Has a doctor checked this pain?", "Chest pain?").replace("Book a medical", "See a doctor today")
    assert [f.sign.id for f in find(triage(MAIN_LANGUAGE), units_of(parse(wrong), "x.svg"))] == ["chest-pain"]
    # A script, a handler, a picture from elsewhere.
    bad = good.replace("<g id", '<script>alert(1)</script><image href="https://example.com/x.png"/><g onclick="x()" id')
    assert outside_references(parse(bad)) == ["<script>", "<image>", "href=https://example.com/x.png", "onclick="]


# The built pages -------------------------------------------------------------------------------


def figure_in_steps(site: Path, address: str):
    """The figure between the heading "Answer 4 questions" and the next heading of its level."""
    soup = soup_of(site, address)
    heading = soup.find(id=STEPS)
    assert heading is not None, f"/{address} has no #{STEPS}"
    for node in heading.find_next_siblings():
        if node.name == heading.name:
            break
        if node.name == "figure":
            return node
    raise AssertionError(f"/{address}: no figure in its 4 questions")


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_chart_is_a_captioned_figure_of_its_own_language(site: Path, code: str) -> None:
    address = LANGUAGES[code] + PAGE.removesuffix(".md") + "/"
    figure = figure_in_steps(site, address)
    img = figure.find("img")
    caption = figure.find("figcaption")
    assert img is not None and caption is not None and caption.get_text(strip=True), str(figure)[:300]
    assert img.get("alt", "").strip() and img.get("loading") == "lazy", img.attrs
    # The alt says what the picture is; the steps themselves are the page's text.
    assert "4" in img["alt"], img["alt"]
    served = site / urlsplit(urljoin(f"/{address}", img["src"])).path.lstrip("/")
    assert served.read_bytes() == chart_file(code).read_bytes(), f"/{address} shows {img['src']}, not {chart_file(code).name}"
    root = parse(served.read_text(encoding="utf-8"))
    assert [img.get("width"), img.get("height")] == [root.get("width"), root.get("height")], img.attrs


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_chart_is_in_the_booklet_within_half_a_sheet(browser, base_url: str, tmp_path: Path, code: str) -> None:
    booklet = base_url + LANGUAGES[code] + "print/"
    # Printed, as a reader prints it: the chart's own words are on paper (its `Yes, a sign in
    # one of the boxes` line is the chart's alone), although the picture loads lazily on screen.
    root = parse(chart_file(code).read_text(encoding="utf-8"))
    own = [line for line in lines_of(root)[1:] if flat(line) not in flat(clean(page_source(code)))]
    assert own, "the chart has no line of its own to look for"
    printed = " ".join(pdf_text(print_pdf(browser, booklet, tmp_path / "booklet.pdf")))
    assert flat(own[0]) in flat(printed), f"{own[0]!r} is not in the printed booklet"
    # And its size on paper: its own (the `height` the page gives it), so that its words print
    # at the booklet's size, and it fits on one sheet.
    context = browser.new_context(viewport={"width": 816, "height": 1056})
    page = context.new_page()
    page.goto(booklet)
    page.emulate_media(media="print")
    img = page.locator(f"article figure img[src$='{CHART.rsplit('/', 1)[-1]}']")
    img.evaluate("img => { img.loading = 'eager'; return img.decode(); }")
    box = img.bounding_box()
    own_height = int(img.get_attribute("height"))
    context.close()
    assert box and abs(box["height"] - own_height) <= 2 and box["height"] <= A_SHEET_PX, (box, own_height)


# Each line's box on the drawing, and the smallest frame (a question or an outcome) around its
# anchor point; lines outside any frame (the answers) must stay inside the drawing.
LINE_BOXES = """() => {
  const svg = document.documentElement, view = svg.viewBox.baseVal, rects = [...svg.querySelectorAll("rect")];
  return [...svg.querySelectorAll("text")].map(text => {
    const box = text.getBBox(), x = text.x.baseVal[0].value, y = text.y.baseVal[0].value;
    const frames = rects.map(r => r.getBBox()).filter(r => r.x <= x && x <= r.x + r.width && r.y <= y && y <= r.y + r.height);
    const frame = frames.sort((a, b) => a.width * a.height - b.width * b.height)[0] || {x: view.x, y: view.y, width: view.width, height: view.height};
    return {text: text.textContent, left: box.x - frame.x, right: frame.x + frame.width - box.x - box.width};
  });
}"""
# Room left on each side of a line in its frame with this machine's font, in drawing units.
MARGIN = 6


def lines_and_tight_ones(browser, chart: Path) -> tuple[list[dict], list[dict]]:
    """Every line of a chart drawn in Chromium, and those with less than MARGIN units of room."""
    page = browser.new_page()
    page.goto(chart.as_uri())
    lines = page.evaluate(LINE_BOXES)
    page.close()
    return lines, [line for line in lines if min(line["left"], line["right"]) < MARGIN]


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_line_fits_its_box_with_room_to_spare(browser, code: str) -> None:
    # The chart names system fonts only (no font is embedded or fetched), so another machine
    # draws it in another font. Chromium here falls back to DejaVu Sans (`fc-match system-ui`),
    # wider than Segoe UI, Roboto, San Francisco or Arial: with room to spare here, it fits there.
    lines, tight = lines_and_tight_ones(browser, chart_file(code))
    assert lines and not tight, f"{chart_file(code).name}: lines with less than {MARGIN} units of room: {tight}"
