"""Fill `<!-- guide: NAME -->` lines with Markdown made from one source.

A line such as `<!-- guide: at-a-glance -->` on its own is replaced, before the page is parsed,
by the Markdown that the block holds: text, or a function that returns it when the line is found.
Words after the name are the function's arguments: `<!-- guide: triage call-911 -->`.

- Under a host (MkDocs, Zensical: host.py), the blocks are the guide's own, made from the page
  and the settings the host gives (plugin/blocks.py: the table of the 6 differences, the review
  dates, the practice's details, the QR code, the link kit, the triage boxes from the `triage`
  option's file: `docs/triage.yml` unless set, and `triage.es.yml` beside it for Spanish pages).
- Used alone, the blocks are the `blocks` option, and the triage blocks when the `triage` option
  names a triage file (in the `language` option's language); with none given, the lines stay
  what they are, HTML comments that nobody sees.
- A name that is not among the blocks is an author's mistake (`AuthorError`, with the line):
  under a host it goes to the build, with the file; alone, it is raised.

Use: `markdown.Markdown(extensions=[BlocksExtension(blocks={"hello": "**Hi!**"})])`.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .host import Page, host, report
from .mistakes import AuthorError

LINE = re.compile(r"^<!--\s*guide:\s*(?P<name>[\w-]*)(?P<args>(?:\s+[\w-]+)*)\s*-->[ \t]*$")
# After `normalize_whitespace` (30) and the quiz's note of its table lines (29), so its line
# numbers stay those of the file; before raw HTML is set aside (20), which would hide the line.
PRIORITY = 28


def guide_blocks(page: Page, triage: str = "") -> Mapping[str, Callable[..., str]]:
    """The guide's blocks for `page` (`triage`: the triage option). They are made by the plugin
    package's parts (they share its partials and checks), imported here when a host asks for them."""
    from .plugin.blocks import page_blocks

    return page_blocks(page, triage)


def triage_blocks(path: Path, shown: str, language: str, main_language: str) -> dict[str, Callable[..., str]]:
    """`triage LEVEL` and `triage-table`, from the triage file `path` (or its twin in `language`)."""
    from .triage.data import TriageErrors, read_language
    from .triage.render import level_block, table_block
    from .triage.sources_block import sources_block

    def triage() -> object:
        try:
            return read_language(path, shown, language, main_language)
        except TriageErrors as errors:  # with a host, guide/checks has told every one already
            raise errors.errors[0] from None

    return {
        "triage": lambda *args: level_block(triage(), *args),
        "triage-table": lambda *args: table_block(triage(), *args),
        "triage-sources": lambda *args: sources_block(triage(), main_language, *args),
    }


class BlocksPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: BlocksExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        page = host(self.md)
        blocks: Mapping[str, str | Callable[..., str]] = self.extension.getConfig("blocks")
        triage = self.extension.getConfig("triage")
        if page is not None and not blocks:
            blocks = guide_blocks(page, triage)
        elif triage:
            blocks = {**blocks, **triage_blocks(Path(triage), triage, self.extension.getConfig("language"), "en")}
        if not blocks:
            return lines
        try:
            return self._fill(lines, blocks)
        except AuthorError as error:
            if page is None:
                raise
            # A mistake in the page's body is placed in its file; one in a block's source (another
            # page, mkdocs.yml) names that file already.
            report(self.md, error if error.file else page.error(error))
            return lines

    @staticmethod
    def _fill(lines: list[str], blocks: Mapping[str, str | Callable[..., str]]) -> list[str]:
        filled: list[str] = []
        for number, line in enumerate(lines, start=1):
            found = LINE.match(line)
            if found is None:
                filled.append(line)
                continue
            name = found["name"]
            if name not in blocks:
                raise AuthorError(
                    "",
                    number,
                    f"unknown generated block `{name}`.",
                    "one of: " + ", ".join(f"`<!-- guide: {known} -->`" for known in blocks),
                    f"<!-- guide: {next(iter(blocks))} -->",
                )
            # A blank line on each side keeps the block apart from the paragraphs around it.
            block, args = blocks[name], found["args"].split()
            try:
                if args or callable(block):
                    inspect.signature(block).bind(*args)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                raise AuthorError(
                    "", number, f"`<!-- guide: {name} -->` takes no words after its name, or not so many: "
                    f"found `{' '.join(args)}`.",
                    "the block's name alone, or with the words its documentation gives.",
                    f"<!-- guide: {name} -->",
                ) from None
            try:
                made = block(*args) if callable(block) else str(block)
            except AuthorError as error:
                if error.file:  # a mistake in the block's own source (mkdocs.yml, another page)
                    raise
                raise AuthorError("", number, error.problem, error.expected, error.example) from None
            filled.extend(["", *made.splitlines(), ""])
        return filled


class BlocksExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        self.config = {
            "blocks": [{}, "With no host: block name -> its Markdown, or a function that returns it."],
            "triage": ["", "The triage file, from the folder of mkdocs.yml (under a host, docs/triage.yml "
                           "when empty; alone, no triage blocks when empty)."],
            "language": ["en", "With no host: the language of the triage file's words (triage.LANG.yml beside it)."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.preprocessors.register(BlocksPreprocessor(md, self), "guide_blocks", PRIORITY)
        # The triage boxes' advice kept out of site search; the triage table's rows given their levels.
        from .triage.render import QuietAdvice, RowLevels

        md.treeprocessors.register(QuietAdvice(md), "guide_triage_quiet_advice", 5)
        md.treeprocessors.register(RowLevels(md), "guide_triage_row_levels", 5)


def makeExtension(**kwargs: object) -> BlocksExtension:  # noqa: N802 (Python-Markdown's name)
    return BlocksExtension(**kwargs)
