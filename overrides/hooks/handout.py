"""Blocks for the printed pages, filled in by `directives.py`.

- `qr-code`: a QR code that opens the guide's home page (`site_url`), made at build time as
  inline SVG, with the address printed beside it.
- `practice`: the practice's name and contact details from `extra.practice` in mkdocs.yml, only
  the ones that are set; nothing at all when none is set. `practice.py` checks the values and
  completes the block (every key present, "" when not set) before any page is built.

Both mark the page (`page.meta["mdx_print_kit"]`) so that it carries docs/stylesheets/handout.css.
This is a helper module, not a hook: mkdocs.yml does not list it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from authoring import render
from qr import site_qr


def uses_print_kit(page: Page) -> None:
    """Write handout.css into this page (overrides/partials/print-styles.html)."""
    page.meta["mdx_print_kit"] = True


def practice_block(page: Page, config: MkDocsConfig) -> str:
    uses_print_kit(page)
    practice = config.extra.get("practice")  # None when nothing is set (practice.py)
    if not practice:
        return ""
    logo = practice["logo"]
    logo_src = get_relative_url(logo.lstrip("/"), page.url) if logo else ""
    return render("practice-block.md", practice=practice, logo_src=logo_src)


def qr_code(page: Page, config: MkDocsConfig) -> str:
    uses_print_kit(page)
    site_url = config.site_url
    if not site_url:
        raise PluginError(
            f"docs/{page.file.src_uri}: the QR code needs `site_url` in mkdocs.yml, the full "
            "address the guide is published at. The QR code opens that address.\n"
            "  Expected: a line `site_url:` with the guide's full web address.\n"
            "  For example:\n    site_url: https://massage-guide.example/"
        )
    shown = site_url.split("://", 1)[-1].rstrip("/")
    # The SVG's <title> names the picture for screen readers; `omitsize` lets CSS size it.
    svg = site_qr(site_url).svg_inline(
        svgclass="mdx-qr__code", lineclass=None, omitsize=True, title=f"QR code for {shown}"
    )
    return render("qr-code.md", svg=svg, site_url=site_url, shown=shown)
