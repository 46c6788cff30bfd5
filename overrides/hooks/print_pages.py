"""Pages on paper.

- Every link carries the full address it points to, for the print stylesheet to show after it.
- A page with `booklet: true` in its front matter (docs/print.md) is followed by every page of the
  navigation, in reading order: the whole guide as one page to print.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from booklet import booklet, link_addresses
from handout import uses_print_kit


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return link_addresses(html, page_url=page.url, site_url=config.site_url or "")


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    # Every page's HTML is ready by now: MkDocs renders all Markdown before any template.
    if page.meta.get("booklet"):
        pages = [other for other in nav.pages if not other.meta.get("booklet")]
        page.content = (page.content or "") + booklet(page, pages)
        uses_print_kit(page)
        # The booklet's own list of parts does the job of the sidebar's table of contents, which
        # Material ties to a menu entry the booklet does not have (its label would point nowhere).
        page.toc = TableOfContents([])
    return context
