"""The build-time benchmark compares like with like (scripts/bench.py; the benchmark is not a test).

Plain Material must build the same pages with the same installed Markdown extensions, and lose
only what is ours: the theme overrides and the hooks (which add our own extensions). Wherever the
project's virtual environment lives, inside the project (`.venv`, as `make` sets it up) or not.
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


def test_plain_material_keeps_every_installed_extension_and_drops_only_ours(bench, tmp_path: Path) -> None:
    path, dropped = bench.plain_material_config(tmp_path)
    plain = yaml.load(path.read_text(encoding="utf-8"), Loader=bench._Loader)
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=bench._Loader)

    assert _names(plain["markdown_extensions"]) == _names(ours["markdown_extensions"])
    assert plain["nav"] == ours["nav"]
    assert Path(plain["docs_dir"]) == ROOT / "docs"
    assert "hooks" not in plain and "custom_dir" not in plain["theme"]
    assert sorted(dropped) == sorted(["theme.custom_dir", *(f"hook {hook}" for hook in ours["hooks"])])


def test_timed_builds_keep_compiled_modules_unless_asked_not_to(bench, monkeypatch) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    assert "PYTHONDONTWRITEBYTECODE" not in bench.build_env(compiled_modules=True)
    monkeypatch.delenv("PYTHONDONTWRITEBYTECODE")
    assert bench.build_env(compiled_modules=False)["PYTHONDONTWRITEBYTECODE"] == "1"
