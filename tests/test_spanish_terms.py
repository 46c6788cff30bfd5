"""One Spanish word for each thing (issue 23): the term list, docs/terms.es.yml, names the word the
Spanish edition uses for each concept and the other words it never uses for it. Every Spanish
page, snippet, quiz, glossary and triage file, and the site's Spanish words (words/es.yml), is
read as a reader meets it (not its comments, code, link addresses or data keys), and each wrong
word is told with its file, line and the right term. The files are read as written, not as built,
so that each mistake names its line; what readers do not see is blanked, keeping the lines.

English in brackets only for the words readers meet on US forms and calls ("copago (co-pay)"),
right after their Spanish term, as the list says; any other English bracket is told too.

A bracket counts as English when it holds a word that the English pages use and the Spanish text
outside brackets never does (so "spa", "Lomi Lomi" and names are not English here); acronyms
(LMT, NIH), words with a capital after the bracket's first ("PubMed Central"), brackets whose
every word starts with one ("Mayo Clinic Health Letter") and labels in quotes ("code") are names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

import massage_guide.words
from conftest import ROOT
from site_pages import LANGUAGES

DOCS = ROOT / "docs"
WORDS = Path(massage_guide.words.__file__).parent  # the guide's own; a project's words/ beside mkdocs.yml too
TERMS_FILE = DOCS / "terms.es.yml"
CODE = "es"
# Data keys whose values are not read by readers as Spanish text: English keywords (glossary
# `group`, `pressure`, `where`, `evidence`, `source`, `anchor`; triage `id`, `level`), and lists
# of other names on purpose: the glossary's `aliases` ("Also called": the names readers may meet
# elsewhere) and `forms`, the triage's `matches` and `actions` (what the triage test looks for),
# and the words file's plural rules (patterns) and settings; a picture's file, a glossary group's
# kind, a page's template and the parts of the page it hides.
NOT_TEXT = {"group", "pressure", "where", "evidence", "source", "anchor", "id", "level", "aliases", "forms", "matches", "actions",
            "ending", "plural", "words", "picture", "kind", "template", "hide"}
# Values no reader reads as words: true/false and numbers in front matter; a placeholder the
# guide fills in ("{name}").
NOT_WORDS = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
# What Markdown shows no reader: comments, code, link addresses, tags, attribute lists.
HIDDEN = [
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"^\[//\]: # \(.*\)$", re.M),
    re.compile(r"^(```|~~~).*?^\1", re.S | re.M),
    re.compile(r"`[^`\n]+`"),
    re.compile(r"<https?://[^>]+>|https?://\S+"),
    re.compile(r"</?[a-zA-Z][^>]*>"),
    re.compile(r"\{\s*(?:[:#.]|[\w-]+=)[^}\n]*\}"),
    re.compile(r":[a-z0-9]+(?:-[a-z0-9]+)+:"),  # an icon: ":material-bandage:"
    # An admonition's kind and classes ("!!! tip checklist"; its quoted title is read) and a
    # snippet's marker line: words like "tip" there are markup, not Spanish.
    re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[^\"\n]*", re.M),
    re.compile(r"^[ \t]*--8<--.*$", re.M),
]
# A link's address, `](address)`: blanked with en spaces, so that its text stays findable.
ADDRESS = re.compile(r"(?<=\])\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)")
FILL = "\u2002"
LINK_TEXT = re.compile(rf"\[([^\]]*)\](?={FILL})")
BRACKET = re.compile(r"\(([^()]{1,200})\)")
WORD = re.compile(r"[^\W\d_]+")

pytestmark = pytest.mark.skipif(CODE not in LANGUAGES, reason="the Spanish edition is switched off")


@dataclass
class Term:
    concept: str
    term: str
    forms: list[str]
    english: str | None
    technical: str | None
    wrong: list[str]


def _terms() -> list[Term]:
    data = yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8"))
    found = []
    for item in data["terms"]:
        assert {"concept", "term"} <= set(item) <= {"concept", "term", "forms", "english", "technical", "wrong"}, item
        found.append(Term(item["concept"], item["term"], list(item.get("forms") or []), item.get("english"),
                          item.get("technical"), list(item.get("wrong") or [])))
    return found


TERMS = _terms()


def _words(words: str) -> str:
    """A regular expression for `words`, across line breaks, with a plural "-s" or "-es"."""
    return r"\s+".join(re.escape(word) for word in words.split()) + "(?:e?s)?"


def _phrase(words: str) -> str:
    """`_words` as whole words only."""
    return rf"(?<![\w-]){_words(words)}(?![\w-])"


def _blank(text: str, start: int, end: int) -> str:
    """`text` with [start, end) replaced by spaces, its line breaks kept (offsets stay lines)."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def _blank_all(text: str, pattern: re.Pattern[str]) -> str:
    for match in reversed(list(pattern.finditer(text))):
        text = _blank(text, match.start(), match.end())
    return text


def _markdown_text(text: str) -> str:
    for match in reversed(list(ADDRESS.finditer(text))):
        text = text[:match.start()] + FILL * (match.end() - match.start()) + text[match.end():]
    for pattern in HIDDEN:
        text = _blank_all(text, pattern)
    return text


def _yaml_text(text: str) -> str:
    """Only the values readers read, at their place in the file (keys, comments and NOT_TEXT
    values blanked)."""
    shown = re.sub(r"[^\n]", " ", text)

    def walk(node: Node, key: str | None) -> Iterator[ScalarNode]:
        if key in NOT_TEXT:
            return
        if isinstance(node, ScalarNode):
            yield node
        elif isinstance(node, SequenceNode):
            for item in node.value:
                yield from walk(item, key)
        elif isinstance(node, MappingNode):
            for name, value in node.value:
                yield from walk(value, name.value if isinstance(name, ScalarNode) else None)

    for node in walk(yaml.compose(text), None):
        if node.tag in NOT_WORDS:
            continue
        start, end = node.start_mark.index, node.end_mark.index
        shown = shown[:start] + text[start:end] + shown[end:]
    return _blank_all(shown, PLACEHOLDER)


def spanish_files() -> list[Path]:
    """Every Spanish page (quiz included), snippet, glossary and triage file, and the words the
    site adds around them (words/es.yml); not the term list."""
    pages = [path for path in DOCS.rglob(f"*.{CODE}.*") if path.suffix in (".md", ".yml", ".yaml") and path != TERMS_FILE]
    return sorted(pages) + [path for path in (WORDS / f"{CODE}.yml", ROOT / "words" / f"{CODE}.yml") if path.is_file()]


FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)


def reader_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".md":
        return _yaml_text(text)
    front = FRONT_MATTER.match(text)
    if front is None:
        return _markdown_text(text)
    # The front matter is YAML (its comments are for editors); the rest is Markdown.
    return "    \n" + _yaml_text(front.group(1)) + "    \n" + _markdown_text(text[front.end():])


def _allowed_brackets(text: str) -> str:
    """The text without the brackets the term list allows: "copago (co-pay)"."""
    for term in TERMS:
        for bracket in filter(None, (term.english, term.technical)):
            names = "|".join(_words(name) for name in [term.term, *term.forms])
            pattern = re.compile(rf"(?<![\w-])(?:{names})[*_]*\s*(\(\s*{_words(bracket)}\s*\))", re.I)
            for match in reversed(list(pattern.finditer(text))):
                text = _blank(text, match.start(1), match.end(1))
    return text


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()


def _vocabulary(texts: list[str], lower_only: bool = False) -> set[str]:
    return {word.lower() for text in texts for word in WORD.findall(text) if not lower_only or word.islower()}


def test_the_term_list_is_whole() -> None:
    seen: dict[str, str] = {}
    for term in TERMS:
        for word in [term.term, *term.forms, *term.wrong]:
            assert word.lower() not in seen, f"{_shown(TERMS_FILE)}: {word!r} is listed twice ({seen[word.lower()]}, {term.concept})"
            seen[word.lower()] = term.concept
        assert term.wrong or term.english, f"{term.concept}: a term with no wrong words and no English needs no entry"


def wrong_words(path: Path) -> list[str]:
    """Each wrong word for a term in the file: its line, the word, and the term to write."""
    text = _allowed_brackets(reader_text(path))
    matches = []
    for term in TERMS:
        for wrong in term.wrong:
            for match in re.finditer(_phrase(wrong), text, re.I):
                matches.append((match.start(), match.end(), match.group(0), term))
    # The longest at each place ("lista de referidos", not also "referidos").
    matches.sort(key=lambda item: (item[0], -item[1]))
    found, end = [], -1
    for start, stop, word, term in matches:
        if start < end:
            continue
        end = stop
        word = " ".join(word.split())
        found.append(
            f"{_shown(path)}, line {_line(text, start)}: \"{word}\" is another word for {term.concept}.\n"
            f"  Expected: \"{term.term}\", the one word the Spanish edition uses for it ({_shown(TERMS_FILE)})."
        )
    return found


def english_words() -> set[str]:
    """The English words: the English pages' and data's, and the concepts of the term list."""
    return _vocabulary([
        path.read_text(encoding="utf-8") for path in DOCS.rglob("*")
        if path.suffix in (".md", ".yml") and not re.search(r"\.[a-z]{2}\.[a-z]+$", path.name)
    ] + [term.concept for term in TERMS])


def spanish_words(paths: list[Path]) -> set[str]:
    """The Spanish words: written in small letters outside brackets and link texts (where the
    sources page names English titles)."""
    texts = [_allowed_brackets(reader_text(path)) for path in paths]
    return _vocabulary([_blank_all(_blank_all(text, BRACKET), LINK_TEXT) for text in texts], lower_only=True)


def english_brackets(path: Path, english: set[str], spanish: set[str]) -> list[str]:
    """Each bracket of the file with English in it that the term list does not allow there."""
    text = _allowed_brackets(reader_text(path))
    allowed = {term.english.lower(): term for term in TERMS if term.english}
    rule = ", ".join(f"\"{term.term} ({term.english})\"" for term in TERMS if term.english)
    found = []
    for match in BRACKET.finditer(_blank_all(text, LINK_TEXT)):
        inside = " ".join(match.group(1).split())
        words = WORD.findall(inside)
        if not words or all(word[0].isupper() for word in words) or re.fullmatch(r'"[^"]+"', inside):
            continue  # a name, an acronym or a label quoted as written: (NIH), (Mayo Clinic Health Letter), ("code")
        # A capital inside a bracket starts a name ("en PubMed Central"); the first word may be either.
        words = words[:1] + [word for word in words[1:] if word[0].islower()]
        where = f"{_shown(path)}, line {_line(text, match.start())}"
        term = allowed.get(inside.lower()) or allowed.get(re.sub(r"e?s$", "", inside.lower()))
        if term is not None:
            found.append(f"{where}: \"({inside})\" follows another word than \"{term.term}\".\n"
                         f"  Expected: \"{term.term} ({term.english})\", or no bracket.")
            continue
        foreign = [word for word in words if word.lower() in english and word.lower() not in spanish
                   and not (len(word) > 1 and word[1:] != word[1:].lower())]
        if foreign:
            found.append(f"{where}: \"({inside})\" is English in brackets ({', '.join(foreign)}).\n"
                         f"  Expected: plain Spanish. Only these may have English in brackets, right after "
                         f"their Spanish word: {rule} ({_shown(TERMS_FILE)}).")
    return found


def test_no_spanish_file_uses_a_wrong_word_for_a_term() -> None:
    found = [message for path in spanish_files() for message in wrong_words(path)]
    assert not found, f"{len(found)} words to change:\n" + "\n".join(found)


def test_english_in_brackets_only_after_the_words_readers_meet_on_forms() -> None:
    paths = spanish_files()
    english, spanish = english_words(), spanish_words(paths)
    found = [message for path in paths for message in english_brackets(path, english, spanish)]
    assert not found, f"{len(found)} brackets to change:\n" + "\n".join(found)


PAGE = """---
title: Precio
summary: >-
  Pregunte por su co-pago (co-pay) antes de ir.
---

# Precio

<!-- Un comentario con co-pago no se lee. -->
Su copago (co-pay) y su deducible (deductible) son del seguro. Dé una propina (tip).
Llame a su seguro (co-pay). Vea [la lista de
referidos](the-setting.md). `co-pago` en código no cuenta. Un
masaje
profundo, no.

!!! tip "Un consejo"
--8<-- "tip-example.es.md"
Una nota. { .mdx-screen-only .mdx-print-tip } Un dibujo. { width=440 loading=lazy }
:material-bandage: pague.
"""


def test_each_wrong_word_and_english_bracket_is_named_with_its_line(tmp_path: Path) -> None:
    page = tmp_path / "price.es.md"
    page.write_text(PAGE, encoding="utf-8")
    words = wrong_words(page)
    assert [message.splitlines()[0].split(": ", 1)[0] for message in words] == [f"{page}, line {n}" for n in (4, 11, 13)], words
    assert '"co-pago" is another word for co-pay' in words[0] and 'Expected: "copago"' in words[0]
    # Across a line break and a link, told once by its longest wrong words.
    assert '"lista de referidos" is another word for referral list' in words[1] and 'Expected: "lista de expertos"' in words[1]
    assert '"masaje profundo" is another word for deep tissue massage' in words[2]
    brackets = english_brackets(page, english_words() | {"tip"}, {"propina"})
    assert [message.splitlines()[0] for message in brackets] == [
        f'{page}, line 4: "(co-pay)" follows another word than "copago".',
        f'{page}, line 10: "(tip)" is English in brackets (tip).',
        f'{page}, line 11: "(co-pay)" follows another word than "copago".',
    ], brackets
    assert '"copago (co-pay)"' in brackets[1] and '"deducible (deductible)"' in brackets[1]
    # Markup is not Spanish: "!!! tip", a snippet's file name and a class do not make "tip" a Spanish word.
    assert {"tip", "example", "print", "lazy", "width", "bandage"}.isdisjoint(spanish_words([page])), spanish_words([page])
    assert "consejo" in spanish_words([page])
