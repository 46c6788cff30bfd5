"""The practice's logo (`extra.practice.logo`) is published on three pages and printed twice in the
booklet: it must be a real picture, small, and, as SVG, hold no script and nothing from another
website (an SVG file is a document that can run script when opened on its own).

The kind of file is read from its first bytes, and the size of PNG, JPEG, GIF and WebP from their
headers, as their formats lay them out (a few fixed fields each; a picture library such as Pillow
would be a large dependency for reading two numbers). SVG is read with Python's XML parser.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from xml.etree import ElementTree

from .css_check import declarations_addresses, elsewhere, stylesheet_addresses

# The weight the guide allows any picture it publishes (PERFORMANCE.md): readers download the
# logo with the handout, on their phones. 1 KB = 1,000 bytes, as there.
MAX_BYTES = 50_000
MAX_PIXELS = 1000
# SVG elements that run script, show another document or change addresses as they animate.
SVG_REFUSED = {"script", "foreignObject", "iframe", "embed", "object", "animate", "set",
               "animateMotion", "animateTransform", "handler", "listener"}


def _kind(data: bytes) -> str:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<svg", b"<?xml", b"<!--", b"<!doctype svg")) and b"<svg" in data[:4096].lower():
        return "svg"
    return ""


def _size(kind: str, data: bytes) -> tuple[int, int] | None:
    """(width, height) in pixels, from the format's header; None when it cannot be read."""
    try:
        if kind == "png":
            return struct.unpack(">II", data[16:24])
        if kind == "gif":
            return struct.unpack("<HH", data[6:10])
        if kind == "webp":
            chunk = data[12:16]
            if chunk == b"VP8X":
                return (int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1)
            if chunk == b"VP8 ":
                width, height = struct.unpack("<HH", data[26:30])
                return (width & 0x3FFF, height & 0x3FFF)
            if chunk == b"VP8L":
                bits = int.from_bytes(data[21:25], "little")
                return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        if kind == "jpeg":
            at = 2
            while at + 9 < len(data):
                if data[at] != 0xFF:
                    return None
                marker = data[at + 1]
                length = struct.unpack(">H", data[at + 2:at + 4])[0]
                if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
                    height, width = struct.unpack(">HH", data[at + 5:at + 9])
                    return (width, height)
                at += 2 + length
    except struct.error:
        return None
    return None


def _svg_problems(data: bytes) -> list[str]:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return [f"it is not a readable SVG file ({error})"]
    problems: list[str] = []
    for element in root.iter():
        name = str(element.tag).rsplit("}", 1)[-1]
        if name in SVG_REFUSED:
            problems.append(f"it holds `<{name}>`")
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                problems.append(f"it holds the script attribute `{local}`")
            elif local == "href" and not value.strip().startswith(("#", "data:image/")):
                problems.append(f"it links `{value}`")
            elif local == "style" and any(elsewhere(found.address) for found in declarations_addresses(value)):
                problems.append("a `style` in it loads from another website")
        if name == "style" and any(elsewhere(found.address) for found in stylesheet_addresses(element.text or "")):
            problems.append("its `<style>` loads from another website")
    return list(dict.fromkeys(problems))


def _svg_size(data: bytes) -> tuple[int, int] | None:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return None
    numbers = []
    for key in ("width", "height"):
        match = re.fullmatch(r"\s*([\d.]+)\s*(px)?\s*", root.get(key, ""))
        numbers.append(float(match[1]) if match else None)
    if None in numbers:
        box = (root.get("viewBox") or "").replace(",", " ").split()
        if len(box) != 4:
            return None
        try:
            numbers = [float(box[2]), float(box[3])]
        except ValueError:
            return None
    return (round(numbers[0]), round(numbers[1]))


def logo_problems(picture: Path) -> list[str]:
    """What is wrong with the logo file, in words for its owner ([] when it is fine)."""
    data = picture.read_bytes()
    problems: list[str] = []
    if len(data) > MAX_BYTES:
        problems.append(f"it is {-(-len(data) // 1000)} KB, more than {MAX_BYTES // 1000} KB (readers of the "
                        "handout download it, on their phones)")
    kind = _kind(data)
    suffix = picture.suffix.lower().lstrip(".")
    if not kind:
        return [*problems, "it is not a picture (its first bytes are not those of a PNG, JPEG, GIF, WebP or SVG file)"]
    if kind != ("jpeg" if suffix == "jpg" else suffix):
        problems.append(f"it is a {kind.upper()} file named `.{suffix}`")
    if kind == "svg":
        problems += _svg_problems(data)
        size = _svg_size(data)
    else:
        size = _size(kind, data)
    if size and max(size) > MAX_PIXELS:
        problems.append(f"it is {size[0]} x {size[1]} pixels, more than {MAX_PIXELS} on a side")
    return problems
