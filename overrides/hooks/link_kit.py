"""The link kit for practices (`docs/link-to-this-guide.md`), made from `site_url` and the nav.

- `on_files` makes the QR code for `site_url` as two downloadable files, SVG and PNG.
- `DIRECTIVES` fill the page's `<!-- guide: link-kit-... -->` lines (see `directives.py`):
  `link-kit-link` (a text link), `link-kit-button` (a styled link, shown and as code),
  `link-kit-deep-links` (one link per difference page, in nav order) and `link-kit-qr`.
Every address comes from `site_url`, so a practice that hosts its own copy gets its own links.
"""

from __future__ import annotations

import io
import posixpath
from collections.abc import Callable, Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from authoring import render
from qr import site_qr

QR_FILES = {
    "svg": "assets/link-kit/massage-guide-qr-code.svg",
    "png": "assets/link-kit/massage-guide-qr-code.png",
}
DIFFERENCES = "differences/"


def _site_url(config: MkDocsConfig, where: str) -> str:
    if not config.site_url:
        raise PluginError(
            f"{where}: the link kit needs `site_url` in mkdocs.yml, the full address the guide is "
            "published at. Every link and the QR code use it.\n"
            "  Expected: a line `site_url:` with the guide's full web address.\n"
            "  For example:\n    site_url: https://massage-guide.example/"
        )
    return config.site_url


def _shown(url: str) -> str:
    """An address as people type it: no https://, no trailing slash."""
    return url.split("://", 1)[-1].rstrip("/")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    code = site_qr(_site_url(config, "mkdocs.yml"))
    title = f"QR code that opens {_shown(config.site_url)}"
    svg, png = io.BytesIO(), io.BytesIO()
    code.save(svg, kind="svg", scale=10, border=4, title=title, dark="#000", light="#fff")
    # 16 pixels per module: about 600 px wide, sharp on print at 5 cm and more.
    code.save(png, kind="png", scale=16, border=4, dark="#000", light="#fff")
    files.append(File.generated(config, QR_FILES["svg"], content=svg.getvalue()))
    files.append(File.generated(config, QR_FILES["png"], content=png.getvalue()))
    return files


def _nav_pages(page: Page) -> Iterator[Page]:
    """Every page of the nav in reading order, found from this one (the nav is built by now)."""
    first = page
    while first.previous_page is not None:
        first = first.previous_page
    current: Page | None = first
    while current is not None:
        yield current
        current = current.next_page


def _relative(page: Page, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page.file.src_uri) or ".")


def _link(page: Page, config: MkDocsConfig) -> str:
    url = _site_url(config, f"docs/{page.file.src_uri}")
    snippet = render("link-kit-link.html", url=url, text=config.site_name).strip()
    return render("link-kit-code.md", snippet=snippet)


def _button(page: Page, config: MkDocsConfig) -> str:
    url = _site_url(config, f"docs/{page.file.src_uri}")
    snippet = render("link-kit-button.html", url=url, text=config.site_name).strip()
    return render("link-kit-button.md", snippet=snippet)


def _deep_links(page: Page, config: MkDocsConfig) -> str:
    _site_url(config, f"docs/{page.file.src_uri}")
    links = []
    for other in _nav_pages(page):
        if other.file.src_uri.startswith(DIFFERENCES):
            _, meta = get_data(other.file.content_string)
            links.append({"url": other.canonical_url, "title": meta.get("title") or other.title})
    if not links:
        raise PluginError(f"docs/{page.file.src_uri}: no pages under docs/{DIFFERENCES} in the nav.")
    snippet = render("link-kit-deep-links.html", links=links).strip()
    return render("link-kit-code.md", snippet=snippet)


def _qr(page: Page, config: MkDocsConfig) -> str:
    url = _site_url(config, f"docs/{page.file.src_uri}")
    return render(
        "link-kit-qr.md",
        shown=_shown(url),
        svg=_relative(page, QR_FILES["svg"]),
        png=_relative(page, QR_FILES["png"]),
    )


DIRECTIVES: dict[str, Callable[[Page, MkDocsConfig], str]] = {
    "link-kit-link": _link,
    "link-kit-button": _button,
    "link-kit-deep-links": _deep_links,
    "link-kit-qr": _qr,
}
