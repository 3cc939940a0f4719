"""Making text from a briefing inert wherever it lands in a generated page.

Generated pages are Markdown that MkDocs turns into HTML, and MkDocs passes raw HTML through.
A value such as `x](javascript:alert(1))` or `<img src=x onerror=...>` must come out as the very
text that was written, so every character that means something to HTML or to Markdown (and its
common extensions: attribute lists, emphasis, tables, emoji, math, highlight marks) is written as
a numeric character reference. Browsers and Markdown both show those as the character itself.
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup

# HTML's five, Markdown's punctuation, and the markers of the extensions Material sites enable.
_SPECIAL = frozenset("&<>\"'\\`*_{}[]()#+!|~^=:$@%")
_BIDI_AND_LINE = {"\n": " ", "\r": " ", "\u2028": " ", "\u2029": " "}
_TABLE = str.maketrans({**{char: f"&#{ord(char)};" for char in _SPECIAL}, **_BIDI_AND_LINE})
_LIST_MARKER = re.compile(r"^(?:-|\d{1,9}[.)])(?=\s|$)")
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def inline_text(value: object) -> Markup:
    """`value` as text that renders as itself in Markdown and in HTML, text or attribute.

    Also safe at the start of a line, where `- `, `1. ` or `1) ` would begin a list; and a value
    holding bidirectional controls is isolated (FSI ... PDI) so it cannot reorder the text after it.
    """
    if isinstance(value, Markup):
        return value
    text = str(value)
    escaped = text.translate(_TABLE)  # one pass in C: this runs for every value of every page
    leading = _LIST_MARKER.match(text)
    if leading:
        marker = text[leading.end() - 1]  # '-', '.' or ')'
        cut = len(text[: leading.end() - 1].translate(_TABLE))
        escaped = escaped[:cut] + f"&#{ord(marker)};" + escaped[cut + len(marker.translate(_TABLE)) :]
    if _BIDI_CONTROLS.search(text):
        escaped = "\u2068" + escaped + "\u2069"
    return Markup(escaped)


def html_text(value: str) -> str:
    """`value` escaped for HTML only: for places Markdown never reads, such as page meta values."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def meta_value(value: str) -> Markup:
    """A front-matter value for a generated page: HTML-escaped, then quoted as YAML.

    Material prints `page.meta.title` and `page.meta.description` into the page without
    escaping, so the value is escaped before it goes into the page's YAML. JSON strings are
    valid YAML, and `json.dumps` quotes every character that YAML could misread.
    """
    return Markup(json.dumps(html_text(value), ensure_ascii=False))


def code(value: str) -> Markup:
    """`value` as inline code. Markdown's backticks would show character references literally,
    so this is an HTML `<code>` element around escaped text."""
    return Markup(f"<code>{inline_text(value)}</code>")
