"""The pages the guide promises, by address, in every language it is built in. Practices link
to these, so they must not move.

Both come from mkdocs.yml, through `massage_guide.site_map` (which the benchmark uses too): the
languages are the i18n plugin's `languages:` that have `build: true`, the main language's pages
at the site's root, another's under its folder (`es/`); the pages are those of the `nav:`, so a
page added to the nav is tested without being listed here. A practice that switches a language
off gets a suite for the languages it builds.
"""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, SETTINGS
from massage_guide.quiz import QUIZ_CLASS
from massage_guide.site_map import SiteMap

SITE_MAP = SiteMap(ROOT / "mkdocs.yml")
LANGUAGES = SITE_MAP.languages
MAIN_LANGUAGE = SITE_MAP.main_language

# The six differences: the nav section whose pages live in docs/differences/, whatever its title.
DIFFERENCES = SITE_MAP.addresses(SITE_MAP.section_in("differences/"))
# Every page of the nav, in every language.
CONTENT_PAGES = SITE_MAP.addresses()
# The quiz in every language: the pages whose Markdown holds a quiz.
QUIZZES = SITE_MAP.addresses(
    [page for page in SITE_MAP.nav_pages if f'class="{QUIZ_CLASS}"' in (SITE_MAP.docs_dir / page.source).read_text("utf-8")]
)
# Every address a reader can land on: the nav's pages, those built outside it on purpose (the
# booklet, `not_in_nav:`) and the "page not found" page.
ALL_PAGES = [*CONTENT_PAGES, *SITE_MAP.addresses(SITE_MAP.pages_off_nav), "404.html"]


def _language_settings() -> dict[str, dict]:
    """The i18n plugin's `languages:` in mkdocs.yml, by code ({} for a site without it)."""
    return SITE_MAP.language_settings


def language_of(address: str) -> str:
    """The language of the page at `address`: "es" for `es/quiz/`."""
    for code, folder in LANGUAGES.items():
        if folder and address.startswith(folder):
            return code
    return MAIN_LANGUAGE


def folder_of(address: str) -> str:
    """The folder of the language of `address` ("" or "es/")."""
    return LANGUAGES[language_of(address)]


def in_language(address: str, code: str) -> str:
    """`address` (in any language) in the language `code`: `es/quiz/` for `quiz/` and "es"."""
    page = address[len(folder_of(address)):]
    return LANGUAGES[code] + page


def source_of(address: str) -> str:
    """The Markdown file of a page, under docs/: `differences/price.es.md` for `es/differences/price/`."""
    code, page = language_of(address), address[len(folder_of(address)):]
    found = next(p for p in [*SITE_MAP.nav_pages, *SITE_MAP.pages_off_nav] if p.address == page)
    return SITE_MAP.in_language(found.source, code)


def site_name_of(address: str) -> str:
    """The site's name in the language of `address` (a language may set its own `site_name`)."""
    return _language_settings().get(language_of(address), {}).get("site_name") or SETTINGS["site_name"]


def is_home(address: str) -> bool:
    """Whether `address` is a language's home page ("" or "es/")."""
    return address == folder_of(address)


def said(address: str):
    """The words the site adds around the page at `address`, in its language (massage_guide/words)."""
    from massage_guide.words import words

    return words(language_of(address))


def glossary_data(address: str) -> Path:
    """The glossary's data file for the language of `address`: docs/glossary.yml for the main
    language, docs/glossary.es.yml for Spanish (named like the pages)."""
    return SITE_MAP.glossary_files[language_of(address)]
