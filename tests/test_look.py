"""The guide's look, as a reader meets it (issue 13): the home page starts the journey, every
piece of text is easy to read against what is behind it, boxes people act on are at body size,
tables fit a 320 px phone, and the urgent box is unmistakable without colour."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from conftest import NARROWEST, PHONE, soup_of, wait_for_material
from site_pages import DIFFERENCES, LANGUAGES, language_of

HOMES = list(LANGUAGES.values())
# How each language's home page says Amy's doctor, and names the quiz among its ways in.
DOCTOR = {"en": "doctor", "es": "médico"}
QUIZ_WORD = {"en": "quiz", "es": "cuestionario"}

# The journey's next steps, which the home page must offer.
NEXT_STEPS = ["quiz/", "which-one-is-right-for-you/", "handout/"]

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


PHONES = {"320": NARROWEST, "390": {"width": 390, "height": 720}}


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
