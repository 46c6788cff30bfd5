"""The link kit for practices (`docs/link-to-this-guide.md`), made from `site_url` and the nav.

- `qr_files` makes the QR code for `site_url` as two downloadable files, SVG and PNG.
- `BLOCKS` fill the page's `<!-- guide: link-kit-... -->` lines (see `blocks.py`):
  `link-kit-link` (a text link), `link-kit-button` (a styled link, shown and as code),
  `link-kit-deep-links` (one link per difference page, in nav order) and `link-kit-qr`.
Every address comes from `site_url`, so a practice that hosts its own copy gets its own links.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..host import Page
from .authoring import difference_pages, relative_link, render, shown_address
from .languages import folder, in_folder, language
from .qr import home_url, qr_title, site_qr

# The QR code's files; another language's are named like its pages (`...qr-code.es.svg`).
QR_FILES = {
    "svg": "assets/link-kit/massage-guide-qr-code.svg",
    "png": "assets/link-kit/massage-guide-qr-code.png",
}


def qr_files(files: Files, config: MkDocsConfig) -> None:
    """Add the QR code for the guide's home page in the language being built, as SVG and PNG
    files to download."""
    # Every build needs `site_url` for these files, so it is checked once, here.
    address = home_url(config.site_url or "", folder(config), "mkdocs.yml")
    code = site_qr(address)
    title = qr_title(address, language(config))
    svg, png = io.BytesIO(), io.BytesIO()
    code.save(svg, kind="svg", scale=10, border=4, title=title, dark="#000", light="#fff")
    # 16 pixels per module: about 600 px wide, sharp on print at 5 cm and more.
    code.save(png, kind="png", scale=16, border=4, dark="#000", light="#fff")
    files.append(File.generated(config, in_folder(QR_FILES["svg"], config), content=svg.getvalue()))
    files.append(File.generated(config, in_folder(QR_FILES["png"], config), content=png.getvalue()))


def _home(page: Page) -> str:
    return home_url(page.site.site_url, page.site.folder, "mkdocs.yml")


def _link(page: Page) -> str:
    snippet = render("link-kit-link.html", page.site.language, url=_home(page), text=page.site.site_name).strip()
    return render("link-kit-code.md", snippet=snippet)


def _button(page: Page) -> str:
    snippet = render("link-kit-button.html", page.site.language, url=_home(page), text=page.site.site_name).strip()
    return render("link-kit-button.md", snippet=snippet)


def _deep_links(page: Page) -> str:
    site_url = page.site.site_url
    links = [
        {"url": urljoin(site_url.rstrip("/") + "/", other.url) if site_url else other.url, "title": other.title}
        for other in difference_pages(page)
    ]
    snippet = render("link-kit-deep-links.html", page.site.language, links=links).strip()
    return render("link-kit-code.md", snippet=snippet)


def _qr(page: Page) -> str:
    address = _home(page)
    return render(
        "link-kit-qr.md", page.site.language,
        title=qr_title(address, page.site.language),
        shown=shown_address(address),
        svg=relative_link(page, QR_FILES["svg"]),
        png=relative_link(page, QR_FILES["png"]),
    )


BLOCKS: dict[str, Callable[[Page], str]] = {
    "link-kit-link": _link,
    "link-kit-button": _button,
    "link-kit-deep-links": _deep_links,
    "link-kit-qr": _qr,
}
