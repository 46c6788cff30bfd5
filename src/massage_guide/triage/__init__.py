"""The triage source: the warning signs the guide names and the one action for each, written
once per language (`docs/triage.yml`, `docs/triage.es.yml`).

- `data.py` reads and checks the files (every mistake at once, each naming its file and line).
- `render.py` makes the `<!-- guide: triage LEVEL -->` and `<!-- guide: triage-table -->` blocks.
- `detect.py` finds hand-written text that names a sign with another action than the source's
  (tests/test_triage.py).
"""

from .data import Level, Sign, Triage, TriageErrors, load_triage, parse_triage, read_language, triage_file

__all__ = ["Level", "Sign", "Triage", "TriageErrors", "load_triage", "parse_triage", "read_language", "triage_file"]
