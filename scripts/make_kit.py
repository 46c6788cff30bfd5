"""`make kit`: print the practice kit's PDFs (handout, booklet, quiz worksheet, poster; Letter and
A4; each language) into kit/, with Chromium through Playwright (massage_guide/kit/make.py).
The next `mkdocs build` publishes them, and the link kit and the handout page offer them.

    python scripts/make_kit.py [path/to/mkdocs.yml]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from massage_guide.kit.make import make_kit

if __name__ == "__main__":
    config = Path(sys.argv[1] if len(sys.argv) > 1 else "mkdocs.yml").resolve()
    started = time.monotonic()
    made = make_kit(config)
    for path in made:
        print(f"{path.relative_to(config.parent)}  {path.stat().st_size / 1000:,.0f} KB")
    print(f"{len(made)} PDFs in {time.monotonic() - started:.0f} s. Now build the site (make build) to publish them.")
