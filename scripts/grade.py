"""Print the Flesch-Kincaid grade of Markdown pages before a build: `python scripts/grade.py docs/*.md`.

The test suite measures the built pages the same way (tests/readability.py); this is the quick
check for writers.
"""

import pathlib
import sys

import markdown
from mkdocs.utils.meta import get_data

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests"))
from readability import grade  # noqa: E402

for name in sys.argv[1:]:
    body, meta = get_data(pathlib.Path(name).read_text(encoding="utf-8"))
    html = markdown.markdown(
        f"{meta.get('summary', '')}\n\n{body}", extensions=["tables", "admonition", "md_in_html"]
    )
    print(f"{grade(html):5.1f}  {name}")
