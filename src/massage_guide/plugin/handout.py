"""Blocks for the printed pages (see `blocks.py`).

- `qr-code`: a QR code that opens the guide's home page in the page's language (`site_url`, or `site_url` + `es/`), made at build time as
  inline SVG, with the address printed beside it, and the "not medical advice" line with the
  date the guide was checked (`extra.review`), which every printed sheet carries in its text.
- `practice`: the practice's name and contact details from `extra.practice` in mkdocs.yml, only
  the ones that are set; with none set, lines to write the therapist's name, phone and next visit
  on, shown on paper only. `practice.py` checks the values and completes the block (every key
  present, "" when not set) before any page is built.

A page with either carries docs/stylesheets/handout.css (the plugin sees the block's line).
"""

from __future__ import annotations


from ..host import Page
from .authoring import render, shown_address
from .practice import practice_of, render_practice
from .qr import home_url, qr_title, site_qr
from .review import review_of


def practice_block(page: Page) -> str:
    if practice_of(page.site.extra):
        return render_practice("practice-block.md", page)
    return render("practice-block.md", page.site.language, practice=None)


def qr_code(page: Page) -> str:
    address = home_url(page.site.site_url, page.site.folder, page.file)
    # The SVG's <title> names the picture for screen readers; `omitsize` lets CSS size it.
    svg = site_qr(address).svg_inline(
        svgclass="mdx-qr__code", lineclass=None, omitsize=True, title=qr_title(address, page.site.language)
    )
    review = review_of(page.site.extra)
    return render(
        "qr-code.md", page.site.language, svg=svg, site_url=address, shown=shown_address(address),
        last=review.get("last"), by=review.get("by", ""), next=review.get("next"),
    )
