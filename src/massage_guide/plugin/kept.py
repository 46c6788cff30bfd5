"""What the plugins keep from one build to the next in the same process: `mkdocs serve` rebuilds
on every save, and the tests build in process. Each is keyed by what it was made from (a
template's source and compile settings, the stylesheets' text, a page's converted or finished HTML), so a
rebuild reuses only what has not changed:

- compiled_templates.py: the theme's templates, compiled;
- stylesheets.py: the joined stylesheet, checked (`joined_and_checked`);
- allowlist.py: each page's findings (`_findings`);
- csp.py: a finished page's policy and inline scripts (`policy_and_scripts`).

`forget()` empties them all: the next build then costs what a fresh `mkdocs build` costs, which
is what tests/test_scaling.py measures. Something new kept between builds is added here.
"""

from __future__ import annotations

from .allowlist import _findings
from .compiled_templates import CompiledTemplates
from .csp import policy_and_scripts
from .stylesheets import joined_and_checked


def forget() -> None:
    """Empty everything kept from the builds before."""
    CompiledTemplates.kept.clear()
    joined_and_checked.cache_clear()
    _findings.cache_clear()
    policy_and_scripts.cache_clear()
