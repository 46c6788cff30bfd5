"""The guide's templates (overrides/) need the guide's plugins: without them MkDocs would stop
with a traceback deep in a template ("No filter named 'long_date'"), naming no setting.

No plugin of the guide runs when they are all removed, so the check is made where the guide's
code still runs: the guide's Markdown extensions, as MkDocs hands them the first page (host.py).
The extensions need no plugin themselves; only a site drawn with the guide's templates does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..mistakes import mistake

# As mkdocs.yml lists them, in that order (pyproject.toml's entry points).
PLUGINS = ("guide/languages", "guide/checks", "guide/assets", "guide/print")
# A template only the guide ships (overrides/partials/): its presence says the guide's templates are used.
GUIDE_TEMPLATE = Path("partials") / "trust-marks.html"

def missing_plugins(config: Any) -> str | None:
    """The message when the site uses the guide's templates without every guide plugin."""
    theme = getattr(config, "theme", None)
    folders = getattr(theme, "dirs", None) or []
    if not any((Path(folder) / GUIDE_TEMPLATE).is_file() for folder in folders):
        return None
    named = set((getattr(config, "plugins", None) or {}).keys())
    missing = [name for name in PLUGINS if name not in named]
    if not missing:
        return None
    return mistake(
        "mkdocs.yml: ",
        "`plugins:` does not list " + ", ".join(f"`{name}`" for name in missing)
        + ", which the guide's page templates (overrides/) and its checks need.",
        "every plugin of the guide under `plugins:`, after `i18n` (to turn the printed booklet off, "
        "`enabled: false` under `guide/print`, not removing it).",
        "plugins:\n  - search\n  - i18n:\n      ...\n" + "\n".join(f"  - {name}" for name in PLUGINS),
    )
