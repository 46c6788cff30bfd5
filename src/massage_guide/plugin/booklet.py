"""The booklet: the whole guide as one page to print (a page with `booklet: true`).

What goes in: the pages of the navigation, in reading order, for readers only: the plugin option
`booklet_leaves_out` names the pages left out (the handout, which is a sheet of its own, and the
practices' link kit). They are grouped in parts, as the navigation's top level groups them: a
part starts a new sheet of paper; the pages inside a part (the 6 differences) run on.

Each page is converted from its Markdown once more, with the same extensions and settings as on
its own page, plus `BookletSectionExtension`, whose tree processor fits the page into the booklet
before it is written out as HTML:

- every id gets the page's prefix (`booklet-differences-price--`), so ids stay unique, and so do
  the references to them (`for`, `aria-*`, `headers`, the quiz's input names);
- headings move down, under the booklet's own title (and under their part's title in a part of
  several pages); tables can be scrolled by keyboard;
- links to pages of the booklet point to their section, and print no address: the reader holds
  the page they lead to. Other links and pictures are made relative to the booklet page, and
  keep, for paper, the full address they have on the website (`data-mdx-href`, as
  `massage_guide.print_links` gives it on the page itself).

Why not mkdocs-print-site-plugin: it joins the finished pages and rewrites their ids and links
with regular expressions (`urls.fix_internal_links`), which the guide never does to HTML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..mistakes import mistake
from ..print_links import full_address, is_heading_mark, is_relative, note_address
from .authoring import linked_file, render, shown_address, source_path
from .qr import qr_title, site_qr

_HEADING = re.compile(r"^h([1-6])$")
# Attributes that hold one id, or a space-separated list of ids.
_ID_ATTRS = ("id", "for", "popovertarget")
_ID_LIST_ATTRS = ("aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers")
# After the quiz and the glossary (4), which add ids and links; this extension's own links are
# final, so MkDocs' link rewriting (0) is not needed.
PRIORITY = 1


def _relative(path: str, from_url: str) -> str:
    """A site path (`differences/price/`, `` for home) as a link from the page at `from_url`."""
    url = get_relative_url(path, from_url)
    return url + "/" if url in (".", "..") or (path.endswith("/") and not url.endswith("/")) else url


def section_id(page: Page) -> str:
    """The id of a page's section in the booklet: `booklet-differences-price`, `booklet-home`."""
    path = page.url.strip("/").removesuffix(".html").removesuffix("index").strip("/")
    return "booklet-" + (re.sub(r"[^\w-]+", "-", path) or "home")


class BookletSectionTreeprocessor(Treeprocessor):
    """Fit one page's tree into the booklet (see the module's docstring)."""

    def __init__(self, md: Markdown, extension: BookletSectionExtension) -> None:
        super().__init__(md)
        self.x = extension

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            self._ids(element)
            heading = _HEADING.match(element.tag)
            if heading:
                element.tag = f"h{min(int(heading[1]) + self.x.shift, 6)}"
            if element.tag == "table":
                # A wide table scrolls sideways on a phone, inside its own frame (guide.css); in
                # the booklet the table itself takes keyboard focus, to be scrolled.
                element.set("tabindex", "0")
            if element.tag == "a" and element.get("href"):
                self._link(element)
            elif element.tag == "img" and element.get("src"):
                element.set("src", self._outside_link(element.get("src")))

    def _ids(self, element: etree.Element) -> None:
        prefix = self.x.prefix
        for name in _ID_ATTRS:
            if element.get(name):
                element.set(name, prefix + element.get(name))
        if element.tag == "input" and element.get("name"):
            element.set("name", prefix + element.get("name"))
        for name in _ID_LIST_ATTRS:
            if element.get(name):
                element.set(name, " ".join(prefix + token for token in element.get(name).split()))

    def _link(self, link: etree.Element) -> None:
        href = link.get("href")
        if href.startswith("#"):
            link.set("href", "#" + self.x.prefix + href[1:] if len(href) > 1 else href)
            return
        target = self._target(href)
        section = self.x.sections.get(target[0]) if target else None
        # A link to a part of the booklet needs no address on paper: the reader holds that page.
        if not is_heading_mark(link) and not section:
            site, page = self.x.site_url, self.x.page_url
            note_address(link, full_address(target[0] + target[1], site) if target else full_address(href, page))
        if target is None:
            return
        url, fragment = target
        if section:
            link.set("href", f"#{section}--{fragment[1:]}" if len(fragment) > 1 else f"#{section}")
        else:
            link.set("href", _relative(url, self.x.booklet.url) + fragment)

    def _target(self, href: str) -> tuple[str, str] | None:
        """(site path, "#fragment" or "") of a relative link to a file of the site, else None."""
        if not is_relative(href):
            return None
        parts = urlsplit(href)
        path = linked_file(self.x.page, parts.path)
        found = self.x.files.get_file_from_path(path)
        if found is None:
            return None
        return found.url, f"#{parts.fragment}" if parts.fragment else ""

    def _outside_link(self, src: str) -> str:
        target = self._target(src)
        return _relative(target[0], self.x.booklet.url) + target[1] if target else src


class BookletSectionExtension(Extension):
    """Fit `page` into the booklet page `booklet`; `sections` maps page addresses to section ids."""

    def __init__(
        self, page: Page, booklet: Page, sections: dict[str, str], files: Files, site_url: str, shift: int = 1
    ) -> None:
        super().__init__()
        self.page, self.booklet, self.sections, self.files = page, booklet, sections, files
        self.shift = shift  # how many levels its headings move down
        self.prefix = sections[page.url] + "--"
        self.site_url = site_url
        self.page_url = urljoin(site_url, page.url) if site_url else ""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.treeprocessors.register(BookletSectionTreeprocessor(md, self), "guide_booklet_section", PRIORITY)


@dataclass
class Part:
    """A part of the booklet: a top-level entry of the navigation, one page or a section of them."""

    title: str
    pages: list[Page] = field(default_factory=list)
    section: bool = False  # a section of the navigation: its pages go under the part's own title


def _pages_in(item: object) -> Iterator[Page]:
    if isinstance(item, Page):
        yield item
    elif isinstance(item, Section):
        for child in item.children:
            yield from _pages_in(child)


def booklet_parts(nav: Navigation, files: Files, leave_out: list[str]) -> list[Part]:
    """The booklet's parts, in reading order, without the booklet and the pages in `leave_out`
    (paths in docs/, from the plugin option `booklet_leaves_out`)."""
    for path in leave_out:
        if files.get_file_from_path(path) is None:
            raise PluginError(mistake(
                "mkdocs.yml: ",
                f"the `guide/print` plugin's `booklet_leaves_out` lists `{path}`, but there is no docs/{path}.",
                "paths of pages in docs/ that the printed booklet leaves out.",
                "plugins:\n  - guide/print:\n      booklet_leaves_out:\n        - handout.md\n        - link-to-this-guide.md",
            ))
    parts = []
    for item in nav.items:
        pages = [
            page for page in _pages_in(item)
            if not page.meta.get("booklet") and source_path(page) not in leave_out
        ]
        if pages:
            section = isinstance(item, Section)
            parts.append(Part(item.title if section else pages[0].title, pages, section))
    return parts


def part_qr(address: str, language: str) -> dict[str, str] | None:
    """The QR code at the start of a part's sheet, on paper: it opens the part's (first) page, so
    a reader can carry on on a phone; inline SVG, as the cover's, so it prints with nothing to
    load. The first part (the home page, whose QR code is on the cover) has none."""
    if not address:
        return None
    svg = site_qr(address).svg_inline(
        svgclass="mdx-booklet__qr-code", lineclass=None, omitsize=True, title=qr_title(address, language)
    )
    return {"svg": svg, "shown": shown_address(address)}


def booklet(
    booklet_page: Page, parts: list[Part], files: Files, site_url: str,
    convert: Callable[[Page, Extension], str], language: str = "en",
) -> str:
    """The booklet's list of parts, then each part: its pages, one section each.

    `convert(page, extension)` converts `page`'s Markdown as on its own page, with `extension`."""
    sections = {page.url: section_id(page) for part in parts for page in part.pages}
    rendered = []
    for part in parts:
        shown = []
        for page in part.pages:
            # Under the booklet's title (h1), and under the part's title (h2) in a section.
            fit = BookletSectionExtension(page, booklet_page, sections, files, site_url, 2 if part.section else 1)
            shown.append(
                {
                    "id": sections[page.url],
                    "title": page.title,
                    "html": convert(page, fit),
                    "href": _relative(page.url, booklet_page.url),
                    "address": page.canonical_url or "",
                }
            )
        part_id = "booklet-part-" + (re.sub(r"[^\w-]+", "-", part.title.lower()).strip("-") or "part")
        rendered.append({"id": part_id if part.section else shown[0]["id"], "title": part.title,
                         "section": part.section, "pages": shown,
                         # The first part runs on under the contents, not on a sheet of its own.
                         "qr": part_qr(shown[0]["address"], language) if rendered else None})
    return render("booklet.html", language, parts=rendered)
