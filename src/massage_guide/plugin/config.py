"""The `guide` plugin's options, declared and checked the MkDocs way (all have defaults)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class GuideConfig(base.Config):
    # Search results cut longer page descriptions off.
    max_description = c.Type(int, default=155)
    # Material's script is loaded once the page has painted (partials/load-after-paint.html);
    # false writes it as a plain <script src>, as Material does.
    scripts_after_paint = c.Type(bool, default=True)
    # Pages the printed booklet (/print/) leaves out, as paths in docs/: it holds what readers
    # read. The handout is a sheet of its own; the link kit is for practices.
    booklet_leaves_out = c.ListOfItems(c.Type(str), default=["handout.md", "link-to-this-guide.md"])
