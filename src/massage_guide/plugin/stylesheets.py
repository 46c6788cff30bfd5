"""Ship the guide's own stylesheets as one small file (issue 7: fast on a phone).

Every feature keeps its own commented file under `docs/stylesheets/`, listed under `extra_css`
in mkdocs.yml. Readers get them joined, in that order, without comments or extra spaces, as
`stylesheets/site.<hash>.min.css`: one request instead of one per file, and a few KB less on
every page (see PERFORMANCE.md). The hash changes with the content, so a browser never keeps
an old copy. Stylesheets from elsewhere (not in `docs/stylesheets/`) are linked as before.

A stylesheet that only a few pages need (handout.css, booklet.css, triage.css, glossary-page.css,
link-kit.css) is written into those pages instead, by the template function
`mdx_inline_css("handout.css")`: one more file to fetch would hold back their first paint on a
slow connection, and joining it in would weigh on every other page.
The quiz's (quiz.css) is a small file of its own, minified, linked by the pages that hold a quiz
(its `:has()` rules are valid CSS that the Nu HTML Checker cannot read inside a page).
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..mistakes import mistake
from .css_check import elsewhere, imports, stylesheet_addresses
from .cssjoin import join, minify

FOLDER = "stylesheets"


@dataclass(frozen=True)
class Bundle:
    """The joined stylesheet: where it goes in the site, and what it holds."""

    path: str
    content: str

    def add_to(self, files: Files, config: MkDocsConfig) -> None:
        files.append(File.generated(config, self.path, content=self.content))


def bundle(config: MkDocsConfig) -> Bundle | None:
    """Join the `extra_css` files under docs/stylesheets/ and list the joined file in their place."""
    docs = Path(config.docs_dir)
    ours = [str(path) for path in config.extra_css if posixpath.dirname(str(path)) == FOLDER]
    # The site's other stylesheets are shipped as they are: checked the same way.
    others = [docs / str(path) for path in config.extra_css if str(path) not in ours]
    check_addresses([(path.relative_to(docs).as_posix(), path.read_text(encoding="utf-8"))
                     for path in others if path.is_file()], config.site_url or "")
    if not ours:
        return None
    sources = []
    for name in ours:
        source = docs / name
        if not source.is_file():
            raise PluginError(mistake(
                "mkdocs.yml: ", f"`extra_css` lists {name}, but docs/{name} does not exist.",
                "paths of stylesheets inside docs/.", "extra_css:\n  - stylesheets/guide.css",
            ))
        css = source.read_text(encoding="utf-8")
        at_rules = imports(css)
        if at_rules:
            line = at_rules[0]
            raise PluginError(mistake(
                f"docs/{name}, line {line}: ",
                f"`@import` and `@charset` do not work here: the files under docs/{FOLDER}/ are joined "
                "into one (massage_guide/plugin/stylesheets.py).",
                "the rules themselves, or another file listed under `extra_css`.",
                "extra_css:\n  - stylesheets/guide.css\n  - stylesheets/print.css",
            ))
        sources.append((name, css))
    content = joined_and_checked(tuple(sources), config.site_url or "")
    digest = hashlib.sha256(content.encode()).hexdigest()[:8]
    joined = Bundle(path=f"{FOLDER}/site.{digest}.min.css", content=content)
    first = config.extra_css.index(ours[0])
    rest = [path for path in config.extra_css if path not in ours]
    config.extra_css[:] = [*rest[:first], joined.path, *rest[first:]]
    return joined


@functools.lru_cache(maxsize=4)
def joined_and_checked(sources: tuple[tuple[str, str], ...], site_url: str) -> str:
    """The stylesheets `sources` ((name, CSS) each) joined, and what readers get checked too: the
    joined file, as well as each part. The same files give the same file, so a process that builds
    again (`mkdocs serve` on every save, the tests) parses them once; a check that fails raises
    each time (nothing is kept)."""
    content = join(list(sources))
    check_addresses([*sources, (f"{FOLDER}/site.min.css (the joined file)", content)], site_url)
    return content


def page_stylesheet(docs_dir: str, name: str) -> Bundle:
    """A stylesheet that only some pages link (quiz.css), minified, named by its content's hash.
    The quiz's rules use `:has()`, which the Nu HTML Checker's CSS parser cannot read in a page's
    `<style>`: in a file of its own they are valid CSS it does not read."""
    source = Path(docs_dir) / FOLDER / name
    if not source.is_file():
        raise PluginError(f"The guide's templates ask for docs/{FOLDER}/{name}, which does not exist.")
    css = source.read_text(encoding="utf-8")
    check_addresses([(f"{FOLDER}/{name}", css)], "")
    content = minify(css)
    digest = hashlib.sha256(content.encode()).hexdigest()[:8]
    return Bundle(path=f"{FOLDER}/{Path(name).stem}.{digest}.min.css", content=content)


def check_addresses(named_sources: list[tuple[str, str]], site_url: str) -> None:
    """Nothing in the stylesheets asks another website for anything (css_check.py): every
    address found is told at once, with its file and line."""
    found = [
        (name, address) for name, css in named_sources for address in stylesheet_addresses(css)
        if elsewhere(address.address, site_url)
    ]
    if found:
        raise PluginError("\n\n".join(
            mistake(
                f"docs/{name}, line {address.line}: ",
                f"`{address.how}` loads `{address.address}` from another website, "
                f"{elsewhere(address.address, site_url)}. Every reader's browser would ask that website "
                "for it, on every page, and the guide promises no request to any other website.",
                "files saved inside docs/ and named by their path (fonts, pictures); or the "
                "system's own fonts (`font-family: system-ui, sans-serif`).",
                "@font-face {\n  font-family: \"Brand\";\n  src: url(\"../assets/fonts/brand.woff2\") format(\"woff2\");\n}",
            )
            for name, address in found
        ))


def inline_css(docs_dir: str) -> Callable[[str], str]:
    """The template function `mdx_inline_css("handout.css")`: a stylesheet's rules, to write into
    a page's `<style>`."""

    @functools.cache
    def inline(name: str) -> str:
        source = Path(docs_dir) / FOLDER / name
        if not source.is_file():
            raise PluginError(f"A template asks for docs/{FOLDER}/{name}, which does not exist.")
        css = source.read_text(encoding="utf-8")
        check_addresses([(f"{FOLDER}/{name}", css)], "")
        # Inside <style>, only "</style" could end the element early; CSS never needs it.
        return minify(css).replace("</", "<\\/")

    return inline
