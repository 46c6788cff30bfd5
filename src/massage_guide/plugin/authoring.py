"""What the plugin's parts share: rendering their partials, telling an author what to fix, and
the difference pages in reading order."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.structure.pages import Page

from .. import host
from ..mistakes import AuthorError
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
# `long_date` takes the page's language: `last | long_date(language)` (massage_guide/words).
FILTERS = {"long_date": long_date, "shown_address": shown_address, "as_text": as_text}
_env.filters.update(FILTERS)


def render(name: str, language: str | None = "en", **context: object) -> str:
    """Render the partial `partials/<name>` with the given context, and the reader words of
    `language` (massage_guide/words) as `words`."""
    return _env.get_template(name).render(words=words(language), language=language_of(language), **context)



def body_offset(page: Page) -> int:
    """Lines that the front matter of the MkDocs `page` takes above its body (host.py)."""
    return host.body_offset(page.file.content_string)


def author_error(page: Page, line: int, problem: str, expected: str, example: str) -> AuthorError:
    """An error a practice owner can act on: which file, which line, what is wrong, what to write."""
    return AuthorError(f"docs/{page.file.src_uri}", line, problem, expected, example)


@dataclass(frozen=True)
class Other:
    """Another page of the guide, as a block on this page lists it."""

    path: str  # in the docs folder
    url: str  # from the site's root
    meta: dict[str, Any]  # its front matter
    title: str
    mkdocs: Any = None  # MkDocs' page, when MkDocs builds the site


def difference_pages(page: host.Page) -> list[Other]:
    """The pages under docs/differences/, in reading order, each with its front matter."""
    found = []
    mkdocs_pages = {other.file.src_uri: other for other in host.nav_pages(page.mkdocs)} if page.mkdocs else {}
    for path, url in host.reading_order(page):
        if not path.startswith(DIFFERENCES):
            continue
        other = mkdocs_pages.get(path)
        if other is not None:
            source = other.file.content_string
        else:
            try:
                source = (Path(page.site.docs_dir) / path).read_text(encoding="utf-8-sig")
            except OSError:
                continue
        # Three blocks read the same six pages' front matter; YAML is read once per text.
        meta = host.split_front_matter(source)[1]
        title = meta.get("title") or (other.title if other is not None else None) or path
        found.append(Other(path, url, meta, str(title), other))
    if not found:
        raise AuthorError(
            page.file, None,
            f"no pages under docs/{DIFFERENCES} found from this page.",
            "this block on a page of the nav: it lists the difference pages in reading order.",
            "nav:\n  - Home: index.md",
        )
    return found


def source_path(page: Page) -> str:
    """The page's file as links name it, whatever its language: `about.md` for `about.es.md`
    too (mkdocs-static-i18n keeps that name as `norm_src_uri`)."""
    return getattr(page.file, "norm_src_uri", None) or page.file.src_uri


def relative_link(page: host.Page, target: str) -> str:
    """A link from `page` to the docs file `target` (`differences/price.md`), as Markdown takes it."""
    return posixpath.relpath(target, posixpath.dirname(page.path) or ".")


def linked_file(page: Page, path: str) -> str:
    """The docs file that the relative link `path` (`../price.md`) written on `page` names: the
    other way round from `relative_link`."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path))
