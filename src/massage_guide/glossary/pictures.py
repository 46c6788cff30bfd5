"""A glossary picture's file: there, an SVG drawing, and its size for the page's `<img>`.

The size (`width` and `height`) is read from the drawing itself, so the page keeps the picture's
room while it loads and an author writes no numbers. Python's XML parser reads the file; a
drawing without `width` and `height` gets the size of its `viewBox`.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

SVG = "{http://www.w3.org/2000/svg}svg"
NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$")


class PictureError(ValueError):
    """Why a picture cannot be shown, said as the end of a sentence ("is not in the docs folder")."""


def picture_size(docs_dir: str, path: str) -> tuple[int, int]:
    """(width, height) of the SVG drawing at `path`, from the docs folder `docs_dir`."""
    file = Path(docs_dir or ".") / path
    if not file.is_file():
        raise PictureError("is not a file in the docs folder")
    try:
        root = ElementTree.parse(file).getroot()
    except (ElementTree.ParseError, OSError) as error:
        raise PictureError(f"is not a readable SVG file ({error})") from None
    if root.tag != SVG:
        raise PictureError("is not an SVG drawing (its first element is not `<svg>`)")
    width, height = _number(root.get("width")), _number(root.get("height"))
    if width is None or height is None:
        box = (root.get("viewBox") or "").replace(",", " ").split()
        try:
            width, height = float(box[2]), float(box[3])
        except (IndexError, ValueError):
            raise PictureError("has no size: give its `<svg>` a `viewBox`, `width` and `height`") from None
    return round(width), round(height)


def _number(value: str | None) -> float | None:
    found = NUMBER.match(value or "")
    return float(found[1]) if found else None
