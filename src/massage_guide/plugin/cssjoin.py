"""Join stylesheets into one and drop what a browser does not need: comments and extra spaces.

Used by the `stylesheets.py` hook. Strings (`content: "/* */"`, quoted `url("data:...")`) are
kept exactly as written; only comments and runs of white space outside strings change.
"""

from __future__ import annotations

import re

_STRING = r"\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'"
# A string (kept), or comments and white space (squeezed to one space).
_LOOSE = re.compile(rf"({_STRING})|(?:\s|/\*.*?\*/)+", re.DOTALL)
# A string (kept), or one of `{`, `}`, `;` with the space around it: that space means nothing.
_TIGHT = re.compile(rf"({_STRING})| ?([{{}};]) ?")


def minify(css: str) -> str:
    """`css` without comments, with white space outside strings squeezed to a minimum."""
    css = _LOOSE.sub(lambda match: match[1] or " ", css)
    return _TIGHT.sub(lambda match: match[1] or match[2], css).strip()


def join(named_sources: list[tuple[str, str]]) -> str:
    """One stylesheet from (name, CSS) pairs, in order, each part headed by its source's name."""
    return "\n".join(f"/* {name} */\n{minify(css)}" for name, css in named_sources) + "\n"
