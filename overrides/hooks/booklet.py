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
# with a pattern instead of html.parser gives the same pieces in a fraction of the build time.
_TOKEN = re.compile(
    r"<!--.*?-->"  # a comment, kept as written
    r"|<(?P<end>/)?(?P<tag>[a-zA-Z][a-zA-Z0-9-]*)"  # a start or end tag's name ...
    r"(?P<attrs>(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)"  # ... its attributes
    r"\s*(?P<closed>/)?>",
    re.DOTALL,
)
_ATTR = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")


class _Rewriter:
    """Copy HTML through as it is, except the tags that `start` or `end` change."""

    # Start tags that `start` may change; others are copied without reading their attributes.
    watch = re.compile(r"<")

    def __init__(self) -> None:
        self.out: list[str] = []

    def rewrite(self, html: str) -> str:
        position = 0
        for token in _TOKEN.finditer(html):
            if token.start() > position:
                self.handle_data(html[position : token.start()])
            position = token.end()
            if token["tag"] is None:
                self.out.append(token[0])
            elif token["end"]:
                self.out.append(f"</{self.end(token['tag'].lower())}>")
            elif self.watch.match(token[0]):
                self._start(token)
            else:
                self.out.append(token[0])
        if position < len(html):
            self.handle_data(html[position:])
        return "".join(self.out)

    def start(self, tag: str, attrs: Attrs) -> tuple[str, Attrs] | None:
        """Return a new (tag, attributes) pair, or None to keep the tag as it was written."""
        return None

    def end(self, tag: str) -> str:
        return tag

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    @staticmethod
    def tag_text(tag: str, attrs: Attrs, closed: bool = False) -> str:
        parts = "".join(f" {k}" if v is None else f' {k}="{escape(v)}"' for k, v in attrs)
        return f"<{tag}{parts}{' /' if closed else ''}>"

    def _start(self, token: re.Match[str]) -> None:
        changed = self.start(token["tag"].lower(), _attributes(token["attrs"]))
        self.out.append(token[0] if changed is None else self.tag_text(*changed, bool(token["closed"])))


# A link with its text. Links do not nest, so the first `</a>` ends it.
_LINK = re.compile(
    r"<a(?P<attrs>(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*>"
    r"(?P<text>.*?)</a\s*>",
    re.DOTALL | re.IGNORECASE,
)
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
        start = _Rewriter.tag_text("a", [*attrs, ("data-mdx-href", address)])
        return start + link[0][link.start("text") - link.start() :]

    return _LINK.sub(add, html)


def section_id(page: Page) -> str:
    """The id of a page's section in the booklet: `booklet-differences-price`, `booklet-home`."""
    path = page.url.strip("/").removesuffix(".html").removesuffix("index").strip("/")
    return "booklet-" + (re.sub(r"[^\w-]+", "-", path) or "home")


class _BookletSection(_Rewriter):
    """One page's HTML made fit to sit inside the booklet page."""

    watch = re.compile(
        r"<h[1-6]\b|<[^>]*\s(?:id|for|name|aria-\w+|headers|href|src|poster)\s*=", re.IGNORECASE
    )

    def __init__(self, page: Page, booklet: Page, sections: dict[str, str]) -> None:
        super().__init__()
        self.prefix = sections[page.url] + "--"
        self.here = _BASE + page.url
        self.booklet_url = booklet.url
        self.sections = sections  # page url -> section id

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

    def start(self, tag: str, attrs: Attrs) -> tuple[str, Attrs] | None:
        heading = _HEADING.match(tag)
        new_tag = f"h{min(int(heading[1]) + 1, 6)}" if heading else tag
        new: Attrs = []
        for name, value in attrs:
            if value is None:
                pass
            elif name in _ID_ATTRS or (name == "name" and tag == "input"):
                value = self.prefix + value
            elif name in _ID_LIST_ATTRS:
                value = " ".join(self.prefix + token for token in value.split())
            elif name == "href" or (name in _SRC_ATTRS and tag != "script"):
                value = self.link(value)
            new.append((name, value))
        return (new_tag, new) if (new != attrs or new_tag != tag) else None

    def end(self, tag: str) -> str:
        heading = _HEADING.match(tag)
        return f"h{min(int(heading[1]) + 1, 6)}" if heading else tag


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
