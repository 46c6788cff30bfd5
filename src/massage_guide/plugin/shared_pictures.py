"""Pictures shared by every language: a picture in docs/ without a language in its name
(`assets/pictures/cupping.svg`) is published once, at the site's root, and shown by the pages of
every language.

mkdocs-static-i18n, with `fallback_to_default: false` (which keeps English pages out of /es/),
also leaves the main language's pictures out of the other languages' builds, so a Spanish page
that shows `../assets/pictures/cupping.svg` would link to nothing. Each such picture is given
back to the build as the i18n plugin gives a picture when it falls back (`create_i18n_file` in
the main language): the Spanish page then links to the one file at the root. A picture that
holds words has a file per language (`name.es.svg`, DECISIONS.md), which the i18n plugin picks.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

PICTURES = {".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"}


def share_pictures(files: Files, config: MkDocsConfig) -> Files:
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.current_language == i18n.default_language:
        return files
    from mkdocs_static_i18n.suffix import create_i18n_file

    docs = Path(config.docs_dir)
    languages = set(i18n.all_languages)
    for path in sorted(docs.rglob("*")):
        if path.suffix.lower() not in PICTURES or not path.is_file():
            continue
        if len(path.suffixes) > 1 and path.suffixes[-2].lstrip(".") in languages:
            continue  # a picture of one language: the i18n plugin has picked it, or left it out
        source = path.relative_to(docs).as_posix()
        if files.get_file_from_path(source) is not None:
            continue  # in this language's build already (or in its own language's version)
        plain = File(source, config.docs_dir, config.site_dir, config.use_directory_urls)
        if plain.inclusion.is_excluded():
            continue
        files.append(create_i18n_file(plain, i18n.default_language, i18n.default_language, i18n.all_languages, config))
    return files
