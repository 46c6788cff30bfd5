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
