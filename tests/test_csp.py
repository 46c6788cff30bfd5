"""The Content-Security-Policy of every page (massage_guide/plugin/csp.py): the browser itself keeps
the privacy promise, even for a page whose checks were bypassed.

- unit: which scripts are hashed, and how (as browsers hash them);
- the built site: the policy is the first element of every page's <head>, allows exactly the
  page's own inline scripts, and none on a page with `scripts: false`;
- real Chromium: no page asks another host for anything, and none breaks its own policy (zero
  `securitypolicyviolation` events), as it loads and as a search is made on it; a page built
  with the page check bypassed, holding an inline script and a picture from another website,
  runs nothing and asks that website for nothing.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import DESKTOP, SEARCH_BUTTON, KeptTabs, built_log, serve, wait_for_material, watch_for_escapes
from massage_guide.plugin import assets, checks, printing
from massage_guide.plugin.csp import check_scripts_allowed, content_security_policy, inline_scripts, policy
from site_pages import ALL_PAGES, QUIZZES

# Collects every violation the browser reports, from the first byte of the page on.
COLLECT_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`);
});
"""


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def _directives(content: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in content.split(";") if part.strip())}


# Unit ------------------------------------------------------------------------------------------


def test_only_scripts_that_run_are_hashed_with_their_exact_source() -> None:
    rendered = (
        '<script>var a = "&amp;</b>";</script>'  # raw text: entities and tags stay as written
        '<script type="application/json">{"data": 1}</script>'
        '<script type="application/ld+json">{"@type": "X"}</script>'
        '<script src="/bundle.js"></script>'
        '<script type="module">b()</script>'
    )
    assert list(inline_scripts(rendered)) == ['var a = "&amp;</b>";', "b()"]
    found = _directives(content_security_policy(rendered))
    assert found["script-src"] == ["'self'", _hash('var a = "&amp;</b>";'), _hash("b()")]


def test_a_page_without_scripts_allows_none() -> None:
    class Quiz:
        meta = {"scripts": False}

    found = _directives(content_security_policy("<script>a()</script>", Quiz()))
    assert found["script-src"] == ["'none'"] and found["worker-src"] == ["'none'"]


def test_the_policy_names_only_the_sites_own_address() -> None:
    found = _directives(policy(["'sha256-x'"]))
    assert found["default-src"] == ["'self'"]
    assert found["object-src"] == ["'none'"] and found["base-uri"] == ["'none'"]
    assert found["form-action"] == ["'self'"]
    for values in found.values():
        assert not any("://" in value or value in ("*", "https:", "http:") for value in values)


def test_a_finished_page_with_a_script_its_policy_does_not_allow_stops_the_build() -> None:
    head = f'<meta http-equiv="Content-Security-Policy" content="{policy([_hash("a()")])}">'
    check_scripts_allowed("docs/x.md", f"<html><head>{head}</head><body><script>a()</script></body></html>")
    with pytest.raises(Exception, match="does not allow"):
        check_scripts_allowed("docs/x.md", f"<html><head>{head}</head><body><script>b()</script></body></html>")
    with pytest.raises(Exception, match="no Content-Security-Policy"):
        check_scripts_allowed("docs/x.md", "<html><head></head><body></body></html>")


# The built site --------------------------------------------------------------------------------


def _built(site: Path) -> list[tuple[str, BeautifulSoup]]:
    return [(str(path.relative_to(site)), BeautifulSoup(path.read_text("utf-8"), "html.parser")) for path in sorted(site.rglob("*.html"))]


def test_every_page_starts_with_its_policy_allowing_exactly_its_own_scripts(site: Path) -> None:
    for name, soup in _built(site):
        first = soup.head.find(True)
        assert first.name == "meta" and first.get("http-equiv") == "Content-Security-Policy", name
        found = _directives(first["content"])
        runs = [tag.string or "" for tag in soup.find_all("script") if not tag.get("src") and tag.get("type", "") in ("", "module", "text/javascript")]
        if found["script-src"] == ["'none'"]:
            assert not soup.find_all("script", src=True) and not runs, name
        else:
            assert sorted(found["script-src"][1:]) == sorted({_hash(source) for source in runs}), name


def test_the_quiz_runs_no_script(site: Path) -> None:
    for address in QUIZZES:
        soup = BeautifulSoup((site / address / "index.html").read_text("utf-8"), "html.parser")
        content = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert _directives(content)["script-src"] == ["'none'"], address


# Real Chromium ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def first_visits(browser, base_url: str) -> dict[str, dict[str, list[str]]]:
    """Each page as it loads and a search is made on it: its requests to other hosts
    ("elsewhere") and the violations of its policy the browser reported ("violations"). In tabs
    kept open from page to page (conftest.KeptTabs): a request to another host never comes from
    the cache (it cannot succeed here), so a page loaded in a used tab asks for it as a first
    visit would; the script that collects violations starts again on each page."""
    own = urlsplit(base_url).netloc
    found = {address: {"elsewhere": [], "violations": []} for address in ALL_PAGES}
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(COLLECT_VIOLATIONS)
    kept = KeptTabs(context)
    context.on(
        "request",
        lambda request: found[kept.loading[request.frame.page]]["elsewhere"].append(request.url)
        if urlsplit(request.url).scheme in ("http", "https", "ws", "wss") and urlsplit(request.url).netloc != own
        else None,
    )
    for tab, address, _ in kept.visit(ALL_PAGES, lambda address: base_url + address):
        # Search fetches its index in a worker: both are the site's own, and allowed; the index
        # must stay on this host too.
        if tab.locator(SEARCH_BUTTON).is_visible():
            tab.locator(SEARCH_BUTTON).click()
            tab.locator("input.md-search__input").press_sequentially("tip")
            tab.wait_for_selector(".md-search-result__item", timeout=10_000)
        found[address]["violations"] = tab.evaluate("() => window.__violations")
    context.close()
    return found


@pytest.mark.parametrize("address", ALL_PAGES)
def test_page_requests_nothing_from_other_hosts(first_visits, address: str) -> None:
    elsewhere = first_visits[address]["elsewhere"]
    assert not elsewhere, f"/{address} asked other hosts for: {elsewhere}"


def test_no_page_breaks_its_own_policy(first_visits) -> None:
    found = {address: visit["violations"] for address, visit in first_visits.items() if visit["violations"]}
    assert not found


HOSTILE = """
<script>alert("script ran")</script>

<img src="https://other.example/tracker.png" alt="">

<img src="x" onerror="alert('handler ran')" alt="">
"""


def test_the_browser_blocks_what_a_bypassed_check_lets_through(project_copy, tmp_path: Path, browser, monkeypatch) -> None:
    project = project_copy()
    page_file = project / "docs" / "differences" / "price.md"
    page_file.write_text(page_file.read_text("utf-8") + HOSTILE, "utf-8")
    # The guide's page checks bypassed: the page is built as written.
    monkeypatch.setattr(checks, "outside_allowlist", lambda *args, **kwargs: [])
    monkeypatch.setattr(checks, "check_content", lambda *args, **kwargs: None)
    monkeypatch.setattr(checks, "check_output", lambda *args, **kwargs: None)
    monkeypatch.setattr(printing, "check_output", lambda *args, **kwargs: None)
    monkeypatch.setattr(assets, "check_scripts_allowed", lambda *args, **kwargs: None)
    built_log(project, tmp_path / "site")
    html = (tmp_path / "site" / "differences" / "price" / "index.html").read_text("utf-8")
    assert 'alert("script ran")' in html and "https://other.example/tracker.png" in html
    server, url = serve(tmp_path / "site")
    try:
        context = browser.new_context(viewport=DESKTOP)
        context.add_init_script(COLLECT_VIOLATIONS)
        page = context.new_page()
        dialogs, elsewhere = watch_for_escapes(context, page)
        page.goto(url + "differences/price/", wait_until="load")
        wait_for_material(page)  # Material's own script still runs
        page.wait_for_function("() => window.__violations.length >= 3", timeout=10_000)
        violations = page.evaluate("window.__violations")
        assert not dialogs and not elsewhere
        assert any(v.startswith("img-src https://other.example/tracker.png") for v in violations), violations
        assert sum(v.startswith("script-src-elem inline") for v in violations) >= 1, violations
        assert any(v.startswith("script-src-attr inline") for v in violations), violations
        context.close()
    finally:
        server.shutdown()
