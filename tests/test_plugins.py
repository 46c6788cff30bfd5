"""The guide's MkDocs plugins, one concern each (src/massage_guide/plugin): a practice turns one
off in mkdocs.yml, and the rest of the site is built as before. Built in process."""

from __future__ import annotations

from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

import massage_guide.words
from massage_guide.plugin.link_kit import QR_FILES


def test_a_practice_can_turn_the_booklet_off(project_copy) -> None:
    project = project_copy()
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    assert "  - guide/print\n" in text, "mkdocs.yml names no guide/print plugin: is this test out of date?"
    config_file.write_text(text.replace("  - guide/print\n", "  - guide/print:\n      enabled: false\n", 1), encoding="utf-8")
    site = project / "site"
    build(load_config(config_file=str(config_file), site_dir=str(site), strict=True))

    booklet = next(
        path for path in (project / "docs").glob("*.md")
        if ".es." not in path.name and yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1]).get("booklet")
    )
    printed = BeautifulSoup((site / booklet.stem / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert printed.h1 is not None and not printed.select("section[id^=booklet-]"), "the booklet was still made"
    # The link kit's QR code files and the handout's QR code stay.
    assert (site / QR_FILES["svg"]).is_file() and (site / QR_FILES["png"]).is_file()
    handout = BeautifulSoup((site / "handout/index.html").read_text(encoding="utf-8"), "html.parser")
    assert handout.select_one("svg.mdx-qr__code") is not None


def test_the_plugins_are_named_in_mkdocs_yml() -> None:
    """Each plugin of the package is installed under its name and listed for practice owners."""
    from importlib.metadata import entry_points

    ours = {entry.name for entry in entry_points(group="mkdocs.plugins") if entry.value.startswith("massage_guide.")}
    assert ours == {"guide/checks", "guide/assets", "guide/print", "guide/languages", "guide/translations"}
    listed = (Path(__file__).parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    for name in sorted(ours):
        assert f"  - {name}" in listed, f"mkdocs.yml does not name {name}"


def test_preview_watches_the_glossary_data_and_the_projects_own_words(project_copy) -> None:
    """`mkdocs serve` rebuilds when an editor saves a glossary definition or a words file, though
    neither is a page of the site."""
    project = project_copy()
    (project / "words").mkdir()
    # The project's own English wording: a copy of the guide's, which the build checks like any.
    shipped = Path(massage_guide.words.__file__).parent / "en.yml"
    (project / "words" / "en.yml").write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"))

    class Server:
        watched: list[str] = []

        def watch(self, path: str, *args, **kwargs) -> None:
            self.watched.append(Path(path).resolve().relative_to(project.resolve()).as_posix())

    config.plugins.on_startup(command="serve", dirty=False)
    server = config.plugins.on_serve(Server(), config=config.plugins.on_config(config), builder=lambda: None)
    assert {"docs/glossary.yml", "docs/glossary.es.yml", "words"} <= set(server.watched), server.watched
