"""Small fixes to the HTML that Material writes, made after each page is rendered."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def _fix(html: str) -> str:
    # Section labels in the navigation get `tabindex=""`, which HTML does not allow.
    html = html.replace(' tabindex=""', "")
    # Without JavaScript, keyboard users open the phone menu through this checkbox
    # (see guide.css); its labels are an icon and the site name, so name it plainly.
    return html.replace('id="__drawer"', 'id="__drawer" aria-label="Menu"', 1)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _fix(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # The "page not found" page is a template of its own, not a page.
    return _fix(output_content) if template_name.endswith(".html") else output_content
