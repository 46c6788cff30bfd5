"""Changes to the HTML that Material writes, made once a page (or the 404 page) is rendered.

They work on the finished HTML because Material writes these parts outside any template block,
names its files with a hash that changes with each Material version, or (the permalink marks)
acts on what the Markdown extensions wrote:

- navigation labels lose `tabindex=""`, which HTML does not allow;
- permalink marks beside headings carry their words ("Link to this section") as `aria-label`, not
  `title`: Material's script gives each element with a title a tooltip as it starts, and the
  glossary's 60-odd marks doubled that start-up on a slow phone;
- the phone menu's checkbox gets a name (keyboard users open the menu with it without JavaScript);
- the palette stylesheet is not linked: with one light scheme and `custom` colours (set in
  guide.css) none of its rules apply, 2 KB less on every page. A dark scheme or a named colour
  keeps it;
- the site icon is written into the page (`favicon.py` says why);
- Material's script is loaded after the first paint (the partial `load-after-paint.html` says
  why). Pages with `scripts: false` then lose every script in `scripts.py`.
"""

from __future__ import annotations

import re

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from authoring import FILTERS, render
from favicon import inline_favicon

BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
# A permalink mark's words, which Python-Markdown's toc puts in `title` (`permalink_title`).
PERMALINK_TITLE = re.compile(r'(<a class="headerlink" href="[^"]*") title=')
PALETTE_LINK = re.compile(
    r'[ \t]*<link rel="stylesheet" href="[^"]*assets/stylesheets/palette\.[0-9a-f]+\.min\.css">\n?'
)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    # The same filters as the hooks' partials: one date format, one way to show an address.
    env.filters.update(FILTERS)
    return env


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _fix(output, config, f"docs/{page.file.src_uri}")


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # The "page not found" page is a template of its own, not a page; sitemap.xml is not HTML.
    return _fix(output_content, config, template_name) if template_name.endswith(".html") else output_content


def _fix(html: str, config: MkDocsConfig, name: str) -> str:
    html = html.replace(' tabindex=""', "")
    html = PERMALINK_TITLE.sub(r"\1 aria-label=", html)
    html = html.replace('id="__drawer"', 'id="__drawer" aria-label="Menu"', 1)
    html = _drop_palette(html, config)
    html = inline_favicon(html, config)
    return _load_after_paint(html, name)


def _palette_unused(config: MkDocsConfig) -> bool:
    palette = config.theme.get("palette")
    return (
        isinstance(palette, dict)
        and palette.get("scheme", "default") == "default"
        and palette.get("primary") == "custom"
        and palette.get("accent") == "custom"
    )


def _drop_palette(html: str, config: MkDocsConfig) -> str:
    # The pattern starts with spaces, so it is slow on a whole page: look for the file name first.
    if "assets/stylesheets/palette." not in html or not _palette_unused(config):
        return html
    return PALETTE_LINK.sub("", html, count=1)


def _load_after_paint(html: str, name: str) -> str:
    found = BUNDLE.search(html)
    if found is None:
        # Without this, a Material upgrade that renames its script would quietly undo the change.
        raise PluginError(f"{name}: Material's script (assets/javascripts/bundle.*.min.js) was not found.")
    loader = render("load-after-paint.html", src=found.group(1)).strip()
    return html[: found.start()] + loader + html[found.end() :]
