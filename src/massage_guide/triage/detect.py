"""Find hand-written text that names a warning sign with an action the triage source does not
give it (DECISIONS.md: "no hand-written text anywhere names a warning sign with an action unless
it comes from the triage source"). tests/test_triage.py runs it over every page, snippet, quiz
and glossary file in every language.

How it reads:
- Units. The Markdown sources are read line by line, so each finding names its file and line
  (Python-Markdown keeps no source lines, and the guide's Markdown is a small set: paragraphs,
  lists, tables, boxes). A unit is a sentence of a paragraph, a whole list item (with its
  nested items), or a table row; a list item and a table row carry as context the paragraph just
  before their list or table (a quiz question, "See a doctor first if you have:"), a table row
  its header, and anything in a box (`!!! urgent "Call 911 now"`) the box's title. Front matter
  and YAML files (the glossary) give one unit per sentence of each text value.
- What the triage blocks render is not there to read: in the sources a block is a comment line
  (`<!-- guide: triage call-911 -->`). In built pages it is the element marked `data-triage`.
- Matching. Each sign's `matches:` and each level's `actions:` are found as whole words, in any
  case, with or without accents, a word also matching its plural in s or es; `...` in a phrase
  stands for up to 5 words. A match inside a longer match of another sign or action is dropped
  ("very bad" inside "a sudden, very bad headache").
- A finding: a unit names a sign and gives one or more actions, and none of those actions is at
  the sign's level. A unit that gives the right action and others too ("after a fall call 911;
  if it is very bad, see a doctor today") is not a finding.

Limits (said in tests/test_triage.py too): a sign or an action worded in a way no phrase
lists is not seen; a sign and its action in two different sentences of a paragraph are not
paired; a negation ("you do not need to call 911") reads as the action.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..glossary.data import plain  # small letters, no accents: how phrases and text are compared
from .data import Level, Sign, Triage

GAP = "..."
MAX_GAP = 5


@dataclass(frozen=True)
class Unit:
    """A piece of hand-written text: a sentence, a list item or a table row."""

    file: str
    line: int
    text: str
    context: str = ""  # what it is read with: the list's or table's lead-in, a box's title
    context_line: int = 0


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    sign: Sign
    named: str  # the words that named the sign
    actions: tuple[tuple[str, Level], ...]  # the actions the text gives, with their levels
    expected: Level  # the sign's level in the triage source
    text: str

    def message(self) -> str:
        given = "; ".join(f'"{phrase}" ({level.key})' for phrase, level in self.actions)
        return (f'{self.file}, line {self.line}: "{self.named}" (sign `{self.sign.id}`) is given {given}; '
                f'the triage source says "{self.expected.short}" ({self.expected.key}).\n    Text: {self.text}')


# Reading Markdown ----------------------------------------------------------------------------

ITEM = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d+[.)])\s+(?P<text>.*)$")
BOX = re.compile(r"^(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+\"(?P<title>[^\"]*)\")?\s*$")
SKIP = re.compile(r"^\s*(?:\[//\]: #|--8<--|<!--.*-->\s*$|</?[a-zA-Z][^>]*>\s*$|\{[:.#][^}]*\}\s*$|\{\s+[.#][^}]*\}\s*$)")
FENCE = re.compile(r"^\s*(```|~~~)")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"'(¿¡]?[A-ZÁÉÍÓÚÑ0-9])")


def clean(text: str) -> str:
    """Markdown and HTML markup out, the words kept: what a reader reads."""
    text = re.sub(r"<!--.*?-->", " ", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\{[:.#][^}]*\}|\{\s+[.#][^}]*\}", " ", text)
    text = re.sub(r":[a-z0-9]+(?:-[a-z0-9]+)+:", " ", text)  # icons: :material-spa-outline:
    text = re.sub(r"[*`]+|(?<!\w)_+|_+(?!\w)", "", text)
    return " ".join(text.split())


def markdown_units(text: str, file: str) -> list[Unit]:
    """The units of a Markdown file: front matter values, then the body."""
    lines = text.splitlines()
    units: list[Unit] = []
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((n for n in range(1, len(lines)) if lines[n].strip() in ("---", "...")), 0)
        if end:
            units += yaml_units("\n".join(lines[1:end]), file, offset=1)
            start = end + 1
    units += _blocks(lines[start:], start, file, "", 0)
    return units


def _blocks(lines: list[str], offset: int, file: str, box: str, box_line: int) -> list[Unit]:
    units: list[Unit] = []
    paragraph: list[tuple[int, str]] = []
    lead: tuple[str, int] = (box, box_line)  # the text just before a list or a table
    n = 0

    def flush() -> None:
        nonlocal paragraph, lead
        if paragraph:
            units.extend(_sentences(paragraph, file, box, box_line))
            lead = (" ".join(clean(text) for _, text in paragraph), paragraph[0][0])
            paragraph = []

    while n < len(lines):
        line, number = lines[n], offset + n + 1
        stripped = line.strip()
        if FENCE.match(line):
            flush()
            n += 1
            while n < len(lines) and not FENCE.match(lines[n]):
                n += 1
            n += 1
            continue
        if stripped.startswith("<!--") and "-->" not in stripped:
            flush()
            while n < len(lines) and "-->" not in lines[n]:
                n += 1
            n += 1
            continue
        if not stripped:
            flush()
            n += 1
            continue
        if SKIP.match(line):
            flush()
            lead = (box, box_line)
            n += 1
            continue
        if stripped.startswith("#"):
            flush()
            units.append(Unit(file, number, clean(stripped.lstrip("#")), box, box_line))
            lead = (box, box_line)
            n += 1
            continue
        found_box = BOX.match(line)
        if found_box:
            flush()
            body, n = _indented(lines, n + 1)
            units += _blocks(body, offset + n - len(body), file, clean(found_box["title"] or ""), number)
            lead = (box, box_line)
            continue
        if stripped.startswith("|"):
            flush()
            rows, header = [], ""
            while n < len(lines) and lines[n].strip().startswith("|"):
                cells = [clean(cell) for cell in lines[n].strip().strip("|").split("|")]
                if all(re.fullmatch(r":?-+:?", cell or "-") for cell in cells):
                    pass
                elif not header:
                    header = " | ".join(cells)
                else:
                    rows.append((offset + n + 1, " | ".join(cells)))
                n += 1
            context = " ".join(part for part in (lead[0], header) if part)
            units += [Unit(file, row_line, text, context, lead[1] or number) for row_line, text in rows]
            lead = (box, box_line)
            continue
        item = ITEM.match(line)
        if item and not paragraph:
            texts = [item["text"]]
            n += 1
            while n < len(lines):
                following = lines[n]
                if not following.strip():
                    if n + 1 < len(lines) and lines[n + 1].startswith((" ", "\t")) and lines[n + 1].strip():
                        n += 1
                        continue
                    break
                if ITEM.match(following) and len(ITEM.match(following)["indent"]) <= len(item["indent"]):
                    break
                if not following.startswith((" ", "\t")) and (BOX.match(following) or following.lstrip().startswith(("|", "#"))):
                    break
                inner = ITEM.match(following)
                texts.append(inner["text"] if inner else following.strip())
                n += 1
            units.append(Unit(file, number, clean(" ".join(texts)), lead[0], lead[1]))
            continue
        paragraph.append((number, stripped))
        n += 1
    flush()
    return units


def _indented(lines: list[str], n: int) -> tuple[list[str], int]:
    """A box's body: the lines indented under it (blank lines inside it kept), dedented."""
    body: list[str] = []
    while n < len(lines) and (not lines[n].strip() or lines[n].startswith(("    ", "\t"))):
        body.append(lines[n][4:] if lines[n].startswith("    ") else lines[n].lstrip("\t"))
        n += 1
    while body and not body[-1].strip():
        body.pop()
        n -= 1
    return body, n


def _sentences(paragraph: list[tuple[int, str]], file: str, box: str, box_line: int) -> Iterator[Unit]:
    joined, starts = "", []
    for number, text in paragraph:
        starts.append((len(joined), number))
        joined += text + " "
    position = 0
    for sentence in SENTENCE.split(joined):
        at = joined.find(sentence, position)
        position = at + len(sentence)
        line = max((number for start, number in starts if start <= at), default=paragraph[0][0])
        text = clean(sentence)
        if text:
            yield Unit(file, line, text, box, box_line)


def yaml_units(text: str, file: str, offset: int = 0) -> list[Unit]:
    """One unit per sentence of each text value in a YAML file (the glossary, front matter)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    units: list[Unit] = []
    for node in _scalars(root):
        value = " ".join(str(node.value).split())
        if " " not in value:
            continue  # a key's one-word value (`group: clinic`) is no sentence
        line = offset + node.start_mark.line + 1
        for sentence in SENTENCE.split(value):
            units.append(Unit(file, line, clean(sentence)))
    return units


def _scalars(node: Node | None) -> Iterator[ScalarNode]:
    if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        yield node
    elif isinstance(node, MappingNode):
        for _, value in node.value:
            yield from _scalars(value)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from _scalars(item)


# Matching ------------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", plain(text))


@functools.cache  # a few hundred phrases, each looked for in every sentence of the guide
def phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(GAP if part == GAP else word for part in phrase.split() for word in ([GAP] if part == GAP else words(part)))


def _same(word: str, wanted: str) -> bool:
    return word == wanted or word in (wanted + "s", wanted + "es")


def where_words_are(text_words: list[str]) -> dict[str, list[int]]:
    """Each word of `text_words` with its positions, for `spans`."""
    index: dict[str, list[int]] = {}
    for position, word in enumerate(text_words):
        index.setdefault(word, []).append(position)
    return index


def spans(text_words: list[str], phrase: str, positions: dict[str, list[int]] | None = None) -> Iterator[tuple[int, int]]:
    """Where `phrase` is in `text_words`: (first word, word after the last). `positions`
    (`where_words_are`), when a text is searched for many phrases, saves reading it for each."""
    wanted = phrase_words(phrase)
    if not wanted:
        return

    def at(position: int, index: int) -> int | None:
        if index == len(wanted):
            return position
        if wanted[index] == GAP:
            for skip in range(MAX_GAP + 1):
                end = at(position + skip, index + 1)
                if end is not None:
                    return end
            return None
        if position < len(text_words) and _same(text_words[position], wanted[index]):
            return at(position + 1, index + 1)
        return None

    # Only where the phrase's first word is (or its plural): every other start fails at once.
    first = wanted[0]
    if first == GAP:
        starts: Iterable[int] = range(len(text_words))
    else:
        positions = positions if positions is not None else where_words_are(text_words)
        starts = sorted(position for form in (first, first + "s", first + "es") for position in positions.get(form, ()))
    for start in starts:
        end = at(start, 0)
        if end is not None:
            yield start, end


def _found(text_words: list[str], phrases: Iterable[tuple[str, object]]) -> list[tuple[int, int, str, object]]:
    """Every phrase found, without those inside a longer match of something else."""
    positions = where_words_are(text_words)
    hits = [(start, end, phrase, what) for phrase, what in phrases for start, end in spans(text_words, phrase, positions)]
    return [hit for hit in hits
            if not any(o[3] is not hit[3] and o[0] <= hit[0] and hit[1] <= o[1] and (o[1] - o[0]) > (hit[1] - hit[0])
                       for o in hits)]


def find(triage: Triage, units: Iterable[Unit]) -> list[Finding]:
    """Every unit that names a sign and gives actions, none of them at the sign's level."""
    levels = {level.key: level for level in triage.levels}
    sign_phrases = [(phrase, sign) for sign in triage.signs for phrase in sign.matches]
    action_phrases = [(phrase, level) for level in triage.levels for phrase in level.actions]
    findings: list[Finding] = []
    seen: set[tuple[str, int, str]] = set()
    for unit in units:
        own = words(unit.text)
        text_words = own + ["|"] + words(unit.context)  # "|" is no word: no phrase runs across
        hits = _found(text_words, [*sign_phrases, *action_phrases])
        actions: dict[str, tuple[str, Level]] = {}
        for start, end, _, what in hits:
            if isinstance(what, Level):
                actions.setdefault(what.key, (" ".join(text_words[start:end]), what))
        if not actions:
            continue
        for start, end, _, what in hits:
            if not isinstance(what, Sign) or what.level in actions:
                continue
            in_text = start < len(own)
            line = unit.line if in_text else (unit.context_line or unit.line)
            key = (unit.file, line, what.id)
            if key in seen:  # a lead-in's sign, read with each item of its list
                continue
            seen.add(key)
            findings.append(Finding(unit.file, line, what, " ".join(text_words[start:end]),
                                    tuple(actions.values()), levels[what.level],
                                    unit.text if in_text else f"{unit.context} … {unit.text}"))
    return findings


def hand_written(docs_dir: Path, languages: dict[str, str], main_language: str) -> dict[str, list[Unit]]:
    """The units of every hand-written file in `docs_dir`, by language: every Markdown page and
    snippet, and the glossary's data files (not the triage files: they are the source)."""
    found: dict[str, list[Unit]] = {code: [] for code in languages}
    for path in sorted(docs_dir.rglob("*")):
        if path.suffix not in (".md", ".yml") or path.stem.split(".")[0] == "triage":
            continue
        code = path.suffixes[-2][1:] if len(path.suffixes) > 1 and path.suffixes[-2][1:] in languages else main_language
        if code not in found:
            continue
        shown = f"docs/{path.relative_to(docs_dir).as_posix()}"
        text = path.read_text(encoding="utf-8-sig")
        found[code] += markdown_units(text, shown) if path.suffix == ".md" else yaml_units(text, shown)
    return found
