"""How long lists are split into pages, so no page grows with the size of the archive.

A topic's or a name's timeline is one page up to `LIST_LIMIT` briefings, then one page per
year; a year of the archive is one page up to `ARCHIVE_LIMIT` briefings, then one page per
month; an index of names lists every name up to `NAMES_LIMIT`, then alphabetical pages of
`NAMES_LIMIT` names each.
With these limits a list page stays well under 200 KB.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefkit.model import Briefing

LIST_LIMIT = 100
ARCHIVE_LIMIT = 300
NAMES_LIMIT = 300
LATEST_ON_SPLIT = 10
"""How many of the newest briefings a split timeline's first page still shows."""


def timeline_years(base: str, briefings: list[Briefing]) -> list[tuple[int, str, list[Briefing]]]:
    """For a timeline too long for one page: (year, docs path, briefings) per year; else nothing.

    `base` is the timeline's page (`topics/5g-security.md`); year pages go beside it
    (`topics/5g-security/2019.md`). `briefings` are newest first.
    """
    if len(briefings) <= LIST_LIMIT:
        return []
    folder = base.removesuffix(".md")
    return [(year, f"{folder}/{year}.md", list(group)) for year, group in groupby(briefings, key=lambda b: b.date.year)]


def archive_months(year: int, briefings: list[Briefing]) -> list[tuple[int, str, list[Briefing]]]:
    """For a year too long for one page: (month, docs path, briefings) per month; else nothing."""
    if len(briefings) <= ARCHIVE_LIMIT:
        return []
    return [
        (month, f"archive/{year}/{month:02d}.md", list(group))
        for month, group in groupby(briefings, key=lambda b: b.date.month)
    ]
