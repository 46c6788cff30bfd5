"""What each `<!-- guide: NAME -->` line holds (the `massage_guide.blocks` extension fills them).

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

import functools
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from .authoring import author_error, difference_pages, relative_link, render
from .languages import language
from .handout import practice_block, qr_code
from .link_kit import BLOCKS as LINK_KIT_BLOCKS
from .page_meta import check_front_matter
from .practice import book_or_ask
from .review import EXAMPLE as REVIEW_EXAMPLE
from .review import overdue


def _at_a_glance(page: Page, config: MkDocsConfig) -> str:
    rows = []
    for other, meta in difference_pages(page):
        check_front_matter(other)  # an unreadable block would look like a missing `glance:`
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
    return render("at-a-glance.md", language(config), rows=rows)


def _review_dates(page: Page, config: MkDocsConfig) -> str:
    review = config.extra.get("review") or {}
    if not (review.get("last") and review.get("next")):
        missing = " and ".join(f"`{key}:`" for key in ("last", "next") if not review.get(key))
        raise PluginError(
            f"mkdocs.yml: `extra.review` has no {missing} date, which the About page shows "
            f"(docs/{page.file.src_uri} has `<!-- guide: review-dates -->`).\n"
            "  Expected: the date of the last check and of the next one, year-month-day in quotes.\n"
            f"  For example:\n{REVIEW_EXAMPLE}"
        )
    return render(
        "review-dates.md", language(config), last=review["last"], next=review["next"], by=review.get("by", ""),
        overdue=overdue(review),
    )


BLOCKS: dict[str, Callable[[Page, MkDocsConfig], str]] = {
    "at-a-glance": _at_a_glance,
    "review-dates": _review_dates,
    "qr-code": qr_code,
    "practice": practice_block,
    "book-or-ask": book_or_ask,
    **LINK_KIT_BLOCKS,
}


def page_blocks(page: Page, config: MkDocsConfig) -> dict[str, Callable[[], str]]:
    """The blocks as the extension takes them: each made for `page` when its line is found."""
    return {name: functools.partial(make, page, config) for name, make in BLOCKS.items()}
