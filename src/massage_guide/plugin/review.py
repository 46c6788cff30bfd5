"""When the guide was last checked, when the next check is due, and who checked it:
`extra.review` in mkdocs.yml.

The dates are written in quotes (`last: "2026-11-26"`): Zensical, which also reads mkdocs.yml,
refuses YAML dates under `extra`. `check_review` stops the build on a date that is not a real
one, a `next` that is not after `last`, a `last` still to come, or a key it does not know, naming
the line; it leaves the configuration as written. `review_of` gives the templates and partials
(the About page, the printed footer) the review in the form they show: dates as dates, the
reviewer's name on one line.

A review that is due is not an author's mistake: the guide is still right until someone finds
otherwise. So it does not stop the build (MkDocs counts every warning as a failure under
`--strict`, which would stop a practice from publishing the guide at all). Instead, readers are
told on the About page (the review-dates block says the check is overdue) and the build's log
says it plainly, as an INFO line that starts with "Review overdue" (or "Review due soon" in the
last `DUE_SOON_DAYS` days).
"""

from __future__ import annotations

import datetime
import difflib
import logging
import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..mistakes import mistake
from .config_lines import config_line, in_config

EXAMPLE = 'extra:\n  review:\n    last: "2026-11-26"\n    next: "2027-05-26"'
KEYS = ("last", "next", "by")
DUE_SOON_DAYS = 30
BY_LIMIT = 80  # a name and a role, on one line of the About page and the printed footer

log = logging.getLogger("mkdocs.plugins.guide")


def as_date(value: object) -> object:
    """A date written in quotes (`"2026-11-26"`, as Zensical needs it under `extra`) as a date,
    for the date filter; anything else as it is (`guide/checks` checks the dates)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return value
    return value


def review_of(extra: Any) -> dict[str, Any]:
    """`extra.review` as it is shown: `last` and `next` as dates (None when not set), `by` on one
    line ("" when not set); {} without a review block. (`check_review` checks it first.)"""
    raw = extra.get("review") if extra else None
    if not isinstance(raw, dict):
        return {}
    return {
        "last": as_date(raw.get("last")) or None,
        "next": as_date(raw.get("next")) or None,
        "by": " ".join(str(raw.get("by") or "").split()),
    }


def _line(config: MkDocsConfig, key: str) -> int | None:
    """The line of `extra.review.<key>` in mkdocs.yml (`review` itself for the block)."""
    return config_line(config, "extra", "review") if key == "review" else config_line(config, "extra", "review", key)


def _error(config: MkDocsConfig, key: str, problem: str, expected: str, example: str = EXAMPLE) -> PluginError:
    where = "`extra.review`" if key == "review" else f"`extra.review.{key}`"
    return PluginError(mistake(f"{in_config(_line(config, key))}: ", f"{where} {problem}", expected, example))


def _date(config: MkDocsConfig, key: str, value: object) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        written = str(value)
        hint = " (day/month/year?)" if re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", written.strip()) else ""
        raise _error(
            config, key, f"is `{written}`{hint}, which is not a date the guide can read.",
            "the date as year-month-day (4-digit year, month 01-12, a day the month has), in quotes.",
        ) from None


def check_review(config: MkDocsConfig, today: datetime.date | None = None) -> None:
    """Check `extra.review`, turn its dates into dates, and say when a check is due (see the
    module's docstring)."""
    review = config.extra.get("review")
    if review is None:
        for key in config.extra:
            if difflib.get_close_matches(str(key).lower(), ["review"], n=1, cutoff=0.7) and key != "review":
                raise PluginError(mistake(
                    f"{in_config(config_line(config, 'extra', str(key)))}: ",
                    f"`extra.{key}` is not a block the guide knows. Did you mean `review`?",
                    "`review:` in small letters, under `extra:`.",
                    EXAMPLE,
                ))
        return  # the review-dates block says what is missing where it is used
    if not isinstance(review, dict):
        raise _error(
            config, "review", f"is `{review}`, a single value, but it must be a block of dates.",
            "`review:` on its own line, then `last:` and `next:`, indented.",
        )
    for key in review:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f" Did you mean `{close[0]}`?" if close else ""
            raise _error(config, str(key), f"is not a key the guide knows.{hint}", "only these keys: last, next, by.")
    dates = {key: _date(config, key, review[key]) for key in ("last", "next") if review.get(key)}
    _check_by(config, review)
    today = today or datetime.date.today()
    last, due = dates.get("last"), dates.get("next")
    if last and last > today:
        raise _error(
            config, "last", f"is {last}, a date still to come.",
            "the date of the last check, today or earlier (a typo in the year?).",
        )
    if last and due and due <= last:
        raise _error(
            config, "next", f"({due}) is not after `last` ({last}).",
            "the date the next check is due, after the last check.",
        )
    if due:
        _say_when_due(due, today)


def _check_by(config: MkDocsConfig, review: dict) -> None:
    """`by:` is optional text: the reviewer's name and role. The guide never invents one."""
    by = review.get("by")
    if by is None:
        return  # no reviewer named: the partials and templates show none
    if isinstance(by, (dict, list, bool, datetime.date)) or not str(by).strip():
        raise _error(
            config, "by", f"is `{by}`, which is not a name.",
            "the reviewer's name and role as one line of text, or no `by:` line at all.",
            EXAMPLE + '\n    by: "Dana Lee, licensed massage therapist"',
        )
    text = " ".join(str(by).split())  # as review_of shows it
    if len(text) > BY_LIMIT:
        raise _error(
            config, "by", f"has {len(text)} characters; at most {BY_LIMIT} fit on the printed footer.",
            "the reviewer's name and role, short.",
            EXAMPLE + '\n    by: "Dana Lee, licensed massage therapist"',
        )


def overdue(review: dict, today: datetime.date | None = None) -> bool:
    """Whether the next check's date has passed (the About page then says so)."""
    due = review.get("next")
    return isinstance(due, datetime.date) and due < (today or datetime.date.today())


def _say_when_due(due: datetime.date, today: datetime.date) -> None:
    days = (due - today).days
    if days < 0:
        log.info(
            f"Review overdue: the guide's next check was due on {due} ({-days} days ago). The About "
            "page tells readers so. After checking the guide, set `extra.review.last` to the day "
            "of the check and `next` to the next one in mkdocs.yml."
        )
    elif days <= DUE_SOON_DAYS:
        log.info(f"Review due soon: the guide's next check is due on {due}, in {days} days.")
