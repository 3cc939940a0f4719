"""Inline citations: `[@id]`, or `[@id1; @id2]`, in a briefing's text, naming its sources by id.

The syntax is Pandoc's, which writers know. A citation counts only in prose: inside code, a
heading, a link's definition, a link or an HTML tag it is left as written, as Markdown would
show it. Checking (`citation_problems`) and rendering (`briefkit.pages.citations`) both find
citations here, so what is checked is what is rendered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefkit.content.markdown_lines import prose_lines
from briefkit.content.problems import closest

if TYPE_CHECKING:
    from collections.abc import Sequence

SOURCE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""A source's id: lowercase letters, digits and single hyphens, such as `fcc-order`."""

_CITATION = re.compile(r"(?<!\\)\[(@[^\[\]\s;]+(?:\s*;\s*@[^\[\]\s;]+)*)\](?![(\[:])")
_PROTECTED = re.compile(
    r"(`+)(?!`).*?(?<!`)\1(?!`)"  # code spans
    r"|!?\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])"  # links and images, inline or by reference
    r"|<[^>\s][^>]*>"  # autolinks and raw HTML tags
    r"|https?://\S+"  # bare addresses
)


@dataclass(frozen=True)
class Citation:
    """One `[@...]` in a body: where it is, and the ids it names, in order."""

    line: int
    """0-based line in the body."""
    start: int
    end: int
    ids: tuple[str, ...]


def find_citations(body: str) -> list[Citation]:
    """Every citation in `body`'s prose, in reading order."""
    lines = body.split("\n")
    found: list[Citation] = []
    for number in prose_lines(lines):
        line = lines[number]
        if "[@" not in line:
            continue
        protected = [(match.start(), match.end()) for match in _PROTECTED.finditer(line)]
        for match in _CITATION.finditer(line):
            if any(start < match.end() and match.start() < end for start, end in protected):
                continue
            ids = tuple(part.strip().removeprefix("@") for part in match.group(1).split(";"))
            found.append(Citation(number, match.start(), match.end(), ids))
    return found


def citation_problems(body: str, source_ids: Sequence[str | None]) -> tuple[list[tuple[int, str]], set[str]]:
    """(0-based line in the body, message) for each citation of an id no source has; and the ids cited,
    counting an id as cited where a misspelt citation was close to it (one mistake, one message)."""
    known = [source_id for source_id in source_ids if source_id]
    problems: list[tuple[int, str]] = []
    cited: set[str] = set()
    for citation in find_citations(body):
        for source_id in citation.ids:
            if source_id in known:
                cited.add(source_id)
                continue
            meant = closest(source_id, known)
            if meant is not None:
                cited.add(meant)
                problems.append(
                    (citation.line, f"cites '@{source_id}', which no source has as its id; did you mean '@{meant}'?")
                )
            elif known:
                problems.append(
                    (
                        citation.line,
                        f"cites '@{source_id}', which no source has as its id; the ids are "
                        f"{', '.join(known)}, or give the source 'id: {source_id}'",
                    )
                )
            else:
                problems.append(
                    (
                        citation.line,
                        f"cites '@{source_id}', but no source has an id; give the source it means 'id: {source_id}'",
                    )
                )
    return problems, cited
