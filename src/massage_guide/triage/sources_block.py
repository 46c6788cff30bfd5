"""`<!-- guide: triage-sources -->`: who says what, for the warning signs where the sources the
guide read do not agree, made from the triage file (`differs:` and `sources:` of each sign), so
the sources page cannot drift from the actions the guide gives.

For each sign whose `differs:` is set and does not start with "none": the sign in the page's
language, the action the guide gives it (its level's `short:`), the note on who says what, and
the sources read, each a link to the address under `sources:` at the end of the main file
when it was read at its publisher's (else its title and its status: "not verified").
The notes are in each triage file's language; a note a translation lacks is the main file's,
marked with that language (`lang`), so screen readers read them right.
"""

from __future__ import annotations

from urllib.parse import quote

from ..mistakes import AuthorError
from .data import Sign, Source, Triage

# A `differs:` note that says the sources agree ("none", "none. New to the guide.").
AGREE = "none"
# Only addresses on the web are links; anything else is shown as text.
WEB = ("https://", "http://")
# A source is a link only where its page was read at its publisher's own address (`status:`
# "verified ..." or "partly verified ..."); a copy read elsewhere is named, with its status.
READ_AT_PUBLISHER = ("verified", "partly verified")


def differs(sign: Sign) -> bool:
    """Whether the sources read give `sign` different actions."""
    return bool(sign.differs) and not sign.differs.casefold().startswith(AGREE)


def link(source: Source) -> str:
    """The address of a source read at its publisher's, safe in a Markdown link (`(`, `)` and
    spaces escaped); "" for a source read only in a copy, or with no web address."""
    if not source.address.startswith(WEB) or not source.status.casefold().startswith(READ_AT_PUBLISHER):
        return ""
    return quote(source.address, safe=":/?#[]@!$&'*+,;=%-._~")


def sources_block(triage: Triage, main_language: str = "en", *args: str) -> str:
    """The Markdown of `<!-- guide: triage-sources -->`."""
    from ..plugin.authoring import render

    if args:
        raise AuthorError("", None, f"`{' '.join(args)}` after `triage-sources` is not known.",
                          "the block's name alone.", "<!-- guide: triage-sources -->")
    known = {source.key: source for source in triage.sources}
    rows = [(triage.level(sign.level), sign, [known[key] for key in sign.sources if key in known])
            for level in triage.levels for sign in triage.signs_of(level.key) if differs(sign)]
    notes_language = "" if triage.language == main_language else main_language
    return render("triage-sources.md", triage.language, rows=rows, link=link, notes_language=notes_language)
