"""A page with `scripts: false` in its front matter ships no JavaScript at all.

Material writes inline scripts outside any template block, so they are removed from the finished
HTML. Without its scripts the page keeps `class="no-js"` on `<html>`, which hides search and
other controls that need JavaScript (see guide.css).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from authoring import author_error

# A script and the rest of its line. The spaces before it are taken off separately: a pattern
# that starts with them is tried at every character of the page, 10 times slower.
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>[ \t]*\n?", re.DOTALL | re.IGNORECASE)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    wanted = page.meta.get("scripts", True)
    if wanted is True:
        return output
    if wanted is not False:
        raise author_error(
            page,
            1,
            f"`scripts: {wanted}` in the front matter is neither true nor false.",
            "`scripts: false` to ship the page without JavaScript, or no `scripts:` line at all.",
            "---\ntitle: Quiz\nscripts: false\n---",
        )
    output = _without_scripts(output)
    if re.search(r"<script\b", output, re.IGNORECASE):
        raise PluginError(f"docs/{page.file.src_uri}: a <script> element is left after removing scripts.")
    return output


def _without_scripts(html: str) -> str:
    kept, position = [], 0
    for script in SCRIPT.finditer(html):
        start = script.start()
        while start > position and html[start - 1] in " \t":
            start -= 1
        kept.append(html[position:start])
        position = script.end()
    kept.append(html[position:])
    return "".join(kept)
