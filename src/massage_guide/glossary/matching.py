"""Find glossary words in running text.

Rules (the tests in tests/test_glossary.py hold them):
- any case: "Cupping", "cupping" and "CUPPING" are the same word;
- simple plurals of every name: "co-pays", "trigger point therapies", "re-evaluations"; in
  Spanish, "masajes deportivos", "planes de tratamiento", "sesiones"; irregular ones
  ("diagnoses", "puntos gatillo") go under `forms:` in the data file;
- a space and a hyphen are the same: "deep-tissue" is "deep tissue";
- whole words only: "cupping" is not found in "hiccupping" or "cupping-like";
- the longest name wins: "lymphatic drainage massage" is one word, not "lymphatic drainage" + text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..words import language_of
from .data import Entry, name_key

# Spaces (`\s` includes the no-break space) and hyphens. Listing U+00A0 as well would make the
# pattern 2.5 times slower to compile, for nothing.
SEPARATOR = r"[\s\u2010\u2011-]+"
WORD_CHAR = r"[\w\u2010\u2011-]"


def plural(name: str, language: str = "en") -> str:
    """The regular plural of a name in its language (English unless told otherwise)."""
    if language_of(language) == "es":
        return plural_es(name)
    return plural_en(name)


def plural_en(name: str) -> str:
    """The regular plural of a name's last word: therapy -> therapies, pass -> passes, tape -> tapes."""
    lower = name.casefold()
    if re.search(r"[^aeiou]y$", lower):
        return name[:-1] + "ies"
    if lower.endswith("sis"):
        return name[:-2] + "es"
    if re.search(r"(s|x|z|ch|sh)$", lower):
        return name + "es"
    return name + "s"


# Spanish names are nouns with their adjectives, then maybe a phrase that keeps its number:
# "masaje deportivo" -> "masajes deportivos", "plan de tratamiento" -> "planes de tratamiento".
SPANISH_LINKS = {"de", "del", "con", "a", "al", "en", "para", "por"}
STRESSED = str.maketrans("áéíóú", "aeiou")


def plural_es(name: str) -> str:
    """Every word up to the first linking word in its plural; irregular ones go under `forms:`."""
    words, done = name.split(" "), False
    for index, word in enumerate(words):
        if index and word.casefold() in SPANISH_LINKS:
            break
        words[index] = _plural_word_es(word)
        done = True
    return " ".join(words) if done else name


def _plural_word_es(word: str) -> str:
    """sesión -> sesiones, masaje -> masajes, técnica -> técnicas, luz -> luces, crisis -> crisis."""
    lower = word.casefold()
    if not lower or not lower[-1].isalpha():
        return word
    if lower[-1] in "aeioué":
        return word + "s"
    if lower.endswith("z"):
        return word[:-1] + "ces"
    if lower[-1] in "sx" and len(lower) > 3:
        return word  # unstressed -is/-us/-x endings keep their form: "la crisis", "las crisis"
    if len(lower) > 1 and lower[-2] in "áéíóú":
        # "sesión" -> "sesiones": the added syllable takes the stress, so the mark goes.
        return word[:-2] + word[-2].translate(STRESSED) + word[-1] + "es"
    return word + "es"


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
