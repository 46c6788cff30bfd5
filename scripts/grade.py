"""Print the reading level of Markdown pages before a build: `python scripts/grade.py docs/*.md`.

English pages get their Flesch-Kincaid grade (8 or lower); Spanish pages (`*.es.md`) their
Fernandez-Huerta reading ease (70 or more).

The test suite measures the built pages the same way (tests/readability.py); this is the quick
check for writers.
"""

import pathlib
import sys

import markdown
from mkdocs.utils.meta import get_data

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests"))
from readability import ease_es, grade  # noqa: E402

for name in sys.argv[1:]:
    body, meta = get_data(pathlib.Path(name).read_text(encoding="utf-8"))
    html = markdown.markdown(
        f"{meta.get('summary', '')}\n\n{body}", extensions=["tables", "admonition", "md_in_html"]
    )
    if name.endswith(".es.md"):
        print(f"{ease_es(html):5.1f}  {name}  (Fernandez-Huerta, 70 or more)")
    else:
        print(f"{grade(html):5.1f}  {name}")
