"""`make offline`: the guide as one zip file for a waiting-room tablet without internet
(massage_guide/offline.py says what it holds).

Usage: python scripts/make_offline.py [ZIP]   (default: massage-guide-offline.zip here)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from mkdocs.exceptions import Abort

from massage_guide.offline import FOLDER, make_offline

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    target = Path(argv[0]).resolve() if argv else ROOT / "massage-guide-offline.zip"
    started = time.monotonic()
    try:
        make_offline(target, ROOT / "mkdocs.yml")
    except Abort as error:  # the build has said what to fix
        print(error, file=sys.stderr)
        return 1
    size = target.stat().st_size / 1_000_000
    print(f"{target.name}: {size:.1f} MB, made in {time.monotonic() - started:.0f} s. Unzip it and "
          f"open {FOLDER}/index.html in a browser.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
