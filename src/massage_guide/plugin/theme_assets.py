"""What the theme's templates take from the plugin: Material's own file names, and the icon.

- Material names its stylesheet and script with a hash that changes with each Material version
  (`assets/javascripts/bundle.a5f9d56c.min.js`). The guide's template blocks (overrides/main.html)
  write those links themselves, so the names are looked up in the installed theme: an upgrade
  keeps working, and a missing file stops the build instead of shipping a page without styles.
- The site's icon is written into each page as a `data:` address instead of a file of its own.
  Browsers ask for the icon right after the page loads, which on a slow phone connection
  competes with the page's own first paint (Lighthouse counts that request against "largest
  contentful paint"). The icon is 0.5 KB, so writing it into the page costs less than asking for
  it. The file itself stays in the built site for anyone who links to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..mistakes import mistake

# Material's files, as globs in its theme folder.
MATERIAL_FILES = {
    "stylesheet": "assets/stylesheets/main.*.min.css",
    "palette": "assets/stylesheets/palette.*.min.css",
    "script": "assets/javascripts/bundle.*.min.js",
}


@dataclass(frozen=True)
class ThemeAssets:
    """Addresses the templates use, relative to the site's root (pass them through `| url`)."""

    stylesheet: str
    palette: str  # "" when no rule of it applies (see `_palette_unused`): 2 KB less on every page
    script: str
    favicon: str  # a data: address

    @classmethod
    def of(cls, config: MkDocsConfig) -> ThemeAssets:
        return cls(
            stylesheet=_material_file(config, MATERIAL_FILES["stylesheet"]),
            palette="" if _palette_unused(config) else _material_file(config, MATERIAL_FILES["palette"]),
            script=_material_file(config, MATERIAL_FILES["script"]),
            favicon=_data_address(config.docs_dir, config.theme["favicon"]),
        )


def _palette_unused(config: MkDocsConfig) -> bool:
    """One light scheme with `custom` colours (set in guide.css): none of the palette's rules apply."""
    palette = config.theme.get("palette")
    return not palette or (
        isinstance(palette, dict)
        and palette.get("scheme", "default") == "default"
        and palette.get("primary") == "custom"
        and palette.get("accent") == "custom"
    )


def _material_file(config: MkDocsConfig, pattern: str) -> str:
    for folder in config.theme.dirs:
        found = sorted(Path(folder).glob(pattern))
        if len(found) == 1:
            return found[0].relative_to(folder).as_posix()
    raise PluginError(
        f"The theme has no single file {pattern} (found in none of {config.theme.dirs}). "
        "The guide's templates link Material's own stylesheet and script: is the theme Material 9?"
    )


def _data_address(docs_dir: str, favicon: str) -> str:
    path = Path(docs_dir) / favicon
    if path.suffix != ".svg" or not path.is_file():
        raise PluginError(mistake(
            "mkdocs.yml, theme.favicon: ", f"`{favicon}` is not an SVG file inside docs/.",
            "an SVG file inside docs/.", "theme:\n  favicon: assets/icons/favicon.svg",
        ))
    # Spaces between tags carry nothing in an icon; single quotes need no escaping in an address.
    svg = re.sub(r">\s+<", "><", path.read_text(encoding="utf-8").strip()).replace('"', "'")
    return "data:image/svg+xml," + quote(svg, safe="/:='")
