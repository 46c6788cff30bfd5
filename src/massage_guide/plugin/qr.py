"""The guide's own address (`site_url`) and its QR code, shared by the handout and the link kit."""

from __future__ import annotations

import functools
from urllib.parse import urljoin

import segno
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


def site_url(config: MkDocsConfig, where: str) -> str:
    """`site_url`, which the QR code and every link kit address are made from; an error naming
    `where` when it is not set."""
    if not config.site_url:
        raise PluginError(
            f"{where}: the QR code and the link kit need `site_url` in mkdocs.yml, the full "
            "address the guide is published at.\n"
            "  Expected: a line `site_url:` with the guide's full web address.\n"
            "  For example:\n    site_url: https://massage-guide.example/"
        )
    return config.site_url


def home_url(config: MkDocsConfig, where: str) -> str:
    """The address of the home page in the language being built: `site_url` itself, or, for
    another language of a site the i18n plugin builds, that language's home (`site_url` + "es/",
    from the language's `link:`)."""
    address = site_url(config, where)
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "current_language", None) is None:
        return address
    return urljoin(address, i18n.current_language_config.link.lstrip("/"))


@functools.cache
def site_qr(address: str) -> segno.QRCode:
    """A QR code that opens `address`.

    Error correction "m": it still reads with a smudge or a fold on a printed flyer. Never a
    Micro QR code, which many phone cameras do not read.
    """
    return segno.make(address, error="m", micro=False)
