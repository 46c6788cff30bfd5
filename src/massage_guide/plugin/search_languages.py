"""One search index per language.

Material's search has one index for a whole site, fetched by every page as it loads and counted
in every page's weight (PERFORMANCE.md). mkdocs-static-i18n merges every language's entries into
it, with every language's stemmer: a Spanish reader would download and search the English pages
too, and an English reader the Spanish ones and three extra scripts. So, once every language is
built, the merged index is split by where its pages are: the main language's entries stay in
`search/search_index.json` with its stemmer only, and each other language gets its own
`es/search/search_index.json`, whose addresses start from `es/`. The plugin gives a Spanish page
its language's folder as `base_url`, where Material's script then looks for the index.
"""

from __future__ import annotations

import json
from pathlib import Path

INDEX = "search/search_index.json"


def split_index(site_dir: str, languages: dict[str, str], main: str) -> None:
    """Split the merged index in `site_dir` by language. `languages` maps each other language's
    code to its folder ("es" -> "es/"); `main` is the main language's code."""
    path = Path(site_dir) / INDEX
    if not path.is_file() or not languages:
        return
    merged = json.loads(path.read_text(encoding="utf-8"))
    docs = merged["docs"]
    for code, folder in languages.items():
        own = [doc for doc in docs if doc["location"].startswith(folder)]
        docs = [doc for doc in docs if not doc["location"].startswith(folder)]
        entries = [{**doc, "location": doc["location"][len(folder):]} for doc in own]
        _write(Path(site_dir) / folder / INDEX, merged["config"], code, entries)
    _write(path, merged["config"], main, docs)


def _write(path: Path, config: dict, code: str, docs: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Material's search plugin writes the index in this compact form.
    index = {"config": {**config, "lang": [code]}, "docs": docs}
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
