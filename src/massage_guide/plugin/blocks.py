"""What each `<!-- guide: NAME -->` line holds: the `massage_guide.blocks` extension fills them,
each made from the page and the settings its host gives (host.py), on MkDocs and on Zensical.

- `at-a-glance`: a table of the 6 differences, one row per page under `differences/`, taken
  from each page's `glance:` front matter, in navigation order; `at-a-glance cards`: the same
  rows as a list of cards (the home page's overview).
- `review-dates`: when the guide was last checked and when the next check is due, from
  `extra.review` in mkdocs.yml.
- `qr-code` and `practice`: the QR code for `site_url` and the practice's details, for the
  printed pages (see `handout.py`); a page with one of them carries handout.css (`PRINT_KIT`).
- `report-mistake`: where to report a mistake (the address a practice sets, else the practice
  that gave the reader the guide; see `trust.py`).
- `book-or-ask`: the practice's details in a "Book or ask a question" box, nothing when unset
  (see `practice.py`); `link-kit-...`: the link kit's snippets and QR code (see `link_kit.py`).
- `triage LEVEL` and `triage-table`: the warning signs and what to do, from the triage file in
  the page's language (`massage_guide.triage`; the file is the blocks extension's `triage`
  option, docs/triage.yml unless set).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from ..host import Page
from ..mistakes import AuthorError
from .authoring import difference_pages, relative_link, render
from .handout import practice_block, qr_code
from .link_kit import BLOCKS as LINK_KIT_BLOCKS
from .page_meta import check_front_matter
from .practice import book_or_ask
from .review import EXAMPLE as REVIEW_EXAMPLE
from .review import overdue, review_of
from .trust import report_mistake


# The overview's two forms: a table (the handout) and cards (the home page, read on phones).
GLANCE_FORMS = {"": "at-a-glance.md", "cards": "at-a-glance-cards.md"}


def _at_a_glance(page: Page, form: str = "") -> str:
    if form not in GLANCE_FORMS:
        raise AuthorError("", None, f"`{form}` after `at-a-glance` is not a form of the overview.",
                          "nothing (a table) or `cards`.", "<!-- guide: at-a-glance cards -->")
    rows = []
    for other in difference_pages(page):
        if other.mkdocs is not None:
            check_front_matter(other.mkdocs)  # an unreadable block would look like a missing `glance:`
        glance = other.meta.get("glance")
        if not (isinstance(glance, dict) and glance.get("medical") and glance.get("relaxation")):
            raise AuthorError(
                f"docs/{other.path}",
                1,
                "this difference page has no `glance:` row for the overview of the 6 differences.",
                "`glance:` with `medical:` and `relaxation:` in the front matter, a few words each.",
                "---\ntitle: Price\nglance:\n  medical: Insurance may pay with a referral\n"
                "  relaxation: Expect to tip 20%\n---",
            )
        rows.append(
            {
                "title": other.title,
                "link": relative_link(page, other.path),
                "medical": glance["medical"],
                "relaxation": glance["relaxation"],
            }
        )
    return render(GLANCE_FORMS[form], page.site.language, rows=rows)


def _review_dates(page: Page) -> str:
    review = review_of(page.site.extra)
    if not (review.get("last") and review.get("next")):
        missing = " and ".join(f"`{key}:`" for key in ("last", "next") if not review.get(key))
        raise AuthorError(
            "mkdocs.yml", None,
            f"`extra.review` has no {missing} date, which the About page shows "
            f"({page.file} has `<!-- guide: review-dates -->`).",
            "the date of the last check and of the next one, year-month-day in quotes.",
            REVIEW_EXAMPLE,
        )
    return render(
        "review-dates.md", page.site.language, last=review["last"], next=review["next"], by=review["by"],
        overdue=overdue(review),
    )


BLOCKS: dict[str, Callable[[Page], str]] = {
    "at-a-glance": _at_a_glance,
    "review-dates": _review_dates,
    "qr-code": qr_code,
    "practice": practice_block,
    "book-or-ask": book_or_ask,
    "report-mistake": report_mistake,
    **LINK_KIT_BLOCKS,
}
# The blocks that belong on paper: a page with one of them carries handout.css.
PRINT_KIT = ("qr-code", "practice")


TRIAGE_FILE = "docs/triage.yml"  # the blocks extension's `triage` option, when not set


def page_blocks(page: Page, triage: str = "") -> dict[str, Callable[..., str]]:
    """The blocks as the extension takes them: each made for `page` when its line is found
    (`triage`: the triage file as mkdocs.yml names it, from its folder)."""
    from ..blocks import triage_blocks

    shown = triage or TRIAGE_FILE
    blocks: dict[str, Callable[..., str]] = {name: functools.partial(make, page) for name, make in BLOCKS.items()}
    blocks.update(triage_blocks(Path(page.site.root) / shown, shown, page.site.language, page.site.main_language))
    return blocks
