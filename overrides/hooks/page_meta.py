"""Every page's title and description, from its front matter: present, short, and its own.

Search results and shared links show them (see `overrides/partials/share-meta.html`), so a page
without a description, or with another page's title or description, stops the build.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from authoring import author_error

MAX_DESCRIPTION = 155

EXAMPLE = """
---
title: Price, tips and insurance
description: >-
  What shapes the price of a massage, when to tip, and how insurance may pay.
summary: >-
  A more skilled therapist usually costs more. Plan a 20% tip at a spa.
---
"""

# Which page used each title and description first, so a copy can name both files.
_seen: dict[tuple[str, str], str] = {}


def on_pre_build(*, config: MkDocsConfig) -> None:
    _seen.clear()


def _front_matter_line(page: Page, key: str) -> int:
    for number, line in enumerate(page.file.content_string.splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    for key in ("title", "description"):
        value = page.meta.get(key)
        if not isinstance(value, str) or not value.strip():
            raise author_error(
                page,
                1,
                f"the page has no `{key}:` in its front matter. Search results and shared "
                "links show it.",
                "`title:` (a few words) and `description:` (one sentence, at most "
                f"{MAX_DESCRIPTION} characters) in the front matter at the top of the file.",
                EXAMPLE,
            )
        value = " ".join(value.split())
        if key == "description" and len(value) > MAX_DESCRIPTION:
            raise author_error(
                page,
                _front_matter_line(page, key),
                f"the description is {len(value)} characters long; search results cut it off.",
                f"one sentence of at most {MAX_DESCRIPTION} characters.",
                EXAMPLE,
            )
        first = _seen.setdefault((key, value.casefold()), page.file.src_uri)
        if first != page.file.src_uri:
            raise author_error(
                page,
                _front_matter_line(page, key),
                f"the {key} is the same as on docs/{first}. Search results and shared links "
                "could not tell the two pages apart.",
                f"a {key} that says what this page is about.",
                EXAMPLE,
            )
    return markdown
