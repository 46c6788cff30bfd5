"""Fill `<!-- guide: NAME -->` lines with Markdown made from one source.

A line such as `<!-- guide: at-a-glance -->` on its own is replaced, before the page is parsed,
by the Markdown that `blocks["at-a-glance"]` holds: text, or a function that returns it when the
line is found. What the blocks are is the host's
business: the guide's MkDocs plugin provides them for each page (the table of the 6 differences,
the review dates, the practice's details, the QR code, the link kit).

- With no blocks given at all (another host, or Markdown used alone), the lines stay what they
  are, HTML comments that nobody sees.
- With blocks given, a name that is not among them is an author's mistake: `BlockError`, with the
  line, is passed to `on_error` and raised.

Use: `markdown.Markdown(extensions=[BlocksExtension(blocks={"hello": "**Hi!**"})])`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .mistakes import mistake

LINE = re.compile(r"^<!--\s*guide:\s*(?P<name>[\w-]*)\s*-->[ \t]*$")
# After `normalize_whitespace` (30) and the quiz's note of its table lines (29), so its line
# numbers stay those of the file; before raw HTML is set aside (20), which would hide the line.
PRIORITY = 28


class BlockError(ValueError):
    """A `<!-- guide: ... -->` line naming no known block. `line` counts from 1 in the text."""

    def __init__(self, line: int, problem: str, expected: str, example: str) -> None:
        self.line, self.problem, self.expected, self.example = line, problem, expected, example
        super().__init__(mistake(f"line {line}: ", problem, expected, example))


class BlocksPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: BlocksExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        blocks: Mapping[str, str | Callable[[], str]] = self.extension.getConfig("blocks")
        if not blocks:
            return lines
        filled: list[str] = []
        for number, line in enumerate(lines, start=1):
            found = LINE.match(line)
            if found is None:
                filled.append(line)
                continue
            name = found["name"]
            if name not in blocks:
                error = BlockError(
                    number,
                    f"unknown generated block `{name}`.",
                    "one of: " + ", ".join(f"`<!-- guide: {known} -->`" for known in blocks),
                    f"<!-- guide: {next(iter(blocks))} -->",
                )
                self.extension.getConfig("on_error")(error)
                raise error
            # A blank line on each side keeps the block apart from the paragraphs around it.
            block = blocks[name]
            filled.extend(["", *(block() if callable(block) else str(block)).splitlines(), ""])
        return filled


def _ignore(error: BlockError) -> None:
    """No handler: the BlockError is raised as it is."""


class BlocksExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        self.config = {
            "blocks": [{}, "Block name -> its Markdown, or a function that returns it."],
            # Not None: Python-Markdown would read a None default as a yes/no option.
            "on_error": [_ignore, "Called with the BlockError before it is raised (to add a file name)."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.preprocessors.register(BlocksPreprocessor(md, self), "guide_blocks", PRIORITY)


def makeExtension(**kwargs: object) -> BlocksExtension:  # noqa: N802 (Python-Markdown's name)
    return BlocksExtension(**kwargs)
