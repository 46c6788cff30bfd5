"""What the plugin's parts share: rendering their partials, telling an author what to fix, and
the difference pages in reading order."""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from ..mistakes import mistake
from ..words import language_of, long_date, words

DIFFERENCES = "differences/"

# Partials are Markdown (some with an HTML wrapper that md_in_html reads), so they are not
# HTML-escaped: the page's Markdown extensions process what they produce.
PARTIALS = Path(__file__).parent / "partials"
_env = Environment(
    loader=FileSystemLoader(PARTIALS),
    undefined=StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def shown_address(address: str) -> str:
    """An address as people type it, without https:// and the final slash: "practice.example/book"."""
    return address.split("://", 1)[-1].rstrip("/")


# Characters that start Markdown or HTML markup somewhere in a line: `[`, `*`, `<`, `|` (a
# table cell), `&` (an entity), and the rest. Python-Markdown passes numeric entities through
# as they are, so a value written with them shows as the same characters, and only as text.
MARKUP = frozenset("\\`*_{}[]()<>#+!|~^=&")


def as_text(value: object) -> str:
    """An author's value (from mkdocs.yml or front matter) for a Markdown partial: shown exactly
    as written, on one line, never read as a link, emphasis, HTML or a table cell's edge.

    `[Spa](javascript:alert(1))` shows as those characters, not as a link."""
    text = " ".join(str(value or "").split())
    return "".join(f"&#{ord(char)};" if char in MARKUP else char for char in text)


# Filters for the partials here; the plugin gives the theme's templates the same ones (on_env).
# `long_date` takes the page's language: `last | long_date(language)` (words.py).
FILTERS = {"long_date": long_date, "shown_address": shown_address, "as_text": as_text}
_env.filters.update(FILTERS)


def render(name: str, language: str | None = "en", **context: object) -> str:
    """Render the partial `partials/<name>` with the given context, and the reader words of
    `language` (words.py) as `words`."""
    return _env.get_template(name).render(words=words(language), language=language_of(language), **context)



def body_offset(page: Page, markdown: str | None = None) -> int:
    """Lines that the front matter takes above the Markdown body, for line numbers in errors.

    Counted from the file itself: another plugin may have changed the Markdown by now
    (mkdocs-static-i18n joins its lines again, dropping the blank ones at its end)."""
    source = page.file.content_string
    return max(len(source.splitlines()) - len(_body(source).splitlines()), 0)


@functools.lru_cache(maxsize=32)
def _body(source: str) -> str:
    return get_data(source)[0]



def author_error(page: Page, line: int, problem: str, expected: str, example: str) -> PluginError:
    """An error a practice owner can act on: which file, which line, what is wrong, what to write."""
    return PluginError(mistake(f"docs/{page.file.src_uri}, line {line}: ", problem, expected, example))


def nav_pages(page: Page) -> Iterator[Page]:
    """Every page of the nav in reading order, found from `page` (MkDocs links them before any
    page is rendered). A page outside the nav finds only itself."""
    first = page
    while first.previous_page is not None:
        first = first.previous_page
    current: Page | None = first
    while current is not None:
        yield current
        current = current.next_page


@functools.lru_cache(maxsize=32)
def _front_matter(source: str) -> dict[str, Any]:
    # Three blocks read the same six pages' front matter; YAML is read once per text.
    return get_data(source)[1]


def difference_pages(page: Page) -> list[tuple[Page, dict[str, Any]]]:
    """The pages under docs/differences/, in reading order, each with its front matter."""
    found = [
        (other, _front_matter(other.file.content_string))
        for other in nav_pages(page)
        if other.file.src_uri.startswith(DIFFERENCES)
    ]
    if not found:
        raise PluginError(
            f"docs/{page.file.src_uri}: no pages under docs/{DIFFERENCES} found from this page. "
            "This block lists them in reading order, so it works on pages in the nav only."
        )
    return found


def source_path(page: Page) -> str:
    """The page's file as links name it, whatever its language: `about.md` for `about.es.md`
    too (mkdocs-static-i18n keeps that name as `norm_src_uri`)."""
    return getattr(page.file, "norm_src_uri", None) or page.file.src_uri


def relative_link(page: Page, target: str) -> str:
    """A link from `page` to the docs file `target` (`differences/price.md`), as Markdown takes it."""
    return posixpath.relpath(target, posixpath.dirname(page.file.src_uri) or ".")


def linked_file(page: Page, path: str) -> str:
    """The docs file that the relative link `path` (`../price.md`) written on `page` names: the
    other way round from `relative_link`."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path))
