"""What the Python-Markdown host says about the document it converts: one small adapter that the
guide's extensions read their page and the site's settings from.

- MkDocs registers a tree processor named `relpath` on every page's Markdown instance before it
  converts it (`mkdocs.structure.pages._RelativePathTreeprocessor`, with `.file`, `.files` and
  `.config`); Material's own `material/extensions/preview.py` finds the page that way. The
  booklet (plugin/booklet.py) converts pages again and registers `PageContext` for them, which
  holds the same three things under the name `guide_page`.
- Zensical runs no MkDocs plugin; it registers a preprocessor named `rendering_context`, whose
  `page` has `path`, `url` and `meta` (the front matter) and whose `config` is its settings as a
  dict (mkdocs.yml read by Zensical; no mkdocs-static-i18n, so a page's language is the one its
  name carries, `about.es.md`, as mkdocs-static-i18n's `docs_structure: suffix` names it).
- With neither (Markdown used alone), `host(md)` is None and each extension uses its options.

Both hosts register their processor before `convert` is called, so an extension reads the host
when it runs (in `run`), never when it is set up (`extendMarkdown`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from .lines import body_offset, split_front_matter
from .mistakes import AuthorError

# Names of the processor that holds the page, in the order they are looked for.
MKDOCS, BOOKLET, ZENSICAL = "relpath", "guide_page", "rendering_context"


@dataclass(frozen=True)
class Site:
    """The site's settings that the extensions need, the same whichever host builds it."""

    site_url: str = ""
    site_name: str = ""
    language: str = "en"  # `theme.language` of the language being built
    main_language: str = "en"  # the language at the site's root
    folder: str = ""  # the language's folder from the site's root: "" or "es/"
    extra: Mapping[str, Any] = field(default_factory=dict)
    docs_dir: str = ""
    root: str = "."  # the folder that holds mkdocs.yml: the extensions' paths start there
    config: Any = None  # the host's own settings object (MkDocs: MkDocsConfig; Zensical: dict)
    files: Any = None  # MkDocs' Files of this build (None on Zensical)
    nav: tuple[str, ...] = ()  # the docs files of the navigation, in reading order


@dataclass(frozen=True)
class Page:
    """The page being converted."""

    path: str  # the file in the docs folder: "differences/price.md", "about.es.md"
    url: str  # its address from the site's root: "differences/price/"
    meta: Mapping[str, Any]  # its front matter
    site: Site
    link_path: str = ""  # the file as links name it, whatever its language: "about.md"
    mkdocs: Any = None  # MkDocs' Page, when MkDocs converts it
    booklet: bool = False  # converted again for the printed booklet (plugin/booklet.py)

    @property
    def file(self) -> str:
        """The file as an author finds it: "docs/differences/price.md"."""
        return f"docs/{self.path}"

    @property
    def source(self) -> str:
        """The whole file as the author wrote it, front matter included ("" if unreadable)."""
        if self.mkdocs is not None:
            return self.mkdocs.file.content_string
        try:
            return (Path(self.site.docs_dir) / self.path).read_text(encoding="utf-8-sig")
        except OSError:
            return ""

    def line(self, body_line: int | None) -> int:
        """The line in the file of the body's line `body_line` (what the extension converts
        starts after the front matter); 1 when unknown."""
        return body_offset(self.source) + body_line if body_line else 1

    def exists(self, path: str) -> bool:
        """Whether the docs folder has the file `path` (relative to the docs folder)."""
        if self.site.files is not None:
            return self.site.files.get_file_from_path(path) is not None
        return bool(self.site.docs_dir) and (Path(self.site.docs_dir) / path).is_file()

    def twin(self, path: str) -> str:
        """The file a link to `path` (as links name it, `glossary.md`) is written to, from this
        page: on MkDocs `path` itself (mkdocs-static-i18n leads it to the page's language); on
        Zensical the file in the page's language (`glossary.es.md`) when there is one."""
        if self.mkdocs is not None or self.site.config is None:
            return path
        return _localized(path, self.site.language, self.site.main_language, self.site.docs_dir)

    def linked(self, target: str) -> str:
        """The docs file that a relative link written on this page names (`../price.md`)."""
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.path), target))

    def error(self, error: AuthorError) -> AuthorError:
        """An extension's mistake (its line counted in the converted body) placed in the file."""
        return error.moved(self.file, body_offset(self.source))


class PageContext(Treeprocessor):
    """Holds the page for a conversion that MkDocs does not make itself (the booklet's), the way
    MkDocs' `relpath` processor does; it changes nothing."""

    def __init__(self, file: Any, files: Any, config: Any) -> None:
        super().__init__()
        self.file, self.files, self.config = file, files, config

    def run(self, root: Any) -> None:
        return None

    def register(self, md: Markdown) -> None:
        md.treeprocessors.register(self, BOOKLET, -1000)


def host(md: Markdown) -> Page | None:
    """The page `md` converts, as its host tells it; None with no host."""
    for name in (BOOKLET, MKDOCS):
        if name in md.treeprocessors:
            found = md.treeprocessors[name]
            if getattr(found, "file", None) is not None and getattr(found, "config", None) is not None:
                return _mkdocs_page(found.file, found.files, found.config, booklet=name == BOOKLET)
    if ZENSICAL in md.preprocessors:
        context = md.preprocessors[ZENSICAL]
        return _zensical_page(context.page, context.config)
    return None


def report(md: Markdown, error: AuthorError) -> None:
    """Hand an author's mistake to the build, which shows every mistake at the end; with no
    build that collects them (Zensical, Markdown alone), raise it."""
    collector = _collector(md)
    if collector is None:
        raise error
    collector.add(error)


def _collector(md: Markdown) -> Any:
    for name in (BOOKLET, MKDOCS):
        if name in md.treeprocessors:
            config = getattr(md.treeprocessors[name], "config", None)
            plugins = getattr(config, "plugins", None) or {}
            for plugin in plugins.values():
                mistakes = getattr(plugin, "mistakes", None)
                if mistakes is not None and hasattr(mistakes, "add"):
                    return mistakes
    return None


# -- MkDocs ----------------------------------------------------------------------------------


def _mkdocs_page(file: Any, files: Any, config: Any, booklet: bool = False) -> Page:
    from .plugin.languages import folder, language, main_language
    from .plugin.required import missing_plugins

    missing = missing_plugins(config)
    if missing:
        from mkdocs.exceptions import PluginError

        raise PluginError(missing)
    theme = config.theme
    site = Site(
        site_url=config.site_url or "",
        site_name=config.site_name or "",
        language=language(config) if theme is not None else "en",
        main_language=main_language(config) if theme is not None else "en",
        folder=folder(config),
        extra=config.extra or {},
        docs_dir=config.docs_dir,
        root=str(Path(config.config_file_path or ".").parent),
        config=config,
        files=files,
    )
    page = file.page
    meta = page.meta if page is not None else {}
    link_path = getattr(file, "norm_src_uri", None) or file.src_uri
    return Page(file.src_uri, file.url, meta, site, link_path, page, booklet)


def nav_pages(page: Any) -> Iterator[Any]:
    """Every MkDocs page of the nav in reading order, found from `page` (MkDocs links them before
    any page is converted). A page outside the nav finds only itself."""
    first = page
    while first.previous_page is not None:
        first = first.previous_page
    current = first
    while current is not None:
        yield current
        current = current.next_page


def reading_order(page: Page) -> list[tuple[str, str]]:
    """(file in docs/, address) of each page of the navigation, in reading order, in the page's
    language."""
    if page.mkdocs is not None:
        return [(other.file.src_uri, other.url) for other in nav_pages(page.mkdocs)]
    return [(path, _zensical_url(path, page.site)) for path in page.site.nav]


# -- Zensical --------------------------------------------------------------------------------


def _zensical_page(page: Any, config: Mapping[str, Any]) -> Page:
    path = str(getattr(page, "path", "") or "")
    default = _language(config.get("theme"))
    language, link_path = _suffix_language(path, default)
    root = str(config.get("root_dir") or ".")
    docs_dir = str(Path(root) / str(config.get("docs_dir") or "docs"))
    nav = tuple(_localized(path_, language, default, docs_dir) for path_ in _nav_files(config.get("nav") or []))
    site = Site(
        site_url=str(config.get("site_url") or ""),
        site_name=str(config.get("site_name") or ""),
        language=language,
        main_language=default,
        folder="",
        extra=config.get("extra") or {},
        docs_dir=docs_dir,
        root=root,
        config=config,
        nav=nav,
    )
    return Page(path, str(getattr(page, "url", "") or ""), getattr(page, "meta", None) or {}, site, link_path)


def _language(theme: Any) -> str:
    from .words import language_of

    code = theme.get("language") if isinstance(theme, Mapping) else None
    return language_of(code or "en")


def _suffix_language(path: str, default: str) -> tuple[str, str]:
    """("es", "about.md") for "about.es.md": the language a page's name carries, as
    mkdocs-static-i18n's `docs_structure: suffix` writes it; (default, path) otherwise."""
    from .words import words

    stem, dot, suffix = path.rpartition(".")
    base, _, code = stem.rpartition(".")
    if not (dot and base and code) or code == default:
        return default, path
    try:
        words(code)  # a language the guide speaks, not a dotted name ("v1.2.md")
    except ValueError:
        return default, path
    return code, f"{base}.{suffix}"


def _nav_files(items: Any) -> Iterator[str]:
    """The Markdown files a `nav:` setting names, in order."""
    for item in items if isinstance(items, list) else [items]:
        if isinstance(item, str) and item.endswith(".md"):
            yield item
        elif isinstance(item, Mapping):
            for value in item.values():
                yield from _nav_files(value)
        elif isinstance(item, list):
            yield from _nav_files(item)


def _localized(path: str, language: str, default: str, docs_dir: str) -> str:
    if language == default:
        return path
    stem, _, suffix = path.rpartition(".")
    twin = f"{stem}.{language}.{suffix}"
    return twin if (Path(docs_dir) / twin).is_file() else path


def _zensical_url(path: str, site: Site) -> str:
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"
