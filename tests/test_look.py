"""The guide's look, as a reader meets it (issue 13): the home page starts the journey, every
piece of text is easy to read against what is behind it, boxes people act on are at body size,
tables fit a 320 px phone, and the urgent box is unmistakable without colour."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from conftest import DESKTOP, PHONE, side_by_side, soup_of, wait_for_material
from site_pages import ALL_PAGES, DIFFERENCES, LANGUAGES, language_of

HOMES = list(LANGUAGES.values())
# How each language's home page says Amy's doctor, and names the quiz among its ways in.
DOCTOR = {"en": "doctor", "es": "médico"}
QUIZ_WORD = {"en": "quiz", "es": "cuestionario"}

# The journey's next steps, which the home page must offer.
NEXT_STEPS = ["quiz/", "which-one-is-right-for-you/", "handout/"]
NARROWEST = {"width": 320, "height": 640}

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


@pytest.mark.parametrize("home", HOMES)
def test_home_page_links_to_every_difference_and_the_next_steps(site: Path, home: str) -> None:
    article = soup_of(site, home).select_one("article")
    links = {urljoin("/" + home, a["href"]).strip("/") for a in article.select("a[href]")}
    own = [d for d in DIFFERENCES if language_of(d) == language_of(home)]
    for address in [*own, *(home + step for step in NEXT_STEPS)]:
        assert address.strip("/") in links, f"the home page does not link to /{address}"
    # The ways in: three, the quiz among them.
    ways = [a.get_text(" ", strip=True) for a in article.select(".mdx-ways a")]
    assert len(ways) == 3 and any(QUIZ_WORD[language_of(home)] in way.lower() for way in ways), ways
    # The 6 cards carry each page's own title, as its menu entry does.
    cards = {urljoin("/" + home, a["href"]).strip("/"): a.get_text(" ", strip=True) for a in article.select(".mdx-cards a")}
    for address in own:
        title = soup_of(site, address).select_one(".md-nav--primary [aria-current='page']").get_text(" ", strip=True)
        assert cards[address.strip("/")] == title


@pytest.mark.parametrize("home", HOMES)
def test_home_page_gives_one_overview_of_the_differences(site: Path, home: str) -> None:
    """Its main content links each difference page once: one overview (the cards), not the
    cards and then a table of the same pages. (The three ways in, doors for three kinds of
    reader, may open on a difference page too: "I want to relax" leads to the setting.)"""
    article = soup_of(site, home).select_one("article")
    links = [urljoin("/" + home, a["href"]).strip("/") for a in article.select("a[href]") if not a.find_parent(class_="mdx-ways")]
    own = [d for d in DIFFERENCES if language_of(d) == language_of(home)]
    counts = {address: links.count(address.strip("/")) for address in own}
    assert all(count == 1 for count in counts.values()), f"links to each difference page: {counts}"


@pytest.mark.parametrize("home", HOMES)
def test_amys_story_sends_her_to_a_doctor_first(site: Path, home: str) -> None:
    article = soup_of(site, home).select_one("article")
    amy = next(h2 for h2 in article.select("h2") if "Amy" in h2.get_text())
    story = []
    for sibling in amy.find_next_siblings():
        if sibling.name == "h2":
            break
        story.append(sibling)
    assert DOCTOR[language_of(home)] in " ".join(tag.get_text(" ") for tag in story)
    assert any(a["href"].endswith("safety/#get-help") for tag in story for a in tag.select("a[href]"))


@pytest.mark.parametrize("home", HOMES)
def test_the_first_phone_screen_shows_the_answer_and_the_three_ways_in(browser, base_url: str, home: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + home)
    expect(page.locator(".mdx-home .mdx-summary p:not(.admonition-title)")).to_be_in_viewport(ratio=1)
    for index in range(3):
        expect(page.locator(".mdx-ways a").nth(index)).to_be_in_viewport(ratio=1)
    context.close()


@pytest.mark.parametrize("width", {"phone": "390", "desktop": "1280"}.items(), ids=["phone", "desktop"])
def test_all_text_is_easy_to_read_against_its_background(every_page, width: tuple[str, str]) -> None:
    faint = every_page[width[1]].result()["faint"]
    assert not faint, "\n".join(sorted(set(faint)))


@pytest.mark.parametrize("home", HOMES)
def test_boxes_people_act_on_are_at_body_size(browser, base_url: str, home: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + home + "differences/price/")
    body = page.locator("article > p").first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    for selector in (".admonition.tip li", ".admonition.tip .admonition-title", ".mdx-summary p"):
        size = page.locator(selector).first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
        assert size >= body, f"{selector} is {size}px, body text {body}px"
    context.close()


def test_tables_fit_the_narrowest_phone(every_page) -> None:
    wide = every_page["320"].result()["wide"]
    assert not wide, "tables cut off at 320 px: " + ", ".join(wide)


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
PHONES = {"320": NARROWEST, "390": {"width": 390, "height": 720}}


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


# The tables of a page whose every value is short (a number, or a couple of words: the tip
# table's "$80 | $16 | $96"): each with its rows' display and how many lines its rows take.
SHORT_TABLES = """() => [...document.querySelectorAll("article table")]
  .filter((table) => table.checkVisibility() && [...table.querySelectorAll("tbody td")]
    .every((td) => td.innerText.trim().length <= 12 && td.innerText.trim().split(/\\s+/).length <= 2))
  .map((table) => ({
    rows: [...new Set([...table.querySelectorAll("tbody tr")].map((tr) => getComputedStyle(tr).display))],
    tallest: Math.max(...[...table.querySelectorAll("tbody tr")].map((tr) => tr.getBoundingClientRect().height)),
    line: parseFloat(getComputedStyle(table).lineHeight) || 1.6 * parseFloat(getComputedStyle(table).fontSize),
  }))"""


@pytest.mark.parametrize("width", PHONES)
@pytest.mark.parametrize("home", HOMES)
def test_on_a_phone_a_small_table_of_numbers_stays_a_table(browser, base_url: str, width: str, home: str) -> None:
    """As cards, the tip table's three numbers a row took six lines; as a table they take one."""
    context = browser.new_context(viewport=PHONES[width])
    page = context.new_page()
    page.goto(base_url + home + "differences/price/")
    tables = page.evaluate(SHORT_TABLES)
    context.close()
    assert tables, "the price page should hold a small table of numbers (the tip table)"
    for table in tables:
        assert table["rows"] == ["table-row"], f"a small table of numbers is made into cards: {table}"
        assert table["tallest"] < 2 * table["line"] + 16, f"a row of short values takes more than a line: {table}"


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


@pytest.mark.parametrize("width", PHONES)
def test_on_a_phone_tables_are_cards_with_column_names_and_no_word_is_split(every_page, width: str) -> None:
    """Issue 24: three columns squeezed into a phone broke words in the middle ("Differen/ce",
    "insuranc/e", "kinesiolo/gy", "terapeut/a") or hyphenated them. Every page in every language,
    as a phone shows it (JavaScript on): each table row is a card, each value under its column's
    name from the table's own header; no word in a table is split over two lines; no element
    hyphenates; screen readers still get a table."""
    assert not (found := every_page[width].result()["tables"]), "\n".join(found)


def test_on_a_wide_screen_tables_are_tables(every_page) -> None:
    """At 1280 px a table keeps its columns and its header row on top, and no cell repeats its
    column's name."""
    assert not (found := every_page["1280"].result()["tables"]), "\n".join(found)


# Each table of the article, by the element it sits in: its tag and class.
TABLE_PARENTS = """() => [...document.querySelectorAll("article table")]
  .map((table) => [table.parentElement.tagName.toLowerCase(), table.parentElement.className])"""


@pytest.mark.parametrize("home", HOMES)
def test_tables_stay_where_the_page_put_them_when_the_script_starts(site: Path, browser, base_url: str, home: str) -> None:
    """Material's script takes every table without a class out of the page while the page starts
    and puts it back inside a scrolling frame of its own (`md-typeset__scrollwrap`): on a phone
    that laid out the safety page's tables again, most of its blocking time. The guide's tables
    carry a class (massage_guide/tables.py), so once the script has started each table still sits
    where the built page put it, and the article holds no such frame."""
    address = home + "safety/"
    built = [[table.parent.name, " ".join(table.parent.get("class") or [])]
             for table in soup_of(site, address).select("article table")]
    assert len(built) >= 2, f"/{address} should hold its tables (methods, warning signs)"
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + address)
    wait_for_material(page)
    shown = page.evaluate(TABLE_PARENTS)
    frames = page.locator("article .md-typeset__scrollwrap").count()
    context.close()
    assert shown == built, f"/{address}: the script moved tables: built in {built}, shown in {shown}"
    assert frames == 0, f"/{address}: the script wrapped {frames} tables in its scrolling frame"


# Every page is loaded once per width, with JavaScript on, for all of this file's checks of every
# page (a page load is the suite's unit of cost): the text's contrast on a phone and a desktop,
# tables that fit the narrowest phone, tables as cards on phones and as tables on a desktop.
SWEEP_WIDTHS = {"320": NARROWEST, "390": PHONE, "1280": DESKTOP}


def _every_page_at(browser, base_url: str, width: str) -> dict[str, list[str]]:
    """Every page at `width`, looked at as it loaded (JavaScript on): the text too faint against
    its background ("faint", at 390 and 1280 px), what makes the page or a table wider than the
    screen ("wide", at 320 px) and what is wrong with its tables ("tables"). On a phone, words
    split over two lines and hyphenating elements count as wrong tables; at every width, each
    table's layout and what screen readers get. At least 11 tables must be found, so a page that
    lost its tables does not pass."""
    phone = width != "1280"
    context = browser.new_context(viewport=SWEEP_WIDTHS[width])
    page = context.new_page()
    found: dict[str, list[str]] = {"faint": [], "wide": [], "tables": []}
    tables = 0
    for address in ALL_PAGES:
        page.goto(base_url + address)
        wait_for_material(page)
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
        tables += len(layout)
        found["tables"] += _table_layout_faults(layout, address, phone=phone) + _screen_reader_faults(page, layout, address)
    context.close()
    if tables <= 10:
        found["tables"].append(f"only {tables} tables found")
    return found


@pytest.fixture(scope="module")
def every_page(base_url: str) -> dict[str, Future]:
    """`_every_page_at` each width of SWEEP_WIDTHS, side by side (conftest.side_by_side)."""
    futures = side_by_side(_every_page_at, [(base_url, width) for width in SWEEP_WIDTHS])
    return {width: futures[base_url, width] for width in SWEEP_WIDTHS}


@pytest.mark.parametrize("home", HOMES)
def test_the_urgent_box_is_unmistakable_without_colour(browser, base_url: str, home: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + home + "safety/")
    box = page.locator(".admonition.urgent").first
    expect(box).to_be_visible()
    style = box.evaluate(
        "el => { const s = getComputedStyle(el), t = getComputedStyle(el.querySelector('.admonition-title'), '::before');"
        " return [parseFloat(s.borderTopWidth), parseFloat(s.borderLeftWidth), t.maskImage || t.webkitMaskImage]; }"
    )
    top, left, icon = style
    # A frame at least 4 px all round (3 times a plain box's), thicker on the left, and an icon.
    assert top >= 4 and left >= top, style
    assert "svg" in icon, "the urgent box has no icon"
    assert box.locator(".admonition-title").inner_text().strip(), "the urgent box needs its words"
    context.close()


@pytest.mark.parametrize("home", HOMES)
def test_the_quiz_shows_its_first_question_on_a_phones_first_screen(browser, base_url: str, home: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + home + "quiz/")
    question = page.locator(".mdx-quiz__question").first
    # Every answer of the first question sits above the score bar stuck to the screen's foot.
    bar_top = page.locator(".mdx-quiz__status").first.bounding_box()["y"]
    for answer in question.locator(".mdx-quiz__input").all():
        box = answer.bounding_box()
        assert box["y"] + box["height"] <= bar_top, "an answer of the first question is below the first screen"
    context.close()
