"""The site's icon, written into each page as a `data:` address instead of a file of its own.

Browsers ask for the icon right after the page loads, which on a slow phone connection competes
with the page's own first paint (Lighthouse counts that request against "largest contentful
paint"). The icon is 0.5 KB, so writing it into the page costs less than asking for it.
The file itself stays in the built site for anyone who links to it.

A helper module for `theme_fixes.py`, not a hook: mkdocs.yml does not list it.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

ICON_LINK = re.compile(r'<link rel="icon" href="[^"]*">')


def inline_favicon(html: str, config: MkDocsConfig) -> str:
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
