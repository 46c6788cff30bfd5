"""The Content-Security-Policy of each page: the browser itself keeps the privacy promise.

Every page carries its policy as the first element of `<head>` (overrides/main.html, block
`site_meta`): everything comes from the site's own address, and the only inline scripts that run
are the theme's own, allowed one by one by the SHA-256 hash of their source. A page with
`scripts: false` (the quiz, the booklet) runs none at all (`script-src 'none'`). Where a check of
the guide misses something an author wrote, the browser still refuses to run it or to ask another
website for it.

The hashes are computed per page, at build time, from what the page really contains: the
template renders the partials and blocks that write the theme's inline scripts (Material's
`partials/javascripts/*.html`, the `analytics` and `scripts` blocks) into a variable first, and
the filter `content_security_policy` reads the scripts from that with a real HTML parser
(html5lib, which reads markup as browsers do). Those partials are rendered again in their place
with the same context, so they write the same bytes. `check_scripts_allowed` proves it on every
finished page: an inline script the policy does not allow (a theme upgrade that adds one) stops
the build, instead of shipping a page whose script the browser blocks.

Styles: `style-src` allows the pages' own `<style>` elements and `style` attributes (the theme
writes both: the boxes' icons, the print footer, the quiz's styles), but every address in CSS
still has to be the site's own (`img-src`, `font-src`), so no style can ask another website for
anything. `img-src` allows `data:` addresses: the site's icon and the boxes' icons are written
into each page as data: addresses (theme_assets.py says why).

`mkdocs serve` adds its own inline script (live reload) to every page it serves, with a number
that changes each time: previews carry no policy, so live reload keeps working. A preview is told
by its address: `mkdocs serve` sets `site_url` to the address it serves at (`dev_addr`). (Not by
`on_startup`: a plugin with that event is kept from one build to the next, and guide/assets must
start each build anew.)

The offline copy (`make offline`, offline.py), opened from a disk (`file://`), keeps this policy
as it is: `'self'` covers the copy's own files, and its search needs no worker or fetch (offline.py
says how); CONTENT-SECURITY-POLICY.md, "The offline copy".
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Iterator
from urllib.parse import urlsplit

import html5lib
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..mistakes import mistake

# Types of `<script>` that run (the HTML standard's JavaScript MIME types, `module`, none); any
# other type (`application/json`, `application/ld+json`) is a block of data the browser never runs.
RUNS = {
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/jscript",
    "text/livescript", "text/x-ecmascript", "text/x-javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5",
}
NS = "{http://www.w3.org/1999/xhtml}"


def previewing(config: MkDocsConfig) -> bool:
    """Whether `mkdocs serve` builds this site: it publishes the site at `dev_addr`."""
    host, port = config.dev_addr
    return urlsplit(config.site_url or "").netloc == f"{host}:{port}"


def inline_scripts(html: str) -> Iterator[str]:
    """The source of each inline script in `html` (what a template rendered) that a browser would run."""
    yield from _inline_scripts(html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=True))


def _inline_scripts(tree) -> Iterator[str]:
    """`inline_scripts` of a parsed page or fragment."""
    for element in tree.iter(f"{NS}script"):
        if "src" in element.attrib:
            continue
        if element.get("type", "").strip().lower() not in RUNS:
            continue
        yield element.text or ""


def script_hash(source: str) -> str:
    """The policy's name for one inline script: the SHA-256 of its source, as the browser hashes it."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(hashes: list[str], scripts: bool = True) -> str:
    """The whole policy, as one `content` value. `scripts` False: the page runs no script at all."""
    script_src = " ".join(["'self'", *hashes]) if scripts else "'none'"
    directives = [
        "default-src 'self'",
        f"script-src {script_src}",
        # Material's search runs in a worker, loaded from the site's own script file.
        "worker-src " + ("'self'" if scripts else "'none'"),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def content_security_policy(rendered_scripts: str, page=None) -> str:
    """The Jinja filter: the policy of a page, from what its template rendered where the theme
    writes inline scripts. `page` with `scripts: false` in its front matter runs none."""
    meta = getattr(page, "meta", None) or {}
    if meta.get("scripts") is False:
        return policy([], scripts=False)
    hashes = list(dict.fromkeys(script_hash(source) for source in inline_scripts(rendered_scripts)))
    return policy(hashes)


def allowed_hashes(tree) -> tuple[bool, set[str]] | None:
    """What the page's own policy allows (`tree`: the page, parsed): (runs scripts at all, the
    hashes), or None without one."""
    head = tree.find(f"{NS}head")
    for meta in head.iter(f"{NS}meta") if head is not None else ():
        if meta.get("http-equiv", "").lower() == "content-security-policy":
            for directive in meta.get("content", "").split(";"):
                name, _, values = directive.strip().partition(" ")
                if name == "script-src":
                    sources = set(values.split())
                    return ("'none'" not in sources, {value for value in sources if value.startswith("'sha256-")})
            return (True, set())
    return None


@functools.lru_cache(maxsize=64)
def policy_and_scripts(html: str) -> tuple[tuple[bool, frozenset[str]] | None, tuple[str, ...]]:
    """What the finished page `html` holds: its policy (`allowed_hashes`) and its inline scripts.
    Kept per process for the same page (kept.py): the tests build many copies whose pages are
    the same, and a page is long to parse."""
    tree = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=True)
    allowed = allowed_hashes(tree)
    return (allowed[0], frozenset(allowed[1])) if allowed else None, tuple(_inline_scripts(tree))


def check_scripts_allowed(where: str, html: str) -> None:
    """Every inline script of a finished page is one its policy allows (the theme's own)."""
    allowed, scripts = policy_and_scripts(html)
    if allowed is None:
        raise PluginError(mistake(
            f"{where}: ", "the finished page has no Content-Security-Policy.",
            "overrides/main.html's `site_meta` block (or a template's own) writes the policy first in `<head>`.",
            "{% extends \"main.html\" %}",
        ))
    runs, hashes = allowed
    for source in scripts:
        if not runs or script_hash(source) not in hashes:
            shown = " ".join(source.split())[:80]
            raise PluginError(mistake(
                f"{where}: ",
                f"the finished page has an inline script its Content-Security-Policy does not allow "
                f"(`{shown}`): the browser would refuse to run it.",
                "inline scripts only from the partials that overrides/main.html's `site_meta` block "
                "renders first (Material's partials/javascripts/, the `analytics` and `scripts` "
                "blocks); pages with `scripts: false` run none.",
                "{% block scripts %}{{ super() }}<script>...</script>{% endblock %}",
            ))
