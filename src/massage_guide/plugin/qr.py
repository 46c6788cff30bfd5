"""The guide's own address (`site_url`) and its QR code, shared by the handout and the link kit."""

from __future__ import annotations

import functools
from urllib.parse import urljoin

import segno
from ..mistakes import AuthorError
from ..words import words
from .authoring import shown_address


def home_url(site_url: str, folder: str, where: str) -> str:
    """The address of the home page in the language being built: `site_url` itself, or
    `site_url` + "es/" for Spanish (`folder`). `site_url`, which the QR code and every link kit
    address are made from, is needed: an error naming `where` when it is not set."""
    if not site_url:
        raise AuthorError(
            where, None,
            "the QR code and the link kit need `site_url` in mkdocs.yml, the full address the guide "
            "is published at.",
            "a line `site_url:` with the guide's full web address.",
            "site_url: https://massage-guide.example/",
        )
    return urljoin(site_url, folder)


def qr_title(address: str, language: str) -> str:
    """What the QR code is, for screen readers, in `language`: "QR code that opens
    massage-guide.example/es"."""
    return words(language)["link_kit"]["qr_title"].format(address=shown_address(address))


@functools.cache
def site_qr(address: str) -> segno.QRCode:
    """A QR code that opens `address`.

    Error correction "m": it still reads with a smudge or a fold on a printed flyer. Never a
    Micro QR code, which many phone cameras do not read.
    """
    return segno.make(address, error="m", micro=False)
