"""The guide's drawings (issue 22): each picture is where a reader needs it, in every language,
named for screen readers, captioned, loaded only when scrolled to, and on paper.

- The drawings themselves (docs/assets/pictures/*.svg): SVG with a `viewBox` and a size, no
  script, nothing fetched, no words (digits only: words belong in the page's language, outside
  the picture), no gradients, small.
- On the built site, in each language: the picture sits in a `<figure>` with a caption, a
  non-empty alt text that is not the caption again and is the page's own language, and
  `loading="lazy"`; the body picture is followed by the list of its 9 numbered areas.
- On paper: the printed booklet shows the body picture and the two rooms (the space above each
  caption holds ink),
  at most 12 cm wide; a technique picture at most 8 cm.
- The handout's chart (`handout-steps.svg`, `.es.svg`: its words in each language's file): on the
  front of the sheet, captioned, named, lazy, in the page's language, following the flow chart's
  rules (test_flowchart.py); on the printed sheet, Letter and A4, at the size it is drawn.
- An author's mistake: a glossary picture whose file is not there, or with no alt text, stops
  the build and names the file and line.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

import pytest

from conftest import ROOT, SITE_PATH, assert_mentions, failed_build_log, print_once, soup_of
from paper import sheet_lines
from site_pages import LANGUAGES, MAIN_LANGUAGE, SITE_MAP, in_language, language_of

PICTURES_DIR = ROOT / "docs" / "assets" / "pictures"
# A picture that holds words has a file per language (`decision-steps.es.svg` beside
# `decision-steps.svg`; test_flowchart.py checks the flow chart's words). The others, here, hold
# none but digits, and every language shares them.
WORDED = {path.name for path in PICTURES_DIR.glob("*.*.svg")} | {
    f"{path.name.split('.')[0]}.svg" for path in PICTURES_DIR.glob("*.*.svg")}
DRAWINGS = sorted(path for path in PICTURES_DIR.glob("*.svg") if path.name not in WORDED)
SVG = "{http://www.w3.org/2000/svg}"
# Elements a drawing of the guide never needs: script, other documents, pictures inside the
# picture, fonts, and effects that do not print the same everywhere.
REFUSED = {"script", "foreignObject", "image", "iframe", "style", "font", "font-face", "filter",
           "linearGradient", "radialGradient", "pattern", "mask", "animate", "set", "animateMotion",
           "animateTransform", "title", "desc", "metadata"}
MAX_GZIPPED = 3000  # bytes, each drawing
BODY = "body-areas.svg"
BODY_AREAS = 9
ROOMS = "two-rooms.svg"
# Each picture and the pages that show it, by their address in the site's first language.
WHERE = {
    BODY: ["differences/the-massage/", "print/"],
    "cupping.svg": ["glossary/", "differences/the-therapist/"],
    "tool-assisted.svg": ["glossary/", "differences/the-therapist/"],
    "kinesiology-tape.svg": ["glossary/", "differences/the-therapist/"],
    ROOMS: ["differences/the-setting/", "print/"],
    "after-massage.svg": ["differences/after-the-session/", "print/"],
}
PRINTED = [name for name, addresses in WHERE.items() if "print/" in addresses]
CASES = [(name, in_language(address, code)) for name, addresses in WHERE.items() for address in addresses
         for code in LANGUAGES]
OTHER_LANGUAGE_CASES = [(name, address) for name, address in CASES if language_of(address) != MAIN_LANGUAGE]
# On paper, in CSS pixels (96 to the inch): the body picture, the two rooms and the after-massage chart at most 12 cm wide,
# a technique's 8 cm.
CM = 96 / 2.54
MOST_WIDE = {BODY: 12 * CM, ROOMS: 12 * CM, "after-massage.svg": 12 * CM}
TECHNIQUE_WIDE = 8 * CM


# ---------- The drawings ----------------------------------------------------------------------


def test_every_drawing_is_shown_somewhere() -> None:
    assert {path.name for path in DRAWINGS} == set(WHERE), "a drawing in docs/assets/pictures/ that no test places"


@pytest.mark.parametrize("path", DRAWINGS, ids=lambda path: path.name)
def test_drawing_is_a_small_plain_svg_without_words(path: Path) -> None:
    data = path.read_bytes()
    root = ElementTree.fromstring(data)
    assert root.tag == f"{SVG}svg", f"{path.name} is not an SVG drawing"
    assert len((root.get("viewBox") or "").split()) == 4, f"{path.name} has no viewBox"
    assert root.get("width") and root.get("height"), f"{path.name} needs a width and a height"
    found = {element.tag.split("}")[-1] for element in root.iter()}
    assert not found & REFUSED, f"{path.name} holds {sorted(found & REFUSED)}"
    for element in root.iter():
        handlers = [name for name in element.attrib if name.lower().startswith("on")]
        assert not handlers, f"{path.name}: <{element.tag}> has {handlers}"
        for name, value in element.attrib.items():
            if name.endswith("href"):
                assert value.startswith("#"), f"{path.name} links to {value!r}: a drawing uses only its own parts"
        words = " ".join(filter(None, [(element.text or "").strip(), (element.tail or "").strip()]))
        if element.tag == f"{SVG}text":
            assert re.fullmatch(r"\d+", (element.text or "").strip()), f"{path.name}: a <text> holds {element.text!r}, not digits"
        else:
            assert not words, f"{path.name}: words {words!r} in the drawing; put them in the page's caption"
    assert b"url(" not in data and b"@import" not in data, f"{path.name} fetches something"
    assert len(gzip.compress(data, 9)) <= MAX_GZIPPED, f"{path.name} is over {MAX_GZIPPED} bytes gzip-compressed"


def test_body_drawing_numbers_each_area_once() -> None:
    root = ElementTree.fromstring((PICTURES_DIR / BODY).read_bytes())
    numbers = sorted(int(element.text) for element in root.iter(f"{SVG}text"))
    assert numbers == list(range(1, BODY_AREAS + 1))


# ---------- On the built site ------------------------------------------------------------------


def _figures(site: Path, address: str, name: str):
    soup = soup_of(site, address)
    pictures = [img for img in soup.select("article img") if img.get("src", "").endswith(f"/pictures/{name}")]
    return soup, pictures


@pytest.mark.parametrize(("name", "address"), CASES, ids=[f"{a}{n}" for n, a in CASES])
def test_picture_is_captioned_named_and_lazy(site: Path, name: str, address: str) -> None:
    _, pictures = _figures(site, address, name)
    assert len(pictures) == 1, f"/{address} should show {name} once, shows it {len(pictures)} times"
    img = pictures[0]
    figure = img.find_parent("figure")
    assert figure is not None, f"/{address}: {name} is not in a <figure>"
    caption = figure.find("figcaption")
    assert caption is not None and caption.get_text(strip=True), f"/{address}: {name} has no caption"
    alt = (img.get("alt") or "").strip()
    assert alt, f"/{address}: {name} has no alt text"
    assert alt.casefold() != caption.get_text(" ", strip=True).casefold(), f"/{address}: the caption repeats the alt text"
    assert img.get("loading") == "lazy", f"/{address}: {name} loads before the reader scrolls to it"
    assert img.get("width") and img.get("height"), f"/{address}: {name} has no size, so the page jumps as it loads"
    target = (site / urljoin(f"/{address}", img["src"]).lstrip("/")).resolve()
    assert target.is_file() and target.name == name, f"/{address}: {img['src']} is not in the site"


@pytest.mark.parametrize(("name", "address"), OTHER_LANGUAGE_CASES, ids=[f"{a}{n}" for n, a in OTHER_LANGUAGE_CASES])
def test_picture_words_are_in_the_pages_language(site: Path, name: str, address: str) -> None:
    """No alt text or caption of the first language on a page in another language."""
    main = in_language(address, MAIN_LANGUAGE)
    (_, here), (_, there) = _figures(site, address, name), _figures(site, main, name)
    assert here[0]["alt"] != there[0]["alt"], f"/{address}: the alt text of {name} is the one of /{main}"
    ours, theirs = (pictures[0].find_parent("figure").figcaption.get_text(" ", strip=True) for pictures in (here, there))
    assert ours != theirs, f"/{address}: the caption of {name} is the one of /{main}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_body_picture_names_its_9_areas_and_their_minutes(site: Path, code: str) -> None:
    address = in_language(WHERE[BODY][0], code)
    _, pictures = _figures(site, address, BODY)
    figure = pictures[0].find_parent("figure")
    caption = figure.figcaption.get_text(" ", strip=True)
    # "about 6 or 7 minutes each in a 60-minute massage", the facts of the page, in its language.
    assert re.search(r"\b60\b", caption) and re.search(r"\b6\b.*\b7\b", caption), caption
    key = figure.find_next_sibling("ol")
    assert key is not None, f"/{address}: no numbered list of the areas after the body picture"
    areas = [item.get_text(" ", strip=True) for item in key.find_all("li", recursive=False)]
    assert len(areas) == BODY_AREAS and all(areas), f"/{address}: the list names {areas}"
    assert len(set(areas)) == BODY_AREAS, f"/{address}: an area is named twice: {areas}"


# ---------- On paper ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_booklet_prints_its_pictures(site: Path, browser, base_url: str, tmp_path_factory, code: str) -> None:
    """Printed from Chromium, the booklet's sheet with a picture's caption (the body's, the two
    rooms', the after-massage chart's) has the drawing next to it, above it or, for the narrow
    chart, beside it: ink where the picture is, not a blank space left by a picture that never
    loaded or that went to the sheet before."""
    address = in_language("print/", code)
    # The same printout as tests/test_print.py's, printed once for the whole run.
    pdf = print_once(browser, tmp_path_factory, "site", base_url, address, "Letter", javascript=False)
    sheets = list(enumerate(sheet_lines(pdf), 1))
    for name in PRINTED:
        _, pictures = _figures(site, address, name)
        figure = pictures[0].find_parent("figure")
        caption_start = " ".join(figure.figcaption.get_text(" ", strip=True).split()[:4])
        found = [(number, line) for number, sheet in sheets for line in sheet.lines if line.text.startswith(caption_start)]
        assert len(found) == 1, f"/{address}: the caption of {name} ({caption_start!r}…) is on paper {len(found)} times, not once"
        number, line = found[0]
        height_pt = int(pictures[0]["height"]) * 0.75  # CSS pixels to points
        # A caption set beside its picture starts well right of the sheet's margin: the picture is
        # left of it, so only that part of the band is looked at, and the band is taller than the
        # smaller picture (a blank band has no teal at all; text prints black).
        beside = line.left > 150
        ink = _ink(pdf, number, top_pt=line.top - height_pt, bottom_pt=line.top + height_pt,
                   right_pt=line.left if beside else None)
        assert ink > (0.008 if beside else 0.02), f"/{address}: the space around the caption of {name} is {ink:.1%} teal: the picture did not print on its caption's sheet"


def _ink(pdf: Path, sheet: int, top_pt: float, bottom_pt: float, dpi: int = 50, right_pt: float | None = None) -> float:
    """The share of the drawings' teal in a band of one printed sheet (a picture at `dpi`), up to
    `right_pt` from the left edge when given: the text around prints in black and grey, the
    drawings in the guide's greens."""
    with tempfile.TemporaryDirectory() as folder:  # not beside the PDF, which other tests read too
        stem = Path(folder) / f"{pdf.stem}-{sheet}"
        subprocess.run(["pdftoppm", "-r", str(dpi), "-singlefile", "-f", str(sheet), "-l", str(sheet),
                        str(pdf), str(stem)], check=True, timeout=60)
        data = stem.with_suffix(".ppm").read_bytes()
    width, height, pixels = re.match(rb"P6\s+(\d+)\s+(\d+)\s+\d+\s(.*)", data, re.S).groups()
    width, height = int(width), int(height)
    first, last = (max(0, min(height, round(points * dpi / 72))) for points in (top_pt, bottom_pt))
    columns = width if right_pt is None else max(1, min(width, round(right_pt * dpi / 72)))
    dots = [pixels[(row * width + column) * 3:(row * width + column) * 3 + 3]
            for row in range(first, last) for column in range(columns)]
    return sum(1 for red, green, blue in dots if green - red > 40) / max(1, len(dots))


@pytest.mark.parametrize(("name", "address"), [(n, a) for n, a in CASES if "print/" not in a],
                         ids=[f"{a}{n}" for n, a in CASES if "print/" not in a])
def test_picture_is_shown_on_paper_and_not_too_wide(browser, base_url: str, name: str, address: str) -> None:
    """With print styles (Chromium's print media), the picture is loaded, shown, and no wider than
    8 cm for a technique or 12 cm for the body."""
    context = browser.new_context(viewport={"width": 816, "height": 1056}, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + address)
    page.emulate_media(media="print")
    img = page.locator(f"article figure img[src$='/pictures/{name}']")
    img.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
    box = img.bounding_box()
    context.close()
    assert box and box["width"] > 100 and box["height"] > 60, f"/{address}: {name} is not visible on paper: {box}"
    assert box["width"] <= MOST_WIDE.get(name, TECHNIQUE_WIDE) + 1, f"/{address}: {name} is {box['width'] / CM:.1f} cm wide on paper"


# ---------- The handout's chart --------------------------------------------------------------
# PEMAT-P items 15 and 26 on the printed sheet: the tick list's 3 questions drawn as a flow chart
# on the front, each answer leading to the next question or to what to do. A warning sign leads
# to the back of the sheet, whose boxes come from the triage source.

HANDOUT = "handout/"
HANDOUT_CHART = "handout-steps.svg"
# Where the chart's words come from: the sheet's tick list, and the decision steps it shortens.
HANDOUT_CHART_WORDS = ("handout.md", "which-one-is-right-for-you.md")
HANDOUT_OUTCOMES = {
    "en": ["Read the back of this sheet first", "Ask your doctor first", "Book a relaxation massage",
           "Book a medical massage"],
    "es": ["Lea primero el otro lado de esta hoja", "Pregunte a su médico",
           "Masaje de relajación", "Masaje médico"],
}
# The width inside the handout's margins (9 mm top, 10 mm at the sides), in CSS pixels.
SHEET_WIDTH = {"Letter": (215.9 - 20) * CM / 10, "A4": (210 - 20) * CM / 10}


def _handout_chart(code: str) -> Path:
    return SITE_MAP.docs_dir / "assets" / "pictures" / SITE_MAP.in_language(HANDOUT_CHART, code)


def _handout_chart_words_source(code: str) -> str:
    return "\n".join((SITE_MAP.docs_dir / SITE_MAP.in_language(page, code)).read_text(encoding="utf-8")
                     for page in HANDOUT_CHART_WORDS)


@pytest.mark.parametrize("code", LANGUAGES)
def test_handout_chart_follows_the_flow_charts_rules(code: str) -> None:
    """The checks of the decision steps' chart (test_flowchart.py): a picture and nothing more,
    every outcome said, only words of its pages (no English in the Spanish chart), and the
    triage rule (no urgent sign named; no sign with another action than the triage source's)."""
    from massage_guide.triage.detect import clean
    from test_flowchart import lines_of, missing_outcomes, outside_references, triage_problems, unknown_words, vocabulary

    path = _handout_chart(code)
    data = path.read_bytes()
    root = ElementTree.fromstring(data)
    assert root.tag == f"{SVG}svg" and not outside_references(root), outside_references(root)
    assert [root.get("width"), root.get("height")] == root.get("viewBox").split()[2:], root.attrib
    assert len(gzip.compress(data, 9)) <= MAX_GZIPPED, f"{path.name} is over {MAX_GZIPPED} bytes gzip-compressed"
    assert not missing_outcomes(root, HANDOUT_OUTCOMES[code]), missing_outcomes(root, HANDOUT_OUTCOMES[code])
    source = clean(_handout_chart_words_source(code))
    assert not unknown_words(root, source), f"{path.name}: words its pages do not use: {sorted(unknown_words(root, source))}"
    for other in LANGUAGES:
        if other != code:
            foreign = vocabulary(" ".join(lines_of(ElementTree.fromstring(_handout_chart(other).read_bytes())))) - vocabulary(source)
            assert not vocabulary(" ".join(lines_of(root))) & foreign, (code, other)
    findings, named = triage_problems(root, f"docs/assets/pictures/{path.name}", code)
    assert not findings, findings
    assert not named, f"{path.name} names urgent signs {named}: it points to the back of the sheet instead"


@pytest.mark.parametrize("code", LANGUAGES)
def test_handout_chart_lines_fit_their_boxes(browser, code: str) -> None:
    from test_flowchart import MARGIN, lines_and_tight_ones

    lines, tight = lines_and_tight_ones(browser, _handout_chart(code))
    assert lines and not tight, f"{_handout_chart(code).name}: lines with less than {MARGIN} units of room: {tight}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_handout_shows_its_chart_on_the_front(site: Path, code: str) -> None:
    address = in_language(HANDOUT, code)
    soup, pictures = _figures(site, address, HANDOUT_CHART)
    assert len(pictures) == 1, f"/{address} should show {HANDOUT_CHART} once, shows it {len(pictures)} times"
    img = pictures[0]
    figure = img.find_parent("figure")
    assert figure is not None and figure.find_parent(class_="mdx-handout__front") is not None, f"/{address}: the chart is not a figure on the sheet's front"
    caption = figure.find("figcaption")
    assert caption is not None and caption.get_text(strip=True), f"/{address}: the chart has no caption"
    alt = (img.get("alt") or "").strip()
    assert alt and alt.casefold() != caption.get_text(" ", strip=True).casefold(), f"/{address}: alt {alt!r}"
    assert img.get("loading") == "lazy", f"/{address}: the chart loads before the reader scrolls to it"
    root = ElementTree.fromstring(_handout_chart(code).read_bytes())
    assert [img.get("width"), img.get("height")] == [root.get("width"), root.get("height")], img.attrs
    served = (site / urljoin(f"/{address}", img["src"]).lstrip("/")).resolve()
    assert served.read_bytes() == _handout_chart(code).read_bytes(), f"/{address} shows {img['src']}, not {_handout_chart(code).name}"
    if code != MAIN_LANGUAGE:
        _, theirs = _figures(site, in_language(HANDOUT, MAIN_LANGUAGE), HANDOUT_CHART)
        assert alt != theirs[0]["alt"], f"/{address}: the chart's alt text is the one of the first language"
        assert caption.get_text(" ", strip=True) != theirs[0].find_parent("figure").figcaption.get_text(" ", strip=True)


@pytest.mark.parametrize("sheet", ["Letter", "A4"])
@pytest.mark.parametrize("code", LANGUAGES)
def test_handout_chart_prints_on_the_front_at_its_own_size(site: Path, browser, base_url: str,
                                                            tmp_path_factory: pytest.TempPathFactory,
                                                            code: str, sheet: str) -> None:
    """Printed on Letter and A4, the chart's words are on the sheet's first side, with the
    drawing's ink above its caption, and it prints at the size it is drawn: 700 px, 18.5 cm wide
    and 3.4 cm tall, its words at 13 px (9.75 pt), the outcomes in bold."""
    from test_flowchart import lines_of

    address = in_language(HANDOUT, code)
    # The handout as test_print prints it (JavaScript on, as most readers print it), printed once a run.
    pdf = print_once(browser, tmp_path_factory, "site", base_url, address, sheet)
    sheets = sheet_lines(pdf)
    root = ElementTree.fromstring(_handout_chart(code).read_bytes())
    # The first line of question 2, which only the chart says.
    question = next(line for line in lines_of(root.find(f".//{SVG}g[@id='q2']")) if not line.isdigit())
    # Each word of it (a label drawn beside a line may come between them in the PDF's text).
    front = {word for line in sheets[0].lines for word in line.text.split()}
    assert set(question.split()) <= front, f"/{address} on {sheet}: {question!r} is not on the front"
    _, pictures = _figures(site, address, HANDOUT_CHART)
    caption_start = " ".join(pictures[0].find_parent("figure").figcaption.get_text(" ", strip=True).split()[:4])
    found = [line for line in sheets[0].lines if line.text.startswith(caption_start)]
    assert len(found) == 1, f"/{address} on {sheet}: the chart's caption ({caption_start!r}…) is on the front {len(found)} times"
    height_pt = int(root.get("height")) * 0.75
    ink = _ink(pdf, 1, top_pt=found[0].top - height_pt, bottom_pt=found[0].top)
    assert ink > 0.02, f"/{address} on {sheet}: the space above the chart's caption is {ink:.1%} teal"
    context = browser.new_context(viewport={"width": round(SHEET_WIDTH[sheet]), "height": 1000})
    page = context.new_page()
    page.goto(base_url + address)
    page.emulate_media(media="print")
    img = page.locator(f"article figure img[src$='/pictures/{HANDOUT_CHART}']")
    img.evaluate("img => { img.loading = 'eager'; return img.decode(); }")
    box = img.bounding_box()
    context.close()
    assert box and abs(box["width"] - int(root.get("width"))) <= 1 and abs(box["height"] - int(root.get("height"))) <= 1, (
        f"/{address} on {sheet}: the chart prints {box['width'] / CM:.1f} × {box['height'] / CM:.1f} cm, not its own size")


# ---------- Authors' mistakes ------------------------------------------------------------------


def _set_in_glossary(project: Path, file: str, old: str, new: str) -> int:
    """Replace `old` (once) in docs/FILE; return the line it was on."""
    path = project / "docs" / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_a_glossary_picture_that_is_not_there_stops_the_build(broken_copy, tmp_path: Path) -> None:
    project = broken_copy()
    line = _set_in_glossary(project, "glossary.yml", "picture: assets/pictures/cupping.svg",
                            "picture: assets/pictures/cuping.svg")
    for code, folder in LANGUAGES.items():  # the same picture in every language, as the pair check wants
        if folder:
            _set_in_glossary(project, f"glossary.{code}.yml", "picture: assets/pictures/cupping.svg",
                             "picture: assets/pictures/cuping.svg")
    log = failed_build_log(project, tmp_path / "site", "a picture that is not there")
    assert_mentions(log, [f"docs/glossary.yml, line {line}", "assets/pictures/cuping.svg", "not a file in the docs folder",
                          "Expected:", "picture: assets/pictures/cupping.svg"], "a picture that is not there")


def test_a_glossary_picture_without_alt_text_stops_the_build(broken_copy, tmp_path: Path) -> None:
    project = broken_copy()
    path = project / "docs" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    picture_alt:", text.index("picture: assets/pictures/cupping.svg"))
    end = text.index("    picture_caption:", start)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    log = failed_build_log(project, tmp_path / "site", "a picture without alt text")
    assert_mentions(log, ["docs/glossary.yml, line", "`Cupping` has `picture:`", "no `picture_alt:`", "For example:"],
                    "a picture without alt text")


def test_a_different_picture_in_another_language_stops_the_build(broken_copy, tmp_path: Path) -> None:
    project = broken_copy()
    other = next(code for code, folder in LANGUAGES.items() if folder)
    _set_in_glossary(project, f"glossary.{other}.yml", "picture: assets/pictures/cupping.svg",
                     "picture: assets/pictures/tool-assisted.svg")
    log = failed_build_log(project, tmp_path / "site", "another picture in one language")
    assert_mentions(log, [f"docs/glossary.{other}.yml", "picture: assets/pictures/tool-assisted.svg",
                          "picture: assets/pictures/cupping.svg"], "another picture in one language")
    assert re.search(rf"docs/glossary\.{other}\.yml, line \d+: ", log), log


def test_a_page_that_shows_a_picture_no_entry_has_stops_the_build(broken_copy, tmp_path: Path) -> None:
    project = broken_copy()
    page = project / "docs" / "differences" / "the-therapist.md"
    text = page.read_text(encoding="utf-8")
    old = "<!-- glossary: picture kinesiology-taping -->"
    line = text[: text.index(old)].count("\n") + 1
    page.write_text(text.replace(old, "<!-- glossary: picture co-pay -->"), encoding="utf-8")
    log = failed_build_log(project, tmp_path / "site", "a picture of a word without one")
    assert_mentions(log, [f"docs/differences/the-therapist.md, line {line}", "`Co-pay`, which has no `picture:`",
                          "cupping", "<!-- glossary: picture cupping -->"], "a picture of a word without one")


GLOSSARY_WITH_PICTURE = """
groups:
  clinic:
    title: Techniques you meet in clinics
    kind: technique
terms:
  - term: Cupping
    group: clinic
    definition: Cups pull the skin up.
    pressure: varies
    where: clinic
    used_for: Tight muscles.
    picture: {picture}
    picture_alt: {alt}
    picture_caption: {caption}
"""
GOOD = {"picture": "assets/pictures/cupping.svg", "alt": "Cups on a back.", "caption": "The skin rises into each cup."}


@pytest.mark.parametrize(("field", "value", "told"), [
    ("picture", "../cupping.svg", "not the path of an SVG file inside the docs folder"),
    ("picture", "/assets/pictures/cupping.svg", "not the path of an SVG file inside the docs folder"),
    ("picture", "https://example.com/cupping.svg", "not the path of an SVG file inside the docs folder"),
    ("picture", "assets/pictures/cupping.png", "not the path of an SVG file inside the docs folder"),
    ("caption", "Cups on a back.", "repeats its `picture_alt:`"),
    ("alt", "''", "`picture_alt:` of `Cupping` is empty"),
])
def test_a_glossary_picture_of_the_wrong_form_is_told_with_its_line(field: str, value: str, told: str) -> None:
    from massage_guide.glossary import parse_glossary
    from massage_guide.mistakes import AuthorError

    text = GLOSSARY_WITH_PICTURE.format(**{**GOOD, field: value})
    line = next(number for number, row in enumerate(text.splitlines(), 1) if row.strip().startswith(f"picture{'' if field == 'picture' else '_' + field}:"))
    with pytest.raises(AuthorError) as raised:
        parse_glossary(text, "docs/glossary.yml")
    message = str(raised.value)
    assert told in message and f"docs/glossary.yml, line {line}:" in message and "For example:" in message, message
