"""Settings in mkdocs.yml that reach every page, or that would publish a broken guide: each is
checked before any page is built, and a mistake names mkdocs.yml, the line, and the fix.

- Privacy: `extra.analytics` (and `extra.consent`, which only exists for it) would put a tracker
  on every page: refused, with the promise it would break.
- Social links in the footer (`extra.social`): https:// addresses only.
- Texts the theme writes into pages as they are: `site_author`, `copyright`, each language's
  `name`, `site_name`, `copyright`, and the `nav_translations` (words without `<`, `>`, `"`, `&`).
- The site's address: no `?query` or `#fragment` (the share image, the sitemap and robots.txt
  add paths to it); not the guide's placeholder once a practice has set its details (the QR code
  and every printed address would point at it).
- `site_name` with visible words (an empty or zero-width name gives empty titles).
- mkdocs-static-i18n: `fallback_to_default: true` would publish English pages under `/es/`
  marked as Spanish; each `nav_translations` key must be a section title of the nav, exactly.
- Each page's front matter (`check_page_settings`): `template:` names one of the guide's own
  templates; `subtitle:` (written into the menu as it is) holds no markup.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from ..mistakes import mistake
from .authoring import author_error
from .config_lines import config_line, in_config
from .page_meta import NO_MARKUP, UNSAFE, _nav_titles, front_matter_line

# The address mkdocs.yml ships with, until a practice publishes the guide at its own.
PLACEHOLDER_HOST = "massage-guide.example"
# The longest `site_url` the handout is printed with in the tests (tests/conftest.py, FULLEST_URL):
# its QR code stays easy for a phone to read at 23 mm, and its address fits under it.
SITE_URL_LIMIT = 64
TRACKERS = ("analytics", "consent")
I18N = "i18n"


def visible(text: str) -> bool:
    """Whether `text` shows anything: not only spaces, zero-width or control characters."""
    return any(unicodedata.category(char)[0] not in ("Z", "C") for char in text)


def check_settings(config: MkDocsConfig) -> list[PluginError]:
    """Every mistake in these settings of the language being built, at once."""
    found: list[PluginError] = []

    def stop(keys: tuple[str, ...], problem: str, expected: str, example: str) -> None:
        line = config_line(config, *keys)
        found.append(PluginError(mistake(f"{in_config(line)}: ", problem, expected, example)))

    extra = config.extra or {}
    for key in TRACKERS:
        if extra.get(key):
            stop(("extra", key),
                 f"`extra.{key}` would add a visitor tracker to every page (the quiz too), which "
                 "sends each reader's visits to another website. The guide promises its readers "
                 "no request to any other website and no tracking.",
                 f"no `{key}:` under `extra:`. To count visits, use your web host's own "
                 "statistics, made from its server logs, which need nothing on the pages.",
                 "extra:\n  review:\n    last: \"2026-11-26\"")

    site_url = str(config.site_url or "")
    parts = urlsplit(site_url)
    if parts.query or parts.fragment:
        stop(("site_url",),
             f"`site_url` is `{site_url}`, with a `?` or `#` part. Every page's address, the share "
             "image, the sitemap and robots.txt add their path to it, which would break them all.",
             "the address where the guide is published, ending in `/`, without `?` or `#`. Add "
             "`?utm_source=qr` to the links you share, not here.",
             "site_url: https://guide.riverside-massage.example/")
    if len(site_url) > SITE_URL_LIMIT:
        stop(("site_url",),
             f"`site_url` is `{site_url}`, {len(site_url)} characters. The handout prints it under its "
             "QR code, and a longer address makes the code's squares too small for a phone to read easily.",
             f"an address of at most {SITE_URL_LIMIT} characters: a shorter folder, or a short name of "
             "its own for the guide.",
             "site_url: https://guide.riverside-massage.example/")
    practice = extra.get("practice")
    if parts.hostname == PLACEHOLDER_HOST and isinstance(practice, dict) and any(practice.values()):
        stop(("site_url",),
             f"`site_url` is still the guide's placeholder, `{site_url}`, while your practice's "
             "details are set: the handout's QR code and every printed address would send readers there.",
             "the address where your practice publishes the guide.",
             "site_url: https://guide.riverside-massage.example/")

    name = str(config.site_name or "")
    if not visible(name):
        stop(("site_name",),
             f"`site_name` is {'empty' if not name.strip() else 'made of invisible characters only'}: "
             "every page's title in the browser tab, search results and shared links would show no name.",
             "the guide's name in words.",
             "site_name: Medical or relaxation massage?")

    for key in ("site_author", "copyright"):
        value = str(config.get(key) or "")
        bad = UNSAFE.search(value)
        if bad:
            stop((key,),
                 f"`{key}` `{' '.join(value.split())}` holds `{bad[0]}`, which would break the HTML "
                 "of every page where it is shown.",
                 f"{NO_MARKUP} (write \"and\"; 'single quotes' are fine).",
                 f"{key}: General information, not medical advice.")

    for number, social in enumerate(extra.get("social") or []):
        link = str((social or {}).get("link", "")) if isinstance(social, dict) else str(social)
        if urlsplit(link).scheme != "https":
            stop(("extra", "social"),
                 f"the social link `{link}` (number {number + 1} under `extra.social`) does not start "
                 "with https://: the footer of every page shows it.",
                 "full addresses that start with https://.",
                 "extra:\n  social:\n    - icon: fontawesome/brands/facebook\n      link: https://www.facebook.com/riverside")

    found += _check_languages(config)
    return found


def _i18n(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get(I18N) if config.plugins else None
    return getattr(plugin, "config", None)


def _sections(items: Any) -> set[str]:
    """Every title written under `nav:` (sections and pages), which `nav_translations` may name."""
    return set(_nav_titles(items or []))


def _check_languages(config: MkDocsConfig) -> list[PluginError]:
    options = _i18n(config)
    if options is None:
        return []
    found: list[PluginError] = []
    if options.get("fallback_to_default"):
        line = config_line(config, "plugins")
        found.append(PluginError(mistake(
            f"{in_config(line)}: ",
            "the `i18n` plugin has `fallback_to_default: true`: a page missing in one language "
            "would be published in the other under its address, marked with the wrong language "
            "(English pages under /es/ with `lang=\"es\"`).",
            "`fallback_to_default: false`, and each page in each language built (or `build: false` "
            "for a language not ready yet).",
            "  - i18n:\n      docs_structure: suffix\n      fallback_to_default: false",
        )))
    titles = _sections(config.nav or [])
    for language in options.get("languages") or []:
        get = language.get if hasattr(language, "get") else (lambda key, default=None: getattr(language, key, default))
        code = get("locale") or ""
        texts = {"name": get("name") or "", "site_name": get("site_name") or "", "copyright": get("copyright") or ""}
        line = config_line(config, "plugins")
        def markup(value: object, what: str, where: str, example: str) -> None:
            """A language's setting shown as text must hold no markup."""
            bad = UNSAFE.search(str(value))
            if bad:
                found.append(PluginError(mistake(
                    f"{in_config(line)}: ",
                    f"the `{code}` language's {what} `{value}` holds `{bad[0]}`, which would break {where}.",
                    f"{NO_MARKUP}.", example,
                )))

        for key, value in texts.items():
            markup(value, f"`{key}`", "the HTML of every page where it is shown",
                   "        - locale: es\n          name: Español")
        if get("site_name") is not None and not visible(str(get("site_name"))):
            found.append(PluginError(mistake(
                f"{in_config(line)}: ", f"the `{code}` language's `site_name` is empty or invisible.",
                "the guide's name in that language, in words.", "          site_name: ¿Masaje médico o de relajación?",
            )))
        for key, value in (get("nav_translations") or {}).items():
            if str(key) not in titles:
                close = [title for title in titles if title.lower() == str(key).lower()]
                hint = f" (the nav writes it `{close[0]}`)" if close else ""
                found.append(PluginError(mistake(
                    f"{in_config(line)}: ",
                    f"the `{code}` language's `nav_translations` has `{key}`, which is no title of the "
                    f"`nav:`{hint}: the menu would keep it untranslated.",
                    "each key written exactly as the section's title under `nav:` (same capitals).",
                    "          nav_translations:\n            The 6 differences: Las 6 diferencias",
                )))
            markup(value, "menu title", "the menu's HTML", "            About: Acerca de")
    return found


def page_templates(config: MkDocsConfig) -> list[str]:
    """The templates a page may name with `template:`: the theme's `main.html` and the guide's own
    page templates in `custom_dir` (overrides/), not the "page not found" page."""
    folder = config.theme.custom_dir
    own = sorted(path.name for path in Path(folder).glob("*.html")) if folder else []
    return sorted({"main.html", *own} - {"404.html"})


def check_page_settings(page: Page, config: MkDocsConfig) -> None:
    """Front matter values the theme uses as they are: `template:` (only the guide's own: Material's
    `redirect.html` would send readers to any `location:`), `subtitle:` (the menu writes it as HTML)."""
    template = page.meta.get("template")
    allowed = page_templates(config)
    if template is not None and str(template) not in allowed:
        raise author_error(
            page, front_matter_line(page, "template"),
            f"`template: {template}` is not one of the guide's page templates. Another template "
            "(such as the theme's `redirect.html`) could send readers to another website or show "
            "a page without the guide's safety parts.",
            "no `template:` line (most pages), or one of: " + ", ".join(f"`{name}`" for name in allowed) + ".",
            "---\ntitle: Medical or relaxation massage?\ntemplate: home.html\n---",
        )
    subtitle = page.meta.get("subtitle")
    if subtitle is not None:
        bad = UNSAFE.search(str(subtitle))
        if bad or not isinstance(subtitle, str):
            raise author_error(
                page, front_matter_line(page, "subtitle"),
                f"`subtitle: {subtitle}` holds `{bad[0] if bad else subtitle}`, which would break the menu's HTML.",
                f"a few {NO_MARKUP}.",
                "---\nsubtitle: What to plan for\n---",
            )


ICON_EXAMPLE = "---\ntitle: Price, tips and insurance\nicon: material/cash\n---"


def check_page_icon(page: Page, config: MkDocsConfig) -> None:
    """`icon:` in front matter names an icon the theme has: Material's menu includes
    `.icons/<icon>.svg` as it is, so a mistyped name would stop the build with a traceback when
    the menu is drawn (after every page is converted), naming no page."""
    icon = page.meta.get("icon")
    if icon is None:
        return
    name = str(icon).strip()
    shape = all(part and all(c.isalnum() or c in "-_" for c in part) for part in name.split("/"))
    if isinstance(icon, str) and "/" in name and shape:
        if any((Path(folder) / ".icons" / f"{name}.svg").is_file() for folder in config.theme.dirs):
            return
    raise author_error(
        page, front_matter_line(page, "icon"),
        f"`icon: {icon}` is not an icon of the theme, so the menu could not be drawn.",
        "the name of one of Material's icons, its set first: `material/...`, `fontawesome/solid/...`, "
        "`octicons/...` (the icon search at squidfunk.github.io/mkdocs-material/reference/icons-emojis/), "
        "or no `icon:` line.",
        ICON_EXAMPLE,
    )
