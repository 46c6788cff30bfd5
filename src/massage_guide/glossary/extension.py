"""Mark glossary words in a page, and add a "Words used on this page" box for print.

Marking (first use per page): the first time a glossary word appears in the page's running
text, it becomes

    <span class="mdx-term">
      <button class="mdx-term__word" type="button" popovertarget="mdx-tip-cupping" aria-describedby="mdx-term-cupping">cupping</button>
      <small class="mdx-term__tip" id="mdx-tip-cupping" popover="auto" data-search-exclude="true">
        <span class="mdx-term__definition" id="mdx-term-cupping">DEFINITION</span>
        <a class="mdx-term__link" href="../glossary.md#cupping">Cupping in the glossary</a>
        <button class="mdx-term__close" type="button" popovertarget="mdx-tip-cupping">Close</button>
      </small>
    </span>

- the definition is explained in place, with no JavaScript and without changing the page's
  address: a tap, a click, or Enter on the word opens the tip (an HTML popover, opened and closed
  by the browser) over the text, so the sentence is not split (glossary.css places it); its Close
  button, Escape, or a tap anywhere else closes it;
- screen readers read the definition as the word's description;
- the tip's link leads to the word's full entry on the glossary page; it can be reached by Tab
  only while the tip is open.
Later uses of the same word on the page stay plain text, so a page does not turn into a sea of
links. A word used only where it cannot be marked still counts as used.

Where words are not marked:
- headings, links, table cells, admonition titles, `<summary>`, abbreviations, buttons, labels:
  the word still appears in the print box;
- code, and any element whose class starts with `mdx-quiz` (quiz answers), `mdx-glossary` (the
  glossary page's own entries, the print box) or `mdx-term`: ignored altogether.

The print box (`aside.mdx-glossary-print`) lists every glossary word seen on the page with its
definition, from A to Z. CSS shows it only on paper.

The glossary page itself has the line `<!-- glossary: entries -->`, where `entries.py` puts
every entry.
"""

from __future__ import annotations

import functools
import posixpath
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Mapping
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..host import host
from ..words import words
from .data import Entry, Glossary, load_glossary, plain
from .entries import PRIORITY as ENTRIES_PRIORITY
from .entries import EntriesTreeprocessor
from .matching import TermMatcher

# After attr_list (8), abbr (7) and toc (5): classes are set and the print box stays out of the
# table of contents. Before MkDocs' own link processor (0), which turns `glossary.md#x` into a
# site address and checks that the anchor exists.
PRIORITY = 4

MARK, SEEN, SKIP = "mark", "seen", "skip"
SEEN_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "table", "summary", "abbr", "button", "label"}
SKIP_TAGS = {"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "textarea", "select"}
SKIP_CLASS_PREFIXES = ("mdx-quiz", "mdx-glossary", "mdx-term")
SEEN_CLASSES = {"admonition-title", "headerlink"}


@dataclass
class _PageState:
    marked: set[str] = field(default_factory=set)
    seen: dict[str, Entry] = field(default_factory=dict)


@dataclass(frozen=True)
class Reading:
    """What one conversion reads: the glossary and its language, the page, and whether the page
    gets the box for paper."""

    glossary: Glossary | None
    language: str
    page: str  # the page as links name it, relative to the docs folder
    print_box: bool
    glossary_file: str = ""  # the glossary page that links lead to ("" : `glossary_page`)
    docs_dir: str = ""  # the folder that pictures' paths start from


class GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: GlossaryExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        reading = self.extension.reading(self.md)
        glossary = reading.glossary
        if glossary is None or not glossary.entries:
            return
        self.matcher = self.extension.matcher(glossary, reading.language)
        self.said = words(reading.language)["glossary"]
        # The page's path, for links that work from it.
        self.page = reading.page
        self.target = reading.glossary_file or self.extension.getConfig("glossary_page")
        self.state = _PageState()
        # On the glossary page itself every word's entry is on the same page: nothing to explain
        # in place, and no box for paper.
        on_glossary = self.page == self.extension.getConfig("glossary_page")
        self._walk(root, SEEN if on_glossary else MARK)
        self.extension.used = sorted(self.state.seen.values(), key=lambda entry: plain(entry.term))
        if self.state.seen and reading.print_box and not on_glossary:
            root.append(self._print_box(self.extension.used, self.said["print_title"]))

    # -- walking the tree in document order -------------------------------------------------

    @staticmethod
    def _mode(element: etree.Element, inherited: str) -> str:
        classes = (element.get("class") or "").split()
        if element.tag in SKIP_TAGS or any(c.startswith(SKIP_CLASS_PREFIXES) for c in classes):
            return SKIP
        if element.tag in SEEN_TAGS or SEEN_CLASSES.intersection(classes):
            return SEEN
        return inherited

    def _walk(self, element: etree.Element, mode: str) -> None:
        children = list(element)
        if element.text:
            element.text = self._text(element.text, mode, element, None)
        for child in children:
            child_mode = self._mode(child, mode)
            if child_mode != SKIP:
                self._walk(child, child_mode)
            if child.tail:
                child.tail = self._text(child.tail, mode, element, child)

    def _text(self, text: str, mode: str, parent: etree.Element, after: etree.Element | None) -> str:
        """Note and mark the words in `text`; return what stays as plain text before any mark."""
        if isinstance(text, AtomicString):
            return text
        pieces: list[etree.Element] = []
        lead, cursor = None, 0
        for match, entry in self.matcher.finditer(text):
            self.state.seen.setdefault(entry.anchor, entry)
            if mode != MARK or entry.anchor in self.state.marked:
                continue
            self.state.marked.add(entry.anchor)
            before = text[cursor : match.start()]
            if pieces:
                pieces[-1].tail = before
            else:
                lead = before
            pieces.append(self._term(match.group(), entry))
            cursor = match.end()
        if not pieces:
            return text
        pieces[-1].tail = text[cursor:]
        index = 0 if after is None else list(parent).index(after) + 1
        for offset, piece in enumerate(pieces):
            parent.insert(index + offset, piece)
        return lead or ""

    # -- what gets added ----------------------------------------------------------------------

    def _href(self, entry: Entry) -> str:
        target = self.target
        here = posixpath.dirname(self.page) or "."
        return f"{posixpath.relpath(target, here)}#{entry.anchor}"

    def _term(self, text: str, entry: Entry) -> etree.Element:
        definition_id = f"mdx-term-{entry.anchor}"
        tip_id = f"mdx-tip-{entry.anchor}"
        wrap = etree.Element("span", {"class": "mdx-term"})
        # A button, not a link: a tap, a click or Enter opens the definition (a popover: the
        # browser opens and closes it, no JavaScript needed) instead of leaving the page.
        word = etree.SubElement(
            wrap,
            "button",
            {"class": "mdx-term__word", "type": "button", "popovertarget": tip_id, "aria-describedby": definition_id},
        )
        word.text = AtomicString(text)
        # `small` (an aside), not `span`: Material's search skips an excluded element until the
        # first closing tag of the same name, and the definition inside is a `span`.
        tip = etree.SubElement(
            wrap, "small", {"class": "mdx-term__tip", "id": tip_id, "popover": "auto", "data-search-exclude": "true"}
        )
        definition = etree.SubElement(tip, "span", {"class": "mdx-term__definition", "id": definition_id})
        definition.text = AtomicString(entry.definition)
        definition.tail = " "
        link = etree.SubElement(tip, "a", {"class": "mdx-term__link", "href": self._href(entry)})
        link.text = AtomicString(self.said["in_glossary"].format(term=entry.term))
        link.tail = " "
        # The visible way to close it; Escape and a tap outside it close it too. It toggles the
        # definition, which is open whenever the button can be seen: it closes it.
        close = etree.SubElement(tip, "button", {"class": "mdx-term__close", "type": "button", "popovertarget": tip_id})
        close.text = AtomicString(self.said["close"])
        return wrap

    @staticmethod
    def _print_box(entries: list[Entry], title_text: str) -> etree.Element:
        # An <aside>, not a <div>: Material's search indexer stops skipping an excluded element at
        # the end of any element with the same tag inside it (here, the <div> around each word).
        box = etree.Element("aside", {"class": "mdx-glossary-print", "data-search-exclude": "true"})
        title = etree.SubElement(box, "h2", {"class": "mdx-glossary-print__title"})
        title.text = title_text
        words = etree.SubElement(box, "dl", {"class": "mdx-glossary-print__list"})
        for entry in entries:
            pair = etree.SubElement(words, "div", {"class": "mdx-glossary-print__item"})
            term = etree.SubElement(pair, "dt")
            term.text = AtomicString(entry.term)
            definition = etree.SubElement(pair, "dd")
            definition.text = AtomicString(entry.definition)
        return box


@functools.lru_cache(maxsize=8)
def _load(path: str, modified: int, source: str) -> Glossary:
    return load_glossary(Path(path), source=source)


# A host makes a new extension object for each page (MkDocs reads `markdown_extensions` for every
# page): each glossary's pattern is built once per language and shared by all its pages, so a
# page's cost does not grow with the size of the glossary (tests/test_scaling.py).
_MATCHERS: dict[tuple[int, str], tuple[Glossary, TermMatcher]] = {}


def _matcher(glossary: Glossary, language: str) -> TermMatcher:
    key = (id(glossary), language)
    held = _MATCHERS.get(key)
    if held is None or held[0] is not glossary:  # an id can be reused once a glossary is gone
        if len(_MATCHERS) >= 8:
            _MATCHERS.clear()
        held = _MATCHERS[key] = (glossary, TermMatcher(glossary.entries, language))
    return held[1]


def read_data(path: Path, source: str = "") -> Glossary:
    """The checked glossary in the file at `path` (`source` names it in messages), read once
    while the file is unchanged: a host makes a new extension for every page."""
    return _load(str(path.resolve()), path.stat().st_mtime_ns if path.exists() else 0, source or str(path))


def data_file(data: Path, language: str) -> Path:
    """The glossary file of the pages in `language`: the file beside the `data:` file named like
    the pages (`glossary.es.yml`) when there is one, else the `data:` file itself (the site's
    first language's; `guide/checks` stops a build of another language without its file)."""
    twin = data.with_name(f"{data.stem}.{language}{data.suffix}")
    return twin if twin.exists() else data


class GlossaryExtension(Extension):
    """Python-Markdown extension: `GlossaryExtension(data="docs/glossary.yml", page="price.md")`.

    Give it the glossary either as `glossary` (an already checked `Glossary`) or as `data` (the
    path of the YAML file, read at the first conversion). Under a host (MkDocs, Zensical:
    host.py) the page, its language and its `glossary_box:` switch come from the host, `data` is
    read from the folder of mkdocs.yml, and a page in another language than the site's first
    takes the file beside it named like the pages (`glossary.es.yml`). Used alone, `page` is the
    path of the page being converted, relative to the docs folder, so that links reach
    `glossary_page` from it; without it, links are made from the top folder.
    After a conversion, `used` holds the glossary words the document used; `reset()` clears it.
    """

    def __init__(self, glossary: Glossary | None = None, **kwargs: Any) -> None:
        # `glossary` is not a config option: Python-Markdown would turn an object into a bool.
        self.config = {
            "data": ["", "Path of the glossary YAML file, used when `glossary` is not given."],
            "glossary_page": ["glossary.md", "The glossary page, relative to the docs folder."],
            "page": ["", "With no host: the page being converted, relative to the docs folder."],
            "print_box": [True, 'With no host: add the "Words used on this page" box for print.'],
            "language": ["en", "With no host: the pages' language (massage_guide/words), the labels in it and its plurals."],
            "docs_dir": ["", "With no host: the folder that entries' `picture:` paths start from (default: the data file's)."],
        }
        super().__init__(**kwargs)
        self._glossary = glossary
        self.used: list[Entry] = []

    @property
    def glossary(self) -> Glossary | None:
        """The glossary given, or the `data` file's (relative to the working folder)."""
        if self._glossary is None and self.getConfig("data"):
            self._glossary = read_data(Path(self.getConfig("data")))
        return self._glossary

    def reading(self, md: Markdown) -> Reading:
        page = host(md)
        if page is None:
            # With no host, pictures' paths start from `docs_dir`, else from the data file's folder.
            docs = self.getConfig("docs_dir") or (str(Path(self.getConfig("data")).parent) if self.getConfig("data") else "")
            return Reading(self.glossary, self.getConfig("language"), self.getConfig("page"),
                           bool(self.getConfig("print_box")), docs_dir=docs)
        glossary = self._glossary
        if glossary is None and self.getConfig("data"):
            root = Path(page.site.root)
            data = root / self.getConfig("data")
            path = data_file(data, page.site.language)
            glossary = read_data(path, _shown(path, root))
        # The booklet carries the glossary itself: no "Words used on this page" box per page.
        box = page.meta.get("glossary_box", True) is not False and not page.booklet
        return Reading(glossary, page.site.language, page.link_path, box, page.twin(self.getConfig("glossary_page")),
                       page.site.docs_dir)

    def matcher(self, glossary: Glossary, language: str) -> TermMatcher:
        return _matcher(glossary, language)

    def reset(self) -> None:
        self.used = []

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.treeprocessors.register(EntriesTreeprocessor(md, self), "glossary_entries", ENTRIES_PRIORITY)
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "glossary", PRIORITY)


def _shown(path: Path, root: Path) -> str:
    """A path as mkdocs.yml would write it, from the folder that holds mkdocs.yml."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def makeExtension(**kwargs: Any) -> GlossaryExtension:  # noqa: N802 (Python-Markdown's name)
    return GlossaryExtension(**kwargs)
