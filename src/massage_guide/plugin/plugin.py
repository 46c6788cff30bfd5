"""The guide's MkDocs plugin: one place where the build's steps meet, in the order MkDocs runs them.

What the reader sees is made by the Markdown extensions (named under `markdown_extensions:` in
mkdocs.yml) and by the theme's template blocks (overrides/). The plugin gives them what only
MkDocs knows, and checks what authors write:

1. on_config: check the practice's details and the review dates, join the stylesheets, find
   Material's files, read the glossary, and take charge of the guide's Markdown extensions (one
   object each, told before each page which page it converts), in the language being built.
   on_serve: watch the glossary's data file while previewing.
2. on_pre_build: forget what the last build saw (titles and descriptions).
3. on_files: add the joined stylesheet and the QR code files; check the glossary page is there;
   in a site built in Spanish only, keep the Spanish pages (one_language.py).
4. on_env: give the templates the date and address filters, Material's file names, the icon.
5. on_page_markdown: check the page's front matter and blocks; tell each extension which page
   comes next (its path, address, summary, the blocks made for it).
   on_page_content: check what the page's Markdown became: nothing from other websites, no
   script, one title, no table left as raw text (page_check.py).
6. on_page_context: the booklet page gets the readers' pages, in parts, converted again to fit inside it.
7. on_post_page, on_post_template: check what the theme adds around the pages, once per
   template, and the 404 page: nothing is loaded from another website.
8. on_post_build: once every language is built, give each its own search index.

Languages: mkdocs-static-i18n (listed before `guide` under `plugins:`) builds the site once per
language, calling every event again, with `theme.language` set to that language. The guide's
on_config and on_files run after the i18n plugin's (priority -110 against its -100), so they see
the language's own settings and files: each build gets the language's glossary data
(`glossary.es.yml` beside `glossary.yml`), its reader words (words.py) and its home address.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urljoin

import markdown
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markdown import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils import get_relative_url

from ..blocks import BlockError, BlocksExtension
from ..glossary import GlossaryError, GlossaryExtension, load_glossary
from ..glossary.entries import MARKER as GLOSSARY_MARKER
from ..permalinks import PermalinkExtension
from ..print_links import PrintLinksExtension
from ..quiz import QuizError, QuizExtension
from ..summary import SummaryExtension
from ..words import long_date, words
from .authoring import FILTERS, PARTIALS, author_error, body_offset, linked_file, source_path
from .blocks import page_blocks
from .booklet import booklet, booklet_parts
from .config import GuideConfig
from .handout import uses_print_kit
from .link_kit import qr_files
from .languages import all_built, built, folder, language, main_language
from .one_language import prefer_localized_pages
from .page_check import check_content, check_output
from .page_meta import PageMeta, check_site_texts, front_matter_line
from .practice import check_practice
from .review import check_review
from .search_languages import split_index
from .stylesheets import Bundle, bundle, inline_css
from .theme_assets import ThemeAssets

# The guide's Markdown extensions, as mkdocs.yml names them. Each is an object of the plugin's,
# so that it can be told which page it converts.
EXTENSIONS: dict[str, type[Extension]] = {
    "massage_guide.summary": SummaryExtension,
    "massage_guide.blocks": BlocksExtension,
    "massage_guide.permalinks": PermalinkExtension,
    "massage_guide.print_links": PrintLinksExtension,
    "massage_guide.quiz": QuizExtension,
    "massage_guide.glossary": GlossaryExtension,
}
# The glossary's block pattern, on a line of its own as authors write it.
GLOSSARY_LINE = re.compile(rf"^{GLOSSARY_MARKER.pattern}[ \t]*$", re.MULTILINE)
H1 = re.compile(r"^# \S.*$", re.MULTILINE)
# A box (`!!! note`, `??? note`) or a snippet, which may hold one, in a page's Markdown.
BOX_LINE = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?|-{2}8<-{2})[ \t]", re.MULTILINE)
SUMMARY_EXAMPLE = """
---
title: Before the session
description: What happens before a massage starts.
summary: >-
  A relaxation massage starts soon after a short form.
  A medical massage starts with a talk about your goals.
---

# Before the session: forms and a first talk
"""


class GuidePlugin(BasePlugin[GuideConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.site: MkDocsConfig | None = None  # the MkDocs configuration of this build
        self.extensions: dict[type[Extension], Extension] = {}  # one object of each kind
        self.stylesheet: Bundle | None = None
        self.assets: ThemeAssets | None = None
        self.page_meta: PageMeta | None = None
        self.page: Page | None = None  # the page being converted, for the file name in errors
        self.files: Files | None = None
        self.glossary_data: Path | None = None  # the data file as mkdocs.yml names it
        self.glossary_source = ""  # the data file of the language being built, for messages
        self.glossaries: dict[str, Any] = {}  # each language's checked glossary, read once
        self.language = "en"  # the language being built (`theme.language`)
        self.main_language = ""  # the language of the first build: its glossary is `data:` itself
        self.checked_templates: set[str] = set()

    # 1. Configuration ---------------------------------------------------------------------------

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has set up the language being built
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.site = config
        try:
            self.language = language(config)
            words(self.language)
        except ValueError as error:
            raise PluginError(f"mkdocs.yml: {error}") from None
        check_site_texts(config)  # each language has its own site name and description
        if not self.main_language:
            # The first build: what every language shares is checked and set up once (the
            # settings are then in their checked form: the joined stylesheet is in `extra_css`).
            self.main_language = self.language
            check_practice(config)
            check_review(config)
            self.stylesheet = bundle(config)
            self.assets = ThemeAssets.of(config)
            self._take_extensions(config)
        else:
            # One "page not found" page serves the whole site: the first language's, which
            # names the others (overrides/404.html). A later language's build leaves it.
            config.theme.static_templates.discard("404.html")
        self._speak(config)
        return config

    def _speak(self, config: MkDocsConfig) -> None:
        """Tell the extensions the language being built, and give the glossary its data."""
        for extension in self.extensions.values():
            if "language" in extension.config:
                extension.setConfig("language", self.language)
        self._extension(GlossaryExtension).set_glossary(self._glossary(config), self.language)

    def _take_extensions(self, config: MkDocsConfig) -> None:
        """Put an object of each guide extension in the place mkdocs.yml names it, with its options."""
        names = [name if isinstance(name, str) else None for name in config.markdown_extensions]
        self.extensions = {}
        for name, kind in EXTENSIONS.items():
            if name not in names:
                raise PluginError(
                    f"mkdocs.yml: `markdown_extensions` does not list `{name}`, which the guide "
                    "needs.\n  Expected: every extension of the guide under `markdown_extensions:`.\n"
                    f"  For example:\n    markdown_extensions:\n      - {name}"
                )
            options = dict(config.mdx_configs.pop(name, None) or {})
            if kind is GlossaryExtension:
                self.glossary_data = Path(config.config_file_path or ".").parent / options.pop("data", "docs/glossary.yml")
            self.extensions[kind] = extension = kind(**options)
            config.markdown_extensions[names.index(name)] = extension
        self._extension(QuizExtension).setConfig("on_error", self._quiz_error)
        self._extension(QuizExtension).setConfig("check_link", self._quiz_link)
        self._extension(BlocksExtension).setConfig("on_error", self._block_error)

    def _glossary(self, config: MkDocsConfig):
        """The glossary of the language being built: `glossary.yml` (the `data:` file) for the
        first, `glossary.es.yml` beside it for Spanish, named like the pages."""
        if self.language in self.glossaries:
            return self.glossaries[self.language]
        assert self.glossary_data is not None
        main = self.glossary_data
        path = main.with_name(f"{main.stem}.{self.language}{main.suffix}")
        if not path.exists():
            if self.language != self.main_language:
                raise PluginError(
                    f"{self._shown(path)} is missing: the glossary words of the pages in "
                    f"`{self.language}` come from it.\n"
                    f"  Expected: a copy of {self._shown(main)} in that language, beside it (the same "
                    "entries and keys; `group`, `pressure`, `where` and `evidence` keep their English "
                    "values).\n"
                    "  For example:\n    terms:\n      - term: Masaje deportivo\n        group: clinic\n"
                    "        definition: Masaje para personas que hacen deporte."
                )
            path = main
        self.glossary_source = self._shown(path)
        try:
            glossary = load_glossary(path, source=self.glossary_source)
        except GlossaryError as error:
            raise PluginError(str(error)) from None
        self.glossaries[self.language] = glossary
        return glossary

    def _shown(self, path: Path) -> str:
        """A path as mkdocs.yml would write it, from the folder that holds mkdocs.yml."""
        assert self.site is not None
        root = Path(self.site.config_file_path or ".").parent
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return path.as_posix()

    def _extension(self, kind: type[Extension]) -> Any:
        return self.extensions[kind]

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
        # The glossary's data file is left out of the site (exclude_docs), so MkDocs would not
        # watch it: an edit to a definition shows at once while previewing.
        if self.glossary_data is not None:
            for path in sorted(self.glossary_data.parent.glob(f"{self.glossary_data.stem}*{self.glossary_data.suffix}")):
                server.watch(str(path))
        return server

    # 2.-4. Before the pages ----------------------------------------------------------------------

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.page_meta = PageMeta(self.config.max_description)
        self.checked_templates = set()

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has picked this language's files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        files = prefer_localized_pages(files, config)
        self.files = files
        if self.stylesheet:
            self.stylesheet.add_to(files, config)
        qr_files(files, config)
        glossary = self._extension(GlossaryExtension)
        page, data = glossary.getConfig("glossary_page"), self.glossary_source
        if files.get_file_from_path(page) is None:
            raise PluginError(
                f"docs/{page} is missing: the words in {data} link to it.\n"
                f"  Expected: a page docs/{page} with a title and the line `<!-- glossary: entries -->`."
            )
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # One date format and one way to show an address, in the partials and the templates.
        env.filters.update(FILTERS)
        # The plugin's partials that theme templates share, as `guide/NAME` (e.g. the practice's
        # details in the footer).
        env.loader = ChoiceLoader([env.loader, PrefixLoader({"guide": FileSystemLoader(PARTIALS)})])
        env.globals["mdx_inline_css"] = inline_css(config.docs_dir)
        env.globals["guide_assets"] = self.assets
        env.globals["guide_scripts_after_paint"] = self.config.scripts_after_paint
        # The reader words of the language being built, and its dates (words.py).
        env.globals["words"] = words(self.language)
        env.filters["long_date"] = lambda value: long_date(value, self.language)
        # The other languages the site is built in, each with its words and its home page, for
        # the page that names them all (overrides/404.html).
        env.globals["guide_other_languages"] = [
            {"code": code, "words": words(code), "link": home}
            for code, home in built(config).items()
            if code != self.language
        ]
        return env

    # 5. Each page --------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.page_meta is not None
        self.page_meta.check(page)
        self._check_summary(page, markdown)
        self._check_glossary_lines(page, markdown)
        self._check_switches(page)
        self._prepare(page)
        # How long the page is, as its author wrote it: the template gives a long page an "On
        # this page" list (overrides/partials/contents-rule.html).
        page.meta["mdx_words"] = len(markdown.split())
        # Whether the page may show a box: only then does it carry the boxes' icons that
        # mkdocs.yml sets (`theme.icon.admonition`, written into the page by the theme).
        page.meta["mdx_boxes"] = bool(BOX_LINE.search(markdown))
        return markdown

    def _prepare(self, page: Page) -> None:
        """Tell the extensions which page they convert next."""
        assert self.site is not None
        self.page = page
        self._extension(SummaryExtension).setConfig("summary", page.meta["summary"].strip())
        self._extension(BlocksExtension).setConfig("blocks", page_blocks(page, self.site))
        glossary = self._extension(GlossaryExtension)
        glossary.set_page(source_path(page))
        glossary.setConfig("print_box", page.meta.get("glossary_box", True))
        site_url = self.site.site_url or ""
        self._extension(PrintLinksExtension).setConfig("page_url", urljoin(site_url, page.url) if site_url else "")

    def _check_summary(self, page: Page, markdown: str) -> None:
        summary = page.meta.get("summary")
        if not isinstance(summary, str) or not summary.strip():
            raise author_error(
                page, 1, "the page has no summary box text.",
                "a `summary:` of 2 or 3 short sentences in the front matter at the top of the file.",
                SUMMARY_EXAMPLE,
            )
        if H1.search(markdown) is None:
            raise author_error(
                page, body_offset(page, markdown) + 1, "the page has no title line.",
                "one line starting with `# ` after the front matter; the summary box goes under it.",
                SUMMARY_EXAMPLE,
            )

    def _check_glossary_lines(self, page: Page, markdown: str) -> None:
        """`<!-- glossary: entries -->` is on the glossary page, once, and nowhere else."""
        glossary_page = self._extension(GlossaryExtension).getConfig("glossary_page")
        found = list(GLOSSARY_LINE.finditer(markdown))
        for match in found:
            if match["name"] != "entries" or source_path(page) != glossary_page:
                line = body_offset(page, markdown) + markdown.count("\n", 0, match.start()) + 1
                raise author_error(
                    page, line,
                    f"`<!-- glossary: {match['name']} -->` is not a glossary block this page can have.",
                    f"`<!-- glossary: entries -->`, once, on docs/{glossary_page} only.",
                    "<!-- glossary: entries -->",
                )
        if source_path(page) == glossary_page and len(found) != 1:
            raise author_error(
                page, body_offset(page, markdown) + 1,
                f"the glossary page needs the line `<!-- glossary: entries -->` exactly once (found {len(found)}).",
                "one line `<!-- glossary: entries -->` where the entries should go.",
                "# Glossary: massage words in plain language\n\n<!-- glossary: entries -->",
            )

    @staticmethod
    def _check_switches(page: Page) -> None:
        """Front matter switches are true or false: `scripts: false` pages ship no JavaScript
        (their template writes none, overrides/main.html); `glossary_box: false` pages have no
        "Words used on this page" box on paper."""
        for key, meaning in (("scripts", "ship the page without JavaScript"), ("glossary_box", "print no box of glossary words")):
            wanted = page.meta.get(key, True)
            if wanted is not True and wanted is not False:
                found = (
                    f"`{key}:` is the text \"{wanted}\" in quotes, not the switch {str(wanted).lower()}."
                    if isinstance(wanted, str) and wanted.strip().lower() in ("true", "false")
                    else f"`{key}: {wanted}` in the front matter is neither true nor false."
                )
                raise author_error(
                    page, front_matter_line(page, key),
                    found,
                    f"`{key}: false` to {meaning}, or no `{key}:` line at all.",
                    f"---\ntitle: Quiz\n{key}: false\n---",
                )

    def _quiz_link(self, href: str, line: int | None) -> None:
        """A link in a quiz's `Why` cell leads to a page of the guide (told once, with its line;
        MkDocs would warn twice, for the explanation and its copy in the answer key)."""
        page, files = self.page, self.files
        assert page is not None and files is not None
        target = href.split("#", 1)[0]
        if not target or "://" in href or href.startswith(("/", "mailto:", "tel:")) or not target.endswith(".md"):
            return
        path = linked_file(page, target)
        if files.get_file_from_path(path) is None:
            self._author_error(
                line,
                f"the link `{href}` in this explanation leads to no page of the guide (no docs/{path}).",
                "a link to a page in docs/, written from this page: `differences/price.md`.",
                "See [price, tips and insurance](differences/price.md).",
            )

    def _quiz_error(self, error: QuizError) -> NoReturn:
        self._author_error(error.line, error.problem, error.expected, error.example)

    def _block_error(self, error: BlockError) -> NoReturn:
        self._author_error(error.line, error.problem, error.expected, error.example)

    def _author_error(self, line: int | None, problem: str, expected: str, example: str) -> NoReturn:
        """An extension's mistake, with the file and its line in the file (after the front matter)."""
        page = self.page
        assert page is not None
        number = body_offset(page, page.markdown or "") + line if line else 1
        raise author_error(page, number, problem, expected, example)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        check_content(page, html, config.site_url or "")
        self._mark_quiz(page)
        return html

    def _mark_quiz(self, page: Page) -> None:
        """A page whose Markdown held a quiz carries quiz.css (overrides/main.html): the other
        pages do without it."""
        if self._extension(QuizExtension).questions:
            page.meta["mdx_quiz"] = True

    # 6. Pages into templates ---------------------------------------------------------------------

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        # A page in another language than the main one takes its language's folder as the site's
        # root for Material's script (`base_url`): its search then fetches the language's own
        # index, and leads to the language's own pages (search_languages.py).
        if folder(config):
            context["base_url"] = get_relative_url(folder(config), page.url)
        # Every page's Markdown is read by now: MkDocs converts all pages before any template.
        if page.meta.get("booklet"):
            parts = booklet_parts(nav, self.files, self.config.booklet_leaves_out)
            page.content = (page.content or "") + booklet(
                page, parts, self.files, config.site_url or "", self._convert, self.language
            )
            check_output(f"docs/{page.file.src_uri} (the booklet)", page.content, config.site_url or "")
            uses_print_kit(page)
            for flag in ("mdx_quiz", "mdx_boxes"):  # the booklet holds the quiz and the boxes
                if any(part_page.meta.get(flag) for part in parts for part_page in part.pages):
                    page.meta[flag] = True
            # The booklet's own list of parts does the job of the sidebar's table of contents,
            # which Material ties to a menu entry the booklet does not have.
            page.toc = TableOfContents([])
        return context

    def _convert(self, page: Page, extension: Extension) -> str:
        """`page`'s Markdown as HTML, converted as on its own page, with `extension` added."""
        assert self.site is not None
        self._prepare(page)
        # The booklet section gives each link its address on the website itself.
        self._extension(PrintLinksExtension).setConfig("page_url", "")
        # The booklet carries the glossary itself: no "Words used on this page" box per page.
        self._extension(GlossaryExtension).setConfig("print_box", False)
        md = markdown.Markdown(
            extensions=[*self.site.markdown_extensions, extension], extension_configs=self.site.mdx_configs
        )
        return md.convert(page.markdown or "")

    # 7. Finished pages ---------------------------------------------------------------------------

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # What a page's author wrote was checked as it was converted (on_page_content). What the
        # theme adds around it comes from the page's template and the site's settings, the same
        # for every page of that template: checked once per template.
        template = page.meta.get("template") or "main.html"
        if template not in self.checked_templates:
            check_output(f"docs/{page.file.src_uri}", output, config.site_url or "")
            self.checked_templates.add(template)
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name.endswith(".html"):  # the 404 page; not sitemap.xml or robots.txt
            check_output(f"the page {template_name} (overrides/)", output_content, config.site_url or "")
        return output_content

    # 8. The whole site -----------------------------------------------------------------------------

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has built every language and merged search
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not all_built(config):  # one language's build, inside the main language's
            return
        others = {code: home for code, home in built(config).items() if home}
        split_index(config.site_dir, others, main_language(config))
