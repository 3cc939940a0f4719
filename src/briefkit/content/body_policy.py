"""What a briefing's body may contain beyond Markdown: a few harmless inline HTML elements, no more.

Bodies are Markdown from strangers, and MkDocs passes raw HTML through to the page. So:

- HTML elements other than those in `ALLOWED_ELEMENTS` are refused (`<script>`, `<iframe>`,
  `<style>`, `<form>`, `<object>`, `<embed>`, `<meta>`, `<base>`, and any other);
- attributes other than those in `ALLOWED_ATTRIBUTES` are refused (every `on…=` event handler,
  `style`, `href`, `src`);
- links and images whose address uses `javascript:`, `vbscript:` or `data:` are refused, in
  Markdown form (`[x](javascript:…)`, `![x](data:…)`, `<javascript:…>`, `[x]: javascript:…`)
  as in HTML form;
- attribute lists (`{: onclick=… }`) that set anything but classes and ids are refused.

Code (fenced blocks and `inline code`) is shown as text, so nothing in it is checked.
"""

from __future__ import annotations

import html
import re

from briefkit.content.markdown_lines import in_fences

ALLOWED_ELEMENTS = frozenset(
    {
        "abbr",
        "sup",
        "sub",
        "kbd",
        "mark",
        "br",
        "small",
        "q",
        "cite",
        "dfn",
        "s",
        "del",
        "ins",
        "time",
        "var",
        "samp",
        "wbr",
        "bdi",
    }
)
ALLOWED_ATTRIBUTES = frozenset({"title", "lang", "dir", "datetime", "cite"})
FORBIDDEN_SCHEMES = ("javascript:", "vbscript:", "data:")

_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")
_ATTR_LIST = re.compile(r"\{:?([^{}]*)\}")
_ATTR_LIST_SAFE = re.compile(r"^\s*(?:[.#][\w-]+\s*)*$")


def _without_code(body: str) -> str:
    """`body` with fenced blocks and code spans blanked out, keeping every line where it was."""
    lines = body.split("\n")
    text = "\n".join("" if code else line for line, code in zip(lines, in_fences(lines), strict=True))
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _dangerous(address: str) -> bool:
    # Browsers ignore whitespace and control characters inside a scheme, and decode entities in
    # attributes: `jav&#x61;script:` and `java\tscript:` both run.
    plain = re.sub(r"[\x00-\x20]", "", html.unescape(address)).lower()
    return plain.startswith(FORBIDDEN_SCHEMES)


def body_problems(body: str) -> list[tuple[int, str]]:
    """(0-based line in the body, message) for each thing the policy refuses, in order."""
    text = _without_code(body)
    found: list[tuple[int, str]] = []

    def report(offset: int, message: str) -> None:
        found.append((text.count("\n", 0, offset), message))

    for tag in _TAG.finditer(text):
        closing, name = tag.group(1), tag.group(2).lower()
        if closing:
            continue  # the opening tag is the one reported
        if name not in ALLOWED_ELEMENTS:
            report(tag.start(), f"raw HTML <{name}> is not allowed; write Markdown instead")
            continue
        for attribute in _ATTRIBUTE.finditer(tag.group(3)):
            attribute_name = attribute.group(1).lower()
            if attribute_name not in ALLOWED_ATTRIBUTES:
                report(tag.start(), f"the attribute {attribute_name} on <{name}> is not allowed; remove it")
    for pattern in (_INLINE_LINK, _REFERENCE, _AUTOLINK):
        for link in pattern.finditer(text):
            if _dangerous(link.group(1)):
                scheme = re.sub(r"[\x00-\x20]", "", html.unescape(link.group(1))).split(":", 1)[0].lower()
                report(
                    link.start(), f"a link to a {scheme}: address is not allowed; link only to http or https addresses"
                )
    for attributes in _ATTR_LIST.finditer(text):
        if "=" in attributes.group(1) and not _ATTR_LIST_SAFE.match(attributes.group(1)):
            report(attributes.start(), "an attribute list ({: ... }) may only give classes and ids; remove the rest")
    return sorted(found)
