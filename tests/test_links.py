"""No internal link or anchor in the built site points nowhere."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from conftest import SITE_PATH

HOST = "http://site.invalid/"


def _target_file(site: Path, path: str) -> Path:
    file = site / unquote(path).lstrip("/")
    return file / "index.html" if path.endswith("/") or file.is_dir() else file


def test_internal_links_and_anchors_resolve(site: Path) -> None:
    ids: dict[Path, set[str]] = {}

    def ids_of(file: Path) -> set[str]:
        if file not in ids:
            soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
            ids[file] = {tag["id"] for tag in soup.find_all(id=True)}
        return ids[file]

    broken = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        here = HOST + page.relative_to(site).as_posix()
        if page.name == "404.html":
            continue  # served from any address; its links are absolute and checked below
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src")):
            for node in soup.find_all(tag, attrs={attr: True}):
                url = urljoin(here, node[attr])
                parts = urlsplit(url)
                if not url.startswith(HOST):
                    continue
                target = _target_file(site, parts.path)
                if not target.is_file():
                    broken.append(f"{page.relative_to(site)}: {node[attr]} (no such file)")
                elif parts.fragment and target.suffix == ".html":
                    if unquote(parts.fragment) not in ids_of(target):
                        broken.append(f"{page.relative_to(site)}: {node[attr]} (no such anchor)")
    assert not broken, "Broken internal links:\n" + "\n".join(broken)


def test_not_found_page_links_work_from_any_address(site: Path) -> None:
    soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    for node in soup.select("article a[href]"):
        path = urlsplit(node["href"]).path
        # Absolute, inside the folder `site_url` names (the domain's root or a folder of it).
        assert path.startswith(SITE_PATH), f"404 link {node['href']} breaks when served from a deep path"
        assert _target_file(site, "/" + path[len(SITE_PATH):]).is_file(), f"404 links to missing {node['href']}"
