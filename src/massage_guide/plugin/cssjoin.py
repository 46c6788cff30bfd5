"""Join stylesheets into one and drop what a browser does not need: comments and spaces.

Used by the `stylesheets.py` hook. The CSS is read by tinycss2, a real CSS parser, and written
back rule by rule, so a string (`content: "/* */"`) or an address is never mistaken for a
comment, and a space is dropped only where the grammar says it means nothing: beside a comma,
beside a selector's `>`, `+` or `~`, after a media query's `:`, beside `/` in a value. The
space in `.a :hover` (a descendant) and in `calc(1em + 2px)` stays. What a browser would skip
(a rule it cannot parse) is left out here too; the CSS checks (css_check.py) report it.
"""

from __future__ import annotations

import tinycss2
from tinycss2.ast import AtRule, Declaration, Node, QualifiedRule
from tinycss2.serializer import serialize_identifier

# Literals beside which white space means nothing, by where they stand.
SELECTOR = frozenset({",", ">", "+", "~"})
VALUE = frozenset({",", "/"})
QUERY = frozenset({",", ":"})
ARGUMENTS = frozenset({","})
# At-rules whose block holds rules (`@media print { .a {…} }`); the others hold declarations
# and, like `@page`, may hold at-rules too (`@bottom-left {…}`).
RULE_BLOCKS = frozenset({"media", "supports", "container", "layer", "document", "scope"})


def _tokens(tokens: list[Node], tight: frozenset[str]) -> str:
    """Component values as text, with a space only where it means something."""
    tokens = [token for token in tokens if token.type != "comment"]
    text = []
    for index, token in enumerate(tokens):
        if token.type == "whitespace":
            if 0 < index < len(tokens) - 1 and not any(
                near.type == "literal" and near.value in tight
                for near in (tokens[index - 1], tokens[index + 1])
            ):
                text.append(" ")
        elif token.type == "() block":
            text.append(f"({_tokens(token.content, tight)})")
        elif token.type == "[] block":
            text.append(f"[{_tokens(token.content, frozenset())}]")
        elif token.type == "function":
            text.append(f"{serialize_identifier(token.name)}({_tokens(token.arguments, ARGUMENTS)})")
        else:
            text.append(token.serialize())
    return "".join(text)


def _contents(nodes: list[Node]) -> str:
    """The inside of a `{…}` block: declarations separated by `;`, and nested rules."""
    text = []
    for node in nodes:
        if isinstance(node, Declaration):
            important = "!important" if node.important else ""
            text.append(f"{node.name}:{_tokens(node.value, VALUE)}{important};")
        elif isinstance(node, (QualifiedRule, AtRule)):
            text.append(_rule(node))
    return "".join(text).removesuffix(";")


def _rule(rule: QualifiedRule | AtRule) -> str:
    if isinstance(rule, QualifiedRule):
        return f"{_tokens(rule.prelude, SELECTOR)}{{{_contents(_parse_block(rule.content))}}}"
    prelude = _tokens(rule.prelude, QUERY)
    head = f"@{serialize_identifier(rule.at_keyword)}" + (f" {prelude}" if prelude else "")
    if rule.content is None:  # `@import "x.css";`
        return head + ";"
    if rule.lower_at_keyword in RULE_BLOCKS:
        inner = "".join(_rule(node) for node in tinycss2.parse_rule_list(
            rule.content, skip_comments=True, skip_whitespace=True) if node.type != "error")
    else:
        inner = _contents(_parse_block(rule.content))
    return f"{head}{{{inner}}}"


def _parse_block(content: list[Node]) -> list[Node]:
    return tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True)


def minify(css: str) -> str:
    """`css` without comments, and with white space only where it changes the meaning."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(_rule(rule) for rule in rules if rule.type != "error")


def join(named_sources: list[tuple[str, str]]) -> str:
    """One stylesheet from (name, CSS) pairs, in order, each part headed by its source's name."""
    return "\n".join(f"/* {name} */\n{minify(css)}" for name, css in named_sources) + "\n"
