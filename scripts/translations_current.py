"""Record that a translation is up to date with its English twin:
`python scripts/translations_current.py docs/safety.es.md` (or `all`), which `make
translations-current FILE=docs/safety.es.md` runs.

It writes the English twin's fingerprint of today into docs/translations.yml and changes nothing
else (massage_guide/translations.py). Run it after bringing the translation up to date: from then
on the build lists the file as behind only when its English twin changes again. Without a file
named, it lists the translations that are behind and records nothing.
"""

import pathlib
import sys

from massage_guide.site_map import SiteMap
from massage_guide.translations import RECORD, behind, record_current

ROOT = pathlib.Path.cwd()  # the project's folder, which holds mkdocs.yml (as for `mkdocs build`)
COMMAND = "make translations-current FILE="

site = SiteMap(ROOT / "mkdocs.yml")
docs = site.docs_dir
codes = list(site.languages)  # the languages the site builds: a switched-off one is not tracked
shown = docs.relative_to(ROOT).as_posix()
names = [name for name in sys.argv[1:] if name.strip()]

if not names:
    late = behind(docs, codes)
    print(f"Name the translation you brought up to date: {COMMAND}{shown}/safety.es.md "
          f"(or {COMMAND}all for every translation).")
    print("Behind their English twin now:" if late else "Every translation is recorded as up to date.")
    for item in late:
        print(f"  {COMMAND}{shown}/{item.translation.path}   (English: {shown}/{item.translation.twin})")
    sys.exit(0)

paths = None
if names != ["all"]:
    paths = []
    for name in names:
        path = pathlib.Path(name).resolve()
        try:
            paths.append(path.relative_to(docs.resolve()).as_posix())
        except ValueError:
            sys.exit(f"{name} is not a file in {shown}/: name a translation such as {shown}/safety.es.md.")
try:
    changed = record_current(docs, codes, paths)
except ValueError as error:
    sys.exit(f"{error}. Name a translation such as {shown}/safety.es.md, or `all`.")
for path in changed:
    print(f"Recorded: {shown}/{path} follows today's English ({shown}/{RECORD}).")
if not changed:
    print("Nothing to record: already up to date.")
