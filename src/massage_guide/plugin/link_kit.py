"""The link kit for practices (`docs/link-to-this-guide.md`), made from `site_url` and the nav.

- `qr_files` makes the QR code for `site_url` as two downloadable files, SVG and PNG.
- `BLOCKS` fill the page's `<!-- guide: link-kit-... -->` lines (see `blocks.py`):
  `link-kit-link` (a text link), `link-kit-button` (a styled link, shown and as code),
  `link-kit-deep-links` (one link per difference page, in nav order) and `link-kit-qr`;
  `link-kit-email PAGE` (the booking-email text, linking to the home page, to the docs page
  PAGE, the decision steps, and to the handout's PDF when built), `link-kit-files` (the kit's
  PDFs) and, on the handout page, `handout-pdf`.
- `kit_pdfs` publishes the PDFs that `make kit` printed (massage_guide.kit), in the language
  being built; the blocks offer a PDF only when the build holds it, so there is no broken link.
Every address comes from `site_url`, so a practice that hosts its own copy gets its own links.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

from babel.numbers import format_decimal
from markupsafe import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..host import Page, reading_order
from ..kit import FOLDER, kit_files
from ..mistakes import AuthorError
from ..words import words
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


def kit_pdfs(files: Files, config: MkDocsConfig, kit_dir: str) -> None:
    """Publish the kit's PDFs in the language being built that `make kit` printed into `kit_dir`
    (beside mkdocs.yml), under `assets/kit/`, as they are named there."""
    folder = Path(config.config_file_path or ".").parent / kit_dir
    for _, _, name in kit_files(language(config)):
        if (folder / name).is_file():
            files.append(File.generated(config, f"{FOLDER}/{name}", abs_src_path=str(folder / name)))


def file_size(size: int, code: str) -> str:
    """A file's size as readers read it: "95 KB", "1.4 MB" ("1,4 MB" in Spanish)."""
    said = words(code)["link_kit"]
    if size < 1_000_000:
        return said["size_kb"].format(size=format_decimal(max(1, round(size / 1000)), locale=code))
    return said["size_mb"].format(size=format_decimal(round(size / 1_000_000, 1), format="#,##0.0", locale=code))


def built_pdfs(page: Page, what: str | None = None) -> list[dict[str, str]]:
    """The kit's PDFs in the page's language that this build publishes (only `what`'s, if
    given), in the kit's order: paper, file name, link from `page`, full address and size.
    None where the host runs no plugin (Zensical): it publishes no PDF."""
    files = page.site.files
    found = []
    for document, paper, name in kit_files(page.site.language):
        file = files.get_file_from_path(f"{FOLDER}/{name}") if files is not None else None
        if file is None or (what and document.what != what):
            continue
        found.append({
            "what": document.what, "paper": paper, "name": name,
            "href": relative_link(page, f"{FOLDER}/{name}"),
            "url": urljoin(page.site.site_url, file.url),
            "size": file_size(Path(file.abs_src_path).stat().st_size, page.site.language),
        })
    return found


def _home(page: Page) -> str:
    return home_url(page.site.site_url, page.site.folder, "mkdocs.yml")


def _link(page: Page) -> str:
    snippet = render("link-kit-link.html", page.site.language, url=_home(page), text=page.site.site_name).strip()
    return render("link-kit-code.md", snippet=snippet)


def _button(page: Page) -> str:
    snippet = render("link-kit-button.html", page.site.language, url=_home(page), text=page.site.site_name).strip()
    return render("link-kit-button.md", snippet=snippet)


def published(url: str) -> str:
    """A page's address on the published site. The offline copy's build names files
    (`differences/price.html`); the links a practice copies go to the site (`differences/price/`)."""
    if url.endswith("index.html"):
        return url[: -len("index.html")]
    return url[: -len(".html")] + "/" if url.endswith(".html") else url


def _deep_links(page: Page) -> str:
    site_url = page.site.site_url
    links = [
        {"url": urljoin(site_url.rstrip("/") + "/", published(other.url)) if site_url else published(other.url),
         "title": other.title}
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


def _files(page: Page) -> str:
    pdfs = built_pdfs(page)
    if not pdfs:
        return ""
    documents: dict[str, list[dict[str, str]]] = {}
    for pdf in pdfs:
        documents.setdefault(pdf["what"], []).append(pdf)
    return render("link-kit-files.md", page.site.language,
                  documents=[{"what": what, "files": found} for what, found in documents.items()])


def _handout_pdf(page: Page) -> str:
    pdfs = built_pdfs(page, "handout")
    return render("handout-pdf.md", page.site.language, files=pdfs) if pdfs else ""


def _page_address(page: Page, name: str) -> str:
    """The full address of the docs page `name` (`which-one-is-right-for-you`) in the page's language."""
    for path, url in reading_order(page):
        if re.sub(r"(\.[a-z]{2})?\.md$", "", path) == name:
            return urljoin(page.site.site_url, published(url))
    raise AuthorError(
        page.file, None,
        f"`<!-- guide: link-kit-email {name} -->` names the page `{name}`, which the navigation does not hold.",
        "the name of a page of the navigation, its docs file without `.md`: the page that helps readers choose.",
        "<!-- guide: link-kit-email which-one-is-right-for-you -->",
    )


def _email(page: Page, steps_page: str = "") -> str:
    """The booking-email text, linking to the home page, the decision steps (`steps_page`) and the
    handout's PDF (Letter, else A4) when built."""
    said = words(page.site.language)["link_kit"]
    links = {"guide": (_home(page), said["guide_link"]), "steps": (_page_address(page, steps_page), said["steps_link"])}
    handout = built_pdfs(page, "handout")
    emails = [("email_confirmation", ["confirmation"] + (["confirmation_handout"] if handout else [])),
              ("email_intake", ["intake"])]
    if handout:
        links["handout"] = (handout[0]["url"], said["handout_link"])
    shown = []
    for title, sentences in emails:
        text = " ".join(said[key] for key in sentences)
        plain = text.format(**{key: f"{words_} ({url})" for key, (url, words_) in links.items()})
        html = text.format(**{key: f'<a href="{escape(url)}">{escape(words_)}</a>' for key, (url, words_) in links.items()})
        shown.append({"title": said[title], "text": plain, "html": f"<p>{html}</p>"})
    return render("link-kit-email.md", page.site.language, emails=shown)


BLOCKS: dict[str, Callable[[Page], str]] = {
    "link-kit-link": _link,
    "link-kit-button": _button,
    "link-kit-deep-links": _deep_links,
    "link-kit-qr": _qr,
    "link-kit-email": _email,
    "link-kit-files": _files,
    "handout-pdf": _handout_pdf,
}
