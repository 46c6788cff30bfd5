"""The pages and languages the tests and the benchmark use are read from mkdocs.yml
(`massage_guide.site_map`): a page added to the nav is in them, listed nowhere else."""

from __future__ import annotations

from pathlib import Path

import pytest

from massage_guide.site_map import SiteMap, address_of

CONFIG = """
site_name: A practice's guide
theme:
  name: material
  language: en
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
  - massage_guide.glossary:
      data: docs/words.yml
not_in_nav: |
  /print.md
  /print.es.md
nav:
  - Home: index.md
  - Ways it differs:
      - differences/price.md
      - differences/aftercare.md
  - quiz.md
  - Our other site: https://example.com/
  - About:
      - about.md
      - More:
          - sources.md
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          default: true
          build: true
        - locale: es
          build: true
          site_name: Una guía
        - locale: fr
          build: false
"""


@pytest.fixture
def site_map(tmp_path: Path) -> SiteMap:
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    docs = tmp_path / "docs"
    for name in ("index", "print", "quiz", "about", "sources"):
        for suffix in (".md", ".es.md"):
            (docs / f"{name}{suffix}").parent.mkdir(parents=True, exist_ok=True)
            (docs / f"{name}{suffix}").write_text("# A page\n", encoding="utf-8")
    (docs / "words.yml").write_text("terms: []\n", encoding="utf-8")
    (docs / "words.es.yml").write_text("terms: []\n", encoding="utf-8")
    return SiteMap(tmp_path / "mkdocs.yml")


def test_languages_are_the_built_ones_main_first(site_map: SiteMap) -> None:
    assert site_map.languages == {"en": "", "es": "es/"}
    assert site_map.main_language == "en"
    assert site_map.language_settings["es"]["site_name"] == "Una guía"


def test_pages_come_from_the_nav_in_its_order_in_every_language(site_map: SiteMap) -> None:
    pages = ["", "differences/price/", "differences/aftercare/", "quiz/", "about/", "sources/"]
    assert site_map.addresses() == [*pages, *(f"es/{page}" for page in pages)]
    assert [page.sections for page in site_map.nav_pages][-2:] == [("About",), ("About", "More")]


def test_the_section_of_a_folder_is_found_whatever_its_title(site_map: SiteMap) -> None:
    section = site_map.section_in("differences/")
    assert [page.address for page in section] == ["differences/price/", "differences/aftercare/"]
    with pytest.raises(ValueError, match="docs/treatments/"):
        site_map.section_in("treatments/")


def test_sources_and_data_files_in_each_language(site_map: SiteMap) -> None:
    about = next(page for page in site_map.nav_pages if page.address == "about/")
    assert site_map.sources(about) == {"en": "about.md", "es": "about.es.md"}
    root = site_map.config_file.parent
    assert site_map.glossary_files == {"en": root / "docs/words.yml", "es": root / "docs/words.es.yml"}


def test_pages_left_out_of_the_nav_on_purpose(site_map: SiteMap) -> None:
    assert [page.address for page in site_map.pages_off_nav] == ["print/"]


def test_addresses_as_mkdocs_gives_them() -> None:
    assert address_of("index.md") == ""
    assert address_of("differences/index.md") == "differences/"
    assert address_of("differences/price.md") == "differences/price/"
    assert address_of("differences/price.md", directory_urls=False) == "differences/price.html"
