"""Put each page's summary box right under its title.

The summary is written once, in the page's front matter (`summary:`), so the same words can be
reused elsewhere (the booklet, the handout) without copying them.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from authoring import author_error, body_offset, render

H1 = re.compile(r"^# \S.*$", re.MULTILINE)

EXAMPLE = """
---
title: Before the session
description: What happens before a massage starts.
summary: >-
  A relaxation massage starts soon after a short form.
  A medical massage starts with a talk about your goals.
---

# Before the session: forms and a first talk
"""


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    summary = page.meta.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        raise author_error(
            page,
            1,
            "the page has no summary box text.",
            "a `summary:` of 2 or 3 short sentences in the front matter at the top of the file.",
            EXAMPLE,
        )
    title = H1.search(markdown)
    if title is None:
        raise author_error(
            page,
            body_offset(page, markdown) + 1,
            "the page has no title line.",
            "one line starting with `# ` after the front matter; the summary box goes under it.",
            EXAMPLE,
        )
    box = render("summary.md", summary=summary.strip())
    return f"{markdown[: title.end()]}\n\n{box}\n{markdown[title.end() :]}"
