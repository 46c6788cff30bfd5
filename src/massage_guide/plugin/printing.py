"""`guide/print`: what the guide adds for paper, in the order MkDocs runs the events.

3. on_files: the QR code for the guide's home page in the language being built, as SVG and PNG
   files to download, and the PDFs `make kit` printed in that language, if any (the link kit,
   link_kit.py).
6. on_page_context: the booklet (a page with `booklet: true`) gets the readers' pages, in parts,
   converted again to fit inside it (booklet.py); its template gets what those pages need.

`enabled: false` turns the booklet off (the QR code files stay: the link kit's page offers them).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import markdown
from markdown import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from ..host import PageContext
from .assets import PageFacts, page_facts
from .booklet import booklet, booklet_parts
from .config import PrintConfig
from .languages import language
from .link_kit import kit_pdfs, qr_files
from .page_check import check_output


class PrintPlugin(BasePlugin[PrintConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.site: MkDocsConfig | None = None
        self.files: Files | None = None

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has picked this language's files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.site, self.files = config, files
        qr_files(files, config)
        kit_pdfs(files, config, self.config.kit_dir)
        return files

    @event_priority(-10)  # after guide/assets has given the page's needs: the booklet's are more
    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        # Every page's Markdown is read by now: MkDocs converts all pages before any template.
        if not (self.config.enabled and page.meta.get("booklet")):
            return context
        assert self.files is not None
        parts = booklet_parts(nav, self.files, self.config.booklet_leaves_out)
        page.content = (page.content or "") + booklet(
            page, parts, self.files, config.site_url or "", self._convert, language(config)
        )
        check_output(f"docs/{page.file.src_uri} (the booklet)", page.content, config.site_url or "")
        # The booklet holds the quiz and the boxes of its pages, and is printed.
        needs = context.get("guide_page") or PageFacts()
        for part in parts:
            for part_page in part.pages:
                needs = needs | page_facts(part_page.markdown or "")
        context["guide_page"] = replace(needs, print_kit=True)
        # The booklet's own list of parts does the job of the sidebar's table of contents,
        # which Material ties to a menu entry the booklet does not have.
        page.toc = TableOfContents([])
        return context

    def _convert(self, page: Page, extension: Extension) -> str:
        """`page`'s Markdown as HTML, converted as on its own page, with `extension` added."""
        assert self.site is not None and self.files is not None
        md = markdown.Markdown(
            extensions=[*self.site.markdown_extensions, extension], extension_configs=self.site.mdx_configs
        )
        # The extensions read the page from it, as from MkDocs' own `relpath` (host.py); it says
        # the page is converted for the booklet (no addresses for paper, no glossary box).
        PageContext(page.file, self.files, self.site).register(md)
        return md.convert(page.markdown or "")
