"""Where a setting is written in mkdocs.yml, for the errors that name its line.

The file is read again with PyYAML's composer, which keeps the position of every key and does
not build any value (tags such as `!!python/name:` stay as written, nothing is imported or run).
One way to find a line (lines.py's `yaml_line`, which finds front matter keys too), for every
check of mkdocs.yml: the practice, the review dates, the texts the theme shows.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from yaml.nodes import MappingNode, Node, SequenceNode

from ..lines import yaml_line


def _root(config: MkDocsConfig) -> Node | None:
    try:
        return yaml.compose(Path(config.config_file_path).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, TypeError, yaml.YAMLError):
        return None


def config_line(config: MkDocsConfig, *keys: str | None) -> int | None:
    """The line of the deepest of `keys` (a path: "extra", "practice", "name") written in
    mkdocs.yml; the line of its nearest parent when it is not there; None when none is."""
    try:
        text = Path(config.config_file_path).read_text(encoding="utf-8")
    except (OSError, TypeError):
        return None
    return yaml_line(text, *keys)


def nav_title_line(config: MkDocsConfig, title: str) -> int | None:
    """The line of the menu title `title` under `nav:` in mkdocs.yml, or None."""
    root = _root(config)
    nav = next((v for k, v in root.value if getattr(k, "value", None) == "nav"), None) if isinstance(root, MappingNode) else None

    def search(node: Node | None) -> int | None:
        if isinstance(node, SequenceNode):
            return next((line for item in node.value if (line := search(item))), None)
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if key.value == title:
                    return key.start_mark.line + 1
                if (line := search(value)):
                    return line
        return None

    return search(nav)


def in_config(line: int | None) -> str:
    """"mkdocs.yml, line N", or "mkdocs.yml" when the line is not known."""
    return f"mkdocs.yml, line {line}" if line else "mkdocs.yml"
