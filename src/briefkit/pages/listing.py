"""How long lists are split into pages, so that no page is over `PAGE_BYTES` whatever the corpus.

The limit is on the list's HTML, not on a number of items: a list item's size is bounded
(a title of at most 150 characters, a summary of at most 300), so `list_bytes` can measure it
before rendering, and a list that does not fit is split until it does:

- A topic's or a name's timeline is one page up to `LIST_LIMIT` briefings (and while it fits),
  then a page per year; a year that does not fit, a page per month; a month that does not fit,
  numbered parts (`topics/x/2023/05.md`, `05-2.md`, `05-3.md`), linked to one another.
- A year of the archive lists its briefings by month up to `ARCHIVE_LIMIT` (and while it fits),
  then links to a page per month, split into parts the same way (`archive/2023/05.md`, `05-2.md`).
- An index of names lists every name while it fits, then alphabetical parts (`people/all-1.md`).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING, TypeVar

from markupsafe import escape

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from briefkit.model import Briefing

T = TypeVar("T")

PAGE_BYTES = 200_000
"""No generated page is larger than this: what a phone loads comfortably, and Pagefind indexes whole."""
THEME_BYTES = 60_000
"""What a page holds beside its list, at most: the theme's header, navigation and footer (about
30 KB), the page's title, description, headings and links to its other parts."""
LIST_BYTES = PAGE_BYTES - THEME_BYTES
"""The most HTML one page's list may hold."""

LIST_LIMIT = 100
"""A timeline longer than this is read year by year, even when it would fit on one page."""
ARCHIVE_LIMIT = 300
"""A year of the archive longer than this links to its months rather than listing them."""
LATEST_ON_SPLIT = 10
"""How many of the newest briefings a split timeline's first page still shows."""
MOST_NAMED = 100
"""How many of the most named names a split index of names still shows."""

_LONGEST_LINK = "../" * 6 + "briefings/"
"""A list's links are relative: from the deepest list page (`topics/x/2023/05-2/`) up and back down."""


def briefing_bytes(briefing: Briefing) -> int:
    """The most a briefing's item in a list (`_lists.j2`'s `briefing_list`) can take, in bytes."""
    item = (
        f'<li><time datetime="2000-01-01">30 September 2000</time>: <a href="{_LONGEST_LINK}{briefing.key}/">'
        f"{escape(briefing.title)}</a><br>{escape(briefing.summary)}</li>\n"
    )
    return len(item.encode("utf-8"))


def name_bytes(item: tuple[str, int]) -> int:
    """The most a name's item in an index of names takes, in bytes: its link (holding its slug) and count."""
    name = str(escape(item[0])).encode("utf-8")
    return 2 * len(name) + 200


def list_bytes(briefings: Sequence[Briefing]) -> int:
    return sum(briefing_bytes(b) for b in briefings)


def fits(briefings: Sequence[Briefing]) -> bool:
    return list_bytes(briefings) <= LIST_BYTES


@dataclass(frozen=True)
class Part:
    """One page of a list that is split into numbered parts; part 1 has the list's own path."""

    path: str
    number: int
    briefings: list[Briefing]


@dataclass(frozen=True)
class Month:
    """A month of a split year: one page, or numbered parts when it does not fit on one."""

    month: int
    parts: list[Part]

    @property
    def path(self) -> str:
        return self.parts[0].path

    @property
    def briefings(self) -> list[Briefing]:
        return [b for part in self.parts for b in part.briefings]


@dataclass(frozen=True)
class Year:
    """A year of a split timeline: its page, and its months when they do not fit on it."""

    year: int
    path: str
    briefings: list[Briefing]
    months: list[Month]

    @property
    def list_pages(self) -> list[str]:
        """The pages that list this year's briefings (each briefing on exactly one)."""
        return [part.path for month in self.months for part in month.parts] or [self.path]


def in_parts(items: Sequence[T], size: Callable[[T], int], limit: int = LIST_BYTES) -> list[list[T]]:
    """`items` in order, cut into runs of at most `limit` bytes each (a single item always has a run)."""
    runs: list[list[T]] = [[]]
    used = 0
    for item in items:
        cost = size(item)
        if runs[-1] and used + cost > limit:
            runs.append([])
            used = 0
        runs[-1].append(item)
        used += cost
    return runs if runs[0] else []


def part_path(stem: str, number: int) -> str:
    """`stem.md` for the first part, `stem-2.md` for the second, and so on."""
    return f"{stem}.md" if number == 1 else f"{stem}-{number}.md"


def months_of(folder: str, briefings: list[Briefing]) -> list[Month]:
    """A split year's months (newest first), each in as many parts as it needs, under `folder`."""
    months = []
    for month, group in groupby(briefings, key=lambda b: b.date.month):
        runs = in_parts(list(group), briefing_bytes)
        stem = f"{folder}/{month:02d}"
        months.append(Month(month, [Part(part_path(stem, n), n, run) for n, run in enumerate(runs, start=1)]))
    return months


def timeline_years(base: str, briefings: list[Briefing]) -> list[Year]:
    """For a timeline too long for one page: its years; else nothing.

    `base` is the timeline's page (`topics/5g-security.md`); year pages go beside it
    (`topics/5g-security/2019.md`), month pages below them. `briefings` are newest first.
    """
    if len(briefings) <= LIST_LIMIT and fits(briefings):
        return []
    folder = base.removesuffix(".md")
    years = []
    for year, group in groupby(briefings, key=lambda b: b.date.year):
        listed = list(group)
        months = [] if fits(listed) else months_of(f"{folder}/{year}", listed)
        years.append(Year(year, f"{folder}/{year}.md", listed, months))
    return years


def archive_months(year: int, briefings: list[Briefing]) -> list[Month]:
    """For a year of the archive too long for one page: its months; else nothing."""
    if len(briefings) <= ARCHIVE_LIMIT and fits(briefings):
        return []
    return months_of(f"archive/{year}", briefings)


def most_named(names: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The first names of `names` (most named first) that a split index still shows."""
    shown = in_parts(names[:MOST_NAMED], name_bytes)
    return shown[0] if shown else []
