"""Give each link the full address it leads to, for the print stylesheet to show on paper.

On paper a link cannot be followed, so print.css writes its address after the link text from
`data-mdx-href` (CSS `attr(href)` would show `../price/`, useless on a printed sheet):

    <a href="../price/" data-mdx-href="https://massage-guide.example/differences/price/">price</a>

Links to a place on the same page, heading marks, and links whose text already is the address
are left alone; `mailto:` and `tel:` links get the address or number alone. So are links inside
a quiz and inside a glossary word's definition (`NO_ADDRESSES`): the quiz's feedback never
prints, and its printed key names the page to read, not its address; a definition never prints
either (the page's printed words box holds it); each address would only add to the page's weight.

The page's full address is `site_url` and the page's address, from the host (host.py); used
alone, it is the `page_url` option. Without one the extension does nothing, since relative links
cannot be made full. In the booklet, which gives its links their addresses itself
(plugin/booklet.py), it does nothing either.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from .host import host

ATTRIBUTE = "data-mdx-href"
# Parts of a page whose links never print their address: quiz/render.py's form, and a glossary
# word's definition (glossary/extension.py).
NO_ADDRESSES = {"mdx-quiz", "mdx-term__tip"}
# After MkDocs turns links to .md files into the pages' addresses (0).
PRIORITY = -5


def is_relative(url: str) -> bool:
    """A link to a file of this site, written relative to the page (`../price/`, `img.png`)."""
    parts = urlsplit(url)
    return not (parts.scheme or parts.netloc or url.startswith(("/", "#")))


def plain(address: str) -> str:
    """An address as people write it on paper: no scheme, no final slash, no spaces."""
    return "".join(address.split(":", 1)[-1].lstrip("/").rstrip("/").lower().split())


def full_address(href: str, page_url: str) -> str:
    """The address a link leads to, as printed on paper; "" when there is none to print."""
    if href.startswith(("mailto:", "tel:")):
        return href.split(":", 1)[1]
    if is_relative(href):
        return urljoin(page_url, href) if page_url else ""
    return href if urlsplit(href).scheme in ("http", "https") else ""


def is_heading_mark(link: etree.Element) -> bool:
    return "headerlink" in (link.get("class") or "").split()


def note_address(link: etree.Element, address: str) -> None:
    """Give `link` the address to print after it, unless its text already says it."""
    shown = HTML_PLACEHOLDER_RE.sub("", "".join(link.itertext()))
    if address and plain(shown) != plain(address):
        link.set(ATTRIBUTE, address)


def printed_links(element: etree.Element) -> Iterator[etree.Element]:
    """Every link under `element`, but for those inside a part marked `NO_ADDRESSES`."""
    for child in element:
        if NO_ADDRESSES & set((child.get("class") or "").split()):
            continue
        if child.tag == "a":
            yield child
        yield from printed_links(child)


class PrintLinksTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: PrintLinksExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        page = host(self.md)
        if page is not None:
            site_url = page.site.site_url
            page_url = "" if page.booklet or not site_url else urljoin(site_url.rstrip("/") + "/", page.url)
        else:
            page_url = self.extension.getConfig("page_url")
        if not page_url:
            return
        for link in printed_links(root):
            href = link.get("href") or ""
            if href and not href.startswith("#") and not is_heading_mark(link):
                note_address(link, full_address(href, page_url))


class PrintLinksExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        self.config = {"page_url": ["", "With no host: the full address of the page being converted."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.treeprocessors.register(PrintLinksTreeprocessor(md, self), "guide_print_links", PRIORITY)


def makeExtension(**kwargs: object) -> PrintLinksExtension:  # noqa: N802 (Python-Markdown's name)
    return PrintLinksExtension(**kwargs)
