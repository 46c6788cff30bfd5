"""Copies of Material's templates stay honest: when Material changes an original, this says which.

The guide changes Material's HTML through its template blocks where it can (overrides/main.html).
Where Material has no block, a template is copied into overrides/ and changed there; each such
copy starts with a comment that records where it came from and the sha256 of the original file
(or, for a block retyped in overrides/main.html, of that block's text):

    {#- copy of material/templates/partials/header.html (Material 9.8.2, sha256 8cf3…): what we
        changed and why -#}
    {#- copy of the site_meta block of material/templates/base.html (Material 9.8.2, sha256 …): … -#}

After an upgrade of mkdocs-material, a copy whose original changed fails here, naming the file
to copy again and what to re-apply. No build: this reads files only.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import textwrap
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import jinja2
import material
import pytest

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"
MATERIAL = Path(material.__file__).parent / "templates"
INSTALLED = version("mkdocs-material")

# Templates of ours that carry a Material template's name without being copies of it: main.html
# is where Material asks sites to override its blocks; 404.html is the guide's own page.
OWN_TEMPLATES = {"main.html", "404.html"}

RECORD = re.compile(
    r"copy\s+of\s+(?:the\s+(?P<block>\w+)\s+block\s+of\s+)?material/templates/(?P<original>\S+)\s+"
    r"\(Material\s+(?P<version>[^,]+),\s+sha256\s+(?P<sha256>[0-9a-f]{64})\):\s*(?P<changes>.*?)\s*-#\}",
    re.DOTALL,
)


@dataclass(frozen=True)
class Copy:
    path: Path  # our copy, in overrides/
    original: str  # its original, relative to material/templates/
    block: str | None  # the block copied, when the copy is one block of the original
    version: str
    sha256: str
    changes: str  # what the guide changed and why

    @property
    def name(self) -> str:
        where = self.path.relative_to(ROOT).as_posix()
        return f"{where}:{self.block}" if self.block else where


def block_text(source: str, name: str) -> str:
    """The lines of `{% block NAME %}` … `{% endblock %}` in a template, found with Jinja's own
    lexer (so a block nested inside it, or `endblock` in a comment, is no trouble)."""
    tokens = [token for token in jinja2.Environment().lex(source) if token[1] != "whitespace"]
    open_blocks: list[tuple[str, int]] = []
    for index, (line, kind, value) in enumerate(tokens[:-2]):
        if kind != "block_begin":
            continue
        keyword = tokens[index + 1][2]
        if keyword == "block":
            open_blocks.append((tokens[index + 2][2], line))
        elif keyword == "endblock" and open_blocks:
            opened, first = open_blocks.pop()
            if opened == name:
                return "".join(source.splitlines(keepends=True)[first - 1 : line])
    raise LookupError(f"no block {name!r}")


def original_text(copy: Copy) -> str:
    source = (MATERIAL / copy.original).read_text(encoding="utf-8")
    return block_text(source, copy.block) if copy.block else source


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def recorded_copies() -> list[Copy]:
    copies = []
    for path in sorted(OVERRIDES.rglob("*.html")):
        for match in RECORD.finditer(path.read_text(encoding="utf-8")):
            changes = " ".join(match["changes"].split())
            copies.append(Copy(path, match["original"], match["block"], match["version"], match["sha256"], changes))
    return copies


COPIES = recorded_copies()


def test_copies_are_found():
    """The records are read at all (a typo in their format would let every copy drift unseen)."""
    assert len(COPIES) >= 13, f"found only {[copy.name for copy in COPIES]}"


@pytest.mark.parametrize("copy", COPIES, ids=lambda copy: copy.name)
def test_copy_matches_installed_material(copy: Copy):
    what = f"the {copy.block} block of material/templates/{copy.original}" if copy.block else f"material/templates/{copy.original}"
    into = f"the {copy.block} block of {copy.path.relative_to(ROOT)}" if copy.block else copy.path.relative_to(ROOT)
    assert (MATERIAL / copy.original).is_file(), (
        f"{copy.name} is a copy of {what}, which Material {INSTALLED} no longer has: find where "
        f"Material {INSTALLED} draws it now and re-apply there what the guide changed: {copy.changes}"
    )
    text = original_text(copy)
    if sha256(text) == copy.sha256:
        return
    ours = copy.path.read_text(encoding="utf-8")
    if copy.block:
        ours = block_text(ours, copy.block)
    before, after = textwrap.dedent(text).splitlines(True), textwrap.dedent(ours).splitlines(True)
    diff = "".join(list(difflib.unified_diff(before, after, f"Material {INSTALLED}", "ours"))[:60])
    pytest.fail(
        f"Material changed the original of {copy.name}.\n"
        f"  It is a copy of {what} from Material {copy.version} (sha256 {copy.sha256[:12]}…); "
        f"the installed Material {INSTALLED} has sha256 {sha256(text)[:12]}….\n"
        f"  Copy {what} again into {into}, then re-apply what the guide changed:\n"
        f"    {copy.changes}\n"
        f"  and record Material {INSTALLED} and sha256 {sha256(text)} in its first comment.\n"
        f"The installed original against our copy now (first lines):\n{diff}",
        pytrace=False,
    )


def test_every_copy_is_recorded():
    """A template in overrides/ with the name of one of Material's replaces it: it must say so."""
    recorded = {copy.path for copy in COPIES if not copy.block}
    unrecorded = [
        path.relative_to(OVERRIDES).as_posix()
        for path in sorted(OVERRIDES.rglob("*.html"))
        if (MATERIAL / path.relative_to(OVERRIDES)).is_file()
        and path not in recorded
        and path.relative_to(OVERRIDES).as_posix() not in OWN_TEMPLATES
    ]
    assert not unrecorded, (
        f"overrides/ replaces Material's {unrecorded} without recording the original: start each with "
        "{#- copy of material/templates/NAME (Material X.Y.Z, sha256 …): what we changed and why -#}"
    )


def test_block_text_finds_nested_blocks():
    """The block finder used above, on a template shaped like Material's base.html."""
    source = "{% block a %}\n  {% block b %}x{% endblock %}\n  y\n{% endblock %}\n{% block c %}z{% endblock %}\n"
    assert block_text(source, "a") == "{% block a %}\n  {% block b %}x{% endblock %}\n  y\n{% endblock %}\n"
    assert block_text(source, "b") == "  {% block b %}x{% endblock %}\n"
