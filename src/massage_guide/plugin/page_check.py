"""Checks of each finished page that keep the guide's promises by construction, on every page:

- privacy: nothing on the page is loaded from another website (no image, frame, script, sound,
  video, stylesheet, font or form address on another host). Links that a reader follows are fine;
- safety: what authors write runs no script: no `<script>`, no `on...=` event attribute, no
  `javascript:` address in a page's text;
- structure: one title (`h1`) per page, and no table left as raw `| --- |` text.

First, everything in a page's HTML must be on the allow-list (allowlist.py, read with html5lib as
browsers read it): anything else is told, all at once, and the checks below wait until it is fixed.
The checks below read the pages' HTML with Python's own HTML parser (`html.parser`), never with
patterns; the finished pages' check (`check_output`) keeps the theme's part from other websites.
A finding is an author's mistake: the build stops with the file, the line (found in the page's
Markdown where the address or text is written), what was found and what to write instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from ..mistakes import mistake
from ..lines import text_line
from .allowlist import ALLOWED_SUMMARY, EXAMPLE as ALLOWED_EXAMPLE, findings
from .authoring import author_error, body_offset
from .css_check import declarations_addresses, stylesheet_addresses

# Attributes that make the browser fetch something as soon as the page loads (or the form is
# sent), by element. `srcset` holds several addresses.
FETCHED = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "script": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "form": ("action",),
    "button": ("formaction",),
    "link": ("href",),
}
# `<link rel=...>` kinds that only name an address, without fetching it.
NAMED_ONLY = {"canonical", "alternate", "author", "license", "me", "help", "next", "prev", "search", "sitemap"}
# Addresses that run script when followed or loaded.
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$|^\s*\|\s*:?-{3,}:?\s*\|\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")

PRIVACY_EXAMPLE = """\
![A therapist's table in a quiet room](../assets/massage-room.jpg)

(The picture file is saved in docs/assets/, inside the guide.)"""
TITLE_EXAMPLE = """\
# Price, tips and insurance: what to plan for

## Tips at a spa"""
TABLE_EXAMPLE = """\
The prices at a glance:

| What | Medical | Relaxation |
| --- | --- | --- |
| Tip | Not usual | 20% |"""


@dataclass
class Found:
    """What the parser noticed on one page."""

    fetched: list[tuple[str, str]] = field(default_factory=list)  # (tag, address)
    scripts: list[str] = field(default_factory=list)  # what runs script, as written
    titles: list[str] = field(default_factory=list)  # text of each h1
    raw_tables: list[str] = field(default_factory=list)  # `| --- |` lines left as text


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = Found()
        self.code = 0  # inside <pre>/<code>: text there is shown as written, on purpose
        self.style = False
        self.h1: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in ("pre", "code"):
            self.code += 1
        elif tag == "style":
            self.style = True
        elif tag == "h1":
            self.h1 = []
        if tag == "script":
            self.found.scripts.append("<script>" if "src" not in values else f"<script src=\"{values['src']}\">")
        for name, value in values.items():
            if name.startswith("on"):
                self.found.scripts.append(f'{name}="{value}"')
            elif name in ("href", "src", "action", "formaction", "data", "xlink:href"):
                if value.strip().lower().replace("\t", "").replace("\n", "").startswith(SCRIPT_SCHEMES):
                    self.found.scripts.append(value)
            elif name == "style":  # read with a CSS parser (css_check.py), escapes decoded
                self.found.fetched += [(tag, found.address) for found in declarations_addresses(value)]
        rel = set(values.get("rel", "").lower().split())
        for name in FETCHED.get(tag, ()):
            if name not in values or (tag == "link" and rel and rel <= NAMED_ONLY):
                continue
            addresses = [part.split()[0] for part in values[name].split(",") if part.split()] if name == "srcset" else [values[name]]
            self.found.fetched += [(tag, address) for address in addresses]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("pre", "code") and self.code:
            self.code -= 1
        elif tag == "style":
            self.style = False
        elif tag == "h1" and self.h1 is not None:
            # Without the heading's link mark (¶), which the page adds after the words.
            self.found.titles.append(" ".join("".join(self.h1).split()).rstrip("¶ "))
            self.h1 = None

    def handle_data(self, data: str) -> None:
        if self.style:
            self.found.fetched += [("style", found.address) for found in stylesheet_addresses(data)]
            return
        if self.h1 is not None:
            self.h1.append(data)
        if not self.code:
            self.found.raw_tables += [line.strip() for line in data.splitlines() if TABLE_RULE.match(line)]


def read(html: str) -> Found:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.found


def other_host(address: str, site_url: str) -> str | None:
    """The other website `address` is on, or None when it is the site's own (or inline data)."""
    # As browsers read it: tabs and line breaks dropped, a backslash read as a slash.
    address = address.strip().translate(str.maketrans("", "", "\t\n\r")).replace("\\", "/")
    if address.lower().startswith(("data:", "#", "mailto:", "tel:")):
        return None
    parts = urlsplit(address)
    if not parts.netloc:
        return None  # a path on this site
    own = urlsplit(site_url).netloc.lower() if site_url else ""
    return None if parts.netloc.lower() == own else parts.netloc


def _line_of(page: Page, text: str) -> int:
    """The line of the page's file where `text` is written (the first), or 1."""
    return text_line(page.file.content_string, text)


def check_content(page: Page, html: str, site_url: str) -> None:
    """Check the HTML that the page's Markdown became (before the theme wraps it)."""
    found = read(html)
    if found.scripts:
        written = found.scripts[0]
        raise author_error(
            page, _line_of(page, written.split("=", 1)[0] if written.startswith("on") else written),
            f"the page holds `{written}`, which would run a script. The guide's pages work "
            "without any, and what authors write never runs code.",
            "plain text and Markdown links to pages (`[the price page](differences/price.md)`) or "
            "to websites that start with https://.",
            "See [the price page](differences/price.md).",
        )
    _check_fetched(page, found.fetched, site_url)
    if len(found.titles) > 1:
        raise author_error(
            page, _title_line(page, 2),
            f"the page has {len(found.titles)} titles (lines starting with `# `): "
            + ", ".join(f"\"{title}\"" for title in found.titles) + ". Screen readers and search "
            "results expect one.",
            "one `# ` title at the top; the parts below it start with `## `.",
            TITLE_EXAMPLE,
        )
    if found.raw_tables:
        raise author_error(
            page, _raw_table_line(page),
            f"a table shows as its raw text (`{found.raw_tables[0]}`) instead of a table.",
            "a blank line above and below the table, and the table not inside an HTML block "
            "(`<div>` without `markdown`).",
            TABLE_EXAMPLE,
        )


def outside_allowlist(page: Page, html: str) -> list:
    """An author's mistake for each thing in the page's HTML outside the allow-list (allowlist.py),
    all of them at once."""
    errors = []
    for found in findings(html):
        line = next((line for text in found.written if (line := _line_of(page, text)) > 1), 1)
        errors.append(author_error(
            page, line,
            # What it would do, when the finding says it; else that the guide has no use for it.
            f"the page holds {found.what}." if ", which" in found.what or ": " in found.what
            else f"the page holds {found.what}, which the guide's pages do not use.",
            f"what a health page needs: {ALLOWED_SUMMARY}.",
            ALLOWED_EXAMPLE,
        ))
    return errors


def _check_fetched(page: Page, fetched: list[tuple[str, str]], site_url: str) -> None:
    for tag, address in fetched:
        host = other_host(address, site_url)
        if host:
            raise author_error(
                page, _line_of(page, address),
                f"the page loads `{address}` (in `<{tag}>`) from another website, {host}. Every "
                "reader's browser would ask that website for it, and the guide promises no "
                "request to any other website.",
                "the file saved inside docs/ (for example docs/assets/) and named by its path; "
                "or a link that readers may follow: `[the video](https://...)`.",
                PRIVACY_EXAMPLE,
            )


def check_output(where: str, html: str, site_url: str) -> None:
    """Check a whole finished page (the theme's part too): nothing loads from another website."""
    for tag, address in read(html).fetched:
        host = other_host(address, site_url)
        if host:
            raise PluginError(
                mistake(
                    f"{where}: ",
                    f"the finished page loads `{address}` (in `<{tag}>`) from another website, {host}.",
                    "nothing loaded from other websites: no fonts, scripts, styles or pictures "
                    "from a CDN. Save the file inside docs/ (or overrides/) and name its path.",
                    PRIVACY_EXAMPLE,
                )
            )


def _title_line(page: Page, nth: int) -> int:
    """The line of the `nth` title (`# ` or `<h1`) in the page's file, outside code blocks."""
    seen, fenced, above = 0, False, ""
    for number, line in enumerate(page.file.content_string.splitlines(), 1):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and (re.match(r"^#\s", line) or line.lstrip().lower().startswith("<h1")):
            seen += 1
            if seen == nth:
                return number
        elif not fenced and re.match(r"^=+\s*$", line) and above.strip():  # a title underlined with ===
            seen += 1
            if seen == nth:
                return number - 1
        above = line
    return body_offset(page) + 1


def _raw_table_line(page: Page) -> int:
    """The header line of the first table that Markdown cannot read as one: a table glued to the
    text above it, or written inside an HTML block without `markdown`."""
    lines = page.file.content_string.splitlines()
    fenced, raw_block = False, False
    for index, line in enumerate(lines):
        if FENCE.match(line):
            fenced = not fenced
            continue
        stripped = line.strip().lower()
        if stripped.startswith("<div") and "markdown" not in stripped:
            raw_block = True
        elif stripped.startswith("</div"):
            raw_block = False
        if fenced or not TABLE_RULE.match(line) or index < 1:
            continue
        glued = index >= 2 and lines[index - 2].strip() and "|" not in lines[index - 2]
        if glued or raw_block:
            return index  # the header line, 1-based, is just above the rule
    return 1
