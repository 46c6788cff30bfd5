"""The `guide/checks` plugin's page checks, fast: the site's own configuration loaded, and the
plugin's events called with pages made in the test (no build, no process). Every mistake is
collected and told together once the pages are read."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from massage_guide.plugin.checks import ChecksPlugin

ROOT = Path(__file__).parent.parent
GOOD = "---\ntitle: Price\ndescription: What a massage costs.\nsummary: A short summary.\n---\n\n# Price\n\nText.\n"


def good(name: str) -> str:
    """A good page of its own (titles and descriptions are unique across the site)."""
    return GOOD.replace("Price", name.capitalize()).replace("What a massage costs", f"What {name} says")


@pytest.fixture(scope="module")
def checks_site() -> tuple[MkDocsConfig, ChecksPlugin]:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    return config, config.plugins["guide/checks"]


def _read(config: MkDocsConfig, checks: ChecksPlugin, pages: dict[str, str]) -> str:
    """Give `checks` each page as MkDocs would; return what the build then says ("" for nothing)."""
    checks.on_pre_build(config=config)
    files = Files([])
    for path, text in pages.items():
        page = Page(None, File.generated(config, path, content=text), config)
        page.read_source(config)
        checks.on_page_markdown(page.markdown or "", page=page, config=config, files=files)
    try:
        checks.on_env(None, config=config, files=files)
    except PluginError as error:
        return str(error)
    return ""


def test_good_pages_pass(checks_site) -> None:
    assert _read(*checks_site, {"price.md": GOOD}) == ""


def test_every_page_mistake_is_told_together_with_its_file_and_line(checks_site) -> None:
    said = _read(*checks_site, {
        "no-summary.md": good("one").replace("summary: A short summary.\n", ""),
        "no-title.md": good("two").replace("# Two\n", "Two\n"),
        "quoted-switch.md": good("three").replace("---\n\n", 'scripts: "false"\n---\n\n'),
        "glossary-line.md": good("four") + "\n<!-- glossary: entries -->\n",
        "price.md": GOOD,
    })
    assert said.startswith("4 mistakes to fix"), said
    for where in (
        "docs/no-summary.md, line 1: the page has no summary box text.",
        "docs/no-title.md, line 7: the page has no title line.",
        'docs/quoted-switch.md, line 5: `scripts:` is the text "false" in quotes',
        "docs/glossary-line.md, line 11: `<!-- glossary: entries -->` is not a glossary block this page can have.",
    ):
        assert where in said, f"{where!r} not in:\n{said}"
    assert said.count("  Expected: ") == 4 and said.count("  For example:") == 4
    assert "docs/price.md" not in said
