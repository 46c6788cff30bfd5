"""The pages the guide promises, by address, in every language it is built in. Practices link
to these, so they must not move.

The languages come from mkdocs.yml (the `i18n` plugin's `languages:` that have `build: true`):
the main language's pages sit at the site's root, another's under its folder (`es/`). A
practice that switches a language off gets a suite for the languages it builds.
"""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, SETTINGS

DIFFERENCES_IN_ONE_LANGUAGE = [
    "differences/before-the-session/",
    "differences/the-therapist/",
    "differences/the-setting/",
    "differences/price/",
    "differences/the-massage/",
    "differences/after-the-session/",
]

PAGES_IN_ONE_LANGUAGE = [
    "",
    *DIFFERENCES_IN_ONE_LANGUAGE,
    "which-one-is-right-for-you/",
    "quiz/",
    "safety/",
    "glossary/",
    "about/",
    "sources/",
    "handout/",
    "link-to-this-guide/",
]


def _language_settings() -> dict[str, dict]:
    """The i18n plugin's `languages:` in mkdocs.yml, by code ({} for a site without it)."""
    for plugin in SETTINGS.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return {item["locale"]: item for item in plugin["i18n"]["languages"]}
    return {}


def _languages() -> dict[str, str]:
    """Each built language's code and folder, the main language first: {"en": "", "es": "es/"}."""
    languages = [item for item in _language_settings().values() if item.get("build", True)]
    if not languages:
        return {(SETTINGS.get("theme") or {}).get("language", "en"): ""}
    languages.sort(key=lambda item: not item.get("default", False))
    return {
        item["locale"]: "" if item.get("default") else item.get("link", f"/{item['locale']}/").lstrip("/")
        for item in languages
    }


LANGUAGES = _languages()
MAIN_LANGUAGE = next(iter(LANGUAGES))

DIFFERENCES = [folder + page for folder in LANGUAGES.values() for page in DIFFERENCES_IN_ONE_LANGUAGE]
CONTENT_PAGES = [folder + page for folder in LANGUAGES.values() for page in PAGES_IN_ONE_LANGUAGE]
# The quiz in every language.
QUIZZES = [folder + "quiz/" for folder in LANGUAGES.values()]
# Every address a reader can land on, the "page not found" page included.
ALL_PAGES = [*CONTENT_PAGES, *(folder + "print/" for folder in LANGUAGES.values()), "404.html"]


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
    name = (page.rstrip("/") or "index")
    suffix = "" if code == MAIN_LANGUAGE else f".{code}"
    return f"{name}{suffix}.md"


def site_name_of(address: str) -> str:
    """The site's name in the language of `address` (a language may set its own `site_name`)."""
    return _language_settings().get(language_of(address), {}).get("site_name") or SETTINGS["site_name"]


def is_home(address: str) -> bool:
    """Whether `address` is a language's home page ("" or "es/")."""
    return address == folder_of(address)


def said(address: str):
    """The words the site adds around the page at `address`, in its language (words.py)."""
    from massage_guide.words import words

    return words(language_of(address))


def glossary_data(address: str) -> Path:
    """The glossary's data file for the language of `address`: docs/glossary.yml for the main
    language, docs/glossary.es.yml for Spanish (named like the pages)."""
    code = language_of(address)
    return ROOT / "docs" / ("glossary.yml" if code == MAIN_LANGUAGE else f"glossary.{code}.yml")
