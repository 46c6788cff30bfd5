"""Every page's title and description, from its front matter: present, short, and its own.

Search results and shared links show them (see `overrides/partials/share-meta.html`), so a page
without a description, or with another page's title or description, stops the build.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE

from .. import lines
from ..mistakes import mistake
from .authoring import author_error
from .config_lines import config_line, in_config, nav_title_line

# Material writes titles and the site's name into the page's HTML as they are (menus, the
# browser tab, the 404 page). These characters would break that HTML, so they are refused.
UNSAFE = re.compile(r"[<>\"]|&(?=[#A-Za-z])")
# What a setting shown as text may hold, as every message about UNSAFE says it.
NO_MARKUP = "words without `<`, `>`, `\"` or `&`"


EXAMPLE = """
---
title: Price, tips and insurance
description: >-
  What shapes the price of a massage, when to tip, and how insurance may pay.
summary: >-
  A more skilled therapist usually costs more. Plan a 20% tip at a spa.
---
"""

class PageMeta:
    """Checks each page's title and description; remembers, for one build, which page used each
    title and description first, so a copy can name both files."""

    def __init__(self, max_description: int) -> None:
        self.max_description = max_description
        self.seen: dict[tuple[str, str], str] = {}

    def check(self, page: Page) -> None:
        check_front_matter(page)
        for key in ("title", "description"):
            value = page.meta.get(key)
            if not isinstance(value, str) or not value.strip():
                raise author_error(
                    page,
                    1,
                    f"the page has no `{key}:` in its front matter. Search results and shared "
                    "links show it.",
                    "`title:` (a few words) and `description:` (one sentence, at most "
                    f"{self.max_description} characters) in the front matter at the top of the file.",
                    EXAMPLE,
                )
            value = " ".join(value.split())
            if UNSAFE.search(value):
                shown = "the menu and the browser tab" if key == "title" else "search results and shared links"
                raise author_error(
                    page,
                    front_matter_line(page, key),
                    f"the {key} `{value}` holds `{UNSAFE.search(value)[0]}`, which would break the "
                    f"page's HTML where the {key} is shown ({shown}).",
                    f"a {key} in words, without `<`, `>`, `\"` or `&` (write \"and\"; 'single quotes' are fine).",
                    EXAMPLE,
                )
            if key == "description" and len(value) > self.max_description:
                raise author_error(
                    page,
                    front_matter_line(page, key),
                    f"the description is {len(value)} characters long; search results cut it off.",
                    f"one sentence of at most {self.max_description} characters.",
                    EXAMPLE,
                )
            first = self.seen.setdefault((key, value.casefold()), page.file.src_uri)
            if first != page.file.src_uri:
                raise author_error(
                    page,
                    front_matter_line(page, key),
                    f"the {key} is the same as on docs/{first}. Search results and shared links "
                    "could not tell the two pages apart.",
                    f"a {key} that says what this page is about.",
                    EXAMPLE,
                )


def front_matter_line(page: Page, key: str) -> int:
    """The line of the front matter key `key` in the page's file (1 when it is not there)."""
    return lines.front_matter_line(page.file.content_string, key)


FRONT_MATTER_EXAMPLE = """
---
title: "Price: tips and insurance"
description: What shapes the price of a massage, and when to tip.
summary: >-
  A more skilled therapist usually costs more. Plan a 20% tip at a spa.
---

# Price, tips and insurance: what to plan for
"""


def check_front_matter(page: Page) -> None:
    """The block between the two `---` lines at the top is YAML that MkDocs can read.

    MkDocs drops a block it cannot read without a word (the page then seems to have no title
    or summary), so the real mistake is found here, with its line."""
    source = page.file.content_string
    if not re.match(r"^-{3}[ \t]*\r?\n", source):
        return  # no front matter: the checks of each key say what is missing
    found = YAML_RE.match(source)
    if found is None:
        raise author_error(
            page, 1,
            "the front matter that starts on line 1 with `---` has no closing `---` line.",
            "a line `---` on its own after the last key (`title:`, `description:`, `summary:`).",
            FRONT_MATTER_EXAMPLE,
        )
    try:
        data = yaml.safe_load(found.group(1))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark else 1  # + the opening `---` line
        hint = ""
        if "mapping values are not allowed" in str(error.problem):
            hint = " A value that holds `: ` must be in quotes: `title: \"Price: tips\"`."
        raise author_error(
            page, line,
            f"the front matter is not valid YAML ({error.problem}).{hint}",
            "`key: value` lines between the two `---` lines; a value with `: `, `#` or quotes "
            "in it written in quotes.",
            FRONT_MATTER_EXAMPLE,
        ) from None
    except yaml.YAMLError as error:
        raise author_error(page, 1, f"the front matter is not valid YAML ({error}).",
                           "`key: value` lines between the two `---` lines.", FRONT_MATTER_EXAMPLE) from None
    if not isinstance(data, dict):
        raise author_error(
            page, 2,
            f"the front matter is `{str(data)[:60]}`, not a list of `key: value` lines.",
            "`key: value` lines between the two `---` lines.",
            FRONT_MATTER_EXAMPLE,
        )


def check_site_texts(config) -> None:
    """`site_name`, the nav's titles and the share tagline are shown in the theme's HTML as
    they are: refuse the characters that would break it (see UNSAFE)."""
    def refuse(where: str, value: str, example: str, line: Callable[[], int | None]) -> None:
        bad = UNSAFE.search(value)
        if bad:  # only then is mkdocs.yml read again for the line (`line`): every build checks
            raise PluginError(
                mistake(
                    f"{in_config(line())}: ",
                    f"{where} `{value}` holds `{bad[0]}`, which would break the HTML of every "
                    "page where it is shown (the menu, the browser tab, shared links).",
                    f"{NO_MARKUP} (write \"and\"; 'single quotes' are fine).",
                    example,
                )
            )

    refuse("`site_name`", str(config.site_name or ""), "site_name: Medical or relaxation massage?",
           lambda: config_line(config, "site_name"))
    refuse("`extra.share_tagline`", str(config.extra.get("share_tagline") or ""),
           "extra:\n  share_tagline: A plain-language guide to booking the right massage.",
           lambda: config_line(config, "extra", "share_tagline"))
    for title in _nav_titles(config.nav or []):
        refuse("the menu title", title, "nav:\n  - Home: index.md", lambda title=title: nav_title_line(config, title))


def _nav_titles(items) -> list[str]:
    titles: list[str] = []
    for item in items if isinstance(items, list) else [items]:
        if isinstance(item, dict):
            for title, value in item.items():
                titles.append(str(title))
                titles += _nav_titles(value)
    return titles
