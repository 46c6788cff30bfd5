"""Where something is written, for the messages that name its line: one place for the ways the
guide finds a line.

- `body_offset`: how many lines the front matter takes above a page's Markdown body (an
  extension counts lines in the body; the author counts them in the file).
- `yaml_line`: the line of a key path in a YAML text (mkdocs.yml, a page's front matter), read
  with PyYAML's composer, which keeps every key's position and builds no value (tags such as
  `!!python/name:` stay as written, nothing is imported or run).
- `text_line`: the first line that holds a piece of text.

(The quiz notes its tables' lines as it reads the Markdown, quiz/source.py; the glossary keeps
the line of each value as it reads its YAML, glossary/data.py: both from the same composer's
marks or the same lines, found while reading.)
"""

from __future__ import annotations

import functools
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node


def body_offset(source: str) -> int:
    """Lines that the front matter of the page `source` takes above its Markdown body.

    Counted from the file itself: a plugin may have changed the body by now (mkdocs-static-i18n
    joins its lines again, dropping the blank ones at its end)."""
    return max(len(source.splitlines()) - len(split_front_matter(source)[0].splitlines()), 0)


@functools.lru_cache(maxsize=64)
def split_front_matter(source: str) -> tuple[str, dict[str, Any]]:
    """(body, front matter) of a page's text, as MkDocs reads them."""
    from mkdocs.utils.meta import get_data  # noqa: PLC0415 (MkDocs' reading, the same on every host)

    return get_data(source)


@functools.lru_cache(maxsize=16)
def _compose(text: str) -> Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None


def yaml_line(text: str, *keys: str | None) -> int | None:
    """The line of the deepest of `keys` (a path: "extra", "practice", "name") written in the
    YAML `text`; the line of its nearest parent when it is not there; None when none is."""
    node, line = _compose(text), None
    for key in keys:
        if key is None or not isinstance(node, MappingNode):
            break
        found = next(((k, v) for k, v in node.value if getattr(k, "value", None) == key), None)
        if found is None:
            break
        line, node = found[0].start_mark.line + 1, found[1]
    return line


def front_matter_line(source: str, key: str) -> int:
    """The line of the front matter key `key` in the page `source` (1 when it is not there)."""
    lines = source.splitlines()
    if not lines or lines[0].strip() != "---":
        return 1
    end = next((index for index, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), len(lines))
    found = yaml_line("\n".join(lines[1:end]), key)
    return found + 1 if found else 1  # + the opening `---` line


def text_line(source: str, text: str) -> int:
    """The first line of `source` that holds `text`, or 1."""
    for number, line in enumerate(source.splitlines(), 1):
        if text and text in line:
            return number
    return 1
