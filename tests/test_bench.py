"""The build-time benchmark compares like with like (scripts/bench.py; the benchmark is not a test).

Plain Material must build the same pages with the same installed Markdown extensions and the
search plugin, and lose only what is ours: the theme overrides, the `guide` plugin and the
`massage_guide.*` extensions (the package in src/, installed editable). Wherever the project's
virtual environment lives, inside the project (`.venv`, as `make` sets it up) or not.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from conftest import ROOT


@pytest.fixture(scope="module")
def bench():
    """scripts/bench.py, loaded once for these tests (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _names(entries: list) -> list[str]:
    return [next(iter(entry)) if isinstance(entry, dict) else entry for entry in entries]


def _ours(name: str) -> bool:
    return name == "massage_guide" or name.startswith("massage_guide.")


def test_plain_material_keeps_every_installed_extension_and_drops_only_ours(bench, tmp_path: Path) -> None:
    path, dropped = bench.plain_material_config(tmp_path)
    plain = yaml.load(path.read_text(encoding="utf-8"), Loader=bench._Loader)
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=bench._Loader)
    our_extensions = [name for name in _names(ours["markdown_extensions"]) if _ours(name)]
    assert our_extensions, "mkdocs.yml names no massage_guide extension: is this test out of date?"

    assert _names(plain["markdown_extensions"]) == [
        name for name in _names(ours["markdown_extensions"]) if not _ours(name)
    ]
    our_plugins = [name for name in _names(ours["plugins"]) if name.startswith("guide/")]
    assert our_plugins, "mkdocs.yml names no guide/ plugin: is this test out of date?"
    assert _names(plain["plugins"]) == [name for name in _names(ours["plugins"]) if name not in our_plugins]
    assert "search" in _names(plain["plugins"])
    assert plain["nav"] == ours["nav"]
    assert Path(plain["docs_dir"]) == ROOT / "docs"
    assert "hooks" not in plain
    # A page that names one of our templates (`template: home.html`) gets Material's page
    # template: the only custom_dir plain Material may have holds one-line stubs saying so.
    stubs = sorted(item.removeprefix("page template ") for item in dropped if item.startswith("page template "))
    custom_dir = plain["theme"].get("custom_dir")
    if stubs:
        assert Path(custom_dir).is_relative_to(tmp_path)
        found = sorted(str(f.relative_to(custom_dir)) for f in Path(custom_dir).rglob("*") if f.is_file())
        assert found == stubs
        assert all((Path(custom_dir) / name).read_text().strip() == '{% extends "main.html" %}' for name in stubs)
    else:
        assert custom_dir is None
    assert sorted(dropped) == sorted(
        [
            "theme.custom_dir",
            *(f"plugin {name}" for name in our_plugins),
            *(f"extension {name}" for name in our_extensions),
            *(f"page template {name}" for name in stubs),
        ]
    )


def test_ours_means_the_massage_guide_package_and_distribution(bench) -> None:
    for name in ("massage_guide.quiz", "massage_guide.glossary:GlossaryExtension", "guide_quiz"):
        assert bench._is_ours(name), name
    for name in ("toc", "pymdownx.superfences", "markdown.extensions.abbr", "massage_guide_other.x"):
        assert not bench._is_ours(name), name
    assert bench._is_ours("guide/checks", bench.PLUGINS_GROUP)
    assert not bench._is_ours("search", bench.PLUGINS_GROUP)
    assert not bench._is_ours("material/search", bench.PLUGINS_GROUP)


def test_timed_builds_keep_compiled_modules_unless_asked_not_to(bench, monkeypatch) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    assert "PYTHONDONTWRITEBYTECODE" not in bench.build_env(compiled_modules=True)
    monkeypatch.delenv("PYTHONDONTWRITEBYTECODE")
    assert bench.build_env(compiled_modules=False)["PYTHONDONTWRITEBYTECODE"] == "1"


def test_synthetic_glossary_and_pages_are_valid(bench, tmp_path: Path) -> None:
    """The scaling case's made-up glossary passes the data file's checks; its pages use it."""
    from massage_guide.glossary import load_glossary

    pages, entries, data = bench.scaled_project(tmp_path / "large", 1.0, ROOT)
    assert (pages, entries) == (bench.SCALING_PAGES, bench.SCALING_ENTRIES)
    glossary = load_glossary(tmp_path / "large" / data)
    assert len(glossary.entries) == bench.SCALING_ENTRIES
    config = yaml.load((tmp_path / "large" / "mkdocs.yml").read_text(encoding="utf-8"), Loader=bench._Loader)
    extra = config["nav"][-1]["Scaling test pages"]
    assert len(extra) == bench.SCALING_PAGES - len(bench.doc_pages(ROOT))
    page = (tmp_path / "large" / "docs" / extra[-1]).read_text(encoding="utf-8")
    assert page.startswith("---\ntitle: ") and "\n# " in page and "summary: >-" in page
