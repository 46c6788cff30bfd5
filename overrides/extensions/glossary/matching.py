"""Find glossary words in running text.

Rules (the tests in tests/test_glossary.py hold them):
- any case: "Cupping", "cupping" and "CUPPING" are the same word;
- simple plurals of every name: "co-pays", "trigger point therapies", "re-evaluations";
  irregular ones ("diagnoses") go under `forms:` in the data file;
- a space and a hyphen are the same: "deep-tissue" is "deep tissue";
- whole words only: "cupping" is not found in "hiccupping" or "cupping-like";
- the longest name wins: "lymphatic drainage massage" is one word, not "lymphatic drainage" + text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .data import Entry, name_key

SEPARATOR = r"[\s\u00a0\u2010\u2011-]+"
WORD_CHAR = r"[\w\u2010\u2011-]"


def plural(name: str) -> str:
    """The regular plural of a name's last word: therapy -> therapies, pass -> passes, tape -> tapes."""
    lower = name.casefold()
    if re.search(r"[^aeiou]y$", lower):
        return name[:-1] + "ies"
    if lower.endswith("sis"):
        return name[:-2] + "es"
    if re.search(r"(s|x|z|ch|sh)$", lower):
        return name + "es"
    return name + "s"


class TermMatcher:
    """One regular expression for every name of every entry, longest names first."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._by_key: dict[str, Entry] = {}
        for entry in entries:
            for name in entry.names:
                for form in (name, plural(name)):
                    self._by_key.setdefault(name_key(form), entry)
        alternatives = sorted(self._by_key, key=len, reverse=True)
        body = "|".join(SEPARATOR.join(re.escape(word) for word in key.split(" ")) for key in alternatives)
        self._pattern = re.compile(rf"(?<!{WORD_CHAR})(?:{body})(?!{WORD_CHAR})", re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], Entry]]:
        """Each glossary word in `text`, in order, with the entry it names."""
        if not self._by_key:
            return
        for match in self._pattern.finditer(text):
            yield match, self._by_key[name_key(match.group())]
