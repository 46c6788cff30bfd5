"""The languages of the site, as mkdocs-static-i18n builds them: one place that reads its state.

The i18n plugin (`i18n:` under `plugins:` in mkdocs.yml) builds the site once per language.
Each language's pages sit in a folder of their own (its `link:`, "/es/"), the main language's at
the root. Without the plugin the site has one language, at the root. Each language's words come
from the project's `words/<code>.yml` beside mkdocs.yml, else from the guide's own (words/).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..words import PROJECT_FOLDER, WordsError, language_of, use_project, words


def language(config: MkDocsConfig) -> str:
    """The language of the pages being built: `theme.language`, which the i18n plugin sets for
    each language it builds ("en", "es"). Its words are then known (`words(language)`): the
    project's own words folder beside mkdocs.yml is looked in first, and a language without
    words, or a words file with a mistake, stops the build."""
    use_project(Path(config.config_file_path or ".").parent / PROJECT_FOLDER)
    code = language_of(config.theme.get("language"))
    try:
        words(code)
    except WordsError as error:
        # A mistake in a words file names its file and line; a missing file comes from mkdocs.yml.
        raise PluginError(f"{'' if error.in_file else 'mkdocs.yml: '}{error}") from None
    return code


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def folder(config: MkDocsConfig) -> str:
    """The folder of the language being built, from the site's root: "" for the main language
    (and a site in one language), "es/" for Spanish."""
    i18n = _i18n(config)
    if i18n is None or getattr(i18n, "current_language", None) is None:
        return ""
    return i18n.current_language_config.link.lstrip("/")


def in_folder(path: str, config: MkDocsConfig) -> str:
    """A generated file's `path` for the language being built, named like its pages: as it is
    for the main language, `name.es.svg` for Spanish (a link to `name.svg` from a Spanish page
    then leads to it)."""
    if not folder(config):
        return path
    stem, dot, suffix = path.rpartition(".")
    return f"{stem}.{_i18n(config).current_language}{dot}{suffix}"


def built(config: MkDocsConfig) -> dict[str, str]:
    """Every language the site is built in, with its folder: {"en": "", "es": "es/"}."""
    i18n = _i18n(config)
    if i18n is None:
        return {language(config): ""}
    return {item.locale: item.link.lstrip("/") for item in i18n.config.languages if item.build}


def main_language(config: MkDocsConfig) -> str:
    """The language at the site's root (the i18n plugin's `default: true`)."""
    i18n = _i18n(config)
    return i18n.default_language if i18n is not None else language(config)


def all_built(config: MkDocsConfig) -> bool:
    """Whether every language has been built: false during the i18n plugin's builds of the
    other languages, which run inside the main language's."""
    i18n = _i18n(config)
    return i18n is None or not i18n.building
