"""Reading a Markdown body line by line: which lines are code, shown as written and never interpreted."""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


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
