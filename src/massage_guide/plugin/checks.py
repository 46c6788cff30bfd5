"""`guide/checks`: what authors write is checked, and every mistake is shown in one run.

In the order MkDocs runs the events:

1. on_config: the settings (the language's words, the texts the theme shows, the practice's
   details, the review dates, the guide's extensions, the glossary of the language being built);
   every mistake found there is told together, and the build stops (the pages cannot be built
   without them). on_serve: the glossary's data file is watched while previewing.
2. on_pre_build: a new build forgets what the last one saw.
3. on_files: the glossary page is there.
4. on_page_markdown: each page's front matter, title, summary, glossary lines and switches.
   on_page_content: what the page's Markdown became: nothing from other websites, no script, one
   title, no table left as raw text (page_check.py).
   The extensions hand their mistakes to `mistakes` through their host (host.py).
5. on_env (once every page is converted, before any is written): every mistake found in the
   pages is shown together, and the build stops.
6. on_post_page, on_post_template: what the theme adds around the pages, once per template, and
   the 404 page: nothing is loaded from another website.

Languages: mkdocs-static-i18n builds the site once per language, calling every event again;
on_config runs after it (priority -110 against its -100), so it sees the language's settings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..glossary.entries import MARKER as GLOSSARY_MARKER
from ..glossary.data import unpaired
from ..glossary.extension import data_file, read_data
from ..mistakes import AuthorError, Mistakes, mistake, place
from ..triage.data import TriageErrors, read_language
from ..words import PROJECT_FOLDER, words
from .authoring import author_error, body_offset, source_path
from .config import ChecksConfig
from .languages import built, known_languages, language, page_pairs
from .page_check import check_content, check_output, outside_allowlist
from .page_meta import PageMeta, check_site_texts, front_matter_line
from .practice import check_practice
from .review import check_review
from .trust import check_report_email
from .settings_check import check_page_icon, check_page_settings, check_settings

# The guide's Markdown extensions, as mkdocs.yml names them: the site needs every one.
EXTENSIONS = (
    "massage_guide.summary",
    "massage_guide.blocks",
    "massage_guide.permalinks",
    "massage_guide.print_links",
    "massage_guide.quiz",
    "massage_guide.glossary",
    "massage_guide.tables",
)
GLOSSARY = "massage_guide.glossary"
# The glossary's block pattern, on a line of its own as authors write it.
GLOSSARY_LINE = re.compile(rf"^{GLOSSARY_MARKER.pattern}[ \t]*$", re.MULTILINE)
H1 = re.compile(r"^# \S.*$", re.MULTILINE)
SUMMARY_EXAMPLE = """
---
title: Before the session
description: What happens before a massage starts.
summary: >-
  A relaxation massage starts soon after a short form.
  A medical massage starts with a talk about your goals.
---

# Before the session: forms and a first talk
"""


class ChecksPlugin(BasePlugin[ChecksConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.site: MkDocsConfig | None = None  # the MkDocs configuration of this build
        self.mistakes = Mistakes()  # the authors' mistakes found in this build (host.py reaches it)
        self.page_meta: PageMeta | None = None
        self.glossary_data: Path | None = None  # the data file as mkdocs.yml names it
        self.glossary_page = "glossary.md"  # the glossary extension's `glossary_page`
        self.glossary_source = ""  # the data file of the language being built, for messages
        self.glossaries: dict[str, Any] = {}  # each language's checked glossary, read once
        self.triage_data: Path | None = None  # the main triage file (triage/data.py)
        self.language = "en"  # the language being built (`theme.language`)
        self.main_language = ""  # the language of the first build: its glossary is `data:` itself
        self.checked_templates: set[str] = set()
        self.found_before = 0  # mistakes found before the page being converted
        self.converting: Page | None = None  # the page whose Markdown is being converted

    # 1. Configuration ---------------------------------------------------------------------------

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has set up the language being built
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.site = config
        try:
            self.language = language(config)
            words(self.language)
        except ValueError as error:
            raise PluginError(f"mkdocs.yml: {error}") from None
        # Every mistake in the settings is told at once; the build cannot go on without them.
        settings = Mistakes()
        steps: list[Callable[[], Any]] = [lambda: check_site_texts(config)]  # each language has its own
        if not self.main_language:
            # The first build: what every language shares is checked once (the practice's
            # details and the review dates; the settings stay as written, and the templates are
            # given the form they show by guide/assets: practice.py, review.py).
            self.main_language = self.language
            steps += [
                lambda: check_practice(config),
                lambda: check_review(config),
                lambda: check_report_email(config),
                lambda: self._check_extensions(config),
            ]
        steps.append(lambda: check_settings(config))  # privacy, the address, the names (settings_check.py)
        steps.append(lambda: self._glossary(config))  # checked before any page marks its words
        if self.language == self.main_language:
            steps.append(lambda: self._glossary_pairs(config))  # before the first page is built
            steps.append(lambda: known_languages(config))  # every built language has its words
            steps.append(lambda: page_pairs(config))  # a page missing in a language, named
        steps.append(lambda: self._triage(config))  # checked even where no page shows it yet
        for step in steps:
            try:
                found = step()
                if isinstance(found, list):  # a step that tells every mistake it found
                    for error in found:
                        settings.add(error)
            except TriageErrors as errors:
                for error in errors.errors:
                    settings.add(error)
            except (PluginError, AuthorError) as error:
                settings.add(error)
        if settings:
            raise PluginError(settings.message())
        return config

    def _check_extensions(self, config: MkDocsConfig) -> None:
        """mkdocs.yml names every extension of the guide; where the glossary's data is."""
        options = config.mdx_configs.get(GLOSSARY) or {}
        self.glossary_data = Path(config.config_file_path or ".").parent / options.get("data", "docs/glossary.yml")
        self.glossary_page = options.get("glossary_page", "glossary.md")
        names = [name for name in config.markdown_extensions if isinstance(name, str)]
        missing = [name for name in EXTENSIONS if name not in names]
        if missing:
            raise PluginError(mistake(
                "mkdocs.yml: ",
                "`markdown_extensions` does not list " + ", ".join(f"`{name}`" for name in missing)
                + ", which the guide needs.",
                "every extension of the guide under `markdown_extensions:`.",
                "markdown_extensions:\n" + "\n".join(f"  - {name}" for name in missing),
            ))

    def _glossary(self, config: MkDocsConfig):
        """The glossary of the language being built: `glossary.yml` (the `data:` file) for the
        first, `glossary.es.yml` beside it for Spanish, named like the pages."""
        if self.language in self.glossaries:
            return self.glossaries[self.language]
        assert self.glossary_data is not None
        main = self.glossary_data
        path = data_file(main, self.language)
        if path == main and self.language != self.main_language:
            raise PluginError(mistake(
                f"{self._shown(main.with_name(f'{main.stem}.{self.language}{main.suffix}'))} is missing: ",
                f"the glossary words of the pages in `{self.language}` come from it.",
                f"a copy of {self._shown(main)} in that language, beside it (the same entries and keys; "
                "`group`, `pressure`, `where` and `evidence` keep their English values).",
                "terms:\n  - term: Masaje deportivo\n    group: clinic\n"
                "    definition: Masaje para personas que hacen deporte.",
            ))
        self.glossary_source = self._shown(path)
        try:
            glossary = read_data(path, self.glossary_source)
        except AuthorError as error:
            raise PluginError(str(error)) from None
        self.glossaries[self.language] = glossary
        return glossary

    def _glossary_pairs(self, config: MkDocsConfig) -> list[AuthorError]:
        """Every other built language's glossary has an entry for each of the first language's,
        and no other (glossary/data.py: `unpaired`): told in the first build, with every other
        setting, instead of after the whole first language is built. Only the languages the
        configuration builds are compared (DECISIONS.md, "Languages")."""
        main = self.glossaries.get(self.language)
        if main is None or self.glossary_data is None:
            return []  # the main glossary has a mistake of its own, already told
        errors: list[AuthorError] = []
        for code in built(config):
            path = data_file(self.glossary_data, code)
            if code == self.language or path == self.glossary_data:
                continue  # a missing file is told when its language is built
            try:
                other = read_data(path, self._shown(path))
            except AuthorError as error:
                errors.append(error)
                continue
            errors += unpaired(main, self._shown(self.glossary_data), other, self._shown(path))
        return errors

    def _triage(self, config: MkDocsConfig) -> None:
        """The triage file of the language being built (triage/data.py): `docs/triage.yml` (the
        blocks extension's `triage` option) for the first language, `triage.es.yml` beside it for
        Spanish, with the same signs and levels; every mistake in it is told at once. A site
        without the file has no triage blocks (a page that names one is told so by the block)."""
        from .blocks import TRIAGE_FILE

        shown = (config.mdx_configs.get("massage_guide.blocks") or {}).get("triage") or TRIAGE_FILE
        self.triage_data = Path(config.config_file_path or ".").parent / shown
        if self.triage_data.is_file():
            read_language(self.triage_data, shown, self.language, self.main_language)

    def _shown(self, path: Path) -> str:
        """A path as mkdocs.yml would write it, from the folder that holds mkdocs.yml."""
        assert self.site is not None
        root = Path(self.site.config_file_path or ".").parent
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return path.as_posix()

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
        # The glossary's data file is left out of the site (exclude_docs), so MkDocs would not
        # watch it: an edit to a definition shows at once while previewing.
        if self.glossary_data is not None:
            for path in sorted(self.glossary_data.parent.glob(f"{self.glossary_data.stem}*{self.glossary_data.suffix}")):
                server.watch(str(path))
        # The triage files too (`triage.yml` and each language's beside it).
        if self.triage_data is not None:
            for path in sorted(self.triage_data.parent.glob(f"{self.triage_data.stem}*{self.triage_data.suffix}")):
                server.watch(str(path))
        # A project's own words (words/<code>.yml beside mkdocs.yml) are not pages either.
        project_words = Path(config.config_file_path or ".").parent / PROJECT_FOLDER
        if project_words.is_dir():
            server.watch(str(project_words))
        return server

    # 2.-3. Before the pages ----------------------------------------------------------------------

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.page_meta = PageMeta(self.config.max_description)
        self.checked_templates = set()
        self.mistakes = Mistakes()

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has picked this language's files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        page, data = self.glossary_page, self.glossary_source
        if files.get_file_from_path(page) is None:
            raise PluginError(mistake(
                f"docs/{page} is missing: ", f"the words in {data} link to it.",
                f"a page docs/{page} with a title and the line `<!-- glossary: entries -->`.",
                "# Glossary: massage words in plain language\n\n<!-- glossary: entries -->",
            ))
        return files

    # 4. Each page --------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.page_meta is not None
        self.converting = page  # named if its conversion stops with a library's error (on_build_error)
        meta = self.page_meta
        checks = (
            lambda: meta.check(page),
            lambda: self._check_summary(page, markdown),
            lambda: self._check_glossary_lines(page, markdown),
            lambda: self._check_switches(page),
            lambda: check_page_settings(page, config),
            lambda: check_page_icon(page, config),
        )
        for check in checks:
            try:
                check()
            except (AuthorError, PluginError) as error:
                self.mistakes.add(error)
                break  # a page's first mistake: the next checks could tell it again in other words
        self.found_before = len(self.mistakes.found)
        return markdown

    def _check_summary(self, page: Page, markdown: str) -> None:
        summary = page.meta.get("summary")
        if not isinstance(summary, str) or not summary.strip():
            raise author_error(
                page, 1, "the page has no summary box text.",
                "a `summary:` of 2 or 3 short sentences in the front matter at the top of the file.",
                SUMMARY_EXAMPLE,
            )
        if H1.search(markdown) is None:
            raise author_error(
                page, body_offset(page) + 1, "the page has no title line.",
                "one line starting with `# ` after the front matter; the summary box goes under it.",
                SUMMARY_EXAMPLE,
            )

    def _check_glossary_lines(self, page: Page, markdown: str) -> None:
        """`<!-- glossary: entries -->` is on the glossary page, once, and nowhere else;
        `<!-- glossary: picture ANCHOR -->` may be on any page (the glossary extension checks
        its anchor)."""
        glossary_page = self.glossary_page
        found = [match for match in GLOSSARY_LINE.finditer(markdown)
                 if not (match["name"] == "picture" and match["anchor"])]
        for match in found:
            if match["name"] != "entries" or match["anchor"] or source_path(page) != glossary_page:
                line = body_offset(page) + markdown.count("\n", 0, match.start()) + 1
                raise author_error(
                    page, line,
                    f"`{match.group(0).strip()}` is not a glossary block this page can have.",
                    f"`<!-- glossary: entries -->`, once, on docs/{glossary_page} only; or "
                    "`<!-- glossary: picture ANCHOR -->`, the picture of a glossary entry, on any page.",
                    "<!-- glossary: entries -->",
                )
        if source_path(page) == glossary_page and len(found) != 1:
            raise author_error(
                page, body_offset(page) + 1,
                f"the glossary page needs the line `<!-- glossary: entries -->` exactly once (found {len(found)}).",
                "one line `<!-- glossary: entries -->` where the entries should go.",
                "# Glossary: massage words in plain language\n\n<!-- glossary: entries -->",
            )

    @staticmethod
    def _check_switches(page: Page) -> None:
        """Front matter switches are true or false: `scripts: false` pages ship no JavaScript
        (their template writes none, overrides/main.html); `glossary_box: false` pages have no
        "Words used on this page" box on paper."""
        for key, meaning in (("scripts", "ship the page without JavaScript"), ("glossary_box", "print no box of glossary words")):
            wanted = page.meta.get(key, True)
            if wanted is not True and wanted is not False:
                found = (
                    f"`{key}:` is the text \"{wanted}\" in quotes, not the switch {str(wanted).lower()}."
                    if isinstance(wanted, str) and wanted.strip().lower() in ("true", "false")
                    else f"`{key}: {wanted}` in the front matter is neither true nor false."
                )
                raise author_error(
                    page, front_matter_line(page, key),
                    found,
                    f"`{key}: false` to {meaning}, or no `{key}:` line at all.",
                    f"---\ntitle: Quiz\n{key}: false\n---",
                )

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # A page whose Markdown had a mistake is not checked again: its HTML shows the mistake's
        # consequence (a quiz table left as a table), not a mistake of its own.
        if len(self.mistakes.found) == self.found_before:
            # Everything outside the allow-list of HTML, all at once; then the page's structure.
            outside = outside_allowlist(page, html)
            for error in outside:
                self.mistakes.add(error)
            try:
                if not outside:
                    check_content(page, html, config.site_url or "")
            except (AuthorError, PluginError) as error:
                self.mistakes.add(error)
        return html

    # 5. Once every page is converted ---------------------------------------------------------------

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # Every page is converted by now, and none is written yet: every mistake found is shown
        # together, and the build stops.
        if self.mistakes:
            raise PluginError(self.mistakes.message())
        return env

    # 6. Finished pages ---------------------------------------------------------------------------

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # What a page's author wrote was checked as it was converted (on_page_content). What the
        # theme adds around it comes from the page's template and the site's settings, the same
        # for every page of that template: checked once per template.
        template = page.meta.get("template") or "main.html"
        if template not in self.checked_templates:
            check_output(f"docs/{page.file.src_uri}", output, config.site_url or "")
            self.checked_templates.add(template)
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name.endswith(".html"):  # the 404 page; not sitemap.xml or robots.txt
            check_output(f"the page {template_name} (overrides/)", output_content, config.site_url or "")
        return output_content

    # When a build stops ----------------------------------------------------------------------------

    def on_build_error(self, *, error: Exception) -> None:
        """A Markdown extension of another library stopped converting a page with an error of its
        own, which MkDocs would show as a traceback. Those an author causes are told here the
        guide's way instead, naming the page and its line. (Raised from this event, the message
        replaces the library's error; MkDocs' own errors are left as they are.)"""
        from pymdownx.snippets import SnippetMissingError

        if isinstance(error, SnippetMissingError) and self.converting is not None:
            raise PluginError(snippet_missing(self.converting, error, self.site)) from None


SNIPPET = re.compile(r"'(?P<path>[^']+)'")


def snippet_missing(page: Page, error: Exception, config: MkDocsConfig | None) -> str:
    """The message for a `--8<--` line whose file is not in the snippets folder."""
    found = SNIPPET.search(str(error))  # pymdownx: "Snippet at path 'x.md' could not be found"
    path = found["path"] if found else str(error)
    rows = page.file.content_string.splitlines()
    line = next((i + 1 for i, row in enumerate(rows) if path in row), None)
    options = ((config.mdx_configs if config is not None else {}) or {}).get("pymdownx.snippets") or {}
    folders = options.get("base_path") or ["."]
    folders = [folders] if isinstance(folders, str) else folders
    shown = ", ".join(f"{folder}/" for folder in folders)
    return mistake(
        place(f"docs/{page.file.src_uri}", line),
        f"`--8<-- \"{path}\"` names a snippet that is not in {shown}"
        + ("" if line else " (in a snippet this page includes)") + ".",
        f"the name of a file in {shown} (the `base_path` of pymdownx.snippets in mkdocs.yml), in quotes; "
        "or remove the line.",
        '--8<-- "urgent-signs.md"',
    )

