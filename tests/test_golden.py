"""Golden files for every Markdown extension of the guide, as pymdown-extensions tests its own.

`fixtures/NAME/CASE.md` converts, with the extensions and options in `fixtures/NAME/config.yml`
(and `CASE.yml`, when there is one), to exactly `fixtures/NAME/CASE.html`; a case that is an
author's mistake converts to `ERROR: ` and its message. The extensions are loaded by name, as
any Python-Markdown host loads them, with no MkDocs in between.

After a deliberate change to the HTML, run `REGENERATE_GOLDEN=1 make test-fast` and read the
diff of the .html files before committing them.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(FIXTURES.glob("*/*.md"))
# Every extension the guide names in mkdocs.yml has golden files.
EXTENSIONS = {"summary", "blocks", "permalinks", "print_links", "quiz", "glossary", "tables"}


def _settings(case: Path) -> tuple[list[str], dict[str, dict]]:
    config = yaml.safe_load((case.parent / "config.yml").read_text(encoding="utf-8"))
    options = {name: dict(values) for name, values in (config.get("options") or {}).items()}
    own = case.with_suffix(".yml")
    if own.is_file():
        for name, values in (yaml.safe_load(own.read_text(encoding="utf-8")).get("options") or {}).items():
            options.setdefault(name, {}).update(values)
    return config["extensions"], options


def convert(case: Path) -> str:
    extensions, options = _settings(case)
    md = markdown.Markdown(extensions=extensions, extension_configs=options)
    try:
        return md.convert(case.read_text(encoding="utf-8")) + "\n"
    except ValueError as error:  # an author's mistake: the extensions' errors are ValueErrors
        return f"ERROR: {error}\n"


@pytest.mark.parametrize("case", CASES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_golden_html(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case.parent)  # `data: glossary.yml` is the file beside the case
    html = convert(case)
    golden = case.with_suffix(".html")
    if os.environ.get("REGENERATE_GOLDEN") == "1":
        golden.write_text(html, encoding="utf-8")
    assert golden.is_file(), f"no {golden.name}: run with REGENERATE_GOLDEN=1 to write it"
    expected = golden.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), html.splitlines(True), golden.name, "now"))
    assert html == expected, f"{case.name} no longer converts to {golden.name}:\n{diff}"


def test_every_extension_has_golden_files() -> None:
    assert {case.parent.name for case in CASES} == EXTENSIONS


def test_every_table_of_a_page_is_the_guides() -> None:
    """Material's script takes every table without a class out of the page while it starts and
    wraps it in a scrolling frame, laying the table out again (massage_guide/tables.py). So every
    table the tables extension converts carries its class `mdx-table`, in every golden file: but
    for a quiz's (turned into a form) and one that came with a class of its own."""
    found, tables = [], 0
    for case in CASES:
        if "massage_guide.tables" not in _settings(case)[0]:
            continue
        own = {" ".join(table.get("class") or []) for table in BeautifulSoup(case.read_text(encoding="utf-8"), "html.parser").select("table[class]")}
        for table in BeautifulSoup(case.with_suffix(".html").read_text(encoding="utf-8"), "html.parser").select("table"):
            if table.find_parent(class_="mdx-quiz") or " ".join(table.get("class") or []) in own - {""}:
                continue
            tables += 1
            if table.get("class") != ["mdx-table"]:
                found.append(f"{case.parent.name}/{case.with_suffix('.html').name}: <table class={table.get('class')}>")
    assert tables >= 8, f"only {tables} tables in the golden files"
    assert not found, "tables Material's script would wrap:\n" + "\n".join(found)
