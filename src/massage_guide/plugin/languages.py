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

from ..words import PROJECT_FOLDER, WordsError, language_of, shipped, use_project, words, words_file


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


def _nav_files(nav: Any) -> list[str]:
    """The Markdown files `nav:` names, in order (sections walked; addresses left out)."""
    found: list[str] = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else item
        if isinstance(value, list):
            found += _nav_files(value)
        elif isinstance(value, str) and value.endswith(".md") and "://" not in value:
            found.append(value)
    return found


def page_pairs(config: MkDocsConfig) -> list[Exception]:
    """Each page of the nav has a file in every other language the site builds with its main one
    (DECISIONS.md, "Languages"). Told before the first language is built, naming the missing file
    (`docs/safety.es.md`): otherwise mkdocs-static-i18n leaves the page out of that language, and
    the only message, after the first language is built, is that links lead to `safety.md`."""
    from ..mistakes import AuthorError

    i18n = _i18n(config)
    if i18n is None or i18n.config.docs_structure != "suffix":
        return []
    main = i18n.default_language
    codes = built(config)
    if main not in codes:
        return []
    names = {item.locale: item.name for item in i18n.config.languages}
    docs = Path(config.docs_dir)
    errors: list[Exception] = []
    for code in codes:
        if code == main or words_file(code) is None:
            continue  # a language without words is told as such (known_languages), not page by page
        for page in _nav_files(config.nav):
            stem, _, suffix = page.rpartition(".")
            twin = f"{stem}.{code}.{suffix}"
            if (docs / page).is_file() and not (docs / twin).is_file():
                errors.append(AuthorError(
                    f"docs/{twin}", None,
                    f"this file is missing: `nav:` in mkdocs.yml lists {page}, and the pages in {names.get(code, code)} "
                    f"(`{code}`) need their own copy of it.",
                    f"docs/{twin}, a copy of docs/{page} in that language, with the same headings and "
                    f"links; or `build: false` under `locale: {code}` in mkdocs.yml to build that language no more.",
                    f"cp docs/{page} docs/{twin}   # then translate it"))
    return errors


def known_languages(config: MkDocsConfig) -> list[Exception]:
    """Every language under the i18n plugin's `languages:` that the site builds has the guide's
    words (`words/<code>.yml`): told in the first build, naming the setting, where otherwise a
    mistyped code (`locale: sp`) would end in a traceback once the first language is built."""
    i18n = _i18n(config)
    if i18n is None:
        return []
    errors: list[Exception] = []
    for item in i18n.config.languages:
        if not item.build:
            continue
        try:
            words(language_of(item.locale))
        except WordsError as error:
            if error.in_file:  # a mistake inside the language's own words file: it names its line
                errors.append(PluginError(str(error)))
                continue
            from ..mistakes import mistake

            errors.append(PluginError(mistake(
                "mkdocs.yml: ",
                f"the i18n plugin's `languages:` has `locale: {item.locale}`, a language the guide has no words "
                f"for (no words/{language_of(item.locale)}.yml beside mkdocs.yml, and the guide ships "
                f"{', '.join(shipped())}).",
                "the code of a language the guide has words for (`en`, `es`), spelled as its two letters; "
                "for another language, a words file beside mkdocs.yml first (see the README).",
                "plugins:\n  - i18n:\n      languages:\n        - locale: es\n          name: Español\n          build: true",
            )))
    return errors
