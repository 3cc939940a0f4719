"""Reading a Markdown body line by line: which lines are code, shown as written and never interpreted,
and which are prose, where briefkit may add links (first mentions, citations)."""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX_HEADING = re.compile(r"^\s{0,3}#")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:")


def in_fences(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (its fence lines included)."""
    inside: list[bool] = []
    fence: str | None = None
    for line in lines:
        opening = _FENCE.match(line)
        if fence is not None:
            inside.append(True)
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
        elif opening:
            fence = opening.group(1)
            inside.append(True)
        else:
            inside.append(False)
    return inside


def prose_lines(lines: list[str]) -> list[int]:
    """The indexes of the lines that are prose: not code, a heading, a link's definition or blank."""
    eligible = []
    for number, (line, code) in enumerate(zip(lines, in_fences(lines), strict=True)):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if (
            code
            or not line.strip()
            or _ATX_HEADING.match(line)
            or (_SETEXT_UNDERLINE.match(following) and not line.lstrip().startswith(("-", "*", "+")))
            or _SETEXT_UNDERLINE.match(line)
            or _REFERENCE_DEFINITION.match(line)
            or line.startswith(("    ", "\t"))
        ):
            continue
        eligible.append(number)
    return eligible
