"""The offline copy for a waiting-room tablet (`make offline`, scripts/make_offline.py): the guide
as one zip file. Unzipped into a folder, or onto a USB stick, the folder's `index.html` opens the
guide in a browser from the disk (`file://`): both languages, every page reached by its links,
search with JavaScript on, every page readable with it off, nothing asked of any other website.

The build is the site's own (mkdocs.yml, the practice's details included, strict), with the
guide's OfflinePlugin added (plugin/offline.py says what it changes).
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from .plugin import OfflinePlugin

# The one folder inside the zip: unzipping gives a folder with the guide's index.html in it.
FOLDER = "massage-guide-offline"


def build_offline(site_dir: Path, config_file: Path) -> None:
    """Build the offline copy of the guide that `config_file` sets up into `site_dir`, strictly
    (a mistake raises MkDocs' `Abort`, after the build has logged it)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    # Added after the others, as if listed last under `plugins:`; its events say when they run.
    config.plugins["guide/offline"] = OfflinePlugin()
    # What `mkdocs build` itself does around a build.
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def make_offline(zip_path: Path, config_file: Path) -> Path:
    """Build the offline copy and pack it as `zip_path`, everything inside one folder."""
    with tempfile.TemporaryDirectory(prefix="offline-") as temp:
        site = Path(temp) / FOLDER
        build_offline(site, config_file)
        partial = zip_path.with_name(zip_path.name + ".part")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as packed:
            for path in sorted(site.rglob("*")):
                # Left out: sitemap.xml.gz, for search engines; the scripts' source maps, for
                # developers' tools (a quarter of the zip).
                if path.is_file() and path.suffix not in (".gz", ".map"):
                    packed.write(path, f"{FOLDER}/{path.relative_to(site).as_posix()}")
        partial.replace(zip_path)
    return zip_path
