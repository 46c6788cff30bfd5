"""Ship the guide's own stylesheets as one small file (issue 7: fast on a phone).

Every feature keeps its own commented file under `docs/stylesheets/`, listed under `extra_css`
in mkdocs.yml. Readers get them joined, in that order, without comments or extra spaces, as
`stylesheets/site.<hash>.min.css`: one request instead of one per file, and a few KB less on
every page (see PERFORMANCE.md). The hash changes with the content, so a browser never keeps
an old copy. Stylesheets from elsewhere (not in `docs/stylesheets/`) are linked as before.

A stylesheet that only a few pages need (handout.css) is written into those pages instead, by
the template function `mdx_inline_css("handout.css")`: one more file to fetch would hold back
their first paint on a slow connection, and joining it in would weigh on every other page.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from cssjoin import join, minify

FOLDER = "stylesheets"
_bundle: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _bundle.clear()
    docs = Path(config.docs_dir)
    ours = [str(path) for path in config.extra_css if posixpath.dirname(str(path)) == FOLDER]
    if not ours:
        return config
    sources = []
    for name in ours:
        source = docs / name
        if not source.is_file():
            raise PluginError(f"mkdocs.yml: `extra_css` lists {name}, but docs/{name} does not exist.")
        css = source.read_text(encoding="utf-8")
        at_rule = re.search(r"@(import|charset)\b", css)
        if at_rule:
            line = css.count("\n", 0, at_rule.start()) + 1
            raise PluginError(
                f"docs/{name}, line {line}: `@import` and `@charset` do not work here: the files under "
                f"docs/{FOLDER}/ are joined into one (overrides/hooks/stylesheets.py).\n"
                "  Expected: the rules themselves, or another file listed under `extra_css`."
            )
        sources.append((name, css))
    content = join(sources)
    digest = hashlib.sha256(content.encode()).hexdigest()[:8]
    _bundle.update(path=f"{FOLDER}/site.{digest}.min.css", content=content)
    first = config.extra_css.index(ours[0])
    rest = [path for path in config.extra_css if path not in ours]
    config.extra_css[:] = [*rest[:first], _bundle["path"], *rest[first:]]
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if _bundle:
        files.append(File.generated(config, _bundle["path"], content=_bundle["content"]))
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    docs = Path(config.docs_dir)

    @functools.cache
    def inline_css(name: str) -> str:
        source = docs / FOLDER / name
        if not source.is_file():
            raise PluginError(f"A template asks for docs/{FOLDER}/{name}, which does not exist.")
        # Inside <style>, only "</style" could end the element early; CSS never needs it.
        return minify(source.read_text(encoding="utf-8")).replace("</", "<\\/")

    env.globals["mdx_inline_css"] = inline_css
    return env

