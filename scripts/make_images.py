"""Make the guide's share image and touch icon from its favicon, with Debian's Chromium.

Run it again after changing `docs/assets/icons/favicon.svg` or `site_name`, then commit the PNGs:

    /work/venv/bin/python scripts/make_images.py      (or .venv/bin/python with requirements-test)

- `docs/assets/share/share-card.png`: 1200 x 630, shown by link previews (Open Graph, Twitter).
- `docs/assets/icons/apple-touch-icon.png`: 180 x 180, for phones' home screens.
Both are kept small (the share card under 50 KB): flat colours and system fonts only.
"""

from __future__ import annotations

import base64
import html
import os
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ICON = ROOT / "docs/assets/icons/favicon.svg"
SHARE = ROOT / "docs/assets/share/share-card.png"
TOUCH = ROOT / "docs/assets/icons/apple-touch-icon.png"
TEAL = "#00574b"
# The darker shade of the guide's teal, so the icon's own square stands out on the card.
DARK = "#003d34"

SHARE_PAGE = """<!doctype html>
<html><head><style>
  body {{ margin: 0; width: 1200px; height: 630px; background: {dark}; color: #fff;
          font-family: "DejaVu Sans", system-ui, sans-serif; display: flex; align-items: center; }}
  img {{ width: 220px; height: 220px; margin: 0 56px 0 72px; flex: none; }}
  h1 {{ font-size: 62px; line-height: 1.1; margin: 0 0 28px; font-weight: 700; }}
  p {{ font-size: 34px; line-height: 1.35; margin: 0; max-width: 780px; }}
</style></head>
<body><img src="{icon}" alt=""><div><h1>{title}</h1><p>{tagline}</p></div></body></html>
"""


def setting(name: str) -> str:
    """A one-line setting from mkdocs.yml (`site_name`, `share_tagline`): the page shows the same."""
    match = re.search(rf"^\s*{name}:\s*(.+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert match, f"mkdocs.yml has no {name}"
    return match.group(1).strip().strip("'\"")


def main() -> None:
    icon = "data:image/svg+xml;base64," + base64.b64encode(ICON.read_bytes()).decode()
    page_html = SHARE_PAGE.format(
        dark=DARK,
        icon=icon,
        title=html.escape(setting("site_name")),
        tagline=html.escape(setting("share_tagline")),
    )
    # The same variable as the tests (tests/conftest.py): CHROMIUM=/path/to/chromium make images
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(page_html)
        page.screenshot(path=str(SHARE))
        # Phones round the corners themselves: fill the whole square, no transparency.
        page.set_viewport_size({"width": 180, "height": 180})
        page.set_content(
            f'<body style="margin:0;background:{TEAL}"><img src="{icon}" width="180" height="180" '
            'style="display:block" alt=""></body>'
        )
        page.screenshot(path=str(TOUCH))
        browser.close()
    for path in (SHARE, TOUCH):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
