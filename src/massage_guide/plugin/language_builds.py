"""`guide/languages`: the site in each language that mkdocs-static-i18n builds, in the order
MkDocs runs the events.

mkdocs-static-i18n (listed before the guide's plugins under `plugins:`) builds the site once per
language, calling every event again, with `theme.language` set to that language. These events
run after its own (priority -110 against its -100), so they see the language's settings and files.

1. on_config: one "page not found" page serves the whole site, the first language's.
3. on_files: in a site built in one language only, that language's pages (one_language.py);
   in another language than the main one, the main language's pictures (shared_pictures.py).
5. on_env: the reader words of the language being built (massage_guide/words), its dates, and the other
   languages for the page that names them all (overrides/404.html).
6. on_page_context: a page in another language than the main one gets its language's folder as
   Material's `base_url`, so its search reads the language's own index.
8. on_post_build: once every language is built, each gets its own search index
   (search_languages.py; `split_search: false` keeps Material's one index).
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..words import long_date, words
from .config import LanguagesConfig
from .languages import all_built, built, folder, language, main_language
from .one_language import prefer_localized_pages
from .shared_pictures import share_pictures
from .search_languages import split_index


class LanguagesPlugin(BasePlugin[LanguagesConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.first = ""  # the language of the first build

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has set up the language being built
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.first:
            self.first = language(config)
        elif language(config) != self.first:
            # One "page not found" page serves the whole site: the first language's, which names
            # the others (overrides/404.html). `static_templates` is the setting MkDocs reads for
            # the pages it renders from a template alone: a later language's build leaves it out.
            config.theme.static_templates.discard("404.html")
        return config

    @event_priority(-105)  # after mkdocs-static-i18n (-100), before the guide's other plugins (-110)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return share_pictures(prefer_localized_pages(files, config), config)

    @event_priority(-10)  # after guide/assets' filters: `long_date` is the language's own
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        spoken = language(config)
        # The reader words of the language being built, and its dates (massage_guide/words).
        env.globals["words"] = words(spoken)
        env.filters["long_date"] = lambda value: long_date(value, spoken)
        # The other languages the site is built in, each with its words and its home page, for
        # the page that names them all (overrides/404.html).
        env.globals["guide_other_languages"] = [
            {"code": code, "words": words(code), "link": home}
            for code, home in built(config).items()
            if code != spoken
        ]
        return env

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        # A page in another language than the main one takes its language's folder as the site's
        # root for Material's script (`base_url`): its search then fetches the language's own
        # index, and leads to the language's own pages (search_languages.py).
        if self.config.split_search and folder(config):
            context["base_url"] = get_relative_url(folder(config), page.url)
        return context

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has built every language and merged search
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.split_search or not all_built(config):  # one language's build, inside the main one's
            return
        others = {code: home for code, home in built(config).items() if home}
        split_index(config.site_dir, others, main_language(config))
