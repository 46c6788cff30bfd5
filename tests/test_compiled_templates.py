"""Templates compiled once per process (massage_guide/plugin/compiled_templates.py) never show a
stale page: `mkdocs serve` rebuilds in one process on every save, so an edited template must show
in the next build, and environments set differently must not share compiled code."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from massage_guide.plugin.compiled_templates import CompiledTemplates


def render(folder: Path, **settings: bool) -> str:
    """`page.html` rendered by a new environment, as each build makes one."""
    env = Environment(loader=FileSystemLoader(folder), **settings)
    env.bytecode_cache = CompiledTemplates(env)
    return env.get_template("page.html").render(name="Dana")


def test_an_edited_template_shows_in_the_next_build_of_the_same_process(tmp_path: Path) -> None:
    template = tmp_path / "page.html"
    template.write_text("<p>Reviewed by {{ name }}</p>", encoding="utf-8")
    assert render(tmp_path) == "<p>Reviewed by Dana</p>"
    assert render(tmp_path) == "<p>Reviewed by Dana</p>"  # from the kept code
    template.write_text("<p>Checked by {{ name }}</p>", encoding="utf-8")
    assert render(tmp_path) == "<p>Checked by Dana</p>"


def test_environments_set_differently_compile_the_same_template_each_their_way(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>\n  {% if name %}\n  {{ name }}\n  {% endif %}\n</p>", encoding="utf-8")
    plain = render(tmp_path)
    trimmed = render(tmp_path, trim_blocks=True, lstrip_blocks=True)
    assert plain == "<p>\n  \n  Dana\n  \n</p>"
    assert trimmed == "<p>\n  Dana\n</p>"
    assert render(tmp_path) == plain
