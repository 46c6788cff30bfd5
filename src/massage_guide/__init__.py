"""The massage guide's Python: Python-Markdown extensions and one MkDocs plugin.

Markdown extensions (each usable alone, with `markdown.Markdown(extensions=[...])`, and named
under `markdown_extensions:` in mkdocs.yml):

- `massage_guide.quiz`: quiz tables become a form that works without JavaScript;
- `massage_guide.glossary`: glossary words are explained where they are used;
- `massage_guide.summary`: the "In short" box under a page's title;
- `massage_guide.blocks`: `<!-- guide: NAME -->` lines filled with generated Markdown;
- `massage_guide.permalinks`: heading link marks named for screen readers;
- `massage_guide.print_links`: links carry their full address for the print stylesheet.

The MkDocs plugin `guide` (`massage_guide.plugin`) gives them what only MkDocs knows (the page
being converted, the site's address, the navigation) and checks what authors write.
"""
