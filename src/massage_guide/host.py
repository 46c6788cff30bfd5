"""What a Python-Markdown host says about the document it converts, for extensions that need it.

MkDocs says nothing an extension should rely on, so the guide's MkDocs plugin passes the page to
the extensions itself (their `page` options). Zensical, which runs no MkDocs plugin, registers a
preprocessor named `rendering_context` whose `page.path` is the page's path in the docs folder.
"""

from __future__ import annotations

from markdown import Markdown


def page_path(md: Markdown) -> str:
    """The converted page's path relative to the docs folder, when the host tells it; else ""."""
    if "rendering_context" not in md.preprocessors:
        return ""
    page = getattr(md.preprocessors["rendering_context"], "page", None)
    return str(getattr(page, "path", "") or "")
