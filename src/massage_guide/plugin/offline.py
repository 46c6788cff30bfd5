"""The guide as a folder that works opened from a disk or a USB stick (`file://`), for a
waiting-room tablet without internet. Only scripts/make_offline.py (`make offline`) adds this
plugin to a build: it is neither named in mkdocs.yml nor installed under a plugin name, so no
published build takes it up.

In the order MkDocs runs the events:

1. on_config: links name files (`safety.html`, `es/index.html`): opened from a disk, a link
   to `safety/` shows the folder's list of files, not its `index.html` (MkDocs'
   `use_directory_urls: false`, as Material's offline plugin sets); and every page that runs
   scripts loads the worker stand-in below, as one of MkDocs' `extra_javascript`
   (overrides/main.html writes them where a page runs scripts: not on the quiz and the booklet,
   which have `scripts: false`).
3. on_files: the stand-in's file, `assets/javascripts/frame-worker.js`, once for every language.
8. on_post_build: beside each language's search index, the same index as a script
   (`search_index.js`): a page opened from a disk may not fetch a file, but may load a script,
   and Material's search reads its index from that script when the address starts with `file:`.

Why not Material's offline plugin: it adds a script from unpkg.com (another host) and writes the
index script before guide/languages splits the index by language. Its worker shim
(`iframe-worker`) writes an inline script into a frame, which the pages' Content-Security-Policy
refuses; frame-worker.js writes none, so the offline copy keeps the published site's policy
(CONTENT-SECURITY-POLICY.md, "The offline copy").
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .languages import all_built, built, folder

# Where the worker stand-in is published, from the site's root.
WORKER = "assets/javascripts/frame-worker.js"
WORKER_SOURCE = Path(__file__).parent / "scripts" / "frame-worker.js"
INDEX = "search/search_index.json"


class OfflinePlugin(BasePlugin):
    @event_priority(100)  # before mkdocs-static-i18n reads the settings of each language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.use_directory_urls = False
        if WORKER not in map(str, config.extra_javascript):  # each language's build runs this again
            config.extra_javascript.append(ExtraScriptValue(WORKER))
        return config

    @event_priority(-110)  # after mkdocs-static-i18n (-100), which keeps only files from docs/
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not folder(config):  # the site's root: every language's pages use it
            files.append(File.generated(config, WORKER, abs_src_path=str(WORKER_SOURCE)))
        return files

    @event_priority(-120)  # after guide/languages (-110) has split the search index by language
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not all_built(config):
            return
        for home in built(config).values():
            index = Path(config.site_dir) / home / INDEX
            if index.is_file():
                # The variable Material's script reads (`__index`) when the page is a file.
                script = index.with_suffix(".js")
                script.write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")
