"""Name the heading link marks (the ¶ that `toc` adds with `permalink: true`) for screen readers.

Python-Markdown's `toc` puts `permalink_title` in the mark's `title`. This extension replaces it
with an `aria-label` in the page's language ("Link to this section", massage_guide/words): screen readers
say it, and no tooltip is made. Material's
script gives every element with a `title` its own tooltip as it starts, and the glossary page's
60-odd marks doubled that start-up on a slow phone.

The marks are also taken out of the Tab order (`tabindex="-1"`): with one per heading, a keyboard
user pressed Tab through every heading's mark on the way to the next link (issue 24). Each mark
stays a link: shown on hover and when its heading is the page's target, followed by a click, and
the contents list leads to the same places by keyboard.

Use: `markdown.Markdown(extensions=["toc", "massage_guide.permalinks"], extension_configs=...)`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .host import host
from .words import words

# Right after `toc` (5), which adds the marks; before links are rewritten (MkDocs, 0).
PRIORITY = 4.5


class PermalinkTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: PermalinkExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        page = host(self.md)
        name = words(page.site.language if page else self.extension.getConfig("language"))["permalink"]
        for link in root.iter("a"):
            if "headerlink" in (link.get("class") or "").split():
                link.attrib.pop("title", None)
                link.set("aria-label", name)
                link.set("tabindex", "-1")


class PermalinkExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        self.config = {"language": ["en", "With no host: the page's language (massage_guide/words), the mark's name in it."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.treeprocessors.register(PermalinkTreeprocessor(md, self), "guide_permalinks", PRIORITY)


def makeExtension(**kwargs: object) -> PermalinkExtension:  # noqa: N802 (Python-Markdown's name)
    return PermalinkExtension(**kwargs)
