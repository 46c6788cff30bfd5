"""The page's furniture serves a reader of a health site (issue 24), in real Chromium: no Tab
stop that opens an empty overlay, no unnamed control, a header title that fits and stays, a
previous/next bar that names its pages on a phone, and search results in plain words.
(test_every_page.py checks the rest on its walk through every page: "Skip to content" first,
heading marks out of the Tab order, one comfortable text column.)"""

from __future__ import annotations

import contextlib
import copy
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from conftest import DESKTOP, NARROWEST, PHONE, wait_for_material
from site_pages import DIFFERENCES, LANGUAGES, QUIZZES, SITE_MAP, said

HOMES = list(LANGUAGES.values())
BOOKLETS = SITE_MAP.addresses(SITE_MAP.pages_off_nav)
SAFETY = [home + "safety/" for home in HOMES]

# A full-screen layer over the page that shows nothing but itself: the search overlay open with no
# query (Material opens it as its box takes focus).
EMPTY_OVERLAY = """() => {
  const search = document.getElementById("__search");
  if (!search || !search.checked) return null;
  const query = document.querySelector(".md-search__input");
  const box = document.querySelector(".md-search__inner").getBoundingClientRect();
  if (query && query.value.trim()) return null;
  return box.width * box.height >= 0.8 * innerWidth * innerHeight ? "empty search over the whole screen" : null;
}"""


@pytest.mark.parametrize("address", [*HOMES, *SAFETY, DIFFERENCES[0]])
def test_tab_never_opens_an_empty_overlay_on_a_phone(browser, base_url: str, address: str):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + address)
    wait_for_material(page)
    for stop in range(1, 25):
        page.keyboard.press("Tab")
        found = page.evaluate(EMPTY_OVERLAY)
        assert not found, f"/{address}: Tab stop {stop} ({page.evaluate('document.activeElement.className')}) opened an {found}"
    context.close()


# Each form control of the page, hidden or not, with the name a screen reader would give it.
CONTROL_NAMES = """() => [...document.querySelectorAll("input:not([type=hidden]), select, textarea, button")].map(el => {
  const labels = [...(el.labels || [])].map(label => label.textContent.trim()).join(" ").trim();
  const name = el.getAttribute("aria-label") || (el.getAttribute("aria-labelledby") && "labelled")
    || labels || (el.tagName === "BUTTON" && el.textContent.trim()) || el.title || "";
  return [el.outerHTML.slice(0, 90), name];
})"""


@pytest.mark.parametrize("address", [*QUIZZES, *BOOKLETS, *SAFETY])
def test_no_unnamed_control(browser, base_url: str, address: str):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + address)
    wait_for_material(page)
    unnamed = [html for html, name in page.evaluate(CONTROL_NAMES) if not name]
    context.close()
    assert not unnamed, f"/{address}: controls without a name:\n" + "\n".join(unnamed)


# The header's title as shown: its text, and whether any of it is cut off or spills out.
HEADER_TITLE = """() => {
  const title = document.querySelector(".md-header__title");
  const shown = [...title.querySelectorAll("*")].filter(el => el.checkVisibility() && el.textContent.trim() && !el.children.length);
  const box = title.getBoundingClientRect();
  return {
    text: title.innerText.trim(),
    cut: shown.filter(el => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight + 1
      || el.getBoundingClientRect().right > box.right + 1 || el.getBoundingClientRect().bottom > box.bottom + 1).map(el => el.textContent.trim()),
  };
}"""


@pytest.mark.parametrize("width", [NARROWEST, PHONE, DESKTOP], ids=["320", "390", "1280"])
def test_header_title_fits_and_stays_while_scrolling(browser, base_url: str, width):
    context = browser.new_context(viewport=width)
    page = context.new_page()
    for address in [*HOMES, *SAFETY]:
        page.goto(base_url + address)
        wait_for_material(page)
        before = page.evaluate(HEADER_TITLE)
        assert before["text"], f"/{address}: the header has no title"
        assert not before["cut"], f"/{address}: the header's title is cut off at {width['width']} px: {before['cut']}"
        page.mouse.wheel(0, 3000)
        page.wait_for_function("() => scrollY > 1000")
        # Material's script swaps a header's title as the scroll event arrives, or at the next
        # frame: two frames later it has had its chance.
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        after = page.evaluate(HEADER_TITLE)
        assert after == before, f"/{address}: the header's title changed while scrolling: {before} -> {after}"
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("home", HOMES)
def test_previous_and_next_name_their_pages_on_a_phone(browser, base_url: str, home: str, javascript: bool):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(base_url + home + DIFFERENCES[2][len(LANGUAGES[SITE_MAP.main_language]):])
    for link in ("prev", "next"):
        title = page.locator(f".md-footer__link--{link} .md-footer__title .md-ellipsis")
        expect(title).to_be_visible()
        assert title.inner_text().strip(), f"the {link} link shows no title"
        assert title.evaluate("el => el.scrollWidth <= el.clientWidth"), f"the {link} link's title is cut off"
    context.close()


@pytest.mark.parametrize("home", HOMES)
def test_search_results_say_results(browser, base_url: str, home: str):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + home)
    wait_for_material(page)
    words = said(home)["search"]
    page.locator(".md-search__input").press_sequentially("zzzzqqq")
    expect(page.locator(".md-search-result__meta")).to_have_text(words["none"])
    page.locator(".md-search__input").fill("")
    page.locator(".md-search__input").press_sequentially("tip")
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile("^" + re.escape(words["other"]).replace("\\#", "#").replace("#", r"\d+") + "$"))
    context.close()


# Search shows a table's text as one run of words; the tables extension ends each cell with a
# hidden stop (massage_guide/tables.py) so that a result reads "Tip; 20%, added…", not "Tip 20%…".
@pytest.mark.parametrize("home", HOMES)
def test_search_results_keep_table_cells_apart(browser, base_url: str, site, home: str):
    from conftest import soup_of

    address = home + DIFFERENCES[3]  # the price page, in the home's language
    row = copy.copy(soup_of(site, address).select_one("article table tbody tr"))  # the page is shared
    for mark in row.select("[hidden]"):
        mark.decompose()  # the marks themselves: the cells' words as the page shows them
    cells = [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["td", "th"])]
    word = max(re.findall(r"\w+", cells[1]), key=len)  # the longest word of a middle cell
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + home)
    wait_for_material(page)
    page.locator(".md-search__input").press_sequentially(word)
    # Results follow each key pressed: wait for the whole word's results (the row's result), not
    # for the first results of its first letters.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(
            """cells => [...document.querySelectorAll(".md-search-result__article")]
                 .some(a => cells.every(c => a.textContent.replace(/\\s+/g, " ").includes(c)))""",
            arg=cells,
            timeout=10_000,
        )
    texts = [" ".join(text.split()) for text in page.locator(".md-search-result__article").all_text_contents()]
    found = [text for text in texts if all(cell in text for cell in cells)]
    context.close()
    assert found, f"no result for {word!r} shows the row {cells}"
    for first, second in zip(cells, cells[1:]):
        assert f"{first} {second}" not in found[0], f"search runs two cells together: {first!r} {second!r}"
