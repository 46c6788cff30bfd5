"""When the guide was last checked and when the next check is due: `extra.review` in mkdocs.yml.

The dates are written in quotes (`last: "2026-11-26"`): Zensical, which also reads mkdocs.yml,
refuses YAML dates under `extra`. `check_review` turns them into dates for the templates and
partials (the About page, the printed footer, the share tags), and stops the build on a date
that is not a real one, naming its line.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

EXAMPLE = '    extra:\n      review:\n        last: "2026-11-26"\n        next: "2027-05-26"'


def _line(config: MkDocsConfig, key: str) -> str:
    """', line N' of `key:` inside the `review:` block of mkdocs.yml, or '' if it is not found."""
    try:
        lines = Path(config.config_file_path).read_text(encoding="utf-8").splitlines()
    except (OSError, TypeError):
        return ""
    inside = False
    for number, line in enumerate(lines, 1):
        if re.match(r"^\s+review:\s*(#.*)?$", line):
            inside = True
        elif inside and re.match(rf"^\s+{key}\s*:", line):
            return f", line {number}"
    return ""


def _date(config: MkDocsConfig, key: str, value: object) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise PluginError(
            f"mkdocs.yml{_line(config, key)}: `extra.review.{key}` is `{value}`, which is not a date.\n"
            "  Expected: the date as year-month-day, in quotes.\n  For example:\n" + EXAMPLE
        ) from None


def check_review(config: MkDocsConfig) -> None:
    """Turn `extra.review.last` and `.next` into dates (see the module's docstring)."""
    review = config.extra.get("review")
    if not isinstance(review, dict):
        return  # the review-dates block says what is missing where it is used
    for key in ("last", "next"):
        if review.get(key):
            review[key] = _date(config, key, review[key])
    if review.get("last") and review.get("next") and review["next"] <= review["last"]:
        raise PluginError(
            f"mkdocs.yml{_line(config, 'next')}: `extra.review.next` ({review['next']}) is not after "
            f"`last` ({review['last']}).\n  Expected: the date the next check is due, after the last "
            "check.\n  For example:\n" + EXAMPLE
        )
