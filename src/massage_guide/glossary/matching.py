"""Find glossary words in running text.

Rules (the tests in tests/test_glossary.py hold them):
- any case: "Cupping", "cupping" and "CUPPING" are the same word;
- simple plurals of every name, by the rules of its language's words file (`plurals:`):
  "co-pays", "trigger point therapies", "re-evaluations"; in Spanish, "masajes deportivos",
  "planes de tratamiento", "sesiones"; irregular ones ("puntos gatillo") go under `forms:` in
  the data file;
- a space and a hyphen are the same: "deep-tissue" is "deep tissue";
- whole words only: "cupping" is not found in "hiccupping" or "cupping-like";
- the longest name wins: "lymphatic drainage massage" is one word, not "lymphatic drainage" + text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from ..words import words
from .data import Entry, name_key

# Spaces (`\s` includes the no-break space) and hyphens. Listing U+00A0 as well would make the
# pattern 2.5 times slower to compile, for nothing.
SEPARATOR = r"[\s\u2010\u2011-]+"
WORD_CHAR = r"[\w\u2010\u2011-]"


def plural(name: str, language: str = "en") -> str:
    """The regular plural of a name in its language (English unless told otherwise), by the
    language's `plurals:` in its words file (massage_guide/words/en.yml): the last word takes the
    plural ("trigger point therapies"), or each word up to the first linking word ("planes de
    tratamiento")."""
    said = words(language)["plurals"]
    rules = said["rules"]
    if said["words"] == "last":
        head, space, last = name.rpartition(" ")
        return head + space + _plural_word(last, rules)
    names, links = name.split(" "), {link.casefold() for link in said["linking_words"]}
    for index, word in enumerate(names):
        if index and word.casefold() in links:
            break
        names[index] = _plural_word(word, rules)
    return " ".join(names)


def _plural_word(word: str, rules: Iterable[Mapping[str, str]]) -> str:
    """One word in the plural by the first rule whose ending fits it; as it is when none does."""
    if not word:
        return word
    for rule in rules:
        ending = re.compile(f"(?:{rule['ending']})$", re.IGNORECASE)
        if ending.search(word):
            return ending.sub(rule["plural"], word, count=1)
    return word


def _pattern(keys: Iterable[str]) -> str:
    """A regular expression that matches any of `keys`, with words joined by any separator.

    The names share their beginnings ("trigger point", "trigger point therapy"), so they are
    written as a tree ("trigger point(?: therapy)?") rather than a list of alternatives: at each
    place in the text, the expression then tries one letter instead of every name, which makes
    finding the words about 4 times faster. A name that another one extends is optional at its
    end and tried longest first, so the longest name still wins.
    """
    tree: dict[str, dict] = {}
    for key in keys:
        node = tree
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here

    def branch(node: dict[str, dict]) -> str:
        ends = "" in node
        alternatives = [
            (SEPARATOR if char == " " else re.escape(char)) + branch(node[char]) for char in sorted(node) if char
        ]
        if not alternatives:
            return ""
        if len(alternatives) == 1 and not ends:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")" + ("?" if ends else "")

    return branch(tree)


class TermMatcher:
    """One regular expression for every name of every entry; the longest name wins."""

    def __init__(self, entries: Iterable[Entry], language: str = "en") -> None:
        self._by_key: dict[str, Entry] = {}
        for entry in entries:
            for name in entry.names:
                for form in (name, plural(name, language)):
                    self._by_key.setdefault(name_key(form), entry)
        body = _pattern(self._by_key)
        self._pattern = re.compile(rf"(?<!{WORD_CHAR})(?:{body})(?!{WORD_CHAR})", re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], Entry]]:
        """Each glossary word in `text`, in order, with the entry it names."""
        if not self._by_key:
            return
        for match in self._pattern.finditer(text):
            yield match, self._by_key[name_key(match.group())]
