"""Every page, at every width, as a reader's Chromium loads it (issue 13, issue 24): each page is
loaded once per width and JavaScript setting, and everything checked of every page is checked on
that one load (a page load is the suite's unit of cost):

- axe-core (WCAG 2.2 A and AA) on each page as it loaded, at 320, 390 and 1280 px;
- the text's contrast with what is behind it, at 390 and 1280 px; tables that fit the narrowest
  phone (320 px); tables as cards on phones and as tables on a desktop (JavaScript on);
- one comfortable text column at 1280 px (JavaScript off, as the page first shows);
- then Tab, at 320 and 1280 px with JavaScript on and off: it only ever lands on a link or a
  control the reader can see, its focus ring shows, never on a heading's "¶", and "Skip to
  content" is the first stop and leads into the text. The walk comes last, as it moves focus and
  scrolls.

One browser per width and JavaScript setting, one per core at a time (conftest.side_by_side).
Tab walks at 320 and 1280 px only: a phone of 390 px gets the same layout as one of 320 px (no
stylesheet of the site or of Material changes anything between them:
`test_no_stylesheet_tells_a_320_px_phone_from_a_390_px_one`), so a walk at 390 px met the same
stops as at 320 px."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

import pytest
import tinycss2

from conftest import DESKTOP, NARROWEST, PHONE, assert_no_axe_violations, side_by_side, soup_of, wait_for_material
from site_pages import ALL_PAGES

WIDTHS = {"320": NARROWEST, "390": PHONE, "1280": DESKTOP}
# The widths walked with Tab (see above).
WALKED = ("320", "1280")
# Every page has fewer stops than this but the booklet (/print/), which holds every other page
# again: its first stops are walked, the pages it repeats are walked on their own.
MAX_STOPS = 160

# What the focused element looks like to a sighted keyboard user, measured in the page.
# `proxy`: the menu's checkbox is invisible on purpose; its ring shows on the menu button, or on
# the drawer's title bar once the drawer covers the button.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const ring = (node, pseudo) => {
    const s = getComputedStyle(node, pseudo);
    return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
  };
  let shown = el, ringed = ring(el) || ring(el, "::after");
  if (el.id === "__drawer" || el.classList.contains("md-nav__toggle")) {
    shown = el.checked && el.id === "__drawer"
      ? document.querySelector(".md-nav--primary > .md-nav__title")
      : (el.id === "__drawer" ? document.querySelector(".md-header label[for='__drawer']") : el.nextElementSibling);
    ringed = ring(shown);
  }
  const box = shown.getBoundingClientRect();
  const visible = shown.checkVisibility({ visibilityProperty: true })
    && box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth;
  const name = (el.id ? "#" + el.id : el.tagName.toLowerCase() + "." + [...el.classList].join("."))
    + " '" + (el.textContent || el.value || "").trim().slice(0, 40) + "'";
  const skip = el.matches("a.md-skip") && el.textContent.trim() !== "";
  const mark = el.matches("a.headerlink");
  // A link or a control, or a box that scrolls (Chromium lets the keyboard scroll it): anything
  // else that takes focus is a stop with nothing to do there.
  const control = el.matches("a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])")
    || el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight;
  return { name, visible, ringed, skip, mark, control, key: el };
}"""

# Where the element with focus is, against the page's text (`#__content`), once "Skip to content"
# has been followed: inside it, or after it (the footer, when a page's text holds nothing to
# focus), never before it (header, menu).
FOCUS_AFTER_SKIP = """() => {
  const el = document.activeElement, text = document.getElementById("__content");
  if (!el || el === document.body || !text) return "nowhere";
  if (text.contains(el)) return "in the text";
  return text.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING ? "after the text" : "before the text: " + el.outerHTML.slice(0, 80);
}"""


# Every visible piece of text: its size, weight, and its contrast with the colour behind it (the
# first ancestor with a background colour, half-transparent colours blended in), measured in the
# page. `body`: running text in the article, which must reach 7:1.
CONTRASTS = """() => {
  const rgba = (c) => (c.match(/[\\d.]+/g) || [0, 0, 0, 0]).map(Number).concat([1]).slice(0, 4);
  const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3])).concat([1]);
  const lum = (c) => { const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const behind = (el) => { const layers = [];
    for (let n = el; n; n = n.parentElement) { const c = rgba(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]); };
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest("svg, script, style, .mdx-visually-hidden")) continue;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const box = el.getBoundingClientRect();
    if (box.width < 2 || box.height < 2 || box.right < 0 || box.left > innerWidth) continue;
    const s = getComputedStyle(el), bg = behind(el), fg = over(rgba(s.color), bg);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    found.push({ text: node.textContent.trim().slice(0, 40), ratio: (a + 0.05) / (b + 0.05),
      body: !!el.closest("article") && !!el.closest("p, li") && !el.closest(".admonition-title, a, .mdx-term__tip, h1, h2, h3") });
  }
  return found;
}"""


# The tables of the article wider than their own frame, by their first header cell.
CUT_OFF_TABLES = """() => [...document.querySelectorAll("article table")]
  .filter((el) => el.closest("[hidden], .mdx-print-only") === null && el.checkVisibility())
  .filter((el) => el.scrollWidth > el.clientWidth + 1)
  .map((el) => { const th = el.querySelector("th"); return th ? th.innerText : ""; })"""


# Issue 24: on a phone a table's words are never split. Every word of every visible table (the
# parts between spaces, and after a hyphen or a slash, where a line may break) whose text sits on
# more than one line; and every element of the page that hyphenates words.
SPLIT_WORDS = """() => {
  const split = [];
  for (const table of document.querySelectorAll("article table")) {
    if (!table.checkVisibility() || table.closest("[hidden], .mdx-print-only")) continue;
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const box = node.parentElement.getBoundingClientRect();
      if (box.width < 2 || !node.parentElement.checkVisibility()) continue;  // a hidden header
      for (const word of node.textContent.matchAll(/[^\\s\\/\u2010-\u2014-]+[\\/\u2010-\u2014-]?/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
        if (lines.size > 1) split.push(word[0]);
      }
    }
  }
  const hyphenated = [...document.querySelectorAll("*")].filter((el) => getComputedStyle(el).hyphens === "auto")
    .map((el) => el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : ""));
  return { split, hyphenated: [...new Set(hyphenated)] };
}"""

# Each visible table's layout: its rows' and cells' display, whether its header row shows, and for
# each body cell its column's header text, its `data-label` and what its `::before` shows.
TABLE_LAYOUT = """() => [...document.querySelectorAll("article table")]
  .filter((table) => table.checkVisibility() && !table.closest("[hidden], .mdx-print-only"))
  .map((table) => {
    const names = [...table.querySelectorAll("thead th")].map((th) => th.innerText.replace(/\\s+/g, " ").trim());
    const head = table.querySelector("thead").getBoundingClientRect();
    return {
      header: names.join(" | "), fits: table.hasAttribute("data-fits"),
      headerShown: head.width > 20 && head.height > 10,
      rows: [...new Set([...table.querySelectorAll("tbody tr")].map((tr) => getComputedStyle(tr).display))],
      cells: [...table.querySelectorAll("tbody tr")].flatMap((tr) => [...tr.children].map((td, i) => ({
        name: names[i] || "", label: td.dataset.label || "", display: getComputedStyle(td).display,
        shown: getComputedStyle(td, "::before").content, width: td.getBoundingClientRect().width,
      }))),
    };
  })"""
def _table_layout_faults(layout: list[dict], address: str, phone: bool) -> list[str]:
    """What is wrong with the tables of the page at `address`: on a phone, tables that are not
    cards whose cells each show their column's name; on a wide screen, tables that are not tables."""
    wrong = []
    for table in layout:
        where = f"/{address}, table {table['header']!r}"
        if not phone:
            if not table["headerShown"] or table["rows"] != ["table-row"]:
                wrong.append(f"{where}: not a table ({table['rows']}, header row shown: {table['headerShown']})")
            wrong += [f"{where}: a cell shows its column's name {cell['shown']!r}" for cell in table["cells"]
                      if cell["shown"] not in ("none", "normal")]
            continue
        if table["fits"]:  # a small table of short values stays a table (tables.py)
            if not table["headerShown"] or table["rows"] != ["table-row"]:
                wrong.append(f"{where}: a small table made cards ({table['rows']}, header row shown: {table['headerShown']})")
            wrong += [f"{where}: a cell shows its column's name {cell['shown']!r}" for cell in table["cells"]
                      if cell["shown"] not in ("none", "normal")]
            continue
        if table["headerShown"] or table["rows"] != ["block"]:
            wrong.append(f"{where}: not cards ({table['rows']}, header row shown: {table['headerShown']})")
        for cell in table["cells"]:
            if cell["name"] and (cell["label"] != cell["name"] or not cell["shown"].startswith(f'"{cell["name"]}"')):
                wrong.append(f"{where}: a cell of {cell['name']!r} shows {cell['shown']!r}")
            if cell["display"] != "block" or cell["width"] < 200:
                wrong.append(f"{where}: a cell of {cell['name']!r} is {cell['width']:.0f} px wide ({cell['display']})")
    return wrong


def _screen_reader_faults(page, layout: list[dict], address: str) -> list[str]:
    """Screen readers get a table in either layout: the accessibility tree of the page's first
    table has its column headers and cells, and its first cell does not read its column's name."""
    if not layout:
        return []
    tree = page.locator("article table").first.aria_snapshot()
    first = layout[0]["cells"][0]
    if "- columnheader" not in tree or "- cell" not in tree:
        return [f"/{address}: screen readers get no table:\n{tree[:300]}"]
    if first["name"] and f'cell "{first["name"]} ' in tree:
        return [f"/{address}: a cell reads its column's name: {first['name']!r}"]
    return []


def walk(page) -> list[dict]:
    """Press Tab until focus has been everywhere once (or MAX_STOPS times); return what each
    stop looked like, one press and one look at a time."""
    page.evaluate("window.__seen = new Set()")
    stops = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        state = page.evaluate(
            f"""() => {{ const s = ({FOCUS_STATE})(); if (!s) return "body";
                if (window.__seen.has(s.key)) return "again"; window.__seen.add(s.key);
                delete s.key; return s; }}"""
        )
        if state in ("body", "again"):
            return stops
        stops.append(state)
    return stops


# With JavaScript on, the page itself notes each stop as focus arrives (a `focusin` listener),
# so Tab is pressed in bursts with one look per burst: half the time of a look per press. With
# JavaScript off, no listener runs, and `walk` looks after each press.
RECORD_STOPS = f"""() => {{
  window.__stops = []; window.__done = false; const seen = new Set();
  document.addEventListener("focusin", () => {{
    if (window.__done) return;
    const s = ({FOCUS_STATE})(); if (!s) return;
    if (seen.has(s.key)) {{ window.__done = true; return; }}
    seen.add(s.key); delete s.key; window.__stops.push(s);
  }}, true);
}}"""
BURST = 12


def walk_recorded(page) -> list[dict]:
    """`walk` for pages that run JavaScript: the same stops, recorded by the page."""
    page.evaluate(RECORD_STOPS)
    for _ in range(0, MAX_STOPS, BURST):
        for _ in range(BURST):
            page.keyboard.press("Tab")
        if page.evaluate("window.__done"):
            break
    return page.evaluate("window.__stops")[:MAX_STOPS]


def skip_fault(page, address: str, stops: list[dict]) -> str | None:
    """What is wrong with the way to skip the header, if anything: "Skip to content" must be the
    first Tab stop, and once followed with Enter, the next Tab must land in the text (or after it)."""
    if not stops[0]["skip"]:
        return f"/{address}: the first Tab stop is {stops[0]['name']}"
    page.focus("a.md-skip")  # back to it, where the walk's first Tab found it
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    where = page.evaluate(FOCUS_AFTER_SKIP)
    return None if where in ("in the text", "after the text") else f"/{address}: after '{stops[0]['name']}', Tab went {where}"


# The text column: its width in characters of its own font ("0"s, the `ch` unit), and the room left
# and right of it, between the menu and the contents list (or the window's edges).
COLUMN = """() => {
  const text = document.getElementById("__content"), box = text.getBoundingClientRect();
  const zeros = document.createElement("span");
  zeros.textContent = "0".repeat(100);
  zeros.style.cssText = "position:absolute;visibility:hidden;white-space:nowrap";
  text.append(zeros);
  const ch = zeros.getBoundingClientRect().width / 100;
  zeros.remove();
  const edge = (selector, side, otherwise) => {
    const el = document.querySelector(selector);
    return el && el.checkVisibility() && el.getBoundingClientRect().width ? el.getBoundingClientRect()[side] : otherwise;
  };
  const left = edge(".md-sidebar--primary .md-nav", "right", 0);
  const right = edge(".md-sidebar--secondary .md-nav", "left", innerWidth);
  return { characters: box.width / ch, left: box.left - left, right: right - box.right };
}"""


def column_faults(page, address: str) -> list[str]:
    """What is wrong with the page's text column on a wide screen: 55 to 75 characters a line,
    and the text in the middle of the room between the menu and the contents list."""
    column = page.evaluate(COLUMN)
    faults = []
    if not 55 <= column["characters"] <= 75:
        faults.append(f"/{address}: {column['characters']:.0f} characters a line")
    if column["right"] - column["left"] > 60:
        faults.append(f"/{address}: {column['right']:.0f} px empty right of the text, {column['left']:.0f} px left of it")
    return faults


def look_at(page, address: str, width: str, found: dict[str, list[str]]) -> int:
    """The page at `address` as it looks at `width` (JavaScript on): the text too faint against
    its background ("faint", at 390 and 1280 px), what makes the page or a table wider than the
    screen ("wide", at 320 px) and what is wrong with its tables ("tables"). On a phone, words
    split over two lines and hyphenating elements count as wrong tables; at every width, each
    table's layout and what screen readers get. Return how many tables it has."""
    phone = width != "1280"
    if width != "320":
        texts = page.evaluate(CONTRASTS)
        if len(texts) <= 10 or not any(text["body"] for text in texts):
            found["faint"].append(f"/{address}: no text measured")
        for text in texts:
            needed = 7 if text["body"] else 4.5
            if text["ratio"] < needed:
                found["faint"].append(f"/{address}: {text['ratio']:.2f}:1 (needs {needed}) {text['text']!r}")
    else:
        if page.evaluate("document.documentElement.scrollWidth") > NARROWEST["width"]:
            found["wide"].append(f"/{address} scrolls sideways")
        # A table that is wider than the screen (scrolling inside its own frame) has failed to
        # fit. Measured in the page, all of its tables at once (the booklet holds dozens).
        found["wide"] += [f"/{address}: {header!r}" for header in page.evaluate(CUT_OFF_TABLES)]
    if phone:
        words = page.evaluate(SPLIT_WORDS)
        found["tables"] += [f"/{address}: {word!r} split over two lines" for word in words["split"]]
        found["tables"] += [f"/{address}: <{element}> hyphenates its words" for element in words["hyphenated"]]
    layout = page.evaluate(TABLE_LAYOUT)
    found["tables"] += _table_layout_faults(layout, address, phone=phone) + _screen_reader_faults(page, layout, address)
    return len(layout)


def sweep(browser, base_url: str, width: str, javascript: bool) -> dict[str, list[str]]:
    """Every page at `width`, with JavaScript on or off, each loaded once. With JavaScript on:
    axe-core's findings ("axe") and `look_at`'s ("faint", "wide", "tables"; at least 11 tables
    must be found, so a page that lost its tables does not pass). At 1280 px without JavaScript,
    `column_faults` ("column"). At a width of WALKED, the Tab walk: each stop that is hidden,
    off-screen, without a focus ring or neither a link nor a control ("stops"), each heading mark
    it stops at ("marks"), each page whose "Skip to content" is not the first stop or does not
    lead to the text ("skip")."""
    context = browser.new_context(viewport=WIDTHS[width], java_script_enabled=javascript)
    page = context.new_page()
    faults: dict[str, list[str]] = {"stops": [], "marks": [], "skip": [], "axe": [], "faint": [], "wide": [], "tables": [], "column": []}
    tables = 0
    for address in ALL_PAGES:
        page.goto(base_url + address)
        if width == "1280" and not javascript:
            faults["column"] += column_faults(page, address)
        if javascript:
            wait_for_material(page)
            try:
                assert_no_axe_violations(page)
            except AssertionError as found:
                faults["axe"].append(f"/{address}:\n{found}")
            tables += look_at(page, address, width, faults)
        if width not in WALKED:
            continue
        stops = walk_recorded(page) if javascript else walk(page)
        assert stops, f"/{address}: Tab reaches nothing"
        faults["stops"] += [f"/{address}: hidden or off-screen: {s['name']}" for s in stops if not s["visible"]]
        faults["stops"] += [f"/{address}: no focus ring: {s['name']}" for s in stops if not s["ringed"]]
        faults["marks"] += [f"/{address}: a heading's ¶ is a Tab stop: {s['name']}" for s in stops if s["mark"]]
        faults["stops"] += [f"/{address}: neither a link nor a control: {s['name']}" for s in stops if not s["control"]]
        if fault := skip_fault(page, address, stops):
            faults["skip"].append(fault)
    context.close()
    if javascript and tables <= 10:
        faults["tables"].append(f"only {tables} tables found")
    return faults


@pytest.fixture(scope="module")
def every_page(base_url: str) -> dict[tuple[str, bool], Future]:
    """The sweeps (2 widths, JavaScript on and off, and 390 px with JavaScript on), side by side
    (conftest.side_by_side); each future by (width, javascript)."""
    cases = [(base_url, width, javascript) for width in WALKED for javascript in (True, False)]
    futures = side_by_side(sweep, [*cases, (base_url, "390", True)])
    return {(width, javascript): future for (_, width, javascript), future in futures.items()}


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", WALKED)
def test_tab_lands_only_on_what_the_reader_sees_with_a_visible_ring(
    every_page, width: str, javascript: bool
) -> None:
    faults = every_page[width, javascript].result()["stops"]  # raises what the walk raised
    assert not faults, "\n".join(faults)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", WALKED)
def test_heading_marks_are_not_tab_stops(every_page, site: Path, width: str, javascript: bool) -> None:
    """Tab stops only at links and controls, never at a heading's "¶" (on every page walked);
    the marks are still there, as links (the glossary, the longest page of headings, has dozens)."""
    assert len(soup_of(site, "glossary/").select("article a.headerlink[href]")) >= 3, "no heading marks to check"
    faults = every_page[width, javascript].result()["marks"]
    assert not faults, "\n".join(faults)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violations(every_page, width: str) -> None:
    reports = every_page[width, True].result()["axe"]
    assert not reports, "\n\n".join(reports)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", WALKED)
def test_skip_to_content_is_the_first_tab_stop_and_leads_to_the_text(
    every_page, width: str, javascript: bool
) -> None:
    faults = every_page[width, javascript].result()["skip"]
    assert not faults, "\n".join(faults)


@pytest.mark.parametrize("width", {"phone": "390", "desktop": "1280"}.items(), ids=["phone", "desktop"])
def test_all_text_is_easy_to_read_against_its_background(every_page, width: tuple[str, str]) -> None:
    faint = every_page[width[1], True].result()["faint"]
    assert not faint, "\n".join(sorted(set(faint)))


def test_one_comfortable_text_column_on_every_page(every_page) -> None:
    """At 1280 px (JavaScript off, as the page first shows): 55 to 75 characters a line, and the
    text in the middle of the room between the menu and the contents list."""
    faults = every_page["1280", False].result()["column"]
    assert not faults, "\n".join(faults)


def test_tables_fit_the_narrowest_phone(every_page) -> None:
    wide = every_page["320", True].result()["wide"]
    assert not wide, "tables cut off at 320 px: " + ", ".join(wide)


@pytest.mark.parametrize("width", ("320", "390"))
def test_on_a_phone_tables_are_cards_with_column_names_and_no_word_is_split(every_page, width: str) -> None:
    """Issue 24: three columns squeezed into a phone broke words in the middle ("Differen/ce",
    "insuranc/e", "kinesiolo/gy", "terapeut/a") or hyphenated them. Every page in every language,
    as a phone shows it (JavaScript on): each table row is a card, each value under its column's
    name from the table's own header; no word in a table is split over two lines; no element
    hyphenates; screen readers still get a table."""
    assert not (found := every_page[width, True].result()["tables"]), "\n".join(found)


def test_on_a_wide_screen_tables_are_tables(every_page) -> None:
    """At 1280 px a table keeps its columns and its header row on top, and no cell repeats its
    column's name."""
    assert not (found := every_page["1280", True].result()["tables"]), "\n".join(found)


# Media features that tell one screen width from another; Material writes them in em (16 px each).
WIDTH_FEATURES = {"width", "min-width", "max-width"}
PX_PER = {"px": 1, "em": 16, "rem": 16}


def _width_limits(tokens) -> list[float]:
    """Every width a media query's prelude names (`max-width: 29.984375em` is 479.75 px), in px."""
    limits, feature = [], None
    for token in tokens:
        if token.type == "() block":
            limits += _width_limits(token.content)
        elif token.type == "ident":
            feature = token.lower_value if token.lower_value in WIDTH_FEATURES else None
        elif token.type == "dimension" and feature and token.lower_unit in PX_PER:
            limits.append(token.value * PX_PER[token.lower_unit])
    return limits


def media_widths(css: str) -> list[float]:
    """The widths of every `@media` rule of a stylesheet, nested ones included."""
    widths = []
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    while rules:
        rule = rules.pop()
        if rule.type == "at-rule" and rule.lower_at_keyword == "media":
            widths += _width_limits(rule.prelude)
            if rule.content:
                rules += tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
    return widths


def test_no_stylesheet_tells_a_320_px_phone_from_a_390_px_one(site: Path) -> None:
    """The walks skip 390 px because it looks as 320 px does; a stylesheet with a width limit
    between them (`max-width: 360px`) would make that untrue: then walk at 390 px again (WALKED)."""
    assert media_widths("@media screen and (max-width: 22.5em) { a { color: red } }") == [360]
    sheets = {str(path.relative_to(site)): path.read_text(encoding="utf-8")
              for path in sorted(site.glob("assets/stylesheets/*.css")) + sorted(site.glob("stylesheets/*.css"))}
    assert len(sheets) >= 5, sheets
    # A page's own styles, which the build puts in the page (`<style>`).
    for path in sorted(site.rglob("*.html")):
        soup = soup_of(site, str(path.relative_to(site)))
        sheets |= {f"{path.relative_to(site)} <style> {n}": style.get_text() for n, style in enumerate(soup.find_all("style"))}
    between = {f"{where}: {width:g} px" for where, css in sheets.items() for width in media_widths(css) if 320 <= width <= 390}
    assert not between, "a width limit between 320 and 390 px: walk at 390 px too (WALKED)\n" + "\n".join(sorted(between))
