"""The glossary: every technique and visit word is defined once, in `docs/glossary.yml`.

- on_config: read and check the data file (a mistake stops the build, naming the line), then
  add the Markdown extension that marks the words on every page (`overrides/extensions/glossary`).
- on_page_markdown: tell the extension which page it converts (its links are relative), and
  check that the line `<!-- glossary: entries -->` is on the glossary page, once, and nowhere
  else. The extension puts the entries there.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from authoring import author_error, body_offset, use_extensions

use_extensions()
from glossary import GlossaryError, GlossaryExtension, load_glossary  # noqa: E402
from glossary.entries import MARKER as BLOCK  # noqa: E402

DATA = "glossary.yml"
PAGE = "glossary.md"
# The extension's block pattern, on a line of its own as authors write it.
MARKER = re.compile(rf"^{BLOCK.pattern}[ \t]*$", re.MULTILINE)

_state: dict[str, object] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        glossary = load_glossary(Path(config.docs_dir) / DATA, source=f"docs/{DATA}")
    except GlossaryError as error:
        raise PluginError(str(error)) from None
    extension = GlossaryExtension(glossary=glossary, glossary_page=PAGE)
    config.markdown_extensions.append(extension)
    _state.update(extension=extension)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if files.get_file_from_path(PAGE) is None:
        raise PluginError(
            f"docs/{PAGE} is missing: the words in docs/{DATA} link to it.\n"
            f"  Expected: a page docs/{PAGE} with a title and the line `<!-- glossary: entries -->`."
        )
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    extension = _state["extension"]
    assert isinstance(extension, GlossaryExtension)
    extension.set_page(page.file.src_uri)
    found = list(MARKER.finditer(markdown))
    for match in found:
        if match["name"] != "entries" or page.file.src_uri != PAGE:
            line = body_offset(page, markdown) + markdown.count("\n", 0, match.start()) + 1
            raise author_error(
                page,
                line,
                f"`<!-- glossary: {match['name']} -->` is not a glossary block this page can have.",
                f"`<!-- glossary: entries -->`, once, on docs/{PAGE} only.",
                "<!-- glossary: entries -->",
            )
    if page.file.src_uri == PAGE and len(found) != 1:
        raise author_error(
            page,
            body_offset(page, markdown) + 1,
            f"the glossary page needs the line `<!-- glossary: entries -->` exactly once (found {len(found)}).",
            "one line `<!-- glossary: entries -->` where the entries should go.",
            "# Glossary: massage words in plain language\n\n<!-- glossary: entries -->",
        )
    return markdown
