"""A calm visual system (issue 24): every box on every page is one of the guide's four kinds,
each kind drawn one way and told by its own icon; no box wears Material's test tube (the
`example` icon, which reads as a lab test); lists look like tick boxes only where a pen ticks
them (the printed handout); nowhere else, on screen or on paper.

Read in Chromium from the built pages, as a reader meets them: each box's kind (its type, the
first class after `admonition`) and its look (the computed edge, title bar and icon)."""

from __future__ import annotations

import pytest

from conftest import DESKTOP
from massage_guide.triage.render import BOXES
from site_pages import ALL_PAGES, LANGUAGES

# The warning-sign boxes (911, today, before you book) are one kind with levels
# (DECISIONS.md): the types the triage blocks draw their levels in.
WARNING_SIGNS = set(BOXES.values())
MOST_KINDS = 4
HANDOUTS = [folder + "handout/" for folder in LANGUAGES.values()]

# Every box drawn as a box (the home page's "In short" is a lede, with no edge and no ground):
# its type, its look and its icon. An icon is compared with the test tube drawn the same way,
# in a box of that type made in the page for the purpose.
BOXES_SEEN = """() => {
  const title = (box) => box.querySelector(":scope > .admonition-title, :scope > summary");
  const icon = (box) => { const t = title(box); if (!t) return "";
    const s = getComputedStyle(t, "::before"); return s.maskImage || s.webkitMaskImage; };
  const probe = document.createElement("div");
  probe.className = "admonition example";
  probe.innerHTML = '<p class="admonition-title">probe</p>';
  document.querySelector("article").append(probe);
  const testTube = icon(probe);
  probe.remove();
  return [...document.querySelectorAll("article .admonition, article details")]
    .filter((box) => box.checkVisibility())
    .map((box) => { const s = getComputedStyle(box), t = title(box);
      const drawn = ["Top", "Right", "Bottom", "Left"].some((side) => parseFloat(s[`border${side}Width`]) > 0)
        || getComputedStyle(box).backgroundColor !== "rgba(0, 0, 0, 0)";
      const type = box.tagName === "DETAILS" ? box.classList[0] : box.classList[1];
      return { drawn, type: type || "", icon: icon(box), testTube: icon(box) === testTube,
               look: [s.borderLeftColor, s.borderLeftWidth, t ? getComputedStyle(t).backgroundColor : "", icon(box)].join(" | "),
               title: t ? t.innerText.trim().slice(0, 40) : "" }; })
    .filter((box) => box.drawn);
}"""

# Every list item drawn as a tick box: no bullet or number, and an empty square frame in its place.
TICK_BOXES = """() => [...document.querySelectorAll("article li")]
  .filter((li) => li.checkVisibility())
  .filter((li) => { const s = getComputedStyle(li), mark = getComputedStyle(li, "::before");
    const width = parseFloat(mark.width), height = parseFloat(mark.height);
    return s.listStyleType === "none" && mark.content !== "none" && parseFloat(mark.borderTopWidth) > 0
      && width > 0 && Math.abs(width - height) < 1; })
  .map((li) => li.innerText.trim().slice(0, 40))"""


@pytest.fixture(scope="module")
def boxes(browser, base_url: str) -> dict[str, list[dict]]:
    """Every page's boxes, read once for the tests below (a wide screen, as most boxes show)."""
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    found = {}
    for address in ALL_PAGES:
        page.goto(base_url + address)
        found[address] = page.evaluate(BOXES_SEEN)
    context.close()
    assert sum(map(len, found.values())) > 20, "hardly any boxes found: the pages did not load?"
    return found


def kind_of(box: dict) -> str:
    return "warning signs" if box["type"] in WARNING_SIGNS else box["type"]


def test_the_site_has_at_most_four_kinds_of_box_each_drawn_one_way(boxes: dict[str, list[dict]]) -> None:
    looks: dict[str, set[str]] = {}
    where: dict[str, str] = {}
    for address, found in boxes.items():
        for box in found:
            looks.setdefault(kind_of(box), set()).add(box["look"])
            where.setdefault(kind_of(box), f"/{address} {box['title']!r}")
    assert len(looks) <= MOST_KINDS, f"{len(looks)} kinds of box: " + ", ".join(f"{k} (first on {where[k]})" for k in looks)
    # A kind is one look (the warning signs' levels are told apart on purpose: triage.css).
    varied = {kind: sorted(seen) for kind, seen in looks.items() if kind != "warning signs" and len(seen) > 1}
    assert not varied, f"kinds of box drawn more than one way: {varied}"
    # Each kind has its own icon: a reader tells the kinds apart by more than their colour.
    icons = {kind: {look.rsplit(" | ", 1)[1] for look in seen} for kind, seen in looks.items()}
    for kind, own in icons.items():
        assert own and all(own), f"a {kind} box has no icon"
        for other, theirs in icons.items():
            assert other == kind or not own & theirs, f"{kind} boxes wear the icon of {other} boxes"


def test_no_box_wears_the_test_tube_icon(boxes: dict[str, list[dict]]) -> None:
    tubes = [f"/{address}: {box['title']!r}" for address, found in boxes.items() for box in found if box["testTube"]]
    assert not tubes, "boxes with the test-tube (lab test) icon: " + ", ".join(tubes)


@pytest.mark.parametrize("media", ["screen", "print"])
def test_lists_look_like_tick_boxes_only_where_a_pen_ticks_them(browser, base_url: str, media: str) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.emulate_media(media=media)
    misplaced, handouts = [], {}
    for address in ALL_PAGES:
        page.goto(base_url + address)
        ticks = page.evaluate(TICK_BOXES)
        if media == "print" and address in HANDOUTS:
            handouts[address] = ticks
        elif ticks:
            misplaced.append(f"/{address}: {ticks[0]!r} and {len(ticks) - 1} more")
    context.close()
    assert not misplaced, f"lists drawn as tick boxes where nothing is ticked ({media}): " + "; ".join(misplaced)
    # The printed handout keeps its tick list: a reader ticks what is true with a pen.
    for address, ticks in handouts.items():
        assert len(ticks) >= 4, f"/{address} printed: its list to tick has no tick boxes"
