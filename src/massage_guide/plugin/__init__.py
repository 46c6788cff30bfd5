"""The guide's MkDocs plugin, `guide` in mkdocs.yml (`plugins:`). See plugin.py."""

from .plugin import GuidePlugin

__all__ = ["GuidePlugin"]
