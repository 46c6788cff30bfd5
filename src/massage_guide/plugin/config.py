"""The options of the guide's plugins, declared and checked the MkDocs way (all have defaults).

mkdocs.yml names each plugin under `plugins:` (`guide/checks`, `guide/assets`, `guide/print`,
`guide/languages`; `guide/translations` has no options); an option goes under its plugin's name:

    plugins:
      - guide/print:
          booklet_leaves_out: [handout.md]
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ChecksConfig(base.Config):
    # Search results cut longer page descriptions off.
    max_description = c.Type(int, default=155)


class AssetsConfig(base.Config):
    # Material's script is loaded once the page has painted (partials/load-after-paint.html);
    # false writes it as a plain <script src>, as Material does.
    scripts_after_paint = c.Type(bool, default=True)


class PrintConfig(base.Config):
    # false: no printed booklet (/print/ keeps its own text only). The QR code files stay: the
    # link kit's page offers them.
    enabled = c.Type(bool, default=True)
    # Pages the printed booklet (/print/) leaves out, as paths in docs/: it holds what readers
    # read. The handout is a sheet of its own; the link kit is for practices.
    booklet_leaves_out = c.ListOfItems(c.Type(str), default=["handout.md", "link-to-this-guide.md"])
    # The folder, beside mkdocs.yml, that `make kit` prints the PDFs into (scripts/make_kit.py);
    # the build publishes those it finds there, and the link kit and the handout offer them.
    kit_dir = c.Type(str, default="kit")


class LanguagesConfig(base.Config):
    # false: one search index for every language (Material's own), instead of one each.
    split_search = c.Type(bool, default=True)
