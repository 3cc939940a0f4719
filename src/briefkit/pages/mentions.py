"""Links in the text: the first mention of each of a briefing's names and topics links to its page.

Only whole words are matched, and never inside code, an existing link, a URL, raw HTML or a
heading: a link there would break the Markdown or the page's outline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefkit.content.markdown_lines import prose_lines

_PROTECTED = re.compile(
    r"(`+)(?!`).*?(?<!`)\1(?!`)"  # code spans
    r"|!?\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?"  # links, images, references, [bracketed] text
    r"|<[^>\s][^>]*>"  # autolinks and raw HTML tags
    r"|https?://\S+"  # bare addresses, which some extensions turn into links
    r"|\{[^}]*\}"  # attribute lists
)


@dataclass(frozen=True)
class Target:
    """Something a briefing mentions: the ways it may be written, and where its page is."""

    spellings: tuple[str, ...]
    link: str
    """A relative link to its page, from the briefing's page."""
    ignore_case: bool = False


def _free(line: str, start: int, end: int) -> bool:
    return all(match.end() <= start or match.start() >= end for match in _PROTECTED.finditer(line))


@lru_cache(maxsize=20_000)
def _pattern(spellings: tuple[str, ...], ignore_case: bool) -> re.Pattern[str]:
    """The whole-word pattern for a target, compiled once per name (a name recurs across briefings)."""
    alternatives = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    return re.compile(rf"(?<![\w&])(?:{alternatives})(?!\w)", re.IGNORECASE if ignore_case else 0)


def _may_occur(target: Target, body: str, folded: str | None) -> bool:
    """False only when no spelling of `target` can be in `body`: a substring test, far cheaper than the pattern.

    Ignoring case, it is exact only for ASCII text (the pattern also matches such pairs as ſ and s),
    so other text always goes to the pattern.
    """
    if not target.ignore_case:
        return any(spelling in body for spelling in target.spellings)
    if folded is None or not all(spelling.isascii() for spelling in target.spellings):
        return True
    return any(spelling.lower() in folded for spelling in target.spellings)


def link_first_mentions(body: str, targets: list[Target]) -> str:
    """`body` with the first mention of each target turned into a Markdown link to its page."""
    lines = body.split("\n")
    eligible = prose_lines(lines)
    # Longest spellings first, so "Huawei Technologies" is linked before "Huawei" could claim it.
    order = sorted(targets, key=lambda t: -max(len(s) for s in t.spellings))
    folded = body.lower() if body.isascii() else None
    for target in order:
        if not _may_occur(target, body, folded):
            continue
        pattern = _pattern(target.spellings, target.ignore_case)
        done = False
        for number in eligible:
            for match in pattern.finditer(lines[number]):
                if _free(lines[number], match.start(), match.end()):
                    line = lines[number]
                    lines[number] = f"{line[: match.start()]}[{match.group(0)}]({target.link}){line[match.end() :]}"
                    done = True
                    break
            if done:
                break
    return "\n".join(lines)
