"""The "In short" box: a page's main message, right under its title.

The summary is written once, in the page's `summary:` front matter, which the extension reads
from its host (MkDocs or Zensical, host.py), so the same words can be reused elsewhere without
copying.
It is parsed as Markdown, so it may hold links and emphasis, and glossary words in it are marked.

    <h1>Price</h1>
    <div class="admonition abstract mdx-summary" data-search-exclude="">
      <p class="admonition-title">In short</p>
      <p>THE SUMMARY</p>
    </div>

With no `summary` the page is left as it is. Use alone (no host: the options say it):
`markdown.Markdown(extensions=[SummaryExtension(summary="Two short sentences.")])`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .host import host
from .words import words

# Before the inline processor (20): the summary's links and emphasis are then read like the rest
# of the page, and the glossary (4) and the table of contents (5) see the box.
PRIORITY = 25
CLASSES = "admonition abstract mdx-summary"


class SummaryTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: SummaryExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        page = host(self.md)
        if page is not None:
            summary = page.meta.get("summary")
            summary = summary.strip() if isinstance(summary, str) else ""
            language = page.site.language
        else:
            summary = str(self.extension.getConfig("summary") or "").strip()
            language = self.extension.getConfig("language")
        if not summary:
            return
        # Left out of site search (Material reads `data-search-exclude`): the page's own text
        # says the same, and every page fetches the search index, so each repeat weighs on
        # every page's first visit (tests/test_budgets.py).
        box = etree.Element("div", {"class": CLASSES, "data-search-exclude": ""})
        title = self.extension.getConfig("title") or words(language)["in_short"]
        etree.SubElement(box, "p", {"class": "admonition-title"}).text = title
        self.md.parser.parseChunk(box, summary)
        # The first title, wherever it is (a page may wrap it in a block of its own); without
        # one, the box opens the page.
        for parent in root.iter():
            for index, child in enumerate(parent):
                if child.tag == "h1":
                    parent.insert(index + 1, box)
                    return
        root.insert(0, box)


class SummaryExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        self.config = {
            "summary": ["", "With no host: the page's main message in 2 or 3 short sentences (Markdown); empty: no box."],
            "title": ["", 'The box\'s title; empty: "In short" in the page\'s language.'],
            "language": ["en", "With no host: the page's language (massage_guide/words), en or es."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.treeprocessors.register(SummaryTreeprocessor(md, self), "guide_summary", PRIORITY)


def makeExtension(**kwargs: object) -> SummaryExtension:  # noqa: N802 (Python-Markdown's name)
    return SummaryExtension(**kwargs)
