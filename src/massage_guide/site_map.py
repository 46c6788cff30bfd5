"""The guide's languages and reader pages as mkdocs.yml sets them, read without building the site.

The tests and the benchmark (scripts/bench.py) need the same facts a build finds: which languages
are built and in which folder (the i18n plugin's `languages:` with `build: true`), and which pages
a reader finds in the navigation (`nav:`), at which address, from which file in each language.
Reading them here, from the configuration, means a page added to the nav is tested and measured
without anyone listing it again. This module needs only PyYAML and pathspec (both installed with
MkDocs), so the benchmark runs with the site's own requirements.

Files are named as mkdocs-static-i18n's `docs_structure` says: `suffix` (the default here,
`about.md` and `about.es.md` beside it) or `folder` (`en/about.md`, `es/about.md`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does, but leaves out the Python objects its `!!python/name:`
    tags name (and `!ENV`, `!relative`): callers need the values authors set, not those."""


ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict:
    """The settings of the mkdocs.yml at `path`, as a dict."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=ConfigLoader) or {}


@dataclass(frozen=True)
class NavPage:
    """A page of the navigation, in the main language."""

    source: str  # the file as the nav names it, under docs/: "differences/price.md"
    address: str  # where readers find it, from the language's folder: "differences/price/"
    sections: tuple[str, ...]  # the titles of the nav sections that hold it, outermost first


def _is_page(path: str) -> bool:
    return "://" not in path and not path.startswith(("/", "#", "mailto:")) and path.endswith(".md")


def address_of(source: str, directory_urls: bool = True) -> str:
    """A Markdown file's address as MkDocs gives it: `index.md` -> "", `price.md` -> `price/`
    (`price.html` without `use_directory_urls`)."""
    stem = source[: -len(".md")]
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return folder + "/" if folder else ""
    return stem + "/" if directory_urls else stem + ".html"


def _walk(items: Any, sections: tuple[str, ...], directory_urls: bool) -> list[NavPage]:
    pages: list[NavPage] = []
    for item in items or []:
        if isinstance(item, str):
            title, value = None, item
        elif isinstance(item, dict) and len(item) == 1:
            title, value = next(iter(item.items()))
        else:
            continue
        if isinstance(value, list):
            pages += _walk(value, (*sections, str(title)), directory_urls)
        elif isinstance(value, str) and _is_page(value):
            pages.append(NavPage(value, address_of(value, directory_urls), sections))
    return pages


class SiteMap:
    """The languages and the navigation's pages of the site that `config_file` configures."""

    def __init__(self, config_file: Path) -> None:
        self.config_file = Path(config_file)
        self.config = read_config(self.config_file)
        self.docs_dir = self.config_file.parent / self.config.get("docs_dir", "docs")
        self.directory_urls = self.config.get("use_directory_urls", True) is not False

    # --- Languages ---------------------------------------------------------------------------

    @cached_property
    def i18n(self) -> dict:
        """The i18n plugin's settings ({} for a site without it)."""
        for plugin in self.config.get("plugins") or []:
            if isinstance(plugin, dict) and "i18n" in plugin:
                return plugin["i18n"] or {}
        return {}

    @cached_property
    def language_settings(self) -> dict[str, dict]:
        """The i18n plugin's `languages:` by code, built or not."""
        return {item["locale"]: item for item in self.i18n.get("languages") or []}

    @cached_property
    def languages(self) -> dict[str, str]:
        """Each built language's code and folder, the main language first: {"en": "", "es": "es/"}."""
        built = [item for item in self.language_settings.values() if item.get("build", True)]
        if not built:
            return {(self.config.get("theme") or {}).get("language", "en"): ""}
        built.sort(key=lambda item: not item.get("default", False))
        return {
            item["locale"]: "" if item.get("default") else item.get("link", f"/{item['locale']}/").strip("/") + "/"
            for item in built
        }

    @property
    def main_language(self) -> str:
        return next(iter(self.languages))

    @property
    def default_language(self) -> str:
        """The language whose files carry no suffix (`default: true`), built or not."""
        for code, item in self.language_settings.items():
            if item.get("default"):
                return code
        return self.main_language

    def in_language(self, path: str, code: str) -> str:
        """A file under docs/ (as the nav names it, in the default language) in the language
        `code`: `about.es.md` for `about.md` (`es/about.md` with `docs_structure: folder`)."""
        if self.i18n.get("docs_structure", "suffix") == "folder":
            return f"{code}/{path}"
        if code == self.default_language:
            return path
        stem, dot, suffix = path.rpartition(".")
        return f"{stem}.{code}.{suffix}" if dot else f"{path}.{code}"

    @cached_property
    def glossary_files(self) -> dict[str, Path]:
        """Each built language's glossary data, as the `guide` plugin reads it: the file that the
        glossary extension's `data:` names (docs/glossary.yml), or the one beside it named for the
        language (docs/glossary.es.yml), which the other languages must have."""
        data = "docs/glossary.yml"
        for entry in self.config.get("markdown_extensions") or []:
            if isinstance(entry, dict) and "massage_guide.glossary" in entry:
                data = (entry["massage_guide.glossary"] or {}).get("data", data)
        main = self.config_file.parent / data
        files = {}
        for code in self.languages:
            beside = main.with_name(f"{main.stem}.{code}{main.suffix}")
            files[code] = main if code == self.main_language and not beside.exists() else beside
        return files

    # --- Pages -------------------------------------------------------------------------------

    @cached_property
    def nav_pages(self) -> list[NavPage]:
        """The readers' pages, in the navigation's order (the main language's files)."""
        nav = self.config.get("nav")
        if nav is None:
            raise ValueError(f"{self.config_file} has no `nav:`: the guide's pages are read from it.")
        return _walk(nav, (), self.directory_urls)

    @cached_property
    def pages_off_nav(self) -> list[NavPage]:
        """Pages built but left out of the navigation on purpose (`not_in_nav:`, such as the
        booklet `print.md`), in the default language."""
        import pathspec

        patterns = self.config.get("not_in_nav")
        if not patterns:
            return []
        spec = pathspec.GitIgnoreSpec.from_lines(patterns.splitlines())
        others = {f".{code}.md" for code in self.language_settings if code != self.default_language}
        found = []
        for path in sorted(self.docs_dir.rglob("*.md")):
            source = path.relative_to(self.docs_dir).as_posix()
            if spec.match_file(source) and not source.endswith(tuple(others)):
                found.append(NavPage(source, address_of(source, self.directory_urls), ()))
        return found

    def addresses(self, pages: list[NavPage] | None = None) -> list[str]:
        """The addresses of `pages` (the nav's, by default) in every built language, language by
        language: ["", "differences/price/", ..., "es/", "es/differences/price/", ...]."""
        pages = self.nav_pages if pages is None else pages
        return [folder + page.address for folder in self.languages.values() for page in pages]

    def section_in(self, folder: str) -> list[NavPage]:
        """The pages of the nav section whose pages all live in `folder` ("differences/"),
        whatever the section's title."""
        titles = {page.sections for page in self.nav_pages if page.sections}
        for sections in sorted(titles, key=len):
            pages = [page for page in self.nav_pages if page.sections[: len(sections)] == sections]
            if pages and all(page.source.startswith(folder) for page in pages):
                return pages
        raise ValueError(f"No section of the nav in {self.config_file} holds only pages in docs/{folder}.")

    def sources(self, page: NavPage) -> dict[str, str]:
        """The page's Markdown file in each built language: {"en": "about.md", "es": "about.es.md"}."""
        return {code: self.in_language(page.source, code) for code in self.languages}
