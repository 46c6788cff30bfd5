"""Addresses in CSS, read with a real CSS parser (tinycss2): nothing a stylesheet, a `<style>` or a
`style` attribute asks the browser to fetch may be on another website.

tinycss2 tokenizes CSS as browsers do, so escapes are decoded before anything is read
(`u\\72 l(`, `\\68ttps:`), comments are skipped, and `url(...)` is found whether it is written as
one token or as a function with a string. What counts as an address:
- `url(...)` and `src(...)` anywhere (backgrounds, `@font-face` sources, masks, cursors);
- the strings of `image-set()` and `-webkit-image-set()` (`image-set("https://..." 1x)`);
- `@import` (its string or `url()`), and `@namespace`.
`data:` addresses are the page's own bytes (the boxes' icons are written so), and allowed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import tinycss2
from tinycss2 import ast

IMAGE_SETS = {"image-set", "-webkit-image-set"}
URL_FUNCTIONS = {"url", "src"}


@dataclass(frozen=True)
class CssAddress:
    address: str
    line: int  # in the CSS text, from 1
    how: str  # "url()", "image-set()", "@import"


def _addresses(tokens: Iterable, how: str = "") -> Iterator[CssAddress]:
    for token in tokens or ():
        if isinstance(token, ast.URLToken):
            yield CssAddress(token.value, token.source_line, how or "url()")
        elif isinstance(token, ast.FunctionBlock):
            name = token.lower_name
            if name in URL_FUNCTIONS or name in IMAGE_SETS:
                kind = how or ("image-set()" if name in IMAGE_SETS else "url()")
                for argument in token.arguments:
                    if isinstance(argument, ast.StringToken):
                        yield CssAddress(argument.value, argument.source_line, kind)
            yield from _addresses(token.arguments, how)
        elif isinstance(token, (ast.QualifiedRule, ast.AtRule)):
            at = isinstance(token, ast.AtRule) and token.lower_at_keyword in ("import", "namespace")
            if at:
                for part in token.prelude:
                    if isinstance(part, ast.StringToken):
                        yield CssAddress(part.value, part.source_line, f"@{token.lower_at_keyword}")
            yield from _addresses(token.prelude, f"@{token.lower_at_keyword}" if at else how)
            yield from _addresses(_inner(token.content), how)
        elif isinstance(token, (ast.SquareBracketsBlock, ast.ParenthesesBlock, ast.CurlyBracketsBlock)):
            yield from _addresses(token.content, how)
        elif isinstance(token, ast.Declaration):
            yield from _addresses(token.value, how)


def _inner(content):
    """A block's inside, as tokens (an address is a token wherever it stands)."""
    return list(content or ())


def stylesheet_addresses(css: str) -> list[CssAddress]:
    """Every address a stylesheet (a file, or a `<style>`'s text) asks for."""
    return list(dict.fromkeys(_addresses(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))))


def declarations_addresses(css: str) -> list[CssAddress]:
    """Every address a `style` attribute asks for."""
    return list(dict.fromkeys(_addresses(tinycss2.parse_blocks_contents(css, skip_comments=True, skip_whitespace=True))))


def elsewhere(address: str, site_url: str = "") -> str | None:
    """The other website (or kind of address) `address` reaches, or None for the site's own file."""
    cleaned = address.strip().translate(str.maketrans("", "", "\t\n\r"))
    if cleaned.lower().startswith("data:"):
        return None
    if cleaned.startswith(("//", "\\\\", "/\\", "\\/")):
        return urlsplit("https:" + cleaned.replace("\\", "/")).netloc or cleaned
    parts = urlsplit(cleaned)
    if not parts.scheme:
        return None
    own = urlsplit(site_url).netloc.lower() if site_url else ""
    if parts.scheme.lower() in ("http", "https") and parts.netloc.lower() == own and own:
        return None
    return parts.netloc or f"a `{parts.scheme}:` address"


def imports(css: str) -> list[int]:
    """The lines of the stylesheet's `@import` and `@charset` rules (they do not work once joined)."""
    return [
        rule.source_line for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
        if isinstance(rule, ast.AtRule) and rule.lower_at_keyword in ("import", "charset")
    ]
