"""Every page's title and description, from its front matter: present, short, and its own.

Search results and shared links show them (see `overrides/partials/share-meta.html`), so a page
without a description, or with another page's title or description, stops the build.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page

from .authoring import author_error


EXAMPLE = """
---
title: Price, tips and insurance
description: >-
  What shapes the price of a massage, when to tip, and how insurance may pay.
summary: >-
  A more skilled therapist usually costs more. Plan a 20% tip at a spa.
---
"""

class PageMeta:
    """Checks each page's title and description; remembers, for one build, which page used each
    title and description first, so a copy can name both files."""

    def __init__(self, max_description: int) -> None:
        self.max_description = max_description
        self.seen: dict[tuple[str, str], str] = {}

    def check(self, page: Page) -> None:
        for key in ("title", "description"):
            value = page.meta.get(key)
            if not isinstance(value, str) or not value.strip():
                raise author_error(
                    page,
                    1,
                    f"the page has no `{key}:` in its front matter. Search results and shared "
                    "links show it.",
                    "`title:` (a few words) and `description:` (one sentence, at most "
                    f"{self.max_description} characters) in the front matter at the top of the file.",
                    EXAMPLE,
                )
            value = " ".join(value.split())
            if key == "description" and len(value) > self.max_description:
                raise author_error(
                    page,
                    front_matter_line(page, key),
                    f"the description is {len(value)} characters long; search results cut it off.",
                    f"one sentence of at most {self.max_description} characters.",
                    EXAMPLE,
                )
            first = self.seen.setdefault((key, value.casefold()), page.file.src_uri)
            if first != page.file.src_uri:
                raise author_error(
                    page,
                    front_matter_line(page, key),
                    f"the {key} is the same as on docs/{first}. Search results and shared links "
                    "could not tell the two pages apart.",
                    f"a {key} that says what this page is about.",
                    EXAMPLE,
                )


def front_matter_line(page: Page, key: str) -> int:
    for number, line in enumerate(page.file.content_string.splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return 1
