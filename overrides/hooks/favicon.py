"""The site's icon travels inside each page as a `data:` address instead of a file of its own.

Browsers ask for the icon right after the page loads, which on a slow phone connection competes
with the page's own first paint (Lighthouse counts that request against "largest contentful
paint"). The icon is 0.5 KB, so writing it into the page costs less than asking for it.
The file itself stays in the built site for anyone who links to it.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

ICON_LINK = re.compile(r'<link rel="icon" href="[^"]*">')


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _inline(output, config)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # The "page not found" page is a template of its own, not a page.
    return _inline(output_content, config) if template_name.endswith(".html") else output_content


def _inline(html: str, config: MkDocsConfig) -> str:
    address = _data_address(config.docs_dir, config.theme["favicon"])
    return ICON_LINK.sub(lambda _: f'<link rel="icon" href="{address}">', html, count=1)


@functools.cache
def _data_address(docs_dir: str, favicon: str) -> str:
    path = Path(docs_dir) / favicon
    if path.suffix != ".svg" or not path.is_file():
        raise PluginError(
            f"mkdocs.yml, theme.favicon: expected an SVG file inside docs/, found `{favicon}`.\n"
            "  For example:\n    theme:\n      favicon: assets/icons/favicon.svg"
        )
    # Spaces between tags carry nothing in an icon; single quotes need no escaping in an address.
    svg = re.sub(r">\s+<", "><", path.read_text(encoding="utf-8").strip()).replace('"', "'")
    return "data:image/svg+xml," + quote(svg, safe="/:='")
