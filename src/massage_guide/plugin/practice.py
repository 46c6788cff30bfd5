"""The practice's details, written once under `extra.practice` in mkdocs.yml.

`check_practice` (when the plugin reads the configuration) checks every value and leaves the
configuration as written; `practice_of` gives the partials the details as they are shown: every
key present, each a stripped string ("" when not set). With no value set at all, the practice is
`None` and the site shows nothing of it. The details are drawn by one partial,
`partials/practice.html`, wherever they appear: the footer of every page
(`overrides/partials/copyright.html`), the "Book or ask a question" box filled in by
`book_or_ask` for `<!-- guide: book-or-ask -->`, and the handout.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from ..host import Page as HostPage

from .authoring import render
from .languages import language
from ..mistakes import mistake
from .logo_check import MAX_BYTES, MAX_PIXELS, logo_problems
from .config_lines import config_line, in_config

# Shown in this order; the README and the commented block in mkdocs.yml list the same keys.
KEYS = ("name", "address", "phone", "email", "booking_url", "homepage_url", "logo")

EXAMPLES = {
    "name": "name: Riverside Massage Clinic",
    "address": "address: |-\n  12 River Road\n  Springfield, OR 97477",
    "phone": 'phone: "+1 541 555 0100"',
    "email": "email: hello@riverside-massage.example",
    "booking_url": "booking_url: https://riverside-massage.example/book",
    "homepage_url": "homepage_url: https://riverside-massage.example/",
    "logo": "logo: assets/practice-logo.png",
}

# The HTML standard's test for an email address, plus a dot in the domain (a real one has it).
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
EMAIL = re.compile(rf"^[A-Za-z0-9.!#$%&'*+/=?^_`{{|}}~-]+@{_LABEL}(?:\.{_LABEL})+$")
PHONE = re.compile(r"^\+?[0-9 ()./-]+$")
LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif")


class Limit(NamedTuple):
    """How long a value may be: `lines` lines of at most `chars` characters each."""

    chars: int
    lines: int = 1


# The longest values that keep the handout on one sheet (Letter and A4) and the footer tidy.
# The build refuses longer ones; the print tests print the handout with exactly these lengths.
LIMITS: dict[str, Limit] = {
    "name": Limit(70),
    "address": Limit(48, lines=4),
    "phone": Limit(25),
    "email": Limit(60),
    "booking_url": Limit(60),
    "homepage_url": Limit(60),
}


def config_error(config: MkDocsConfig, key: str | None, problem: str, expected: str) -> PluginError:
    """An error a practice owner can act on: where in mkdocs.yml, what is wrong, what to write."""
    example = EXAMPLES.get(key or "", "\n".join(EXAMPLES[k] for k in ("name", "phone")))
    block = "extra:\n  practice:\n" + "\n".join(f"    {row}" for row in example.splitlines())
    where = f"`extra.practice.{key}`" if key else "`extra.practice`"
    line = config_line(config, "extra", "practice", key)
    return PluginError(mistake(f"{in_config(line)}: ", f"{where} {problem}", expected, block))


def _check_length(config: MkDocsConfig, key: str, value: str) -> None:
    limit = LIMITS.get(key)
    if limit is None:
        return
    lines = value.splitlines()
    if len(lines) > limit.lines:
        raise config_error(
            config, key, f"has {len(lines)} lines; the handout has room for {limit.lines}.",
            f"at most {limit.lines} lines of at most {limit.chars} characters each "
            "(leave out the country, or join short lines with a comma).",
        )
    for row in lines:
        if len(row) > limit.chars:
            what = "a line" if limit.lines > 1 else "the value"
            raise config_error(
                config, key, f"is too long: {what} has {len(row)} characters (`{row[:40]}...`), "
                f"at most {limit.chars} fit on the one-sheet handout.",
                f"at most {limit.chars} characters"
                + (f" per line, {limit.lines} lines at most." if limit.lines > 1 else "; shorten it."),
            )


def _check(config: MkDocsConfig, key: str, value: str) -> None:
    _check_length(config, key, value)
    if key in ("booking_url", "homepage_url"):
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"\s", value):
            raise config_error(
                config, key, f"is `{value}`, which is not a web address.",
                "a full address that starts with https:// (or http://).",
            )
    elif key == "email" and not EMAIL.match(value):
        raise config_error(
            config, key, f"is `{value}`, which is not an email address.",
            "one address like name@practice.example, with no spaces and no `mailto:`.",
        )
    elif key == "phone" and not (PHONE.match(value) and sum(c.isdigit() for c in value) >= 5):
        raise config_error(
            config, key, f"is `{value}`, which is not a phone number.",
            "digits, with spaces, dashes, brackets or a leading + if you like, in quotes.",
        )
    elif key == "logo":
        if "://" in value or value.startswith("//"):
            raise config_error(
                config, key, f"is `{value}`, an address on another website.",
                "a picture file inside docs/ (the guide loads nothing from other websites).",
            )
        if not value.lower().endswith(LOGO_TYPES):
            raise config_error(
                config, key, f"is `{value}`, which is not a picture file.",
                "a path inside docs/ to a file ending in " + ", ".join(LOGO_TYPES) + ".",
            )
        docs = Path(config.docs_dir).resolve()
        picture = (docs / value.lstrip("/")).resolve()
        if not picture.is_relative_to(docs):
            raise config_error(
                config, key, f"is `{value}`, a file outside docs/, which is not published.",
                "a path inside docs/, without `..`: copy the picture into docs/assets/ first.",
            )
        if not picture.is_file():
            raise config_error(
                config, key, f"is `{value}`, but there is no such file in docs/.",
                f"a path inside docs/: put the picture at docs/{value.lstrip('/')}, or fix the path.",
            )
        problems = logo_problems(picture)
        if problems:
            raise config_error(
                config, key, f"is `{value}`, which the guide cannot publish: " + "; ".join(problems) + ".",
                f"a real picture file of at most {MAX_BYTES // 1000} KB and {MAX_PIXELS} pixels on a side "
                "(a PNG of 600 x 200 pixels is plenty); an SVG without scripts, animations or links to "
                "other files.",
            )


def _check_block_name(config: MkDocsConfig) -> None:
    """A misspelled `practice:` block (`practise:`, `Practice:`) would build a site with no
    practice at all, without a word: stop and name the spelling the guide reads."""
    for key in config.extra:
        if str(key) != "practice" and difflib.get_close_matches(str(key).lower(), ["practice"], n=1, cutoff=0.75):
            raise PluginError(mistake(
                f"{in_config(config_line(config, 'extra', str(key)))}: ",
                f"`extra.{key}` is not a block the guide knows. Did you mean `practice`?",
                "`practice:` in small letters, spelled like this, under `extra:`.",
                "extra:\n  practice:\n    name: Riverside Massage Clinic",
            ))


def check_practice(config: MkDocsConfig) -> None:
    """Check `extra.practice` (see the module's docstring)."""
    raw = config.extra.get("practice")
    if raw is None:
        _check_block_name(config)
        return
    if not isinstance(raw, dict):
        raise config_error(
            config, None, f"is `{raw}`, a single value, but it must be a block of keys, one per line.",
            "`practice:` on its own line, then the keys you want, indented.",
        )
    for key in raw:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f" Did you mean `{close[0]}`?" if close else ""
            raise config_error(
                config, str(key), f"is not a key the guide knows.{hint}",
                "only these keys: " + ", ".join(KEYS) + ".",
            )
    practice: dict[str, str] = {}
    for key in KEYS:
        value = raw.get(key)
        if isinstance(value, (dict, list, bool)):
            raise config_error(config, key, "must be a single piece of text.", "one value after the colon.")
        practice[key] = "" if value is None else str(value).strip()
        if practice[key]:
            _check(config, key, practice[key])


def practice_of(extra: Any) -> dict[str, str] | None:
    """The practice's details in the form the partials take: every key present, each a stripped
    string ("" when not set); None when nothing is set. (`check_practice` checks them first.)"""
    raw = extra.get("practice") if extra else None
    if not isinstance(raw, dict):
        return None
    practice = {key: str(raw.get(key) or "").strip() for key in KEYS}
    return practice if any(practice.values()) else None


def render_practice(partial: str, page: HostPage) -> str:
    """The partial that shows the practice's details on `page`, or "" when none is set."""
    practice = practice_of(page.site.extra)
    if not practice:
        return ""
    logo = practice["logo"]
    logo_src = get_relative_url(logo.lstrip("/"), page.url) if logo else ""
    return render(partial, page.site.language, practice=practice, logo_src=logo_src)


def book_or_ask(page: HostPage) -> str:
    """`<!-- guide: book-or-ask -->`: a box with the practice's details, or nothing when unset."""
    return render_practice("book-or-ask.md", page)
