"""The glossary extension for Python-Markdown: explain technique and visit words wherever they appear.

    import markdown
    from glossary import GlossaryExtension
    md = markdown.Markdown(extensions=[GlossaryExtension(data="docs/glossary.yml", page="price.md")])

The MkDocs hook `overrides/hooks/glossary.py` registers it for the site.
"""

from .data import Entry, Glossary, GlossaryError, Group, load_glossary, parse_glossary, slug
from .extension import PRINT_TITLE, GlossaryExtension, GlossaryTreeprocessor, makeExtension
from .matching import TermMatcher, plural

__all__ = [
    "PRINT_TITLE",
    "Entry",
    "Glossary",
    "GlossaryError",
    "GlossaryExtension",
    "GlossaryTreeprocessor",
    "Group",
    "TermMatcher",
    "load_glossary",
    "makeExtension",
    "parse_glossary",
    "plural",
    "slug",
]
