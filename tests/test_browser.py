"""The built site in real Chromium: readable without JavaScript. (axe-core on every page at 320,
390 and 1280 px runs on the one load of each page per width: test_every_page.py; that no page asks
another host for anything is checked with its policy: test_csp.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from conftest import DESKTOP, PHONE, SEARCH_BUTTON, wait_for_material
from site_pages import ALL_PAGES, CONTENT_PAGES, said


def test_no_script_holds_back_the_first_paint(site: Path) -> None:
    # A <script src> stops the page from showing until the script has arrived and run: on a slow
    # phone that is 35 KB of Material's script before any words (PERFORMANCE.md). It loads after.
    blocking = {
        str(path.relative_to(site)): [tag["src"] for tag in soup.find_all("script", src=True)]
        for path in sorted(site.rglob("*.html"))
        if (soup := BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))
    }
    assert not {page: found for page, found in blocking.items() if found}


def test_material_starts_once_after_the_first_paint(browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + "differences/price/", wait_until="load")
    wait_for_material(page)
    # Search works, and shows one list of results (Material did not start twice).
    # Material says "Initializing search" until its index has loaded; a query typed before is lost.
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent.includes('Type to start')",
        timeout=10_000,
    )
    # Typed key by key: Material reads the query on each key press, as a reader types it.
    page.locator("input.md-search__input").press_sequentially("insurance")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.locator(".md-search-result__list").count() == 1
    # In the guide's words: "3 results" (overrides/partials/language.html).
    found = said("differences/price/")["search"]["other"].split("#")[-1]
    assert page.locator(".md-search-result__meta").inner_text().strip().endswith(found)
    context.close()


@pytest.mark.parametrize("address", CONTENT_PAGES)
def test_page_reads_without_javascript(tab_without_javascript, base_url: str, address: str) -> None:
    page = tab_without_javascript
    page.set_viewport_size(PHONE)
    page.goto(base_url + address)
    assert page.locator("h1").is_visible()
    assert page.locator(".mdx-summary").is_visible()
    # Paragraphs for paper only (the quiz's worksheet and answer key) are left out.
    paragraphs = page.locator("article p:not(.mdx-print-only p):not([hidden] p)")
    assert paragraphs.count() >= 3 and paragraphs.last.is_visible()
    # Search needs JavaScript, so it is not offered without it.
    assert not page.locator(SEARCH_BUTTON).is_visible()


def _on_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_phone_menu_opens_and_navigates_without_javascript(browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "differences/price/")
    link = page.locator(".md-nav--primary a", has_text="The setting")
    assert not _on_screen(link), "the menu should start closed on a phone"
    page.locator("label.md-header__button[for='__drawer']").click()
    # The whole guide at once, even on a difference page: no sub-menu to open or to back out of.
    for title in ("The setting", "Quiz", "Safety", "One-page handout"):
        expect(page.locator(".md-nav--primary a", has_text=title).first).to_be_in_viewport(ratio=1)
    assert _on_screen(link)
    link.click()
    page.wait_for_url("**/differences/the-setting/")
    assert "setting" in page.locator("h1").inner_text().lower()
    # The footer's next link carries on through the guide.
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url("**/differences/price/")
    context.close()


def test_desktop_navigation_is_visible_without_javascript(browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "safety/")
    for title in ("Before the session", "Price", "About this guide"):
        assert page.locator(".md-nav--primary a", has_text=title).first.is_visible(), title
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_keyboard_focus_is_visible(browser, base_url: str, javascript: bool) -> None:
    # Material hides the focus ring of header buttons until its script has run; the reader
    # tabbing with the script off (or before it has loaded) must still see where they are.
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(base_url + "differences/price/")
    if javascript:
        wait_for_material(page)
    rings = []
    for _ in range(4):
        page.keyboard.press("Tab")
        rings.append(
            page.evaluate(
                "() => { const e = document.activeElement, s = getComputedStyle(e);"
                " return [e.className || e.tagName, s.outlineStyle, parseFloat(s.outlineWidth)]; }"
            )
        )
    context.close()
    hidden = [ring for ring in rings if ring[1] == "none" or ring[2] < 2]
    assert not hidden, f"no visible focus ring on: {hidden}"
