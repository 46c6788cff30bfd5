"""How an author's mistake is told, everywhere in the build: where it is, what is wrong, what to
write instead, and an example. Used by the guide's extensions and by its plugin
(`plugin/authoring.py`)."""

from __future__ import annotations


def mistake(where: str, problem: str, expected: str, example: str) -> str:
    """The message: `where` is "docs/quiz.md, line 12: " or the like ("" when unknown)."""
    shown = "\n".join(f"    {row}" for row in example.strip("\n").splitlines())
    return f"{where}{problem}\n  Expected: {expected}\n  For example:\n{shown}"
