"""Blocks for the printed pages (see `blocks.py`).

- `qr-code`: a QR code that opens the guide's home page in the page's language (`site_url`, or `site_url` + `es/`), made at build time as
  inline SVG, with the address printed beside it, and the "not medical advice" line with the
  date the guide was checked (`extra.review`), which every printed sheet carries in its text.
- `practice`: the practice's name and contact details from `extra.practice` in mkdocs.yml, only
  the ones that are set; with none set, lines to write the therapist's name, phone and next visit
  on, shown on paper only. `practice.py` checks the values and completes the block (every key
  present, "" when not set) before any page is built.

Both mark the page (`page.meta["mdx_print_kit"]`) so that it carries docs/stylesheets/handout.css.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from .authoring import render, shown_address
from .practice import render_practice
from .languages import language
from .qr import home_url, qr_title, site_qr

def uses_print_kit(page: Page) -> None:
    """Write handout.css into this page (overrides/partials/print-styles.html)."""
    page.meta["mdx_print_kit"] = True


def practice_block(page: Page, config: MkDocsConfig) -> str:
    uses_print_kit(page)
    if config.extra.get("practice"):
        return render_practice("practice-block.md", page, config)
    return render("practice-block.md", language(config), practice=None)


def qr_code(page: Page, config: MkDocsConfig) -> str:
    uses_print_kit(page)
    address = home_url(config, f"docs/{page.file.src_uri}")
    # The SVG's <title> names the picture for screen readers; `omitsize` lets CSS size it.
    svg = site_qr(address).svg_inline(
        svgclass="mdx-qr__code", lineclass=None, omitsize=True, title=qr_title(address, config)
    )
    review = config.extra.get("review") or {}
    return render(
        "qr-code.md", language(config), svg=svg, site_url=address, shown=shown_address(address),
        last=review.get("last"), by=str(review.get("by") or "").strip(),
    )
