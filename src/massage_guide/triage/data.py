"""Read and check the triage files: the main language's (`docs/triage.yml`) and each other
language's beside it (`docs/triage.es.yml`), which holds the same signs with the same levels,
in its own words.

The files are edited by people who are not developers, so every mistake is an `AuthorError`
with the file, the line, what is wrong, the expected form and an example, and all of a file's
mistakes are told together (`TriageErrors`).

Facts that are the same in every language (which sources, `when:`, the notes on the sources)
are written in the main file only; the other languages' files hold words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..mistakes import AuthorError

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WHEN = ("after-massage",)  # `when:` values: signs that also belong in an "after a massage" list
LEVEL_WORDS = ("title", "short", "more", "actions")
# A level's number to call (`call: "911"`): its box offers it as a tap-to-call link on phones.
# Another language's file may give its own; without one, it takes the main file's.
LEVEL_FACTS = ("call",)
PHONE_NUMBER = re.compile(r"^\+?[0-9][0-9 -]{0,19}$")
SIGN_WORDS = ("text", "matches", "ask", "tell_therapist", "note")
# `differs:` (who says what, for readers) may be translated; a translation without it borrows
# the main file's note, marked as in the main file's language.
TRANSLATED_FACTS = ("differs",)
SIGN_FACTS = ("when", "sources", "differs", "judgement")  # main file only, but for TRANSLATED_FACTS
SOURCE_KEYS = ("title", "status", "address")

LEVEL_EXAMPLE = """
levels:
  call-911:
    title: "Call 911 now: do not book a massage"
    short: Call 911 now.
    actions: [call 911, local emergency number]
"""
SIGN_EXAMPLE = """
signs:
  - id: chest-pain
    level: call-911
    text: Chest pain, or sudden trouble breathing.
    matches: [chest pain, trouble breathing]
    sources: [nhs-back-pain-gp]
"""
SOURCE_EXAMPLE = """
sources:
  nhs-back-pain-gp:
    title: NHS GP practice page "Back pain"
    status: verified
    address: https://bridgwaterbayhealth.nhs.uk/back-pain
"""


@dataclass(frozen=True)
class Level:
    key: str  # "call-911"
    rank: int  # 1 for the safest action, in the file's order
    title: str  # the box's title: "Call 911 now: do not book a massage"
    short: str  # the action in a few words: "Call 911 now."
    more: str = ""  # a line under the box's list
    actions: tuple[str, ...] = ()  # phrases by which hand-written text gives this action
    call: str = ""  # a number to call from the box: "911"
    line: int = 0


@dataclass(frozen=True)
class Sign:
    id: str
    level: str
    text: str  # the sign in plain words
    matches: tuple[str, ...]  # phrases by which hand-written text names this sign
    ask: str = ""  # what to ask the doctor
    tell_therapist: str = ""
    note: str = ""
    when: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    differs: str = ""  # who says what, where sources differ (for the sources page)
    differs_borrowed: bool = False  # `differs` is the main file's note, in its language
    judgement: str = ""  # what no source read states outright
    line: int = 0


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    status: str
    address: str = ""
    line: int = 0


@dataclass(frozen=True)
class Triage:
    file: str  # as messages name it: "docs/triage.es.yml"
    language: str
    note_911: str  # the emergency number, said once (under the 911 box)
    levels: tuple[Level, ...]
    signs: tuple[Sign, ...]
    sources: tuple[Source, ...] = field(default=())

    def level(self, key: str) -> Level:
        return next(level for level in self.levels if level.key == key)

    def signs_of(self, level: str, when: str = "") -> list[Sign]:
        return [sign for sign in self.signs if sign.level == level and (not when or when in sign.when)]


class TriageErrors(ValueError):
    """Every mistake found in a triage file (or a pair of them), told together."""

    def __init__(self, errors: list[AuthorError]) -> None:
        self.errors = errors
        text = "\n\n".join(str(error) for error in errors)
        super().__init__(text if len(errors) == 1 else f"{len(errors)} mistakes to fix:\n\n{text}")


class _Reader:
    """YAML nodes to checked values; a mistake is noted (with its line) and reading goes on."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.errors: list[AuthorError] = []

    def fail(self, node: Node | int, problem: str, expected: str, example: str) -> None:
        line = node if isinstance(node, int) else node.start_mark.line + 1
        self.errors.append(AuthorError(self.file, line, problem, expected, example))

    def mapping(self, node: Node, what: str, example: str) -> dict[str, tuple[Node, Node]]:
        if not isinstance(node, MappingNode):
            self.fail(node, f"{what} is not a list of `name: value` lines.", f"{what} as `name: value` lines.", example)
            return {}
        found: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            name = str(key.value) if isinstance(key, ScalarNode) else ""
            if name in found:
                self.fail(key, f"`{name}:` is given twice in {what}.", f"each name once in {what}.", example)
            found[name] = (key, value)
        return found

    def text(self, node: Node, what: str, example: str) -> str:
        value = " ".join(str(node.value).split()) if isinstance(node, ScalarNode) and node.tag != "tag:yaml.org,2002:null" else ""
        if not value:
            self.fail(node, f"{what} is empty or not plain text.", f"{what} followed by some words.", example)
        return value

    def texts(self, node: Node, what: str, example: str) -> tuple[str, ...]:
        if isinstance(node, ScalarNode):
            return (self.text(node, what, example),)
        if not isinstance(node, SequenceNode) or not node.value:
            self.fail(node, f"{what} is not a list.", f"{what} as a list in brackets: `[first, second]`.", example)
            return ()
        return tuple(self.text(item, what, example) for item in node.value)

    def unknown(self, fields: dict[str, tuple[Node, Node]], allowed: tuple[str, ...], what: str, example: str) -> None:
        for name, (key, _) in fields.items():
            if name not in allowed:
                self.fail(key, f"unknown field `{name}:` in {what}.",
                          "only these fields: " + ", ".join(f"`{k}:`" for k in allowed) + ".", example)


def parse_triage(text: str, file: str = "docs/triage.yml", language: str = "en",
                 main: Triage | None = None) -> Triage:
    """Read and check a triage file's text; `file` names it in messages. With `main` (the main
    language's checked triage), the file is another language's: it must hold the same signs, in
    the same order, with the same levels, and takes the facts (sources, `when:`) from `main`."""
    reader = _Reader(file)
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reader.fail((mark.line + 1) if mark else 1, f"the file is not valid YAML ({error.problem}).",
                    "`name: value` lines; a value that holds `: ` in quotes.", SIGN_EXAMPLE)
        raise TriageErrors(reader.errors) from None
    if root is None:
        reader.fail(1, "the file is empty.", "`levels:` and `signs:` at the top level.", LEVEL_EXAMPLE + SIGN_EXAMPLE)
        raise TriageErrors(reader.errors)
    tops = ("note_911", "levels", "signs") + (() if main else ("sources",))
    top = reader.mapping(root, "the top of the file", LEVEL_EXAMPLE)
    reader.unknown(top, tops, "the top of the file" + (" (sources are listed in the main file only)" if main else ""), LEVEL_EXAMPLE)
    for name in tops:
        if name not in top:
            reader.fail(root, f"the file has no `{name}:`.", "`note_911:`, `levels:`, `signs:`"
                        + ("" if main else " and `sources:`") + " at the top level.", LEVEL_EXAMPLE + SIGN_EXAMPLE)
    if reader.errors:
        raise TriageErrors(reader.errors)
    note = reader.text(top["note_911"][1], "`note_911:`", "note_911: In another country, call your local emergency number.")
    levels = _levels(reader, top["levels"][1])
    sources = _sources(reader, top["sources"][1]) if not main else main.sources
    signs = _signs(reader, top["signs"][1], [level.key for level in levels], {s.key for s in sources}, main)
    if main is not None:
        _pair(reader, main, levels, signs, top)
        main_calls = {level.key: level.call for level in main.levels}
        levels = tuple(replace(level, call=level.call or main_calls.get(level.key, "")) for level in levels)
    if reader.errors:
        raise TriageErrors(reader.errors)
    return Triage(file, language, note, levels, signs, sources)


def _levels(reader: _Reader, node: Node) -> tuple[Level, ...]:
    levels = []
    for rank, (key, (key_node, value)) in enumerate(reader.mapping(node, "`levels:`", LEVEL_EXAMPLE).items(), 1):
        what = f"the level `{key}`"
        if not ID.match(key):
            reader.fail(key_node, f"`{key}` cannot name a level.", "small letters, digits and hyphens: `call-911`.", LEVEL_EXAMPLE)
        fields = reader.mapping(value, what, LEVEL_EXAMPLE)
        reader.unknown(fields, LEVEL_WORDS + LEVEL_FACTS, what, LEVEL_EXAMPLE)
        for name in ("title", "short", "actions"):
            if name not in fields:
                reader.fail(key_node, f"{what} has no `{name}:`.", "each level has `title:`, `short:` and `actions:`.", LEVEL_EXAMPLE)
        levels.append(Level(
            key=key, rank=rank,
            title=reader.text(fields["title"][1], f"`title:` of {what}", LEVEL_EXAMPLE) if "title" in fields else "",
            short=reader.text(fields["short"][1], f"`short:` of {what}", LEVEL_EXAMPLE) if "short" in fields else "",
            more=reader.text(fields["more"][1], f"`more:` of {what}", LEVEL_EXAMPLE) if "more" in fields else "",
            actions=reader.texts(fields["actions"][1], f"`actions:` of {what}", LEVEL_EXAMPLE) if "actions" in fields else (),
            call=_number(reader, fields["call"][1], f"`call:` of {what}") if "call" in fields else "",
            line=key_node.start_mark.line + 1,
        ))
    if not levels and isinstance(node, MappingNode):
        reader.fail(node, "there are no levels.", "the levels under `levels:`, safest first.", LEVEL_EXAMPLE)
    return tuple(levels)


def _number(reader: _Reader, node: Node, what: str) -> str:
    number = reader.text(node, what, LEVEL_EXAMPLE)
    if number and not PHONE_NUMBER.match(number):
        reader.fail(node, f"{what} is `{number}`, which a phone cannot call.",
                    "digits, with spaces or hyphens between them and `+` before a country code.",
                    'levels:\n  call-911:\n    call: "911"')
    return number


def _sources(reader: _Reader, node: Node) -> tuple[Source, ...]:
    sources = []
    for key, (key_node, value) in reader.mapping(node, "`sources:`", SOURCE_EXAMPLE).items():
        what = f"the source `{key}`"
        fields = reader.mapping(value, what, SOURCE_EXAMPLE)
        reader.unknown(fields, SOURCE_KEYS, what, SOURCE_EXAMPLE)
        for name in ("title", "status"):
            if name not in fields:
                reader.fail(key_node, f"{what} has no `{name}:`.", "each source has `title:`, `status:` and `address:`.", SOURCE_EXAMPLE)
        value_of = {name: reader.text(fields[name][1], f"`{name}:` of {what}", SOURCE_EXAMPLE) for name in fields if name in SOURCE_KEYS}
        sources.append(Source(key, value_of.get("title", ""), value_of.get("status", ""), value_of.get("address", ""),
                              key_node.start_mark.line + 1))
    return tuple(sources)


def _signs(reader: _Reader, node: Node, levels: list[str], sources: set[str], main: Triage | None) -> tuple[Sign, ...]:
    if not isinstance(node, SequenceNode) or not node.value:
        reader.fail(node, "`signs:` is not a list of signs.", "`signs:` followed by signs, each starting with `- id:`.", SIGN_EXAMPLE)
        return ()
    allowed = ("id", "level", *SIGN_WORDS) + (TRANSLATED_FACTS if main else SIGN_FACTS)
    facts = {sign.id: sign for sign in main.signs} if main else {}
    signs, seen = [], {}
    for item in node.value:
        line = item.start_mark.line + 1
        fields = reader.mapping(item, "a sign", SIGN_EXAMPLE)
        if not fields:
            continue
        name = str(fields["id"][1].value) if "id" in fields and isinstance(fields["id"][1], ScalarNode) else ""
        what = f"the sign `{name}`" if name else "a sign"
        reader.unknown(fields, allowed, what + (" (the sources and notes on them are in the main file only)" if main else ""), SIGN_EXAMPLE)
        if not ID.match(name):
            reader.fail(fields["id"][1] if "id" in fields else line, f"{what} has no `id:` of small letters, digits and hyphens.",
                        "`- id: chest-pain` first in each sign.", SIGN_EXAMPLE)
        elif name in seen:
            reader.fail(line, f"the sign `{name}` is listed twice (first on line {seen[name]}).", "each sign once.", SIGN_EXAMPLE)
        seen.setdefault(name, line)
        level = ""
        if "level" not in fields:
            reader.fail(line, f"{what} has no `level:`.", "exactly one `level:`: one of " + ", ".join(f"`{k}`" for k in levels) + ".", SIGN_EXAMPLE)
        else:
            level_node = fields["level"][1]
            level = str(level_node.value) if isinstance(level_node, ScalarNode) else ""
            if level not in levels:
                shown = f"`level: {level}`" if isinstance(level_node, ScalarNode) else "`level:` holding more than one"
                reader.fail(level_node, f"{shown} of {what} is not one of the levels at the top of the file.",
                            "exactly one `level:`: one of " + ", ".join(f"`{k}`" for k in levels) + ".", SIGN_EXAMPLE)
        for required in ("text", "matches"):
            if required not in fields:
                reader.fail(line, f"{what} has no `{required}:`.", "each sign has `text:` (its plain words) and `matches:` "
                            "(the phrases that name it in a page).", SIGN_EXAMPLE)
        words = {key: reader.text(fields[key][1], f"`{key}:` of {what}", SIGN_EXAMPLE)
                 for key in ("text", "ask", "tell_therapist", "note", "differs", "judgement") if key in fields}
        matches = reader.texts(fields["matches"][1], f"`matches:` of {what}", SIGN_EXAMPLE) if "matches" in fields else ()
        if main:
            fact = facts.get(name)
            when, cited, differs, judgement = (fact.when, fact.sources, fact.differs, fact.judgement) if fact else ((), (), "", "")
            borrowed = bool(differs) and "differs" not in words
            differs = words.get("differs", differs)
        else:
            when = reader.texts(fields["when"][1], f"`when:` of {what}", SIGN_EXAMPLE) if "when" in fields else ()
            for value in when:
                if value not in WHEN:
                    reader.fail(fields["when"][1], f"`when: {value}` of {what} is not known.", "`when: [after-massage]` or no `when:`.", SIGN_EXAMPLE)
            cited = ()
            if "sources" not in fields:
                reader.fail(line, f"{what} has no `sources:`.", "`sources:` with keys of the list at the end of the file, or `[]` "
                            "with a `judgement:` that says why.", SIGN_EXAMPLE)
            elif isinstance(fields["sources"][1], SequenceNode):
                cited = tuple(str(item.value) for item in fields["sources"][1].value)
                for item in fields["sources"][1].value:
                    if str(item.value) not in sources:
                        reader.fail(item, f"the source `{item.value}` of {what} is not in the list under `sources:`.",
                                    "a key of the list under `sources:` (add the source there first).", SOURCE_EXAMPLE)
                if not cited and "judgement" not in fields:
                    reader.fail(fields["sources"][1], f"{what} names no source and no `judgement:`.",
                                "a source key, or `judgement:` saying that the action is a judgement to confirm.", SIGN_EXAMPLE)
            else:
                reader.fail(fields["sources"][1], f"`sources:` of {what} is not a list.", "`sources: [key, key]`.", SIGN_EXAMPLE)
            differs, judgement = words.get("differs", ""), words.get("judgement", "")
            borrowed = False
        signs.append(Sign(
            id=name, level=level, text=words.get("text", ""), matches=matches, ask=words.get("ask", ""),
            tell_therapist=words.get("tell_therapist", ""), note=words.get("note", ""), when=tuple(when),
            sources=tuple(cited), differs=differs, differs_borrowed=borrowed, judgement=judgement, line=line,
        ))
    return tuple(signs)


def _pair(reader: _Reader, main: Triage, levels: tuple[Level, ...], signs: tuple[Sign, ...],
          top: dict[str, tuple[Node, Node]]) -> None:
    """Another language's file has the main file's levels and signs, the same levels for each."""
    if [level.key for level in levels] != [level.key for level in main.levels]:
        reader.fail(top["levels"][0], "the levels are not those of " + main.file + ": "
                    + ", ".join(level.key for level in levels) + ".",
                    "the same levels in the same order: " + ", ".join(level.key for level in main.levels) + ".", LEVEL_EXAMPLE)
    theirs = {sign.id: sign for sign in main.signs}
    ours = {sign.id: sign for sign in signs}
    for sign in signs:
        other = theirs.get(sign.id)
        if sign.id and other is None:
            reader.fail(sign.line, f"the sign `{sign.id}` is not in {main.file}.", f"the signs of {main.file} only, with the same ids.", SIGN_EXAMPLE)
        elif other is not None and sign.level and sign.level != other.level:
            reader.fail(sign.line, f"the sign `{sign.id}` has `level: {sign.level}` here but `level: {other.level}` in {main.file} "
                        f"(line {other.line}).", "the same level in every language.", SIGN_EXAMPLE)
    for other in main.signs:
        if other.id not in ours:
            reader.fail(top["signs"][0], f"the sign `{other.id}` of {main.file} (line {other.line}) is missing here.",
                        "every sign of the main file, in this language.", SIGN_EXAMPLE)
    common = [sign.id for sign in signs if sign.id in theirs]
    if common == [s for s in (sign.id for sign in main.signs) if s in ours] or not common:
        return
    reader.fail(top["signs"][0], "the signs are not in the order of " + main.file + ".", "the same order, so that editors find each pair.", SIGN_EXAMPLE)


def triage_file(main: Path, language: str) -> Path:
    """The triage file of `language`: `triage.es.yml` beside the main `triage.yml`."""
    return main.with_name(f"{main.stem}.{language}{main.suffix}")


def load_triage(path: Path, file: str, language: str = "en", main: Triage | None = None) -> Triage:
    """The checked triage in the file at `path` (`file` names it in messages), read again only
    when it changes: a host converts every page with a new extension."""
    mtime = path.stat().st_mtime_ns if path.exists() else 0
    return _load(str(path.resolve()), mtime, file, language, main)


@functools.lru_cache(maxsize=16)
def _load(path: str, mtime: int, file: str, language: str, main: Triage | None) -> Triage:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        raise TriageErrors([AuthorError(file, None, "the triage file is missing.",
                                        "a file with `note_911:`, `levels:`, `signs:` (and `sources:` in the main language's).",
                                        LEVEL_EXAMPLE + SIGN_EXAMPLE)]) from None
    return parse_triage(text, file, language, main)


def read_language(path: Path, shown: str, language: str, main_language: str = "en") -> Triage:
    """The checked triage of `language`: the main file `path` (`shown` names it in messages) for
    the main language, else the file beside it named for the language, checked against the main."""
    main = load_triage(path, shown, main_language)
    if language == main_language:
        return main
    twin = triage_file(path, language)
    twin_shown = str(triage_file(Path(shown), language).as_posix())
    if not twin.exists():
        raise TriageErrors([AuthorError(twin_shown, None, f"the triage file for the pages in `{language}` is missing.",
                                        f"a copy of {shown} in that language beside it: the same signs and levels, "
                                        "in that language's words (sources stay in the main file).",
                                        "levels:\n  call-911:\n    title: \"Llame al 911 ya\"\n    short: Llame al 911.\n"
                                        "    actions: [llame al 911]")])
    return load_triage(twin, twin_shown, language, main)
