"""The glossary data file: read it, check it, and say exactly what is wrong and where.

The file (`docs/glossary.yml`) is written by editors, not developers, so every mistake is
reported with the file, the line, the problem, the expected form and an example, in the same
form as the site's other build errors.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from ..mistakes import AuthorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

PRESSURES = ("light", "medium", "deep", "varies")
PLACES = ("clinic", "spa", "both")
# How much good research there is for a technique, said the same way for every one. The sources
# page (docs/sources.md, "How to read the research line") says what each label means.
EVIDENCE = ("some research", "mixed research", "little research", "not a treatment")
# A label that claims research found something must name where: `source:`, a source's anchor on
# the sources page. The glossary shows the source's short name next to the label ("Little
# research (Cochrane review, 2015)"): the names are written once per file, under `sources:`.
EVIDENCE_NEEDS_SOURCE = ("some research", "mixed research")
SOURCES_PAGE = "sources.md"
EVIDENCE_ANCHOR = "research-labels"  # the table on the sources page that says what each label means
KINDS = ("technique", "word")
ENTRY_KEYS = (
    "term", "aliases", "forms", "anchor", "group", "definition", "pressure", "where", "used_for",
    "caution", "evidence", "source", "picture", "picture_alt", "picture_caption",
)
# A picture of the entry: an SVG file inside the docs folder (DECISIONS.md: pictures are SVG files
# shown with <img>), named by its path from there, with what it shows (`picture_alt:`, read by
# screen readers) and what to notice in it (`picture_caption:`, shown under it).
PICTURE_KEYS = ("picture", "picture_alt", "picture_caption")
PICTURE_SUFFIX = ".svg"
REQUIRED = ("term", "group", "definition", "where", "used_for")
# Ids the glossary page uses for itself (entries.py); an entry's anchor must not take one of them.
A_TO_Z_ANCHOR = "a-to-z"
LETTER_ANCHOR = "letter-"  # then the letter: letter-c
RESERVED_ANCHOR = re.compile(rf"^({LETTER_ANCHOR}[a-z]|mdx-.*|{A_TO_Z_ANCHOR})$")
ANCHOR = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")

ENTRY_EXAMPLE = """
- term: Cupping
  aliases: [cupping therapy]
  group: clinic
  definition: >-
    Cups on the skin pull the skin and muscle up, instead of pressing down.
  pressure: varies
  where: clinic
  used_for: Easing pain and tight muscles.
  caution: It can leave round marks on the skin for a few days.
  evidence: little research
  source: nccih-cupping
"""

PICTURE_EXAMPLE = """
- term: Cupping
  ...
  picture: assets/pictures/cupping.svg
  picture_alt: Four cups on a person's back, and one cup seen from the side.
  picture_caption: >-
    Look at the cup on the right: the skin rises up into it.
"""



@dataclass(frozen=True)
class Group:
    key: str
    title: str
    kind: str  # "technique" entries have a pressure; "word" entries do not.


@dataclass(frozen=True)
class Entry:
    term: str
    anchor: str
    group: str
    definition: str
    where: str
    used_for: str
    pressure: str | None = None
    caution: str | None = None
    evidence: str | None = None  # one of EVIDENCE (techniques only)
    source: str | None = None  # the source's anchor on the sources page: sources.md#SOURCE
    aliases: tuple[str, ...] = ()  # other names, shown on the glossary page and matched
    forms: tuple[str, ...] = ()  # other spellings, matched but not shown
    picture: str | None = None  # an SVG file, from the docs folder: assets/pictures/cupping.svg
    picture_alt: str | None = None  # what the picture shows, for screen readers
    picture_caption: str | None = None  # what to notice in it, shown under it
    line: int = 0
    picture_line: int = 0  # the line of `picture:`, named if its file cannot be shown

    @property
    def names(self) -> tuple[str, ...]:
        """Every written form that refers to this entry (plurals are added by the matcher)."""
        return (self.term, *self.aliases, *self.forms)


@dataclass(frozen=True)
class Glossary:
    groups: tuple[Group, ...]
    entries: tuple[Entry, ...] = field(default=())
    # `sources:` at the top of the file: each source's anchor on the sources page and the short
    # name shown next to a research label, in the file's language ("Cochrane review, 2015").
    sources: tuple[tuple[str, str], ...] = field(default=())
    file: str = ""  # the data file, as messages name it ("docs/glossary.yml")

    def source_name(self, anchor: str) -> str:
        return dict(self.sources)[anchor]

    def in_group(self, key: str) -> list[Entry]:
        return sorted((e for e in self.entries if e.group == key), key=lambda e: e.term.casefold())


def slug(text: str) -> str:
    """A stable anchor from a term: lower case, words joined by hyphens, accents dropped
    ("Lomi Lomi" -> "lomi-lomi", "Técnica Graston" -> "tecnica-graston")."""
    return re.sub(r"[^a-z0-9]+", "-", plain(text)).strip("-")


def plain(text: str) -> str:
    """`text` in small letters without its accents: "Técnica" -> "tecnica". Anchors are made
    from it, and the glossary is sorted by it (an accent does not move a word)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def name_key(text: str) -> str:
    """Two names are the same word if they differ only in case, spaces or hyphens."""
    return re.sub(r"[\s\u00a0\u2010\u2011-]+", " ", text.casefold()).strip()


class _Reader:
    """Turns YAML nodes into checked values, keeping the line of every value for errors."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.owner = ""  # the entry being read, named in messages

    def _of(self, name: str) -> str:
        return f"`{name}:` of `{self.owner}`" if self.owner else f"`{name}:`"

    def fail(self, node: Node | int, problem: str, expected: str, example: str = ENTRY_EXAMPLE):
        line = node if isinstance(node, int) else node.start_mark.line + 1
        raise AuthorError(self.source, line, problem, expected, example)

    def mapping(self, node: Node, what: str, example: str = ENTRY_EXAMPLE) -> dict[str, tuple[Node, Node]]:
        if not isinstance(node, MappingNode):
            self.fail(node, f"{what} should be a list of `name: value` lines.", f"{what} as `name: value` lines.", example)
        found: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, ScalarNode) else None
            if not isinstance(name, str):
                self.fail(key, f"a name in {what} is not plain text.", "`name: value` lines.", example)
            if name in found:
                self.fail(key, f"`{name}:` is given twice in {what} (first on line {found[name][0].start_mark.line + 1}).",
                          f"each name once in {what}.", example)
            found[name] = (key, value)
        return found

    def text(self, node: Node, name: str) -> str:
        if not isinstance(node, ScalarNode):
            self.fail(node, f"{self._of(name)} is not plain text.", f"`{name}:` followed by some words.")
        value = "" if node.tag == "tag:yaml.org,2002:null" else " ".join(str(node.value).split())
        if not value:
            self.fail(node, f"{self._of(name)} is empty.", f"`{name}:` followed by some words.")
        return value

    def texts(self, node: Node, name: str) -> tuple[str, ...]:
        if isinstance(node, ScalarNode):
            return (self.text(node, name),)
        if not isinstance(node, SequenceNode):
            self.fail(node, f"`{name}:` should be a list of words.", f"`{name}: [first name, second name]`.")
        return tuple(self.text(item, name) for item in node.value)

    def choice(self, node: Node, name: str, allowed: tuple[str, ...]) -> str:
        value = self.text(node, name)
        if value not in allowed:
            self.fail(node, f"{self._of(name)} is `{value}`, which is not one of the allowed values.",
                      f"`{name}:` with one of: {', '.join(allowed)}.")
        return value


SOURCES_EXAMPLE = """
sources:
  cochrane-low-back-pain: Cochrane review, 2015
  nccih-cupping: NCCIH
"""

GROUPS_EXAMPLE = """
groups:
  clinic:
    title: Techniques you meet in clinics
    kind: technique
  visit:
    title: Words about visits and paying
    kind: word
"""


def _read_groups(reader: _Reader, node: Node) -> tuple[Group, ...]:
    groups = []
    for key, (key_node, value) in reader.mapping(node, "`groups:`", GROUPS_EXAMPLE).items():
        fields = reader.mapping(value, f"the group `{key}`", GROUPS_EXAMPLE)
        for name, (name_node, _) in fields.items():
            if name not in ("title", "kind"):
                reader.fail(name_node, f"the group `{key}` has an unknown field `{name}:`.",
                            "a group has `title:` and `kind:`.", GROUPS_EXAMPLE)
        if "title" not in fields or "kind" not in fields:
            reader.fail(key_node, f"the group `{key}` needs both `title:` and `kind:`.",
                        "a group has `title:` and `kind:` (technique or word).", GROUPS_EXAMPLE)
        groups.append(Group(
            key=key,
            title=reader.text(fields["title"][1], "title"),
            kind=reader.choice(fields["kind"][1], "kind", KINDS),
        ))
    if not groups:
        reader.fail(node, "there are no groups.", "at least one group under `groups:`.", GROUPS_EXAMPLE)
    return tuple(groups)


def _read_sources(reader: _Reader, node: Node) -> tuple[tuple[str, str], ...]:
    """`sources:`: the anchor of each source on the sources page, and its short name."""
    sources = []
    for key, (key_node, value) in reader.mapping(node, "`sources:`", SOURCES_EXAMPLE).items():
        if not ANCHOR.match(key) or RESERVED_ANCHOR.match(key):
            reader.fail(key_node, f"`{key}` under `sources:` is not the anchor of a source.",
                        f"the part after `#` in the source's address on the sources page ({SOURCES_PAGE}#nccih-massage), "
                        "then its short name.", SOURCES_EXAMPLE)
        if isinstance(value, ScalarNode):
            reader.owner = ""
            sources.append((key, reader.text(value, key)))
        else:
            reader.fail(value, f"the source `{key}` under `sources:` has no short name.",
                        "`anchor: short name` on one line.", SOURCES_EXAMPLE)
    return tuple(sources)


def _read_entry(reader: _Reader, node: Node, groups: dict[str, Group]) -> Entry:
    line = node.start_mark.line + 1
    fields = reader.mapping(node, "a glossary entry")
    for name, (name_node, _) in fields.items():
        if name not in ENTRY_KEYS:
            reader.fail(name_node, f"unknown field `{name}:` in a glossary entry.",
                        "only these fields: " + ", ".join(f"`{k}:`" for k in ENTRY_KEYS) + ".")
    for name in REQUIRED:
        if name not in fields:
            what = fields["term"][1].value if "term" in fields else "this entry"
            reader.fail(line, f"`{what}` has no `{name}:`.", f"every entry has {', '.join(f'`{k}:`' for k in REQUIRED)}.")

    def value(name: str) -> Node:
        return fields[name][1]

    reader.owner = ""
    term = reader.text(value("term"), "term")
    reader.owner = term
    group_key = reader.text(value("group"), "group")
    if group_key not in groups:
        reader.fail(value("group"), f"`group: {group_key}` is not one of the groups at the top of the file.",
                    "`group:` with one of: " + ", ".join(groups) + ".")
    group = groups[group_key]
    definition = reader.text(value("definition"), "definition")
    if len(SENTENCE_END.findall(definition)) > 2:
        reader.fail(value("definition"), f"the definition of `{term}` has more than 2 sentences.",
                    "a short definition of 1 or 2 sentences; put the rest under `used_for:` or `caution:`.")
    pressure = None
    if group.kind == "technique":
        if "pressure" not in fields:
            reader.fail(line, f"`{term}` is a technique but has no `pressure:`.",
                        "`pressure:` with one of: " + ", ".join(PRESSURES) + ".")
        pressure = reader.choice(value("pressure"), "pressure", PRESSURES)
    elif "pressure" in fields:
        reader.fail(fields["pressure"][0], f"`{term}` is in the group `{group_key}`, whose words have no pressure.",
                    "`pressure:` only in technique groups; remove the line.")
    evidence, source = _read_evidence(reader, fields, term, group)
    picture, picture_alt, picture_caption = _read_picture(reader, fields, term, line)
    anchor = reader.text(value("anchor"), "anchor") if "anchor" in fields else slug(term)
    if not ANCHOR.match(anchor) or RESERVED_ANCHOR.match(anchor):
        reader.fail(value("anchor") if "anchor" in fields else line,
                    f"`{anchor}` cannot be the anchor of `{term}`.",
                    "an anchor of lower-case letters, digits and hyphens, not `letter-x` or `mdx-...`.")
    entry = Entry(
        term=term,
        anchor=anchor,
        group=group_key,
        definition=definition,
        where=reader.choice(value("where"), "where", PLACES),
        used_for=reader.text(value("used_for"), "used_for"),
        pressure=pressure,
        caution=reader.text(value("caution"), "caution") if "caution" in fields else None,
        evidence=evidence,
        source=source,
        aliases=reader.texts(value("aliases"), "aliases") if "aliases" in fields else (),
        forms=reader.texts(value("forms"), "forms") if "forms" in fields else (),
        picture=picture,
        picture_alt=picture_alt,
        picture_caption=picture_caption,
        line=line,
        picture_line=fields["picture"][1].start_mark.line + 1 if "picture" in fields else 0,
    )
    reader.owner = ""
    return entry


def _read_picture(reader: _Reader, fields: dict[str, tuple[Node, Node]], term: str,
                  line: int) -> tuple[str | None, str | None, str | None]:
    """`picture:`, `picture_alt:` and `picture_caption:`: all three, or none. The path is checked
    here for its form; whether the file is there is checked where the page is built, which knows
    the docs folder (entries.py)."""
    given = [name for name in PICTURE_KEYS if name in fields]
    if not given:
        return None, None, None
    missing = [name for name in PICTURE_KEYS if name not in fields]
    if missing:
        reader.fail(fields[given[0]][0] if "picture" not in fields else line,
                    f"`{term}` has {', '.join(f'`{name}:`' for name in given)} but no "
                    f"{' and no '.join(f'`{name}:`' for name in missing)}.",
                    "a picture with all three: `picture:` (the file), `picture_alt:` (what it shows, for "
                    "screen readers) and `picture_caption:` (what to notice in it).", PICTURE_EXAMPLE)
    node = fields["picture"][1]
    path = reader.text(node, "picture")
    parts = path.split("/")
    if (":" in path or "\\" in path or path.startswith("/") or ".." in parts or "" in parts
            or "." in parts or not path.lower().endswith(PICTURE_SUFFIX)):
        reader.fail(node, f"`picture: {path}` of `{term}` is not the path of an SVG file inside the docs folder.",
                    "the path of an SVG file from the docs folder, without `..`, `/` at the start or a web "
                    "address: `picture: assets/pictures/cupping.svg` for docs/assets/pictures/cupping.svg.",
                    PICTURE_EXAMPLE)
    alt = reader.text(fields["picture_alt"][1], "picture_alt")
    caption = reader.text(fields["picture_caption"][1], "picture_caption")
    if name_key(alt) == name_key(caption):
        reader.fail(fields["picture_caption"][1], f"the `picture_caption:` of `{term}` repeats its `picture_alt:`.",
                    "an alt text that says what the picture shows, and a caption that says what to notice "
                    "in it: a screen reader reads both.", PICTURE_EXAMPLE)
    return path, alt, caption


def _read_evidence(reader: _Reader, fields: dict[str, tuple[Node, Node]], term: str,
                   group: Group) -> tuple[str | None, str | None]:
    """`evidence:` and `source:`: how much research there is, and where that is said."""
    if group.kind != "technique":
        for name in ("evidence", "source"):
            if name in fields:
                reader.fail(fields[name][0], f"`{term}` is in the group `{group.key}`, whose words are not techniques.",
                            f"`{name}:` only in technique groups; remove the line.")
        return None, None
    if "source" in fields and "evidence" not in fields:
        reader.fail(fields["source"][0], f"`{term}` has a `source:` but no `evidence:`.",
                    "`evidence:` with one of: " + ", ".join(EVIDENCE) + "; then `source:`.")
    if "evidence" not in fields:
        return None, None
    evidence = reader.choice(fields["evidence"][1], "evidence", EVIDENCE)
    source = reader.text(fields["source"][1], "source") if "source" in fields else None
    if source is None and evidence in EVIDENCE_NEEDS_SOURCE:
        reader.fail(fields["evidence"][0], f"`{term}` says `evidence: {evidence}` but names no `source:`.",
                    f"`source:` with the anchor of a source on the sources page ({SOURCES_PAGE}#anchor).")
    if source is not None and (not ANCHOR.match(source) or RESERVED_ANCHOR.match(source)):
        reader.fail(fields["source"][1], f"`source: {source}` of `{term}` is not the anchor of a source.",
                    f"the part after `#` in the source's address on the sources page ({SOURCES_PAGE}#nccih-massage).")
    return evidence, source


def parse_glossary(text: str, source: str = "glossary.yml") -> Glossary:
    """Read and check glossary YAML; `source` names the file in error messages."""
    reader = _Reader(source)
    try:
        # libyaml's loader, when installed, reads the file about 10 times faster (same nodes, same lines).
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # The usual cause: a value with ": " in it, which YAML reads as a second `name: value`.
        hint = (" A value that holds `: ` must be in quotes: `used_for: \"Sore muscles: from sport\"`."
                if "mapping values are not allowed" in str(error.problem) else "")
        reader.fail((mark.line + 1) if mark else 1, f"the file is not valid YAML ({error.problem}).{hint}",
                    "`name: value` lines, with list items starting with `- ` and indented by 2 spaces.")
    if root is None:
        reader.fail(1, "the file is empty.", "`groups:` and `terms:` at the top level.", GROUPS_EXAMPLE)
    top = reader.mapping(root, "the top of the file", GROUPS_EXAMPLE)
    for name, (name_node, _) in top.items():
        if name not in ("groups", "terms", "sources"):
            reader.fail(name_node, f"unknown section `{name}:`.", "only `groups:`, `terms:` and `sources:` at the top level.")
    if "groups" not in top or "terms" not in top:
        reader.fail(root, "the file needs both `groups:` and `terms:`.", "`groups:` first, then `terms:`.", GROUPS_EXAMPLE)
    groups = _read_groups(reader, top["groups"][1])
    by_key = {group.key: group for group in groups}
    sources = _read_sources(reader, top["sources"][1]) if "sources" in top else ()
    named = dict(sources)

    terms_node = top["terms"][1]
    if not isinstance(terms_node, SequenceNode) or not terms_node.value:
        reader.fail(terms_node, "`terms:` should be a list of entries, each starting with `- term:`.",
                    "`terms:` followed by entries.")
    entries: list[Entry] = []
    names: dict[str, Entry] = {}
    anchors: dict[str, Entry] = {}
    for node in terms_node.value:
        entry = _read_entry(reader, node, by_key)
        for name in entry.names:
            key = name_key(name)
            if key in names:
                other = names[key]
                if other is entry:
                    continue
                problem = (f"the term `{entry.term}` is listed twice (first on line {other.line})."
                           if name_key(entry.term) == key and name_key(other.term) == key
                           else f"`{name}` would point to two entries: `{other.term}` (line {other.line}) and `{entry.term}`.")
                reader.fail(entry.line, problem,
                            "each word once; put other names of the same thing under `aliases:` of one entry.")
            names[key] = entry
        if entry.anchor in anchors or entry.anchor in by_key:
            first = anchors.get(entry.anchor)
            where = f"`{first.term}` on line {first.line}" if first else f"the group `{entry.anchor}`"
            reader.fail(entry.line, f"`{entry.term}` gets the anchor `#{entry.anchor}`, which {where} already has.",
                        "a different anchor for each entry: rename one, or give it `anchor:` of its own.")
        anchors[entry.anchor] = entry
        if entry.source is not None and entry.source not in named:
            reader.fail(_line_of(node, "source"), f"the source `{entry.source}` of `{entry.term}` has no short name under `sources:`.",
                        "each `source:` of an entry listed under `sources:` at the top of the file, with the name "
                        "shown next to the research label.", SOURCES_EXAMPLE)
        entries.append(entry)
    return Glossary(groups=groups, entries=tuple(entries), sources=sources, file=source)


def _line_of(entry: Node, name: str) -> int:
    """The line of the field `name` in an entry's node."""
    return next(key.start_mark.line + 1 for key, _ in entry.value if key.value == name)


def load_glossary(path: Path, source: str | None = None) -> Glossary:
    """Read and check the glossary data file at `path`."""
    label = source or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AuthorError(label, 1, "the glossary data file is missing.",
                            "a file with `groups:` and `terms:`.", GROUPS_EXAMPLE) from None
    return parse_glossary(text, label)


# -- Languages ---------------------------------------------------------------------------------

# What an entry and its translation share: the translation changes the words, never these.
PAIRED_FACTS = ("group", "pressure", "where", "evidence", "source", "picture")


def _facts(entry: Entry) -> tuple[str | None, ...]:
    return tuple(getattr(entry, name) for name in PAIRED_FACTS)


def _as_yaml(entry: Entry) -> str:
    """An entry's shared facts as the lines to add to the other file, the words left to translate."""
    rows = ["- term: (the term, translated)", f"  group: {entry.group}",
            "  definition: (the definition, translated)"]
    rows += [f"  {name}: {getattr(entry, name)}" for name in ("pressure", "where") if getattr(entry, name)]
    rows.append("  used_for: (translated)")
    rows += [f"  {name}: {getattr(entry, name)}" for name in ("evidence", "source") if getattr(entry, name)]
    if entry.picture:
        rows += [f"  picture: {entry.picture}", "  picture_alt: (translated)", "  picture_caption: (translated)"]
    return "\n".join(rows)


def unpaired(main: Glossary, main_source: str, other: Glossary, other_source: str) -> list[AuthorError]:
    """Every entry of one language's glossary with no translation in the other's.

    The files pair their entries by order (the nth term of `glossary.es.yml` translates the nth of
    `glossary.yml`), with the same `group`, `pressure`, `where`, `evidence` and `source`. A term
    left out of one file would silently vanish from that language's pages and shift every pair
    after it, so the entries are lined up by those facts (difflib, as `diff` lines up files) and
    each one left over is told: in the file that lacks it, where to add it, or where it is extra.
    """
    import difflib

    ours, theirs = main.entries, other.entries
    matcher = difflib.SequenceMatcher(None, [_facts(e) for e in ours], [_facts(e) for e in theirs], autojunk=False)
    errors: list[AuthorError] = []

    def missing_from_other(entry: Entry, before: int) -> None:
        if before < len(theirs):
            where, at = theirs[before].line, f"before `{theirs[before].term}` (line {theirs[before].line})"
        else:
            where, at = (theirs[-1].line if theirs else 1), "after the last entry"
        errors.append(AuthorError(
            other_source, where,
            f"`{entry.term}` ({main_source}, line {entry.line}) has no entry in this file, so its pages would "
            "not explain it.",
            f"its translation here, {at}: the entries of both files in the same order, with the same "
            f"{', '.join(f'`{name}`' for name in PAIRED_FACTS)}.",
            _as_yaml(entry)))

    def missing_from_main(entry: Entry, before: int) -> None:
        errors.append(AuthorError(
            other_source, entry.line,
            f"`{entry.term}` has no entry in {main_source}, the glossary of the site's first language "
            f"(or its {', '.join(f'`{name}`' for name in PAIRED_FACTS[:-1])} or `{PAIRED_FACTS[-1]}` differ "
            "from the entry there).",
            f"the same entry in {main_source}"
            + (f", before `{ours[before].term}` (line {ours[before].line})" if before < len(ours) else ", at the end")
            + ", with the same facts; or remove it here.",
            _as_yaml(entry)))

    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and i2 - i1 == j2 - j1:  # the same places, other facts: told as such
            for en, es in zip(ours[i1:i2], theirs[j1:j2]):
                differ = [name for name in PAIRED_FACTS if getattr(en, name) != getattr(es, name)]
                errors.append(AuthorError(
                    other_source, es.line,
                    f"`{es.term}` stands where `{en.term}` ({main_source}, line {en.line}) stands, but "
                    + ", ".join(f"its `{name}: {getattr(es, name)}` differs from `{name}: {getattr(en, name)}`"
                                for name in differ) + ".",
                    f"the translation of `{en.term}` here, with the same {', '.join(f'`{n}`' for n in PAIRED_FACTS)} "
                    f"(or, if `{es.term}` is another word, the same entry in {main_source} too).",
                    _as_yaml(en)))
            continue
        for i in range(i1, i2):
            missing_from_other(ours[i], j1)
        for j in range(j1, j2):
            missing_from_main(theirs[j], i1)
    return errors
