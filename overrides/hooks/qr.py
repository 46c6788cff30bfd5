"""The guide's QR code, made once per build and shared by the handout and the link kit.

A helper module, not a hook: mkdocs.yml does not list it.
"""

from __future__ import annotations

import functools

import segno


@functools.cache
def site_qr(address: str) -> segno.QRCode:
    """A QR code that opens `address`.

    Error correction "m": it still reads with a smudge or a fold on a printed flyer. Never a
    Micro QR code, which many phone cameras do not read.
    """
    return segno.make(address, error="m", micro=False)
