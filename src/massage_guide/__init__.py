"""The massage guide's Python: Python-Markdown extensions and the MkDocs plugins around them.

Markdown extensions (each usable alone, with `markdown.Markdown(extensions=[...])`, and named
under `markdown_extensions:` in mkdocs.yml):

- `massage_guide.quiz`: quiz tables become a form that works without JavaScript;
- `massage_guide.glossary`: glossary words are explained where they are used;
- `massage_guide.summary`: the "In short" box under a page's title;
- `massage_guide.blocks`: `<!-- guide: NAME -->` lines filled with generated Markdown;
- `massage_guide.permalinks`: heading link marks named for screen readers;
- `massage_guide.print_links`: links carry their full address for the print stylesheet;
- `massage_guide.tables`: each table cell carries its column's name, for phones to show.

Each extension reads the page it converts, and the settings it needs, from its host: MkDocs or
Zensical (`massage_guide.host`). The MkDocs plugins (`massage_guide.plugin`: `guide/checks`,
`guide/assets`, `guide/print`, `guide/languages`, `guide/translations`) check what authors
write, give the theme's templates what they need, make the booklet and the QR code files, build
each language, and list the translations whose English twin has changed since.
"""
