"""Templates compiled once per process (massage_guide/plugin/compiled_templates.py) never show a
stale page: `mkdocs serve` rebuilds in one process on every save, so an edited template must show
in the next build, and environments set differently must not share compiled code. A copy of the
project elsewhere reuses the code, and its errors name its own file."""

from __future__ import annotations

import traceback
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader, UndefinedError

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


def test_a_copy_elsewhere_reuses_the_code_and_its_errors_name_the_copys_file(tmp_path: Path, monkeypatch) -> None:
    """The tests build many copies of the project: the same source in another folder is not
    compiled again, and a template's error still names the file the build read."""
    compiled: list[str] = []
    compile_source = Environment.compile

    def counted(env, source, name=None, filename=None, *args, **kwargs):
        compiled.append(filename)
        return compile_source(env, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counted)
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        (folder / "page.html").write_text("<p>{{ name }}</p>\n{{ missing.key }}", encoding="utf-8")
    CompiledTemplates.kept.clear()
    for folder in (first, second):
        env = Environment(loader=FileSystemLoader(folder))
        env.bytecode_cache = CompiledTemplates(env)
        template = env.get_template("page.html")
        assert template.filename == str(folder / "page.html")
        with pytest.raises(UndefinedError) as raised:  # `missing` is undefined
            template.render(name="Dana")
        frames = [frame.filename for frame in traceback.extract_tb(raised.value.__traceback__)]
        assert str(folder / "page.html") in frames, frames
    assert compiled == [str(first / "page.html")], "the copy's template was compiled again"
