"""The quiz's examples and column names for its messages; its mistakes are `AuthorError`s
(mistakes.py), with the line in the converted text (the host adds the file)."""

from __future__ import annotations

CHOICE_EXAMPLE = """\
What tip should you plan for a spa massage?

| Answer | Correct | Why |
| --- | --- | --- |
| 20% | yes | Plan on 20%. See [the price page](differences/price.md). |
| No tip | | A spa expects a tip. See [the price page](differences/price.md). |
"""

SORT_EXAMPLE = """\
Sort it: which kind of massage does each sentence describe?

| Statement | Medical | Relaxation | Both | Why |
| --- | --- | --- | --- | --- |
| You rest in a quiet lounge. | | x | | See [after the session](differences/after-the-session.md). |
"""

QUIZ_EXAMPLE = f"""\
<div class="mdx-quiz" markdown>

{CHOICE_EXAMPLE}
</div>
"""

CHOICE_COLUMNS = "`| Answer | Correct | Why |`"
SORT_COLUMNS = "`| Statement | Medical | Relaxation | Both | Why |` (`Both` only where it fits)"
