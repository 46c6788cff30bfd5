"""Markup an author pastes where the guide shows text reaches readers as text, in real Chromium.

The build refuses HTML outside its allow-list (test_allowlist.py, test_bad_input.py), and the
Content-Security-Policy blocks what a bypassed check lets through (test_csp.py). Some places
take any text and must show it as written: a practice's name and address, code in a page, a
quiz answer, a glossary definition, a link's address. Here each holds a script, an event handler
or a redirect, the site is built, and Chromium opens every page that shows them. A reader sees
the characters; the browser runs nothing, asks no other website for anything, stays on the page,
and its DOM (as the browser parsed it) has no `on…` attribute and no `javascript:` address.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DESKTOP, PrefixHandler, built_log, serve, set_practice, wait_for_material, watch_for_escapes

FOLDER = "/guide/"
# In place of any practice the settings hold (a practice's own copy runs this test too).
PRACTICE = {
    "name": "O'Brien & Sons \"Massage\" </address><script>alert('name')</script>",
    "address": "1 Main St <b onmouseover=alert(2)>",
    "phone": "+1 217 555 0142",
    "email": "hello@riverside-massage.example",
}
PAGE_TEXT = '''

## Odd text an author might paste

Code: `<script>alert("code")</script>` and `<img src=x onerror=alert("img")>`.

Escaped: &lt;script&gt;alert("entity")&lt;/script&gt;

```html
<iframe src="https://other.example/"></iframe><meta http-equiv="refresh" content="0;url=https://other.example/">
```

A link with quotes in its address: [other site](https://other.example/?q="><script>alert("href")</script>).
'''
QUIZ_ANSWER = ("| A test of how far you can bend |", '| A test of how far you can bend `<img src=x onerror=alert("quiz")>` |')
GLOSSARY_TEXT = ("instead of\n      pressing down.", "instead of\n      pressing down `<svg onload=alert(\"glossary\")>`.")

# Where each input shows, and the text a reader must see there, as written.
SHOWN = {
    "": ["</address><script>alert('name')</script>", "<b onmouseover=alert(2)>"],
    "es/": ["</address><script>alert('name')</script>"],
    "differences/price/": ['<script>alert("code")</script>', '<img src=x onerror=alert("img")>',
                           '<script>alert("entity")</script>', '<meta http-equiv="refresh"'],
    "quiz/": ['<img src=x onerror=alert("quiz")>'],
    "glossary/": ['<svg onload=alert("glossary")>'],
    "handout/": ["</address><script>alert('name')</script>"],
    "print/": ['<script>alert("code")</script>', "</address><script>alert('name')</script>"],
}

# Every attribute the browser parsed: a handler (`on…`), or an address that runs script.
UNSAFE_IN_DOM = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\\u0000-\\u0020]/g, "").toLowerCase();
      if (name.startsWith("on") || value.startsWith("javascript:") || value.startsWith("vbscript:")) {
        found.push(`<${element.localName} ${attribute.name}="${attribute.value.slice(0, 60)}">`);
      }
    }
  }
  return found;
}"""


def _replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}: update this test's input"
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture(scope="module")
def hostile_site(project_copy, tmp_path_factory) -> Path:
    project = project_copy()
    set_practice(project, PRACTICE, site_url=f"https://riverside-massage.example{FOLDER}")
    price = project / "docs" / "differences" / "price.md"
    price.write_text(price.read_text("utf-8") + PAGE_TEXT, "utf-8")
    _replace_once(project / "docs" / "quiz.md", *QUIZ_ANSWER)
    _replace_once(project / "docs" / "glossary.yml", *GLOSSARY_TEXT)
    site = tmp_path_factory.mktemp("hostile") / "site"
    built_log(project, site)  # none of it stops the build: each is text an author may write
    return site


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path):
    """The hostile site served once, in the folder its `site_url` names, for every page tested."""
    server, url = serve(hostile_site, type("Handler", (PrefixHandler,), {"prefix": FOLDER}))
    yield url + FOLDER.lstrip("/")
    server.shutdown()


@pytest.mark.parametrize("address", list(SHOWN))
def test_pasted_markup_is_shown_as_text_and_never_run(hostile_url: str, browser, address: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    dialogs, elsewhere = watch_for_escapes(context, page)
    target = hostile_url + address
    page.goto(target, wait_until="load")
    wait_for_material(page)
    text = page.locator("body").inner_text()
    for shown in SHOWN[address]:
        assert shown in text, f"/{address}: a reader should see {shown!r} as written"
    assert page.evaluate(UNSAFE_IN_DOM) == [], f"/{address}: the browser parsed a handler or script address"
    assert not dialogs, f"/{address} ran a script: {dialogs}"
    assert not elsewhere, f"/{address} asked another website for {elsewhere}"
    assert page.url == target, f"/{address} sent the reader to {page.url}"
    context.close()
