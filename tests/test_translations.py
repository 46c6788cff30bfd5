"""Translations never fall behind silently (issue 23): each Spanish page, snippet, glossary and
triage file records which version of its English twin it follows (docs/translations.yml, a hash
of the English text); after an English change the build lists the Spanish files behind, as
information, and `make translations-current FILE=...` records an update."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, built_log
from massage_guide.mistakes import AuthorError
from massage_guide.translations import RECORD, behind, fingerprint, gone, read_record, record_current, translations, twin_of
from site_pages import LANGUAGES, MAIN_LANGUAGE

OTHERS = [code for code in LANGUAGES if code != MAIN_LANGUAGE]
SCRIPT = ROOT / "scripts" / "translations_current.py"


def _docs(tmp_path: Path) -> Path:
    """A small docs/ folder: two pages, a snippet and a data file, each with its Spanish twin."""
    docs = tmp_path / "docs"
    files = {
        "index.md": "# Home\n", "index.es.md": "# Inicio\n",
        "differences/price.md": "# Price\n", "differences/price.es.md": "# Precio\n",
        "snippets/tip.md": "A tip.\n", "snippets/tip.es.md": "Una propina.\n",
        "glossary.yml": "terms: []\n", "glossary.es.yml": "terms: []\n",
        "only-english.md": "# Alone\n", "assets/chart.es.svg": "<svg/>", "assets/chart.svg": "<svg/>",
    }
    for path, text in files.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    return docs


def test_each_translation_is_found_with_its_english_twin(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    found = {item.path: item.twin for item in translations(docs, ["en", "es"])}
    assert found == {
        "differences/price.es.md": "differences/price.md",
        "glossary.es.yml": "glossary.yml",
        "index.es.md": "index.md",
        "snippets/tip.es.md": "snippets/tip.md",
    }
    assert twin_of("safety.es.md", "es") == "safety.md" and twin_of("safety.md", "es") is None
    assert twin_of("es.md", "es") is None and twin_of("safety.fr.md", "es") is None


def test_an_english_change_puts_only_its_twin_behind(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    assert {item.translation.path for item in behind(docs, ["es"])} == {
        "differences/price.es.md", "glossary.es.yml", "index.es.md", "snippets/tip.es.md",
    }, "a translation without a record is behind"
    assert len(record_current(docs, ["es"])) == 4 and behind(docs, ["es"]) == []
    (docs / "differences/price.md").write_text("# Price\n\nA new fact.\n", encoding="utf-8")
    late = behind(docs, ["es"])
    assert [(item.translation.path, item.translation.twin) for item in late] == [("differences/price.es.md", "differences/price.md")]
    assert late[0].recorded != late[0].current == fingerprint(docs / "differences/price.md")
    # A language the site does not build is not tracked.
    assert behind(docs, ["en"]) == []


def test_recording_one_translation_changes_only_its_fingerprint(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    record_current(docs, ["es"])
    before = (docs / RECORD).read_text(encoding="utf-8")
    (docs / "index.md").write_text("# Home, changed\n", encoding="utf-8")
    (docs / "differences/price.md").write_text("# Price, changed\n", encoding="utf-8")
    assert record_current(docs, ["es"], ["index.es.md"]) == ["index.es.md"]
    after = (docs / RECORD).read_text(encoding="utf-8")
    changed = [(old, new) for old, new in zip(before.splitlines(), after.splitlines()) if old != new]
    assert len(before.splitlines()) == len(after.splitlines()) and len(changed) == 1, changed
    assert changed[0][1] == f'index.es.md: "{fingerprint(docs / "index.md")}"'
    # The other changed page is still behind; the Spanish files themselves are untouched.
    assert [item.translation.path for item in behind(docs, ["es"])] == ["differences/price.es.md"]
    assert (docs / "index.es.md").read_text(encoding="utf-8") == "# Inicio\n"
    with pytest.raises(ValueError, match="docs/only-english.md"):
        record_current(docs, ["es"], ["only-english.md"])


def test_a_removed_translation_is_named_and_then_dropped(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    record_current(docs, ["es"])
    (docs / "snippets/tip.es.md").unlink()
    assert gone(docs, ["es"]) == ["snippets/tip.es.md"] and behind(docs, ["es"]) == []
    assert record_current(docs, ["es"], ["index.es.md"]) == []  # nothing changed but the record's list
    assert "snippets/tip.es.md" not in read_record(docs) and gone(docs, ["es"]) == []


def test_the_fingerprint_follows_the_words_not_the_line_breaks(tmp_path: Path) -> None:
    unix, windows, rewrapped, changed = (tmp_path / f"{name}.md" for name in ("unix", "windows", "rewrapped", "changed"))
    unix.write_bytes(b"# Home\n\nA short text\non two lines.\n")
    windows.write_bytes(b"# Home\r\n\r\nA short text\r\non two lines.\r\n")
    rewrapped.write_bytes(b"# Home\n\nA short text on two lines.  \n")
    changed.write_bytes(b"# Home\n\nA short text\non three lines.\n")
    assert fingerprint(unix) == fingerprint(windows) == fingerprint(rewrapped) != fingerprint(changed)
    assert re.fullmatch(r"[0-9a-f]{8}", fingerprint(unix))


def test_a_hand_edited_record_names_its_line(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    record_current(docs, ["es"])
    record = docs / RECORD
    text = record.read_text(encoding="utf-8")
    record.write_text(re.sub(r'^index\.es\.md: ".*"$', "index.es.md: latest", text, flags=re.M), encoding="utf-8")
    line = next(i + 1 for i, row in enumerate(record.read_text(encoding="utf-8").splitlines()) if row.startswith("index.es.md"))
    with pytest.raises(AuthorError) as error:
        read_record(docs)
    assert (error.value.file, error.value.line) == (f"docs/{RECORD}", line)
    assert "make translations-current FILE=docs/index.es.md" in str(error.value)


def test_the_command_records_the_file_it_is_given(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\nnav:\n  - index.md\nplugins:\n  - i18n:\n      docs_structure: suffix\n"
        "      languages:\n        - locale: en\n          default: true\n          name: English\n"
        "        - locale: es\n          name: Español\n",
        encoding="utf-8",
    )

    def run(*names: str) -> str:
        done = subprocess.run([sys.executable, str(SCRIPT), *names], cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    listed = run()  # no file named: lists what is behind, records nothing
    assert "make translations-current FILE=docs/index.es.md" in listed and not (docs / RECORD).exists()
    assert "Recorded: docs/index.es.md" in run("docs/index.es.md")
    assert read_record(docs) == {"index.es.md": fingerprint(docs / "index.md")}
    run("all")
    assert behind(docs, ["es"]) == []


@pytest.mark.skipif(not OTHERS, reason="the site is built in one language")
def test_every_translation_follows_todays_english() -> None:
    """Checked in CI so that a forgotten translation is noticed; a practice that switches a
    language off (`build: false`) is not asked about it."""
    docs = ROOT / "docs"
    late = behind(docs, OTHERS)
    assert not late, (
        "These translations follow an older version of their English twin (or none is recorded):\n"
        + "\n".join(f"  docs/{item.translation.path} (English: docs/{item.translation.twin})" for item in late)
        + "\nBring each up to date with its English twin, then record it: "
        "`make translations-current FILE=docs/<the file>` (after checking every one: `FILE=all`)."
    )
    assert {item.language for item in translations(docs, OTHERS)} == set(OTHERS), "no translation found to follow"


def _told(log: str) -> list[str]:
    return [line for line in log.splitlines() if "Translation behind:" in line]


@pytest.mark.skipif("es" not in OTHERS, reason="the Spanish edition is switched off")
def test_the_build_lists_the_spanish_twin_of_a_changed_english_page(project_copy, tmp_path: Path) -> None:
    project = project_copy()
    price = project / "docs/differences/price.md"
    price.write_text(price.read_text(encoding="utf-8") + "\nPrices change; ask the practice.\n", encoding="utf-8")
    # A Spanish file the record does not list yet is told the same way.
    record = project / "docs" / RECORD
    record.write_text(re.sub(r"^snippets/tip-example\.es\.md: .*\n", "", record.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    log = built_log(project, tmp_path / "site")  # strict, and it passes: information only
    told = _told(log)
    assert len(told) == 2, f"each file is told once, in one of the two languages' builds\n{log}"
    price_line = next(line for line in told if "docs/differences/price.es.md" in line)
    assert price_line.startswith("INFO"), price_line
    for needle in ("docs/differences/price.md", "make translations-current FILE=docs/differences/price.es.md"):
        assert needle in price_line, price_line
    tip_line = next(line for line in told if "docs/snippets/tip-example.es.md" in line)
    assert "no record" in tip_line and "docs/snippets/tip-example.md" in tip_line, tip_line


@pytest.mark.skipif("es" not in OTHERS, reason="the Spanish edition is switched off")
@pytest.mark.parametrize("spanish", [True, False], ids=["spanish-on", "spanish-off"])
def test_a_practice_without_the_spanish_edition_is_not_told(broken_copy, caplog, spanish: bool) -> None:
    """With `build: false` under Spanish, a changed English page tells nothing. The plugin's
    event is run on the loaded configuration (as after the last language's build): no build needed."""
    from mkdocs.config import load_config

    from massage_guide.plugin import TranslationsPlugin

    project = broken_copy()
    config_file = project / "mkdocs.yml"
    if not spanish:
        text, count = re.subn(r"(- locale: es\n(?:\s+.*\n)*?\s+build: )true", r"\1false", config_file.read_text(encoding="utf-8"), count=1)
        assert count == 1, "mkdocs.yml has no `build: true` under `locale: es`"
        config_file.write_text(text, encoding="utf-8")
    price = project / "docs/differences/price.md"
    price.write_text(price.read_text(encoding="utf-8") + "\nPrices change; ask the practice.\n", encoding="utf-8")
    config = load_config(config_file=str(config_file), site_dir=str(project / "site"))
    plugin = next(item for item in config.plugins.values() if isinstance(item, TranslationsPlugin))
    with caplog.at_level("INFO", logger="mkdocs.plugins.guide"):
        plugin.on_post_build(config=config)
    told = [record.getMessage() for record in caplog.records if "Translation behind:" in record.getMessage()]
    assert len(told) == (1 if spanish else 0), told
