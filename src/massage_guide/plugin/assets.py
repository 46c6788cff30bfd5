"""`guide/assets`: what the theme's templates need to draw a page, given to them through the
template context, in the order MkDocs runs the events:

1. on_config: join the guide's stylesheets into one file and find Material's own files (its
   stylesheet, palette and script, whose names carry a hash) in the installed theme.
3. on_files: add the joined stylesheet to the site.
4. on_nav: find the About page, which every page's trust marks link to.
   on_page_markdown: note what each page needs, from its Markdown (`PageFacts`).
5. on_env: the templates' filters (dates, addresses), the plugin's shared partials as
   `guide/NAME`, Material's file names (`guide_assets`), the inline stylesheets; templates
   compiled once per process (compiled_templates.py).
6. on_page_context: the page's needs, as `guide_page` (overrides/main.html,
   partials/print-styles.html, partials/contents-rule.html), and its trust marks, as
   `guide_trust` (partials/trust-marks.html; trust.py).
7. on_post_page: every inline script of a finished page is one its Content-Security-Policy
   allows (csp.py), checked once per template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..blocks import LINE as BLOCK_LINE
from ..glossary.entries import MARKER as GLOSSARY_MARKER
from ..quiz.source import QUIZ_START
from .authoring import FILTERS, PARTIALS
from .blocks import PRINT_KIT
from .compiled_templates import CompiledTemplates
from .config import AssetsConfig
from .csp import check_scripts_allowed, content_security_policy, previewing
from .practice import practice_of
from .languages import language
from .review import review_of
from .trust import about_page, trust_of
from .stylesheets import Bundle, bundle, inline_css, page_stylesheet
from .theme_assets import ThemeAssets

# A box (`!!! note`, `??? note`) or a snippet, which may hold one, in a page's Markdown.
BOX_LINE = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?|-{2}8<-{2})[ \t]", re.MULTILINE)
# An urgent box written by hand (`!!! urgent "..."`) or a snippet, which may hold a triage block.
URGENT_LINE = re.compile(r"^[ \t]*(?:(?:!!!|\?\?\?\+?)[ \t]+urgent\b|-{2}8<-{2}[ \t])", re.MULTILINE)


@dataclass(frozen=True)
class PageFacts:
    """What a page needs from its template, read from the Markdown its author wrote."""

    # How long the page is: a long page gets an "On this page" list (contents-rule.html).
    words: int = 0
    # Whether it may show a box: only then does it carry the boxes' icons that mkdocs.yml sets
    # (`theme.icon.admonition`, written into the page by the theme).
    boxes: bool = True
    # A page with a quiz carries quiz.css (main.html): the other pages do without it.
    quiz: bool = False
    # A page with the QR code or the practice's box carries handout.css (print-styles.html).
    print_kit: bool = False
    # A page with a warning-sign box (a triage block, `!!! urgent`) carries triage.css (main.html).
    triage: bool = False
    # The page with the glossary's entries carries glossary-page.css (main.html).
    glossary: bool = False
    # The page with the link kit's blocks carries link-kit.css (main.html).
    link_kit: bool = False

    def __or__(self, other: PageFacts) -> PageFacts:
        """A page that holds both (the booklet holds every page it prints)."""
        return PageFacts(self.words, self.boxes or other.boxes, self.quiz or other.quiz,
                         self.print_kit or other.print_kit, self.triage or other.triage,
                         self.glossary or other.glossary, self.link_kit or other.link_kit)


def page_facts(markdown: str) -> PageFacts:
    return PageFacts(
        words=len(markdown.split()),
        boxes=bool(BOX_LINE.search(markdown)),
        quiz=QUIZ_START.search(markdown) is not None,
        print_kit=any((found := BLOCK_LINE.match(line)) and found["name"] in PRINT_KIT for line in markdown.splitlines()),
        triage=bool(URGENT_LINE.search(markdown)) or any(
            (found := BLOCK_LINE.match(line)) and found["name"].startswith("triage") for line in markdown.splitlines()),
        glossary=any(found["name"] == "entries" for found in GLOSSARY_MARKER.finditer(markdown)),
        link_kit=any((found := BLOCK_LINE.match(line)) and found["name"].startswith("link-kit") for line in markdown.splitlines()),
    )


class AssetsPlugin(BasePlugin[AssetsConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.stylesheet: Bundle | None = None
        self.quiz_stylesheet: Bundle | None = None  # linked by the pages that hold a quiz
        self.assets: ThemeAssets | None = None
        self.facts: dict[str, PageFacts] = {}  # each page's needs, by its file
        self.about: Page | None = None  # the About page of the language being built
        self.serving = False  # `mkdocs serve`: its live reload script runs on every page
        self.checked_policies: set[tuple[str, bool]] = set()  # (template, scripts) checked

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.assets is None:  # the first language's build: every language shares them
            # The joined file takes the place of the files it joins in `extra_css`: the setting
            # MkDocs and Material read to link a site's stylesheets (stylesheets.py).
            self.stylesheet = bundle(config)
            self.quiz_stylesheet = page_stylesheet(config.docs_dir, "quiz.css")
            self.assets = ThemeAssets.of(config)
        return config

    @event_priority(-110)  # after mkdocs-static-i18n (-100), which takes only files from docs/
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.stylesheet:
            self.stylesheet.add_to(files, config)
        if self.quiz_stylesheet:
            self.quiz_stylesheet.add_to(files, config)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        # Found once per language's build: every page's foot links to it (trust.py).
        self.about = about_page(nav)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.facts[page.file.src_uri] = page_facts(markdown)
        return markdown

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # One date format and one way to show an address, in the partials and the templates.
        env.filters.update(FILTERS)
        # A template's `{% if %}` lines leave no blank, indented lines in the page: the same
        # page, about 250 bytes lighter on the wire (the quiz's 35 KB budget feels it).
        env.trim_blocks = True
        env.lstrip_blocks = True
        # Templates compiled once per process, with these settings (compiled_templates.py).
        env.bytecode_cache = CompiledTemplates(env)
        # The plugin's partials that theme templates share, as `guide/NAME` (e.g. the practice's
        # details in the footer).
        env.loader = ChoiceLoader([env.loader, PrefixLoader({"guide": FileSystemLoader(PARTIALS)})])
        env.globals["mdx_inline_css"] = inline_css(config.docs_dir)
        env.globals["mdx_quiz_css"] = self.quiz_stylesheet.path if self.quiz_stylesheet else ""
        env.globals["guide_assets"] = self.assets
        env.globals["guide_scripts_after_paint"] = self.config.scripts_after_paint
        # Each page's Content-Security-Policy (csp.py); none in previews (`mkdocs serve`).
        env.filters["content_security_policy"] = content_security_policy
        self.serving = previewing(config)
        env.globals["guide_csp"] = not self.serving
        self.checked_policies = set()
        # The practice's details and the review as they are shown (checked by guide/checks; the
        # configuration stays as the author wrote it).
        env.globals["guide_practice"] = practice_of(config.extra)
        env.globals["guide_review"] = review_of(config.extra)
        return env

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        context["guide_page"] = self.facts.get(page.file.src_uri, PageFacts())
        context["guide_trust"] = trust_of(page, config, nav, self.about, language(config))
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # The theme's inline scripts are the same on every page of a template (only the site's
        # address in them changes): one page of each proves the policy allows them.
        kind = (page.meta.get("template") or "main.html", page.meta.get("scripts") is not False)
        if not self.serving and kind not in self.checked_policies:
            check_scripts_allowed(f"docs/{page.file.src_uri}", output)
            self.checked_policies.add(kind)
        return output
