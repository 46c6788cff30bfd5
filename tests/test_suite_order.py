"""The suite's own order (tests/conftest.py, LONGEST_FIRST): each file it names exists, so a
renamed file does not silently drop to the end of the run and leave one worker waiting there."""

from __future__ import annotations

from conftest import LONGEST_FIRST, ROOT


def test_the_longest_files_named_for_the_run_order_exist() -> None:
    missing = [name for name in LONGEST_FIRST if not (ROOT / "tests" / name).is_file()]
    assert not missing, f"LONGEST_FIRST in tests/conftest.py names files that are gone: {missing}"
    assert len(set(LONGEST_FIRST)) == len(LONGEST_FIRST)
