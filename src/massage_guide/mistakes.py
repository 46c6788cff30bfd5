"""How an author's mistake is told, everywhere in the build: where it is, what is wrong, what to
write instead, and an example. Used by the guide's extensions and by its plugins.

- `mistake(...)` is the one message format.
- `AuthorError` is the one exception every extension and plugin part raises for an author's
  mistake: the file, the line, the problem, the expected form and an example.
- `Mistakes` collects them during a build, so that every mistake is shown in one run (the
  `guide/checks` plugin holds one; the extensions hand theirs to it through the host, host.py).
"""

from __future__ import annotations


def mistake(where: str, problem: str, expected: str, example: str) -> str:
    """The message: `where` is "docs/quiz.md, line 12: " or the like ("" when unknown)."""
    shown = "\n".join(f"    {row}" for row in example.strip("\n").splitlines())
    return f"{where}{problem}\n  Expected: {expected}\n  For example:\n{shown}"


def place(file: str, line: int | None) -> str:
    """The start of a message: "docs/quiz.md, line 12: ", "line 12: " or "docs/quiz.md: "."""
    if file and line:
        return f"{file}, line {line}: "
    if line:
        return f"line {line}: "
    return f"{file}: " if file else ""


class AuthorError(ValueError):
    """An author's mistake. `file` is as the author finds it ("docs/quiz.md", "mkdocs.yml"; ""
    when the host does not say); `line` counts from 1 in that file (None when it cannot be told)."""

    def __init__(
        self, file: str, line: int | None, problem: str, expected: str, example: str
    ) -> None:
        self.file, self.line = file, line
        self.problem, self.expected, self.example = problem, expected, example
        super().__init__(mistake(place(file, line), problem, expected, example))

    def moved(self, file: str, offset: int) -> AuthorError:
        """The same mistake, in `file`, its line moved down by `offset` (the front matter's lines,
        when it was found in the page's body)."""
        return AuthorError(file, self.line + offset if self.line else 1, self.problem, self.expected, self.example)


class Mistakes:
    """Every mistake found in one build, in the order found; `raise_all` then stops the build."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def add(self, error: Exception) -> None:
        message = str(error)
        if message not in self.found:  # a page converted twice (the booklet) tells it once
            self.found.append(message)

    def __bool__(self) -> bool:
        return bool(self.found)

    def message(self) -> str:
        if len(self.found) == 1:
            return self.found[0]
        return f"{len(self.found)} mistakes to fix:\n\n" + "\n\n".join(self.found)
