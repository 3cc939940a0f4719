"""The content as small typed values: a briefing, its sources, a topic.

These are plain, immutable values. How briefings relate to topics and names lives in
`briefkit.catalog`, built once from a list of these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property


class NameKind(Enum):
    """The three kinds of names a briefing can list, in the order pages show them."""

    PERSON = "people"
    ORGANIZATION = "organizations"
    PLACE = "places"

    @property
    def label(self) -> str:
        return {"people": "People", "organizations": "Organizations", "places": "Places"}[self.value]


@dataclass(frozen=True)
class Source:
    """Where the facts of a briefing come from."""

    publisher: str
    title: str
    date: dt.date | None = None
    url: str | None = None
    """An http or https address, or None: a URL is left out rather than guessed."""


@dataclass(frozen=True)
class Briefing:
    """One short, sourced account of one development."""

    key: str
    """The file name without `.md`, such as `2019-05-14-huawei-offers-no-spy-deals`; unique."""
    path: str
    """The source file relative to the project folder, such as `briefings/2019/2019-05-14-x.md`."""
    title: str
    date: dt.date
    summary: str
    topics: tuple[str, ...]
    """Topic keys, canonical (aliases already resolved), in the order the briefing gives them."""
    sources: tuple[Source, ...]
    body: str
    """The Markdown after the front-matter, as written."""
    body_line: int = 1
    """The file line on which the body starts, so checks of the body can point at lines."""
    people: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    updated: dt.date | None = None
    draft: bool = False
    name_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    """The file line on which each name is written, for messages about names."""

    def names(self, kind: NameKind) -> tuple[str, ...]:
        return {
            NameKind.PERSON: self.people,
            NameKind.ORGANIZATION: self.organizations,
            NameKind.PLACE: self.places,
        }[kind]

    @cached_property  # read for every candidate of every related-briefings list
    def all_names(self) -> tuple[str, ...]:
        return self.people + self.organizations + self.places

    @property
    def last_changed(self) -> dt.date:
        return self.updated or self.date


@dataclass(frozen=True)
class Topic:
    """A subject readers follow, such as "5G security"; defined in `briefings/topics.yml`."""

    key: str
    title: str
    description: str
    aliases: tuple[str, ...] = field(default=())
    line: int = field(default=1, compare=False)
    """Its line in the registry, for messages."""

    @property
    def spoken_aliases(self) -> tuple[str, ...]:
        """The aliases a reader would write ("5G"), not those shaped like keys ("trade-war")."""
        return tuple(alias for alias in self.aliases if "-" not in alias)
