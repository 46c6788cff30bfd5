"""How a page's JavaScript reaches the reader.

A page with `scripts: false` in its front matter ships no JavaScript at all. Material writes
inline scripts outside any template block, so they are removed from the finished HTML. Without
its scripts the page keeps `class="no-js"` on `<html>`, which hides search and other controls
that need JavaScript (see guide.css).

On every other page Material's script is loaded after the first paint (see the partial
`load-after-paint.html` for why), found by its file name so that a new Material version with a
new hash still matches.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from authoring import author_error, render

BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
SCRIPT = re.compile(r"[ \t]*<script\b[^>]*>.*?</script\s*>[ \t]*\n?", re.DOTALL | re.IGNORECASE)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    wanted = page.meta.get("scripts", True)
    if wanted is True:
        return _load_after_paint(output, f"docs/{page.file.src_uri}")
    if wanted is not False:
        raise author_error(
            page,
            1,
            f"`scripts: {wanted}` in the front matter is neither true nor false.",
            "`scripts: false` to ship the page without JavaScript, or no `scripts:` line at all.",
            "---\ntitle: Quiz\nscripts: false\n---",
        )
    output = SCRIPT.sub("", output)
    if re.search(r"<script\b", output, re.IGNORECASE):
        raise PluginError(f"docs/{page.file.src_uri}: a <script> element is left after removing scripts.")
    return output


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # The "page not found" page is a template of its own, not a page.
    if template_name.endswith(".html"):
        return _load_after_paint(output_content, template_name)
    return output_content


def _load_after_paint(html: str, name: str) -> str:
    found = BUNDLE.search(html)
    if found is None:
        # Without this, a Material upgrade that renames its script would quietly undo the change.
        raise PluginError(f"{name}: Material's script (assets/javascripts/bundle.*.min.js) was not found.")
    loader = render("load-after-paint.html", src=found.group(1)).strip()
    return html[: found.start()] + loader + html[found.end() :]
