"""The allow-list of author HTML (massage_guide/plugin/allowlist.py): everything outside it stops the
build, all at once, with the file, the line, what was found and what is allowed.

The hostile inputs are those of issue 25, and more, read as browsers read them (html5lib)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assert_mentions, failed_build_log
from massage_guide.plugin.allowlist import findings

HOSTILE = {
    "base": '<base href="https://evil.example/">',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "iframe srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "object with an svg": '<object data="assets/x.svg"></object>',
    "style inside svg": "<svg><style>@import url(https://evil.example/x.css)</style></svg>",
    "noscript raw text trick": '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
    "style with import": '<style>@import "https://evil.example/x.css";</style>',
    "table background": '<table background="https://evil.example/x.png"><tr><td>x</td></tr></table>',
    "ping": '<a href="https://ok.example/" ping="https://evil.example/track">x</a>',
    "carriage return in javascript:": '<a href="java\rscript:alert(1)">x</a>',
    "entity-encoded javascript:": '<a href="javascript&#58;alert(1)">x</a>',
    "tab entity in javascript:": '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "control character before javascript:": '<a href="\x01javascript:alert(1)">x</a>',
    "capitals": '<A HREF="JaVaScRiPt:alert(1)">x</A>',
    "vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "data: html link": '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "svg animation of href": '<svg><a><animate attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>',
    "mathml link": '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "form to another website": '<form action="https://evil.example/"><input type="text" name="q"></form>',
    "input image": '<input type="image" src="https://evil.example/x.png">',
    "button formaction": '<button formaction="https://evil.example/">x</button>',
    "protocol-relative picture": '<img src="//evil.example/x.png" alt="">',
    "backslash picture": '<img src="\\\\evil.example/x.png" alt="">',
    "data: svg picture": '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="">',
    "srcset": '<img src="a.png" srcset="https://evil.example/x.png 2x" alt="">',
    "stylesheet link": '<link rel="stylesheet" href="https://fonts.example/css">',
    "svg use": '<svg><use href="https://evil.example/s.svg#a"/></svg>',
    "foreignObject": '<svg><foreignObject><iframe src="https://evil.example"></iframe></foreignObject></svg>',
    "template": "<template><script>alert(1)</script></template>",
    "embed": '<embed src="https://evil.example/x.swf">',
    "video poster": '<video poster="https://evil.example/p.png"></video>',
    "audio": '<audio src="https://evil.example/a.mp3"></audio>',
    "new window": '<a href="https://ok.example" target="_blank">x</a>',
    "dialog": "<dialog open>x</dialog>",
    "svg fill from another website": '<svg><path d="M0 0" fill="url(https://evil.example/#a)"/></svg>',
    "text input": '<input type="text" name="email">',
    "xmp raw text trick": "<xmp><img src=x onerror=alert(1)></xmp>",
    "event handler": '<p onclick="alert(1)">x</p>',
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_html_is_outside_the_list(case: str) -> None:
    assert findings(HOSTILE[case]), case


def test_what_a_health_page_needs_is_inside_the_list() -> None:
    html = (
        '<h2 id="x">Title</h2><p>Hello <strong>bold</strong> <em>it</em> <code>c</code> '
        '<a href="safety/">page</a> <a href="https://www.nhs.uk/">site</a> <a href="mailto:a@b.example">m</a> '
        '<a href="tel:+15415550100">t</a> <a href="#part">part</a></p>'
        '<figure><img src="../assets/x.png" alt="x" loading="lazy"><figcaption>c</figcaption></figure>'
        "<ul><li>a</li></ul><ol start=\"2\"><li>b</li></ol><dl><dt>t</dt><dd>d</dd></dl>"
        '<table><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2">d</td></tr></tbody></table>'
        "<details open><summary>s</summary><p>d</p></details><abbr title=\"x\">X</abbr>"
    )
    assert findings(html) == []


def test_every_mistake_is_told_at_once_with_its_file_and_line(broken_copy, tmp_path: Path) -> None:
    project = broken_copy()
    page = project / "docs" / "about.md"
    before = page.read_text("utf-8").rstrip("\n") + "\n"
    first = len(before.splitlines()) + 2
    page.write_text(
        before + '\n<base href="https://evil.example/">\n\n<a href="javascript&#58;alert(1)">x</a>\n\n'
        '<p>A <dialog open>box</dialog></p>\n',
        "utf-8",
    )
    log = failed_build_log(project, tmp_path / "site")
    assert_mentions(log, [
        f"docs/about.md, line {first}: the page holds the element `<base>`",
        f"docs/about.md, line {first + 2}: the page holds the link `javascript:alert(1)`",
        f"docs/about.md, line {first + 4}: the page holds the element `<dialog>`",
        "Expected: what a health page needs", "For example:",
    ], "three mistakes")
    assert "Traceback" not in log
