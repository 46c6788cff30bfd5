"""The guide made larger, to time how its build grows: made-up glossary entries and pages, in
every language the configuration builds.

Used by the benchmark (scripts/bench.py, its scaling case) and by the suite's quick scaling check
(tests/test_scaling.py). `scaled_project` copies a project (mkdocs.yml, docs/, overrides/) and
adds, for each built language:

- glossary entries in that language's data file (docs/glossary.yml, docs/glossary.es.yml): the
  same entries in every language, in the same order, with the same facts (group, pressure,
  where, caution), as the guide's checks want of translated data; the words are made up
  ("Kimarpo", "Delsiran stroke"), so none is a word of the real pages;
- pages in docs/scaling/ (`page-001.md`, `page-001.es.md`, named as `docs_structure` wants),
  listed in the nav under their own section. Each has a title, a unique description, a summary,
  an `# H1`, and uses 40 glossary words of its language twice each, in paragraphs, a list, a
  table or a note: about the size of a real page.

It needs only PyYAML and the guide's package (the site's own requirements).
"""

from __future__ import annotations

import functools
import itertools
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from massage_guide.site_map import SiteMap

FOLDER = "scaling"  # the generated pages' folder inside docs/
WORDS_PER_PAGE = 40  # distinct glossary words on each generated page, each used twice
SYLLABLES = ("ba", "del", "fo", "ga", "ki", "lu", "mar", "nel", "po", "ran", "si", "tov", "vu", "wen", "zo")

# The made-up content's words in each language. A language the guide adds later without an
# entry here gets the English words (the build does not read them; only their size matters).
TEXTS: dict[str, dict[str, Any]] = {
    "en": {
        "second_words": ("stroke", "hold", "press", "glide", "stretch", "wrap", "roll"),
        "parts": ("neck", "shoulders", "upper back", "lower back", "hips", "legs", "feet", "hands", "arms", "scalp"),
        "paces": ("slow", "quick", "steady", "soft", "firm", "long", "short"),
        "alias": "{word} method",
        "technique": "A made-up massage for the build benchmark: {pace} strokes on the {part}. It is not a real one.",
        "word": "A made-up word about visits, for the build benchmark. It is about the {part}.",
        "used_for": "Checking that the guide builds fast with many words about the {part}.",
        "caution": "It is made up: do not book it.",
        "section": "Scaling test pages",
        "title": "Scaling test page {number}",
        "description": "Page {number} made up for the build benchmark: it uses many words from the glossary, "
        "as the guide's own pages do.",
        "summary": "This is page {number} of the pages made up to time the build. It uses many words from "
        "the glossary, each one twice.",
        "h1": "Scaling test page {number}: words from the glossary",
        "part": "Part {index}: {word} and more",
        "sentences": (
            "Some people ask for {a} after a long week at work, and others like {b} better.",
            "A therapist may suggest {a} when a muscle feels tight, or {b} when it feels sore.",
            "If you are not sure what {a} means, ask before the session starts.",
            "{A} often takes about thirty minutes, and many people book it with {b}.",
            "At a clinic, {a} is part of a plan; at a spa, {b} is part of a calm hour.",
            "Tell your therapist if {a} feels too strong, so they can change it.",
        ),
        "list_item": "- **{Word}:** ask how long {word} takes and what it costs.",
        "table_head": "| Word | What to ask |",
        "table_row": "| {word} | How long does {word} take? |",
        "note_title": "Before you book",
        "note": "Ask if {word} suits you; {word} is not for everyone.",
        "again": "Again: {words}. Each is in the glossary.",
    },
    "es": {
        "second_words": ("roce", "presión", "toque", "deslizamiento", "estiramiento", "envoltura", "rodamiento"),
        "parts": (
            "el cuello", "los hombros", "la parte alta de la espalda", "la parte baja de la espalda",
            "las caderas", "las piernas", "los pies", "las manos", "los brazos", "el cuero cabelludo",
        ),
        "paces": ("lentos", "rápidos", "constantes", "suaves", "firmes", "largos", "cortos"),
        "alias": "método {word}",
        "technique": "Un masaje inventado para medir la compilación: movimientos {pace} sobre {part}. No es real.",
        "word": "Una palabra inventada sobre las citas, para medir la compilación. Trata de {part}.",
        "used_for": "Comprobar que la guía se compila rápido con muchas palabras sobre {part}.",
        "caution": "Es inventado: no lo reserve.",
        "section": "Páginas de prueba de escala",
        "title": "Página de prueba {number}",
        "description": "Página {number} inventada para medir la compilación: usa muchas palabras del glosario, "
        "como las páginas de la guía.",
        "summary": "Esta es la página {number} de las páginas inventadas para medir la compilación. Usa muchas "
        "palabras del glosario, cada una dos veces.",
        "h1": "Página de prueba {number}: palabras del glosario",
        "part": "Parte {index}: {word} y más",
        "sentences": (
            "Algunas personas piden {a} después de una semana larga, y otras prefieren {b}.",
            "Un terapeuta puede sugerir {a} cuando un músculo está tenso, o {b} cuando duele.",
            "Si no sabe qué es {a}, pregunte antes de empezar la sesión.",
            "{A} suele durar unos treinta minutos, y muchas personas lo reservan con {b}.",
            "En una clínica, {a} es parte de un plan; en un spa, {b} es parte de una hora tranquila.",
            "Dígale a su terapeuta si {a} se siente muy fuerte, para que lo cambie.",
        ),
        "list_item": "- **{Word}:** pregunte cuánto dura {word} y cuánto cuesta.",
        "table_head": "| Palabra | Qué preguntar |",
        "table_row": "| {word} | ¿Cuánto dura {word}? |",
        "note_title": "Antes de reservar",
        "note": "Pregunte si {word} es para usted; {word} no es para todos.",
        "again": "Otra vez: {words}. Cada una está en el glosario.",
    },
}


def texts(code: str) -> dict[str, Any]:
    return TEXTS.get(code, TEXTS["en"])


@dataclass
class ScaledGuide:
    """A scaled copy of the project: its folder, and per language its pages and glossary entries."""

    project: Path
    languages: dict[str, str]  # {"en": "", "es": "es/"}
    pages: int  # pages in each language: the nav's, those outside it (the booklet) and the added
    entries: int  # glossary entries in each language
    glossary_files: dict[str, Path]
    added_pages: int

    @property
    def all_pages(self) -> int:
        """Pages in all languages together."""
        return self.pages * len(self.languages)


def made_up_words(count: int, avoid: set[str], seed: int = 7) -> list[str]:
    """`count` distinct made-up words of three syllables ("kimarpo"), none of them in `avoid`."""
    rng = random.Random(seed)
    words = list(dict.fromkeys("".join(parts) for parts in itertools.product(SYLLABLES, repeat=3)))
    rng.shuffle(words)
    found = [word for word in words if word not in avoid]
    if len(found) < count:
        raise ValueError(f"Only {len(found)} made-up words for {count} glossary entries.")
    return found[:count]


def synthetic_entries(words: list[str], groups: dict[str, Any], code: str) -> list[dict[str, Any]]:
    """One glossary entry per made-up word, in language `code`, as the data file's schema wants
    it (docs/glossary.yml): a term, a group of the file's, a 2-sentence definition, a pressure for
    techniques, `where:` and `used_for:`; some with an alias or a caution. Every language gets the
    same facts for the same word; terms and anchors are unique."""
    said = texts(code)
    keys = list(groups)
    entries = []
    for index, word in enumerate(words):
        group = keys[index % len(keys)]
        technique = groups[group].get("kind") == "technique"
        part = said["parts"][index % len(said["parts"])]
        second = said["second_words"][index % len(said["second_words"])]
        entry: dict[str, Any] = {"term": word.capitalize() + ("" if index % 2 else " " + second)}
        if index % 5 == 0:
            entry["aliases"] = [said["alias"].format(word=word)]
        entry["group"] = group
        if technique:
            entry["definition"] = said["technique"].format(pace=said["paces"][index % len(said["paces"])], part=part)
            entry["pressure"] = ("light", "medium", "deep", "varies")[index % 4]
        else:
            entry["definition"] = said["word"].format(part=part)
        entry["where"] = ("clinic", "spa", "both")[index % 3]
        entry["used_for"] = said["used_for"].format(part=part)
        if index % 7 == 0:
            entry["caution"] = said["caution"]
        entries.append(entry)
    return entries


def synthetic_page(number: int, words: list[str], code: str) -> str:
    """A Markdown page like the guide's, in language `code`: front matter, a title, sections with
    paragraphs, a list, a table and a note, using each of `words` (glossary names) twice."""
    assert len(words) >= 8
    said = texts(code)
    lines = [
        "---",
        f"title: {said['title'].format(number=number)}",
        "description: >-",
        f"  {said['description'].format(number=number)}",
        "summary: >-",
        f"  {said['summary'].format(number=number)}",
        "---",
        "",
        f"# {said['h1'].format(number=number)}",
        "",
    ]
    sections = [words[i : i + 10] for i in range(0, len(words), 10)]
    for index, section in enumerate(sections, 1):
        lines += [f"## {said['part'].format(index=index, word=section[0])}", ""]
        body, rest = section[:6], section[6:]
        for i, sentence in enumerate(said["sentences"]):
            a, b = body[i % len(body)], body[(i + 1) % len(body)]
            lines.append(sentence.format(a=a, b=b, A=a[0].upper() + a[1:]))
        lines.append("")
        if index % 3 == 1:
            lines += [said["list_item"].format(word=word, Word=word.capitalize()) for word in rest]
        elif index % 3 == 2:
            lines += [said["table_head"], "| --- | --- |"]
            lines += [said["table_row"].format(word=word) for word in rest]
        else:
            lines += [f'!!! note "{said["note_title"]}"', ""]
            lines += [f"    {said['note'].format(word=word)}" for word in rest]
        lines += ["", said["again"].format(words=", ".join(section)), ""]
    return "\n".join(lines)


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def scaled_project(dest: Path, source: Path, pages: int, entries: int) -> ScaledGuide:
    """A copy of the project at `source` in `dest`, topped up with made-up content to `pages`
    pages and `entries` glossary entries in each language the configuration builds (the real
    site's counts are the floor)."""
    shutil.copytree(source / "docs", dest / "docs")
    if (source / "overrides").is_dir():
        shutil.copytree(source / "overrides", dest / "overrides")
    shutil.copy2(source / "mkdocs.yml", dest / "mkdocs.yml")
    site_map = SiteMap(dest / "mkdocs.yml")
    languages = site_map.languages
    glossary_files = site_map.glossary_files
    real_pages = len(site_map.nav_pages) + len(site_map.pages_off_nav)
    data = {code: yaml.safe_load(path.read_text(encoding="utf-8")) for code, path in glossary_files.items()}
    real_entries = len(data[site_map.main_language]["terms"])
    extra_pages, extra_entries = max(pages - real_pages, 0), max(entries - real_entries, 0)
    docs = site_map.docs_dir
    if extra_entries:
        text = " ".join(path.read_text(encoding="utf-8") for path in docs.rglob("*.md"))
        text += " ".join(path.read_text(encoding="utf-8") for path in glossary_files.values())
        words = made_up_words(extra_entries, set(re.findall(r"\w+", text.casefold())))
        for code, glossary in data.items():
            glossary["terms"] += synthetic_entries(words, glossary["groups"], code)
            glossary_files[code].write_text(_dump(glossary), encoding="utf-8")
    if extra_pages:
        (docs / FOLDER).mkdir()
        nav = []
        for code in languages:
            names = [entry["term"].casefold() for entry in data[code]["terms"]]
            for number in range(1, extra_pages + 1):
                start = (number - 1) * WORDS_PER_PAGE
                words = [names[(start + i) % len(names)] for i in range(WORDS_PER_PAGE)]
                name = f"{FOLDER}/page-{number:03d}.md"
                path = docs / site_map.in_language(name, code)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(synthetic_page(number, words, code), encoding="utf-8")
                if code == site_map.main_language:
                    nav.append(name)
        config = load_config(source / "mkdocs.yml")
        title = texts(site_map.main_language)["section"]
        config["nav"] = [*(config.get("nav") or []), {title: nav}]
        for code, settings in _language_items(config):
            if code != site_map.main_language and code in languages:
                settings.setdefault("nav_translations", {})[title] = texts(code)["section"]
        (dest / "mkdocs.yml").write_text(dump_config(config), encoding="utf-8")
    return ScaledGuide(dest, languages, real_pages + extra_pages, real_entries + extra_entries, glossary_files, extra_pages)


class _Tagged(str):
    """A YAML value with a tag (`!!python/name:...`, `!ENV`) kept as written."""

    tag = ""


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml keeping its tagged values (`!!python/name:`, `!ENV`) as written, so that
    `dump_config` writes them back."""


class _Dumper(yaml.SafeDumper):
    pass


def _keep_tag(loader: yaml.Loader, suffix: str, node: yaml.Node, prefix: str) -> _Tagged:
    value = _Tagged(loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else "")
    value.tag = prefix + suffix
    return value


for _prefix in ("tag:yaml.org,2002:python/", "!"):
    ConfigLoader.add_multi_constructor(_prefix, functools.partial(_keep_tag, prefix=_prefix))
_Dumper.add_representer(_Tagged, lambda dumper, value: dumper.represent_scalar(value.tag, str(value)))


def load_config(path: Path) -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=ConfigLoader)


def dump_config(config: dict[str, Any]) -> str:
    return yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def _language_items(config: dict[str, Any]):
    """The i18n plugin's `languages:` entries of `config`, with their codes."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for item in (plugin["i18n"] or {}).get("languages") or []:
                yield item["locale"], item
