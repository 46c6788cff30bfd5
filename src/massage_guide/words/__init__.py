"""The words the guide itself adds around what authors write, in each language it speaks.

Authors write the pages, the glossary and the quiz in their own files, one per language
(`about.md`, `about.es.md`). What the site adds around them (the "In short" title, the quiz's
"Right." and score, the glossary's labels, the practice box, the printed footer), and how it reads
what authors write (the quiz's column names and marks, the plurals of glossary words), is data:
one YAML file per language, named by its code (`en.yml`, `es.yml` here). Every extension, partial
and template takes its words from `words(language)`; dates come from Babel (`long_date`).

A practice adds a language without touching the package: `words/<code>.yml` beside its
mkdocs.yml, read before the guide's own files (`plugin/languages.py` tells `use_project` the
folder whenever the plugin asks a build's language).
Each file is checked against the English one: the same keys, the same `{name}` places.

Messages to authors (build errors) stay in English: they are for whoever edits the files.
"""

from __future__ import annotations

import datetime
import functools
import re
import string
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any

import babel
import yaml
from babel.dates import format_date
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..mistakes import mistake

ENGLISH = "en"
# The guide's own words files, one per language it ships.
PACKAGE_FOLDER = Path(__file__).parent
# A project's own words files: a folder of this name beside its mkdocs.yml.
PROJECT_FOLDER = "words"
# Lists whose length is the language's own (the other lists are rows: as many as in English).
OPEN_LISTS = {"quiz_tables.right", "quiz_tables.wrong", "plurals.linking_words", "plurals.rules"}
# Which words of a glossary name take the plural (`plurals.words`).
PLURAL_WORDS = ("last", "up to a linking word")
RULE_KEYS = ("ending", "plural")

_project: Path | None = None  # the project's words folder, read before the package's


class WordsError(ValueError):
    """A language without a words file (`in_file` false), or a words file that is not like the
    English one (`in_file` true: the message names the file and the line)."""

    def __init__(self, message: str, in_file: bool = True) -> None:
        super().__init__(message)
        self.in_file = in_file


def use_project(folder: Path | str | None) -> None:
    """Look for each language's words in `folder` (a project's `words/`) before the guide's own;
    None: the guide's own only. Set for each build, so one build's folder never leaks into the next."""
    global _project
    _project = Path(folder) if folder is not None else None


def language_of(code: str | None) -> str:
    """The two-letter language of a locale ("es", "es_MX", "es-US" -> "es"); "" is English."""
    return (code or ENGLISH).replace("_", "-").split("-", 1)[0].lower()


def shipped() -> list[str]:
    """The languages the guide ships words for, by code: ["en", "es"]."""
    return sorted(path.stem for path in PACKAGE_FOLDER.glob("*.yml"))


def words_file(code: str | None) -> Path | None:
    """The words file of the language `code`: the project's, else the guide's, else None."""
    name = f"{language_of(code)}.yml"
    for folder in (_project, PACKAGE_FOLDER):
        if folder is not None and (folder / name).is_file():
            return folder / name
    return None


def words(code: str | None = ENGLISH) -> MappingProxyType:
    """The words of the language `code` (a nested read-only mapping: `words("es")["quiz"]["right"]`;
    templates write `words.quiz.right`). A language without a words file is an error: a page must
    never mix languages."""
    path = words_file(code)
    if path is None:
        raise WordsError(_missing(language_of(code)), in_file=False)
    return _read(str(path), path.stat().st_mtime_ns)


def long_date(value: object, code: str | None = ENGLISH) -> str:
    """A date as readers of the language write it, by Babel ("November 26, 2026", "26 de
    noviembre de 2026"); anything else (text) as it is."""
    if not isinstance(value, datetime.date):
        return str(value or "")
    words(code)  # a language without words is an error here too
    return format_date(value, format="long", locale=language_of(code))


# Reading a file ------------------------------------------------------------------------------


def _shown(path: Path) -> str:
    """A words file as an author finds it: `words/fr.yml` (beside mkdocs.yml) for a project's,
    the package's path for the guide's own."""
    if _project is not None and path.parent == _project:
        return f"{PROJECT_FOLDER}/{path.name}"
    return f"massage_guide/words/{path.name}"


@functools.lru_cache(maxsize=None)
def _english() -> tuple[Any, Node]:
    path = PACKAGE_FOLDER / f"{ENGLISH}.yml"
    node = _compose(path, f"massage_guide/words/{path.name}")
    return _value(node), node


@functools.lru_cache(maxsize=32)
def _read(path: str, mtime: int) -> MappingProxyType:
    """One language's words, checked against the English ones (read again when the file changes)."""
    file = Path(path)
    shown = _shown(file)
    node = _compose(file, shown)
    english, english_node = _english()
    problems = list(_differences(english_node, node, shown, "", node.start_mark.line + 1))
    if problems:  # all of them at once, so one round of fixes is enough
        raise WordsError("\n\n".join(problems))
    language = file.stem
    try:
        babel.Locale.parse(language)
    except (ValueError, babel.UnknownLocaleError):
        raise WordsError(
            mistake(
                f"{shown}: ",
                f"the file is named for the language `{language}`, which Babel (the guide's dates) does not know.",
                "a file named by a two-letter language code, as `theme.language` in mkdocs.yml writes it.",
                f"{PROJECT_FOLDER}/fr.yml",
            )
        ) from None
    return _frozen(_value(node))


def _compose(path: Path, shown: str) -> Node:
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{shown}, line {mark.line + 1}: " if mark else f"{shown}: "
        # An unclosed bracket or quote is found where the file ends: say where it opened.
        opened = f", {error.context} on line {error.context_mark.line + 1}" if error.context and error.context_mark else ""
        raise WordsError(
            mistake(where, f"the file is not valid YAML ({error.problem}{opened}).", _FORM, _EXAMPLE)
        ) from None
    if not isinstance(node, MappingNode):
        raise WordsError(mistake(f"{shown}: ", "the file holds no words (`key: value` lines).", _FORM, _EXAMPLE))
    return node


def _value(node: Node) -> Any:
    """A node as plain data. Every value is text as written: `no` and `yes` stay words."""
    if isinstance(node, MappingNode):
        return {key.value: _value(item) for key, item in node.value}
    if isinstance(node, SequenceNode):
        return [_value(item) for item in node.value]
    return node.value


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value


def _fields(text: str) -> set[str]:
    """The `{name}` places in a text, which the guide fills in."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"(an unmatched brace)"}


def _kind(node: Node) -> str:
    return {MappingNode: "a group of keys", SequenceNode: "a list in brackets"}.get(type(node), "a text")


def _differences(english: Node, node: Node, shown: str, key: str, line: int) -> Iterator[str]:
    """Each way `node` (the value of `key`, written on `line` of the file `shown`) differs in form
    from the English words."""
    where = f"{shown}, line {line}: "
    if type(node) is not type(english):
        named = f"`{key}`" if key else "the file"
        yield mistake(where, f"{named} is {_kind(node)}.", f"{_kind(english)}, as in the English words.", _example(key))
        return
    if isinstance(node, MappingNode):
        have = {item_key.value: (item_key, value) for item_key, value in node.value}
        for english_key, english_value in english.value:
            name = f"{key}.{english_key.value}" if key else english_key.value
            if english_key.value not in have:
                yield mistake(
                    where,
                    f"the key `{name}` is missing{f' under `{key}:`' if key else ''}.",
                    "every key of the English words, each with a value in this language.",
                    _example(name),
                )
                continue
            item_key, value = have[english_key.value]
            yield from _differences(english_value, value, shown, name, item_key.start_mark.line + 1)
        known = {english_key.value for english_key, _ in english.value}
        for item_key, _ in node.value:
            if item_key.value not in known:
                yield mistake(
                    f"{shown}, line {item_key.start_mark.line + 1}: ",
                    f"the key `{f'{key}.' if key else ''}{item_key.value}` is not one the guide knows.",
                    "the keys of the English words only (a misspelled key? a key moved to another group?).",
                    _example(key) if key else _EXAMPLE,
                )
    elif isinstance(node, SequenceNode):
        if key not in OPEN_LISTS and len(node.value) != len(english.value):
            yield mistake(
                where, f"`{key}` lists {len(node.value)} items.",
                f"{len(english.value)} items, one for each of the English ones.", _example(key),
            )
        model = english.value[0] if english.value else ScalarNode("tag:yaml.org,2002:str", "-")
        for item in node.value:
            yield from _differences(model, item, shown, key, item.start_mark.line + 1)
        if key == "plurals.rules":
            yield from _rules(node, shown)
    else:
        if english.value and not node.value.strip() and not key.startswith("plurals.rules"):
            yield mistake(where, f"`{key}` is empty.", "the words in this language.", _example(key))
        extra, lacking = _fields(node.value) - _fields(english.value), _fields(english.value) - _fields(node.value)
        if extra or lacking:
            found = [f"{what} {', '.join(f'{{{name}}}' for name in sorted(names))}"
                     for what, names in (("has", extra), ("lacks", lacking)) if names]
            yield mistake(
                where,
                f"`{key}` {' and '.join(found)}.",
                "the same {name} places as in the English words, in braces: the guide fills them in.",
                _example(key),
            )
        if key == "plurals.words" and node.value not in PLURAL_WORDS:
            yield mistake(where, f"`plurals.words` is `{node.value}`.",
                          " or ".join(f"`{choice}`" for choice in PLURAL_WORDS) + ".", _example(key))


def _rules(rules: SequenceNode, shown: str) -> Iterator[str]:
    """Each plural rule has an ending that is a regular expression with the groups it uses."""
    for rule in rules.value:
        if not isinstance(rule, MappingNode):
            continue  # told above
        values = {key.value: value for key, value in rule.value}
        where = f"{shown}, line {rule.start_mark.line + 1}: "
        if set(values) != set(RULE_KEYS) or not all(isinstance(v, ScalarNode) for v in values.values()):
            yield mistake(where, "a plural rule is not an `ending` and a `plural`.",
                          "`{ending: ..., plural: ...}`, both texts.", _example("plurals.rules"))
            continue
        try:
            re.compile(values["ending"].value + "$").sub(values["plural"].value, "")
        except re.error as error:
            yield mistake(where, f"the rule's ending `{values['ending'].value}` or plural `{values['plural'].value}` "
                          f"cannot be read ({error}).",
                          "a regular expression for the ending, and \\1 in the plural only for a (group) in it.",
                          _example("plurals.rules"))


# Messages -------------------------------------------------------------------------------------

_FORM = "`key: value` lines as in the English words file, each value written in the file's language."
_EXAMPLE = "in_short: En bref\npermalink: Lien vers cette section\nquiz:\n  right: Exact.\n  ..."


def _example(key: str) -> str:
    """The English words at `key` as YAML, the form a language's file takes there (a list shows
    its first item)."""
    english, _ = _english()
    value: Any = english
    steps: list[tuple[str, bool]] = []
    parts = key.split(".") if key else []
    for index, part in enumerate(parts):
        value = value[part]
        listed = isinstance(value, list) and bool(value) and index < len(parts) - 1
        if listed:
            value = value[0]
        steps.append((part, listed))
    for part, listed in reversed(steps):
        value = {part: [value] if listed else value}
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100).strip()


def _missing(language: str) -> str:
    name = f"{PROJECT_FOLDER}/{language}.yml"
    return mistake(
        "",
        f"the guide has no words for the language `{language}` (`theme.language`): no file {name}.",
        f"a file {name} beside mkdocs.yml with the words the site adds to the pages, in that "
        f"language: a copy of the English words ({PACKAGE_FOLDER / 'en.yml'}) with every value "
        "translated, the keys and the {name} places kept. The guide ships "
        f"{', '.join(shipped())} itself.",
        f"# {PROJECT_FOLDER}/fr.yml, for French: en.yml with each value in French\n"
        "in_short: En bref\npermalink: Lien vers cette section\nmenu: Menu\n...",
    )
