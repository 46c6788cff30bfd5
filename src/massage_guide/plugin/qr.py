"""The guide's own address (`site_url`) and its QR code, shared by the handout and the link kit."""

from __future__ import annotations

import functools
from urllib.parse import urljoin

import segno
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..words import words
from .authoring import shown_address
from .languages import folder, language


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
    """The address of the home page in the language being built: `site_url` itself, or
    `site_url` + "es/" for Spanish."""
    return urljoin(site_url(config, where), folder(config))


def qr_title(address: str, config: MkDocsConfig) -> str:
    """What the QR code is, for screen readers, in the language being built: "QR code that opens
    massage-guide.example/es"."""
    return words(language(config))["link_kit"]["qr_title"].format(address=shown_address(address))


@functools.cache
def site_qr(address: str) -> segno.QRCode:
    """A QR code that opens `address`.

    Error correction "m": it still reads with a smudge or a fold on a printed flyer. Never a
    Micro QR code, which many phone cameras do not read.
    """
    return segno.make(address, error="m", micro=False)
