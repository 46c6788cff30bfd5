"""A site built in its second language only (Spanish only: English switched off in mkdocs.yml).

mkdocs-static-i18n reads a file without a language suffix (`about.md`) as the main language's.
When Spanish is the only language built, Spanish is the main one, so `about.md` (English) and
`about.es.md` both count as Spanish, and the plugin keeps whichever comes last: the English one.
Here each such page is given back its `.es.md` file, made as the i18n plugin makes its own
(`create_i18n_file`), so that a Spanish-only site shows Spanish pages.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files


def prefer_localized_pages(files: Files, config: MkDocsConfig) -> Files:
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.config.docs_structure != "suffix" or len(i18n.build_languages) != 1:
        return files
    from mkdocs_static_i18n.suffix import create_i18n_file

    language = i18n.current_language
    for file in list(files.documentation_pages()):
        if getattr(file, "localization", None) is not None:
            continue
        source = Path(file.src_path)
        localized = source.with_name(f"{source.stem}.{language}{source.suffix}")
        if not (Path(config.docs_dir) / localized).is_file():
            continue
        files.remove(file)
        plain = File(localized.as_posix(), config.docs_dir, config.site_dir, config.use_directory_urls)
        files.append(create_i18n_file(plain, language, i18n.default_language, i18n.all_languages, config))
    return files
