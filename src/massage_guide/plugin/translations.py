"""`guide/translations`: after every build, the translations that have fallen behind their twin.

A translation (`docs/safety.es.md`, `docs/glossary.es.yml`, ...) follows the version of its twin
in the main language that `docs/translations.yml` records (massage_guide/translations.py). Once
every language is built, each translation of a language the site builds whose twin has changed
since, or that the record lacks, is listed, one line each, naming the translation, its twin and
the command that records it after the update.

Information, not a warning: a practice that changes an English page still builds with
`--strict`, and a language switched off (`build: false`) is not reported. A mistake in the
record itself stops the build, naming its line.

8. on_post_build: once, after mkdocs-static-i18n has built every language (its builds of the
   other languages run inside the main one's, calling this event again before).
"""

from __future__ import annotations

import logging
from pathlib import Path

from babel import Locale, UnknownLocaleError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ..mistakes import AuthorError
from ..translations import RECORD, Behind, behind, gone
from .languages import all_built, built

log = logging.getLogger("mkdocs.plugins.guide")


def language_name(code: str) -> str:
    """The language's name in English, for the messages ("Spanish" for "es")."""
    try:
        return Locale.parse(code).get_display_name("en") or code
    except (ValueError, UnknownLocaleError):
        return code


def told(item: Behind) -> str:
    """The line for one translation behind its twin."""
    path, twin = f"docs/{item.translation.path}", f"docs/{item.translation.twin}"
    name = language_name(item.translation.language)
    if item.recorded is None:
        found = f"{path} has no record of which version of {twin} it follows (docs/{RECORD})."
        todo = f"Check that the {name} says what {twin} says"
    else:
        found = f"{path} follows an older version of {twin}: the {name} may now be behind."
        todo = f"Bring the {name} up to date with {twin}"
    return f"Translation behind: {found} {todo}, then run `make translations-current FILE={path}` to record it."


class TranslationsPlugin(BasePlugin):
    @event_priority(-110)  # after mkdocs-static-i18n (-100) has built every language
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not all_built(config):  # one language's build, inside the main one's: told once, after all
            return
        docs = Path(config.docs_dir)
        codes = list(built(config))
        try:
            late = behind(docs, codes)
            stale = gone(docs, codes)
        except AuthorError as error:
            raise PluginError(str(error)) from None
        for item in late:
            log.info(told(item))
        for path in stale:
            log.info(
                f"Translation gone: docs/{RECORD} names docs/{path}, which is no translation any more; "
                "the next `make translations-current` drops it."
            )
