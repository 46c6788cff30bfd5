"""What the hooks share: rendering their partials, and telling an author what to fix."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

# Partials are Markdown (some with an HTML wrapper that md_in_html reads), so they are not
# HTML-escaped: the page's Markdown extensions process what they produce.
_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "partials"),
    undefined=StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(name: str, **context: object) -> str:
    """Render the partial `partials/<name>` with the given context."""
    return _env.get_template(name).render(**context)


def body_offset(page: Page, markdown: str) -> int:
    """Lines that the front matter takes above the Markdown body, for line numbers in errors."""
    source = page.file.content_string
    return max(len(source.splitlines()) - len(markdown.splitlines()), 0)


def author_error(page: Page, line: int, problem: str, expected: str, example: str) -> PluginError:
    """An error a practice owner can act on: which file, which line, what is wrong, what to write."""
    example = "\n".join(f"    {row}" for row in example.strip("\n").splitlines())
    return PluginError(
        f"docs/{page.file.src_uri}, line {line}: {problem}\n"
        f"  Expected: {expected}\n"
        f"  For example:\n{example}"
    )
