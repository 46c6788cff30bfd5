"""Fill `<!-- guide: NAME -->` lines with content generated from a single source.

- `at-a-glance`: a table of the 6 differences, one row per page under `differences/`, taken
  from each page's `glance:` front matter, in navigation order.
- `review-dates`: when the guide was last checked and when the next check is due, from
  `extra.review` in mkdocs.yml.
- `qr-code` and `practice`: the QR code for `site_url` and the practice's details, for the
  printed pages (see `handout.py`).
- `book-or-ask`: the practice's details in a "Book or ask a question" box, nothing when unset
  (see `practice.py`); `link-kit-...`: the link kit's snippets and QR code (see `link_kit.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from authoring import author_error, body_offset, difference_pages, relative_link, render
from handout import practice_block, qr_code
from link_kit import DIRECTIVES as LINK_KIT_DIRECTIVES
from practice import book_or_ask

DIRECTIVE = re.compile(r"^<!--\s*guide:\s*(?P<name>[\w-]*)\s*-->[ \t]*$", re.MULTILINE)

def _at_a_glance(page: Page, config: MkDocsConfig) -> str:
    rows = []
    for other, meta in difference_pages(page):
        glance = meta.get("glance")
        if not (isinstance(glance, dict) and glance.get("medical") and glance.get("relaxation")):
            raise author_error(
                other,
                1,
                "this difference page has no `glance:` row for the home page's table.",
                "`glance:` with `medical:` and `relaxation:` in the front matter, a few words each.",
                "---\ntitle: Price\nglance:\n  medical: Insurance may pay with a referral\n"
                "  relaxation: Expect to tip 20%\n---",
            )
        rows.append(
            {
                "title": meta.get("title", other.title),
                "link": relative_link(page, other.file.src_uri),
                "medical": glance["medical"],
                "relaxation": glance["relaxation"],
            }
        )
    return render("at-a-glance.md", rows=rows)


def _review_dates(page: Page, config: MkDocsConfig) -> str:
    review = config.extra.get("review") or {}
    if not (review.get("last") and review.get("next")):
        raise PluginError(
            "mkdocs.yml: `extra.review` needs `last:` and `next:` dates.\n"
            "  For example:\n    extra:\n      review:\n        last: 2026-11-26\n"
            "        next: 2027-05-26"
        )
    return render("review-dates.md", last=review["last"], next=review["next"])


DIRECTIVES: dict[str, Callable[[Page, MkDocsConfig], str]] = {
    "at-a-glance": _at_a_glance,
    "review-dates": _review_dates,
    "qr-code": qr_code,
    "practice": practice_block,
    "book-or-ask": book_or_ask,
    **LINK_KIT_DIRECTIVES,
}


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    def fill(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in DIRECTIVES:
            line = body_offset(page, markdown) + markdown.count("\n", 0, match.start()) + 1
            raise author_error(
                page,
                line,
                f"unknown generated block `{name}`.",
                "one of: " + ", ".join(f"`<!-- guide: {known} -->`" for known in DIRECTIVES),
                "<!-- guide: at-a-glance -->",
            )
        return DIRECTIVES[name](page, config)

    return DIRECTIVE.sub(fill, markdown)
