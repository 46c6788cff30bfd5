"""Print helpers that rewrite a page's finished HTML (a helper module for `print_pages.py`).

- `link_addresses`: give every link the full address it points to (`data-mdx-href`), so the print
  stylesheet can show it after the link text on paper (CSS `attr(href)` would show `../price/`).
- `booklet`: the HTML of all pages, one `<section>` each, for a page with `booklet: true`.
  Each page's ids get a prefix so they stay unique, its headings move one level down under the
  booklet's own title, and links between pages of the booklet point inside the booklet.
"""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import urljoin, urlsplit

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from authoring import render

Attrs = list[tuple[str, "str | None"]]

# A base for resolving links between pages; it never appears in the output.
_BASE = "https://booklet.invalid/"
_HEADING = re.compile(r"^h([1-6])$")
# Attributes that hold one id, or a space-separated list of ids.
_ID_ATTRS = ("id", "for")
_ID_LIST_ATTRS = ("aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers")
_SRC_ATTRS = ("src", "poster")
# A start tag with one of those (a quick test before the attributes are read one by one).
_WATCHED = re.compile(r"\s(?:id|for|name|aria-\w+|headers|href|src|poster)\s*=", re.IGNORECASE)


def _is_relative(url: str) -> bool:
    """A link to a file of this site, written relative to the page (`../price/`, `img.png`)."""
    parts = urlsplit(url)
    return not (parts.scheme or parts.netloc or url.startswith(("/", "#")))


def _relative(path: str, from_url: str) -> str:
    """A site path (`differences/price/`, `` for home) as a link from the page at `from_url`."""
    url = get_relative_url(path, from_url)
    return url + "/" if url in (".", "..") or (path.endswith("/") and not url.endswith("/")) else url


def _plain(address: str) -> str:
    """An address as people write it on paper: no scheme, no final slash, no spaces."""
    return "".join(address.split(":", 1)[-1].lstrip("/").rstrip("/").lower().split())


# The HTML here is what Markdown wrote for one page: tags, text, comments, no scripts. Reading it
# with patterns instead of html.parser gives the same pieces in a fraction of the build time.
_ATTRS = r"(?P<attrs>(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)"
_TOKEN = re.compile(
    r"<!--.*?-->"  # a comment, kept as written
    r"|<(?P<end>/)?(?P<tag>[a-zA-Z][a-zA-Z0-9-]*)" + _ATTRS + r"\s*/?>",  # a start or end tag
    re.DOTALL,
)
# One attribute: its name, and its value in double quotes, single quotes or none.
_ATTR = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")
# A link with its text. Links do not nest, so the first `</a>` ends it.
_LINK = re.compile(r"<a" + _ATTRS + r"\s*>(?P<text>.*?)</a\s*>", re.DOTALL | re.IGNORECASE)
_TAG_OR_COMMENT = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)


def _attributes(text: str) -> Attrs:
    """The (name, value) pairs of a start tag's attribute text; None for a name alone."""
    attrs: Attrs = []
    for attr in _ATTR.finditer(text):
        value = next((v for v in attr.group(2, 3, 4) if v is not None), None)
        attrs.append((attr[1].lower(), None if value is None else unescape(value)))
    return attrs


def _address(href: str, page_address: str) -> str:
    """The full address a link leads to, as printed on paper; "" when there is none to print."""
    if href.startswith(("mailto:", "tel:")):
        return href.split(":", 1)[1]
    if _is_relative(href):
        return urljoin(page_address, href) if page_address else ""
    return href if urlsplit(href).scheme in ("http", "https") else ""


def link_addresses(html: str, *, page_url: str, site_url: str) -> str:
    """Add `data-mdx-href` (the full address) to links whose text does not already show it."""
    page_address = urljoin(site_url, page_url) if site_url else ""

    def add(link: re.Match[str]) -> str:
        attrs = _attributes(link["attrs"])
        values = dict(attrs)
        href = values.get("href") or ""
        if not href or href.startswith("#") or "headerlink" in (values.get("class") or ""):
            return link[0]
        address = _address(href, page_address)
        shown = _plain(" ".join(unescape(_TAG_OR_COMMENT.sub("", link["text"])).split()))
        if not address or shown == _plain(address):
            return link[0]
        # The new attribute goes after the others; the rest of the link stays as it was written.
        cut = link.end("attrs") - link.start()
        return f'{link[0][:cut]} data-mdx-href="{escape(address)}"{link[0][cut:]}'

    return _LINK.sub(add, html)


def section_id(page: Page) -> str:
    """The id of a page's section in the booklet: `booklet-differences-price`, `booklet-home`."""
    path = page.url.strip("/").removesuffix(".html").removesuffix("index").strip("/")
    return "booklet-" + (re.sub(r"[^\w-]+", "-", path) or "home")


class _BookletSection:
    """One page's HTML made fit to sit inside the booklet page."""

    def __init__(self, page: Page, booklet: Page, sections: dict[str, str]) -> None:
        self.prefix = sections[page.url] + "--"
        self.here = _BASE + page.url
        self.booklet_url = booklet.url
        self.sections = sections  # page url -> section id

    def rewrite(self, html: str) -> str:
        return _TOKEN.sub(self._tag, html)

    def link(self, url: str) -> str:
        if url.startswith("#"):
            return "#" + self.prefix + url[1:] if len(url) > 1 else url
        if not _is_relative(url):
            return url
        target = urlsplit(urljoin(self.here, url))
        path = target.path.removeprefix(urlsplit(_BASE).path)
        if path in self.sections:
            section = self.sections[path]
            return f"#{section}--{target.fragment}" if target.fragment else f"#{section}"
        moved = _relative(path, self.booklet_url)
        return moved + (f"?{target.query}" if target.query else "") + (f"#{target.fragment}" if target.fragment else "")

    def _tag(self, token: re.Match[str]) -> str:
        """A tag with its ids prefixed, its links pointing into the booklet, a heading one level
        down; anything else (comments, most tags) exactly as it was written."""
        name = token["tag"]
        if name is None:
            return token[0]
        tag = name.lower()
        heading = _HEADING.match(tag)
        attrs = token["attrs"]
        if token["end"] or not _WATCHED.search(attrs):
            new_attrs = attrs
        else:
            new_attrs = _ATTR.sub(lambda attr: self._attribute(tag, attr), attrs)
        if heading is None and new_attrs is attrs:
            return token[0]
        new_tag = f"h{min(int(heading[1]) + 1, 6)}" if heading else name
        rest = token[0][token.end("attrs") - token.start() :]
        return f"<{token['end'] or ''}{new_tag}{new_attrs}{rest}"

    def _attribute(self, tag: str, attr: re.Match[str]) -> str:
        name = attr[1].lower()
        raw = next((v for v in attr.group(2, 3, 4) if v is not None), None)
        if raw is None:
            return attr[0]
        value = unescape(raw)
        if name in _ID_ATTRS or (name == "name" and tag == "input"):
            value = self.prefix + value
        elif name in _ID_LIST_ATTRS:
            value = " ".join(self.prefix + token for token in value.split())
        elif name == "href" or (name in _SRC_ATTRS and tag != "script"):
            value = self.link(value)
        else:
            return attr[0]
        return f'{attr[1]}="{escape(value)}"'


def booklet(booklet_page: Page, pages: list[Page]) -> str:
    """The booklet's list of parts, then one section per page, in the order given."""
    sections = {page.url: section_id(page) for page in pages}
    parts = []
    for page in pages:
        parts.append(
            {
                "id": sections[page.url],
                "title": page.title,
                "html": _BookletSection(page, booklet_page, sections).rewrite(page.content or ""),
                "href": _relative(page.url, booklet_page.url),
                "address": page.canonical_url or "",
            }
        )
    return render("booklet.html", sections=parts)
