"""Build a copy of the project inside the test process, and read what its author is told.

A build that is meant to fail does not need a process of its own: starting Python, MkDocs,
Material and the i18n plugin again costs about 3.5 s before the first check runs, while a
mistake in the settings stops in `on_config` within milliseconds. `build_in_process` does what
`mkdocs build --strict` does (load the configuration strictly, then `mkdocs.commands.build.build`),
with the project's folder as the working directory (pymdownx.snippets reads `docs/snippets`
from there), and returns the text the command would print: every log line of the `mkdocs`
loggers (MkDocs' own, its plugins', the guide's), then the error that stopped the build.

Each build is independent of the ones before: the configuration, its plugins and the Markdown
extensions are new objects every time; the package's caches hold only values keyed by what they
were made from (file contents, paths with their modification times, addresses); the log handler
is removed again, and the `mkdocs` logger gets its level back. mkdocs-static-i18n, while it builds
the second language, replaces `mkdocs.utils.clean_directory` with a function that does nothing
and filters two lines out of MkDocs' build log; it undoes both only when that build passes, so
after a failed one they are put back here.
"""

from __future__ import annotations

import logging
import os
import traceback
from dataclasses import dataclass
from pathlib import Path

import mkdocs.utils
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException


@dataclass
class Built:
    """What a build told its author: `text` is the log and the error, as the command shows them."""

    passed: bool
    text: str


class _Lines(logging.Handler):
    """Keeps each log line as MkDocs' command prints it: `LEVEL - message`."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)  # the command's default: info, warnings and errors
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


def build_in_process(project: Path, site_dir: Path) -> Built:
    """Build `project` strictly into `site_dir`, as `mkdocs build --strict` run in `project` does."""
    logger = logging.getLogger("mkdocs")
    lines = _Lines()
    level = logger.level
    build_log = logging.getLogger("mkdocs.commands.build")
    build_log_filters = list(build_log.filters)
    clean_directory = mkdocs.utils.clean_directory
    logger.addHandler(lines)
    logger.setLevel(logging.INFO)
    error = ""
    folder = os.getcwd()
    try:
        os.chdir(project)  # as the command runs in it (contextlib.chdir needs Python 3.11)
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        build(config)
    except MkDocsException as stopped:  # Abort, ConfigurationError, PluginError, BuildError
        error = str(stopped) or type(stopped).__name__  # the command's last line
    except SystemExit as stopped:
        error = f"exit {stopped.code}"
    except Exception:  # what the command would show as a traceback: never right for an author
        error = traceback.format_exc()
    finally:
        os.chdir(folder)
        logger.removeHandler(lines)
        logger.setLevel(level)
        build_log.filters[:] = build_log_filters
        mkdocs.utils.clean_directory = clean_directory
    return Built(passed=not error, text="\n".join([*lines.lines, error]).strip())
