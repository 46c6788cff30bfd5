"""Keyboard use in real Chromium (issue 13): on every page, with JavaScript on and off, Tab only
ever lands on something the reader can see, and its focus ring shows. The phone menu opens, works
and closes by keyboard.

One browser per width and JavaScript setting, one per core at a time; each page is walked once with Tab.
The same walk checks that "Skip to content" is the first stop and leads into the text, and, with
JavaScript on, runs axe-core (WCAG 2.2 A and AA) on each page before the first Tab: a page load
costs more than the few key presses that check the skip link, and the 320 px width is where a
table or a long word would first push a page wider.

axe-core runs at 320, 390 and 1280 px; Tab walks at 320 and 1280 px. A phone of 390 px gets the
same layout as one of 320 px (no stylesheet of the site or of Material changes anything between
them: `test_no_stylesheet_tells_a_320_px_phone_from_a_390_px_one`), so a walk at 390 px met the
same stops as at 320 px and cost a sixth of this file's time."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

import pytest
import tinycss2
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from conftest import DESKTOP, PHONE, assert_no_axe_violations, side_by_side, wait_for_material
from site_pages import ALL_PAGES, LANGUAGES, language_of, said

# Menu entries, as each language's menu names them: the first difference, the quiz, safety, the
# handout.
MENU_TITLES = {
    "en": ("Before the session", "Quiz", "Safety", "One-page handout"),
    "es": ("Antes de la sesión", "Cuestionario", "Seguridad", "Hoja para imprimir"),
}

NARROWEST = {"width": 320, "height": 640}
KEYBOARD_WIDTHS = {"320": NARROWEST, "390": PHONE, "1280": DESKTOP}
# The widths walked with Tab; at 390 px axe-core only (see above).
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
  return { name, visible, ringed, skip, key: el };
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


def tab_faults(browser, base_url: str, width: str, javascript: bool) -> dict[str, list[str]]:
    """Walk every page with Tab at `width` (one of WALKED), with JavaScript on or off. Return each
    stop that is hidden, off-screen or without a focus ring ("stops"), each page whose "Skip to
    content" is not the first stop or does not lead to the text ("skip") and, with JavaScript on,
    axe-core's findings on each page as it loaded ("axe"). At another width, axe-core only."""
    context = browser.new_context(viewport=KEYBOARD_WIDTHS[width], java_script_enabled=javascript)
    page = context.new_page()
    faults: dict[str, list[str]] = {"stops": [], "skip": [], "axe": []}
    for address in ALL_PAGES:
        page.goto(base_url + address)
        if javascript:
            wait_for_material(page)
            try:
                assert_no_axe_violations(page)
            except AssertionError as found:
                faults["axe"].append(f"/{address}:\n{found}")
        if width not in WALKED:
            continue
        stops = walk_recorded(page) if javascript else walk(page)
        assert stops, f"/{address}: Tab reaches nothing"
        faults["stops"] += [f"/{address}: hidden or off-screen: {s['name']}" for s in stops if not s["visible"]]
        faults["stops"] += [f"/{address}: no focus ring: {s['name']}" for s in stops if not s["ringed"]]
        if fault := skip_fault(page, address, stops):
            faults["skip"].append(fault)
    context.close()
    return faults


@pytest.fixture(scope="module")
def tab_walks(base_url: str) -> dict[tuple, Future]:
    """The walks (2 widths, JavaScript on and off) and axe-core at 390 px, side by side
    (conftest.side_by_side)."""
    cases = [(base_url, width, javascript) for width in WALKED for javascript in (True, False)]
    return side_by_side(tab_faults, [*cases, (base_url, "390", True)])


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", WALKED)
def test_tab_lands_only_on_what_the_reader_sees_with_a_visible_ring(
    tab_walks, base_url: str, width: str, javascript: bool
) -> None:
    faults = tab_walks[base_url, width, javascript].result()["stops"]  # raises what the walk raised
    assert not faults, "\n".join(faults)


@pytest.mark.parametrize("width", KEYBOARD_WIDTHS)
def test_no_axe_violations(tab_walks, base_url: str, width: str) -> None:
    reports = tab_walks[base_url, width, True].result()["axe"]
    assert not reports, "\n\n".join(reports)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", WALKED)
def test_skip_to_content_is_the_first_tab_stop_and_leads_to_the_text(
    tab_walks, base_url: str, width: str, javascript: bool
) -> None:
    faults = tab_walks[base_url, width, javascript].result()["skip"]
    assert not faults, "\n".join(faults)


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
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        sheets |= {f"{path.relative_to(site)} <style> {n}": style.get_text() for n, style in enumerate(soup.find_all("style"))}
    between = {f"{where}: {width:g} px" for where, css in sheets.items() for width in media_widths(css) if 320 <= width <= 390}
    assert not between, "a width limit between 320 and 390 px: walk at 390 px too (WALKED)\n" + "\n".join(sorted(between))


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("home", LANGUAGES.values())
def test_phone_menu_opens_works_and_closes_by_keyboard(browser, base_url: str, javascript: bool, home: str) -> None:
    titles = MENU_TITLES[language_of(home)]
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(base_url + home + "differences/price/")
    if javascript:
        wait_for_material(page)
    drawer_links = page.locator(".md-sidebar--primary a.md-nav__link")
    menu = page.get_by_role("checkbox", name=said(home)["menu"], exact=True)
    # "Skip to content" first (test_skip_to_content_is_the_first_tab_stop_...), then the menu.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(menu).to_be_focused()
    page.keyboard.press("Space")
    # The whole guide, not only the 6 differences: pages of every section are in view.
    for title in titles:
        expect(page.locator(".md-sidebar--primary a.md-nav__link", has_text=title).first).to_be_in_viewport()
    # Tab goes on into the menu and follows a link.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == titles[2]:
            break
    else:
        pytest.fail(f"Tab never reached {titles[2]} in the open menu")
    expect(page.locator(":focus")).to_be_in_viewport()
    # Back to the menu's checkbox, and Space closes the menu (with JavaScript, Escape does too).
    if javascript:
        page.keyboard.press("Escape")
    else:
        while not page.evaluate("document.activeElement.id === '__drawer'"):
            page.keyboard.press("Shift+Tab")
        page.keyboard.press("Space")
    expect(menu).to_be_focused()
    expect(menu).not_to_be_checked()
    expect(drawer_links.first).to_be_hidden()
    # Closed, the menu's links are out of Tab's way.
    for _ in range(8):
        page.keyboard.press("Tab")
        assert not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    # Open again and follow a link with Enter.
    page.goto(base_url + home + "differences/price/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == titles[1]:
            break
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{home}quiz/")
    context.close()
