"""The phone menu by keyboard (issue 13): in real Chromium, with JavaScript on and off, the menu
opens with Space, Tab goes on into it and follows a link, and it closes again, leaving its links
out of Tab's way. Tab on every page, at every width, is walked in test_every_page.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import PHONE, wait_for_material
from site_pages import LANGUAGES, language_of, said

# Menu entries, as each language's menu names them: the first difference, the quiz, safety, the
# handout.
MENU_TITLES = {
    "en": ("Before the session", "Quiz", "Safety", "One-page handout"),
    "es": ("Antes de la sesión", "Cuestionario", "Seguridad", "Hoja para imprimir"),
}


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
