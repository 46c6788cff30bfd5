"""Name the heading link marks (the ¶ that `toc` adds with `permalink: true`) for screen readers.

Python-Markdown's `toc` puts `permalink_title` in the mark's `title`. This extension moves it to
`aria-label`: the words screen readers say stay the same, and no tooltip is made. Material's
script gives every element with a `title` its own tooltip as it starts, and the glossary page's
60-odd marks doubled that start-up on a slow phone.

Use: `markdown.Markdown(extensions=["toc", "massage_guide.permalinks"], extension_configs=...)`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# Right after `toc` (5), which adds the marks; before links are rewritten (MkDocs, 0).
PRIORITY = 4.5


class PermalinkTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if "headerlink" in (link.get("class") or "").split() and "title" in link.attrib:
                link.set("aria-label", link.attrib.pop("title"))


class PermalinkExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.treeprocessors.register(PermalinkTreeprocessor(md), "guide_permalinks", PRIORITY)


def makeExtension(**kwargs: object) -> PermalinkExtension:  # noqa: N802 (Python-Markdown's name)
    return PermalinkExtension(**kwargs)
