"""The trust marks at the foot of every page (as the NHS shows them): when the guide was last
reviewed, when the next review is due, who reviewed it when `extra.review.by` is set (never an
invented name), and the way to report a mistake, with links to how the guide is made and its
accessibility statement on the About page.

Where a mistake is reported, in this order (the first one set wins):

1. `extra.report_email`: an address a practice sets for reports only;
2. `extra.practice.email`: the practice's own address;
3. neither: the About page's "Report a mistake" section, which asks the reader to tell the
   practice that gave them the guide (no address to write to, but still a way that works).

`check_report_email` (guide/checks) checks `extra.report_email` as the practice's email is
checked; `trust_of` (guide/assets) gives the template `partials/trust-marks.html` what it shows
on a page; `report_mistake` fills the About page's `<!-- guide: report-mistake -->` line.
"""

from __future__ import annotations

import difflib
from typing import Any
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..host import Page as HostPage
from ..mistakes import mistake
from ..words import words
from .authoring import render
from .config_lines import config_line, in_config
from .practice import EMAIL, LIMITS, practice_of
from .review import review_of

KEY = "report_email"
EXAMPLE = "extra:\n  report_email: mistakes@riverside-massage.example"
# The About page, whose sections the foot links to (`#how-this-guide-is-made`, `#accessibility`,
# `#report-a-mistake`), as mkdocs.yml's nav names it.
ABOUT = "about.md"
HOW_MADE, ACCESSIBILITY, REPORT = "how-this-guide-is-made", "accessibility", "report-a-mistake"


def _error(config: MkDocsConfig, key: str, problem: str, expected: str) -> PluginError:
    line = config_line(config, "extra", key)
    return PluginError(mistake(f"{in_config(line)}: ", f"`extra.{key}` {problem}", expected, EXAMPLE))


def check_report_email(config: MkDocsConfig) -> None:
    """`extra.report_email`, when set, is one email address (as `extra.practice.email` is). A
    misspelled key (`report_mail:`) would send reports elsewhere without a word: it stops too."""
    if KEY not in config.extra:
        for key in config.extra:
            if difflib.get_close_matches(str(key).lower(), [KEY], n=1, cutoff=0.8):
                raise _error(
                    config, str(key), f"is not a key the guide knows. Did you mean `{KEY}`?",
                    f"`{KEY}:` in small letters, spelled like this, under `extra:`.",
                )
        return
    value = config.extra[KEY]
    if value is None:
        return  # written but left empty: the practice's email, or the About page, is used
    text = str(value).strip()
    if isinstance(value, (dict, list, bool)) or not EMAIL.match(text):
        raise _error(
            config, KEY, f"is `{value}`, which is not an email address.",
            "one address like name@practice.example, with no spaces and no `mailto:`.",
        )
    limit = LIMITS["email"].chars
    if len(text) > limit:
        raise _error(config, KEY, f"has {len(text)} characters; at most {limit} fit.", "a shorter address.")


def report_address(extra: Any) -> str:
    """Where readers report a mistake: `extra.report_email`, else the practice's email, else ""."""
    own = str((extra or {}).get(KEY) or "").strip()
    if own:
        return own
    practice = practice_of(extra)
    return practice["email"] if practice else ""


def mailto(address: str, subject: str, body: str) -> str:
    """A `mailto:` address with a subject and a first line filled in (RFC 6068: spaces as %20)."""
    return f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def about_page(nav: Navigation) -> Page | None:
    """The About page of the language being built (found once per build), or None."""
    for other in nav.pages:
        if (getattr(other.file, "norm_src_uri", None) or other.file.src_uri) == ABOUT:
            return other
    return None


def trust_of(page: Page, config: MkDocsConfig, nav: Navigation, about: Page | None, language: str) -> dict[str, Any]:
    """What the page's foot shows (partials/trust-marks.html): the review as shown (dates, the
    reviewer), the report link (a `mailto:`, else About's section), and the About page's sections
    (none when the nav has no About page)."""
    link = get_relative_url(about.url, page.url) if about else ""  # "./" on the About page itself
    sections = {name: f"{link}#{name}" for name in (HOW_MADE, ACCESSIBILITY, REPORT)} if link else {}
    said = words(language)["trust"]
    address = report_address(config.extra)
    if address:
        # The page named as the browser's tab names it (the home page by the guide's name:
        # overrides/main.html), and its full address.
        home = page.is_homepage or (nav.homepage is not None and page.url == nav.homepage.url)
        title = config.site_name if home or not page.title else page.title
        where = page.canonical_url or page.url or "/"
        report = mailto(address, said["report_subject"].format(title=title), said["report_body"].format(address=where))
    else:
        report = sections.get(REPORT, "")
    return {"review": review_of(config.extra), "report": report, **sections}


def report_mistake(page: HostPage) -> str:
    """`<!-- guide: report-mistake -->` (the About page): how to report a mistake, to the address
    set, else to the practice that gave the reader the guide."""
    return render("report-mistake.md", page.site.language, address=report_address(page.site.extra))
