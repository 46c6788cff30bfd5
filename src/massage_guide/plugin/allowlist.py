"""The HTML a page of the guide may hold: an allow-list, not a deny-list.

What a page's Markdown became (what its author wrote, with what the guide's extensions and
Material's made of it) is read with html5lib, the WHATWG HTML parser that reads markup exactly as
browsers do (raw text, foreign content such as `<svg><style>`, `<noscript>`, entities such as
`javascript&#58;`, a carriage return inside an address). Every element and attribute must be one a
health page needs: text formatting, headings, lists, tables, local pictures and figures, links to
websites (http, https), email, phone and the guide's own pages, details, and what the guide's own
blocks write (the quiz's form, the boxes, tabs, the glossary's terms, the QR code and icons as
plain SVG shapes). Anything else is a finding: the build stops and says where, what was found,
what is allowed and gives an example; nothing is cleaned away silently.

(A sanitizer such as nh3 cleans markup without telling what it removed, so it cannot say what
to fix; html5lib gives the tree as browsers build it, and this list says what may be in it.)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from urllib.parse import urlsplit

import html5lib

HTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"

# Attributes any element may have.
GLOBAL = {"id", "class", "title", "lang", "dir", "hidden", "role", "tabindex", "translate"}
# Elements of the page's text, with their own attributes.
ELEMENTS: dict[str, set[str]] = {
    **{name: set() for name in (
        "p", "br", "wbr", "hr", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub",
        "sup", "cite", "q", "code", "kbd", "samp", "var", "pre", "span", "div", "blockquote", "dfn",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "li", "dl", "dt", "dd", "thead", "tbody", "tfoot",
        "tr", "caption", "colgroup", "figure", "figcaption", "summary", "article", "section", "aside",
        "nav", "header", "footer", "fieldset", "legend", "address",
    )},
    "abbr": {"title"},
    "time": {"datetime"},
    "ol": {"start", "reversed", "type"},
    "table": set(),
    "col": {"span"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "td": {"colspan", "rowspan", "align"},
    # `download`: the link kit's QR code files.
    "a": {"href", "hreflang", "rel", "type", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "details": {"open"},
    # The quiz's form and the tabs: choices that work without JavaScript.
    "form": set(),
    "output": {"for"},  # the quiz's running score
    "input": {"type", "name", "value", "checked"},
    "label": {"for"},
    # The glossary's words open their definition, a popover, and its Close button shuts it.
    "button": {"type", "popovertarget"},
}
# Elements that may be a popover (the glossary's definitions).
ELEMENTS["small"] = {"popover"}
# The only kinds of `<input>` and `<button>` (choices, the glossary's words and Close buttons).
INPUT_TYPES = {"radio", "checkbox"}
BUTTON_TYPES = {"button"}
# Plain SVG shapes (the QR code, the emoji and box icons the theme writes into a page): no
# address, no style, no animation, no script.
SVG_ELEMENTS: dict[str, set[str]] = {
    "svg": {"xmlns", "viewbox", "viewBox", "width", "height", "fill", "focusable", "preserveAspectRatio", "shape-rendering", "version"},
    "g": {"fill", "stroke", "transform"},
    "path": {"d", "fill", "stroke", "stroke-width", "fill-rule", "clip-rule", "transform"},
    "rect": {"x", "y", "width", "height", "fill", "rx", "ry", "transform"},
    "circle": {"cx", "cy", "r", "fill"},
    "title": set(),
    "desc": set(),
}
# Addresses a link may go to: websites, email, phone; no scheme is a page of the guide.
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
# Bytes browsers drop from addresses before reading them (the URL standard): tab, newline,
# carriage return anywhere, and spaces and control characters at either end.
DROPPED = str.maketrans("", "", "\t\n\r")

ALLOWED_SUMMARY = (
    "text formatting (**bold**, *italic*, `code`), headings, lists, tables, pictures saved inside "
    "docs/ (for example in docs/assets/: `![What it shows](assets/picture.png)`) and figures, links to pages of the guide, to "
    "websites (https://), email (mailto:) and phone (tel:), and `<details>`"
)
EXAMPLE = """\
See [the safety page](safety.md) or [the NHS page](https://www.nhs.uk/).

![A therapist's table in a quiet room](assets/massage-room.jpg)"""


# Addresses that run script when followed.
SCRIPT_SCHEMES = {"javascript", "vbscript", "data"}
# Attributes that make the browser fetch something, by element: named in the message.
FETCHING = {
    "img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"),
    "audio": ("src",), "track": ("src",), "iframe": ("src",), "frame": ("src",), "embed": ("src",),
    "object": ("data",), "script": ("src",), "input": ("src",), "link": ("href",),
    "image": ("href",), "use": ("href",), "form": ("action",), "table": ("background",),
    "body": ("background",), "td": ("background",),
}
PRIVACY = "every reader's browser would ask that website for it, and the guide promises no request to any other website"


@dataclass(frozen=True)
class Finding:
    """One thing outside the list. `written`: texts to look for in the page's file, in turn, to
    name its line (as the author typed it: an address may be written with entities)."""

    what: str  # "the element `<iframe>`", "the attribute `ping` on `<a>`", ...
    written: tuple[str, ...]


def address_scheme(address: str) -> str:
    """The scheme of `address` as a browser reads it ("" for a path of this site)."""
    cleaned = address.translate(DROPPED).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                  "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    return urlsplit(cleaned).scheme.lower() if ":" in cleaned.split("/", 1)[0] else ""


def _local(address: str) -> bool:
    """A file of this site: no scheme, no other host (`//host/x` is another website)."""
    cleaned = address.translate(DROPPED).strip()
    return not address_scheme(cleaned) and not cleaned.startswith(("//", "\\\\", "/\\", "\\/"))


def findings(html: str) -> list[Finding]:
    """Everything in `html` (a page's converted Markdown) that is outside the allow-list."""
    return list(_findings(html))


# A page that converts to the same HTML has the same findings: a process that builds again
# (`mkdocs serve` on every save, the tests) parses only the pages that changed.
@functools.lru_cache(maxsize=256)
def _findings(html: str) -> tuple[Finding, ...]:
    tree = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=True)
    found: list[Finding] = []
    for element in tree.iter():
        tag = element.tag
        if not isinstance(tag, str) or tag == "DOCUMENT_FRAGMENT":
            continue  # a comment; the fragment itself
        if tag.startswith(HTML):
            name, allowed = tag[len(HTML):], ELEMENTS.get(tag[len(HTML):])
        elif tag.startswith(SVG):
            name, allowed = tag[len(SVG):], SVG_ELEMENTS.get(tag[len(SVG):])
        else:
            name, allowed = tag.rsplit("}", 1)[-1], None  # MathML and the like
        if allowed is None:
            found.append(Finding(f"the element `<{name}>`{_consequence(name, element.attrib)}", _where(name, element.attrib)))
            continue
        for attribute, value in element.attrib.items():
            attribute = attribute.rsplit("}", 1)[-1] if isinstance(attribute, str) else str(attribute)
            found += _attribute(name, attribute, value, allowed)
        if name in ("input", "button"):
            kind = element.get("type", "text" if name == "input" else "submit").lower()
            if kind not in (INPUT_TYPES if name == "input" else BUTTON_TYPES):
                found.append(Finding(f"`<{name} type=\"{kind}\">`", (f"<{name}",)))
    return tuple(found)


def _host(address: str) -> str:
    return urlsplit(address.translate(DROPPED).strip().replace("\\", "/")).netloc


def _consequence(tag: str, attributes: dict) -> str:
    """Why an element outside the list matters, when it is plain: it runs a script, or it asks
    another website for something."""
    if tag == "script":
        return ", which would run a script"
    for name in FETCHING.get(tag, ()):
        address = str(attributes.get(name, "")).split(",")[0].strip().split(" ")[0]
        if address and not _local(address):
            return f", which loads `{address}` from another website, {_host(address) or address}: {PRIVACY}"
    return ""


def _where(tag: str, attributes: dict) -> tuple[str, ...]:
    values = [str(value) for value in attributes.values() if len(str(value)) > 3]
    return (*values, f"<{tag}")


def _attribute(tag: str, attribute: str, value: str, allowed: set[str]) -> list[Finding]:
    lowered = attribute.lower()
    if lowered.startswith("aria-") or lowered in GLOBAL or attribute in allowed or lowered in allowed:
        if lowered == "href":
            scheme = address_scheme(value)
            if scheme and scheme not in LINK_SCHEMES:
                why = "which would run a script" if scheme in SCRIPT_SCHEMES else "which is not a page or a website"
                return [Finding(f"the link `{value}`, {why}", (value, scheme, f"<{tag}"))]
        if lowered == "src" and not _local(value):
            host = _host(value)
            why = f"from another website, {host}: {PRIVACY}" if host else "which is not a file saved inside docs/"
            return [Finding(f"the picture `{value}` {why}", (value, f"<{tag}"))]
        if "url(" in value.lower() and tag in SVG_ELEMENTS:
            return [Finding(f"the attribute `{attribute}=\"{value}\"` on `<{tag}>`", (value, f"{attribute}="))]
        return []
    if lowered.startswith("on"):
        return [Finding(f"the attribute `{attribute}=\"{value}\"` on `<{tag}>`, which would run a script", (f"{attribute}=", attribute))]
    if lowered == "style":
        return []  # read as CSS (page_check.py)
    if lowered.startswith("data-"):
        return []  # read by no script of the guide's: text only
    return [Finding(f"the attribute `{attribute}` on `<{tag}>`", (f"{attribute}=", f"<{tag}"))]
