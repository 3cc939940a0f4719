"""Indexes over the briefings, built once: by topic, by name, neighbours, related briefings.

Every list a page shows comes from here. Nothing compares every pair of briefings: postings
(the briefings of one topic or one name, newest first) are built in one pass, and the related
briefings of a briefing are scored among its neighbours on those postings.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from briefkit.model import Briefing, NameKind, Topic, Update

if TYPE_CHECKING:
    from collections.abc import Iterable

    from briefkit.content.names import Name

RELATED_LIMIT = 5
RELATED_WINDOW = 12
"""How far along each shared topic's or name's timeline candidates for "related" are sought."""


@dataclass(frozen=True)
class Related:
    """A briefing related to another, and why: the topics and names they share."""

    briefing: Briefing
    topics: tuple[Topic, ...]
    names: tuple[str, ...]


@dataclass(frozen=True)
class Neighbours:
    """The briefings just before and just after one briefing on one topic's timeline."""

    topic: Topic
    earlier: Briefing | None
    later: Briefing | None


class Catalog:
    """The published briefings and the topics they use, with every index the pages need."""

    def __init__(
        self, briefings: Iterable[Briefing], topics: dict[str, Topic], names: dict[str, Name] | None = None
    ) -> None:
        self.registry: dict[str, Name] = names or {}
        """The names registry: descriptions, aliases and kinds of the names that have an entry."""
        self.briefings: list[Briefing] = sorted(briefings, key=lambda b: (b.date, b.key), reverse=True)
        """Newest first; ties broken by key so the order never depends on the file system."""
        self.by_topic: dict[str, list[Briefing]] = defaultdict(list)
        self.by_name: dict[str, list[Briefing]] = defaultdict(list)
        self.name_kind: dict[str, NameKind] = {}
        for briefing in self.briefings:
            for key in briefing.topics:
                self.by_topic[key].append(briefing)
            for kind in NameKind:
                for name in briefing.names(kind):
                    self.by_name[name].append(briefing)
                    entry = self.registry.get(name)
                    self.name_kind.setdefault(name, entry.kind if entry else kind)
        self.topics: dict[str, Topic] = {key: topic for key, topic in topics.items() if key in self.by_topic}
        """Topics with at least one briefing, in the registry's order."""
        self._position: dict[tuple[str, str], int] = {}
        for postings in (self.by_topic, self.by_name):
            for label, listed in postings.items():
                for index, briefing in enumerate(listed):
                    self._position[(label, briefing.key)] = index
        # Each briefing's topics and names as one set of numbers, and its day as a number: related
        # briefings are scored on some sixty candidates a briefing, with one set intersection each.
        numbers: dict[tuple[bool, str], int] = {}
        self._labels: dict[str, frozenset[int]] = {
            briefing.key: frozenset(
                numbers.setdefault(label, len(numbers))
                for label in [(True, key) for key in briefing.topics] + [(False, name) for name in briefing.all_names]
            )
            for briefing in self.briefings
        }
        self._day: dict[str, int] = {briefing.key: briefing.date.toordinal() for briefing in self.briefings}
        self._cooccurring: dict[str, Counter[str]] = defaultdict(Counter)
        self._topic_names: dict[str, Counter[str]] = defaultdict(Counter)
        for briefing in self.briefings:
            for key in briefing.topics:
                self._cooccurring[key].update(other for other in briefing.topics if other != key)
                self._topic_names[key].update(briefing.all_names)

    def corrections(self) -> list[tuple[Update, Briefing]]:
        """Every correction of every briefing, newest first (then by the briefings' order, newest first)."""
        found = [(update, briefing) for briefing in self.briefings for update in briefing.corrections]
        return sorted(found, key=lambda pair: pair[0].date, reverse=True)  # stable: ties keep the briefings' order

    def topic_of(self, key: str) -> Topic:
        return self.topics[key]

    def neighbours(self, briefing: Briefing) -> list[Neighbours]:
        """For each topic of `briefing`, the previous and next briefing on that topic."""
        result = []
        for key in briefing.topics:
            listed = self.by_topic[key]
            index = self._position[(key, briefing.key)]
            later = listed[index - 1] if index > 0 else None
            earlier = listed[index + 1] if index + 1 < len(listed) else None
            result.append(Neighbours(self.topics[key], earlier, later))
        return result

    def related(self, briefing: Briefing, limit: int = RELATED_LIMIT) -> list[Related]:
        """Briefings sharing the most topics and names with `briefing`, then the nearest in time."""
        candidates: dict[str, Briefing] = {}
        for label, postings in [(k, self.by_topic) for k in briefing.topics] + [
            (n, self.by_name) for n in briefing.all_names
        ]:
            listed = postings[label]
            index = self._position[(label, briefing.key)]
            for other in listed[max(0, index - RELATED_WINDOW) : index + RELATED_WINDOW + 1]:
                candidates.setdefault(other.key, other)
        candidates.pop(briefing.key, None)
        labels, day, all_labels, all_days = self._labels[briefing.key], self._day[briefing.key], self._labels, self._day
        # Ranked by the topics and names shared, then by days apart; only the best few are made into
        # `Related`, as there are dozens of candidates a page.
        ranked = heapq.nsmallest(
            limit, ((-len(labels & all_labels[key]), abs(all_days[key] - day), key) for key in candidates)
        )
        return [self._related(briefing, candidates[key]) for _, _, key in ranked]

    def _related(self, briefing: Briefing, other: Briefing) -> Related:
        names = set(briefing.all_names)
        shared_topics = tuple(self.topics[t] for t in briefing.topics if t in other.topics)
        return Related(other, shared_topics, tuple(n for n in other.all_names if n in names))

    def related_topics(self, key: str) -> list[tuple[Topic, int]]:
        """Topics sharing briefings with topic `key`, most shared first."""
        counts = self._cooccurring[key]
        return [(self.topics[other], n) for other, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    def top_names(self, key: str, limit: int = 10) -> list[tuple[str, int]]:
        """The names mentioned most often in topic `key`'s briefings."""
        counts = self._topic_names[key]
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

    def names_of(self, kind: NameKind) -> list[tuple[str, int]]:
        """The names of one kind, most mentioned first, each with its number of briefings."""
        counts = [(name, len(self.by_name[name])) for name, k in self.name_kind.items() if k is kind]
        return sorted(counts, key=lambda item: (-item[1], item[0]))

    def name_topics(self, name: str) -> list[tuple[Topic, int]]:
        """The topics a name appears under, with how many of its briefings are on each."""
        counts: Counter[str] = Counter(key for briefing in self.by_name[name] for key in briefing.topics)
        return [(self.topics[key], n) for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    def companions(self, name: str, limit: int = 10) -> list[tuple[str, int]]:
        """The names that most often appear in the same briefings as `name`."""
        counts: Counter[str] = Counter(
            other for briefing in self.by_name[name] for other in briefing.all_names if other != name
        )
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

    def by_year(self, briefings: list[Briefing] | None = None) -> list[tuple[int, list[Briefing]]]:
        """`briefings` (default: all) grouped by year, newest year first."""
        listed = self.briefings if briefings is None else briefings
        return [(year, list(group)) for year, group in groupby(listed, key=lambda b: b.date.year)]
