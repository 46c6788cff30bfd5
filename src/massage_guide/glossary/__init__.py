"""The glossary extension for Python-Markdown: explain technique and visit words wherever they appear.

    import markdown
    md = markdown.Markdown(
        extensions=["massage_guide.glossary"],
        extension_configs={"massage_guide.glossary": {"data": "docs/glossary.yml", "page": "price.md"}},
    )

mkdocs.yml names it under `markdown_extensions:`; the guide's plugin gives it the checked data
and, for each page, the page's path.
"""

from .data import Entry, Glossary, Group, load_glossary, parse_glossary, slug
from .extension import GlossaryExtension, GlossaryTreeprocessor, makeExtension
from .matching import TermMatcher, plural

__all__ = [
    "Entry",
    "Glossary",
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
