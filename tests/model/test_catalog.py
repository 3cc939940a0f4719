"""The indexes: neighbours on each topic, related briefings ranked by what they share, then by time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from briefkit.catalog import Catalog
from briefkit.model import Briefing, NameKind, Source, Topic, Update

TOPICS = {key: Topic(key, key.upper(), "d") for key in ("a", "b", "c")}


def make(key: str, day: str, topics: tuple[str, ...], organizations: tuple[str, ...] = ()) -> Briefing:
    return Briefing(
        key=key,
        path=f"briefings/{key}.md",
        title=key,
        date=date.fromisoformat(day),
        summary="s",
        topics=topics,
        sources=(Source("p", "t"),),
        body="b",
        organizations=organizations,
    )


def test_neighbours_on_each_topic() -> None:
    first, middle, last = (
        make("first", "2019-01-01", ("a",)),
        make("mid", "2019-02-01", ("a", "b")),
        make("last", "2019-03-01", ("a",)),
    )
    catalog = Catalog([middle, last, first], TOPICS)
    rows = {row.topic.key: (row.earlier, row.later) for row in catalog.neighbours(middle)}
    assert rows == {"a": (first, last), "b": (None, None)}
    assert catalog.topics.keys() == {"a", "b"}  # "c" has no briefing, so no page


def test_related_are_ranked_by_shared_topics_and_names_then_nearness_in_time() -> None:
    subject = make("subject", "2019-05-14", ("a", "b"), ("Huawei",))
    both_topics = make("both", "2018-01-01", ("a", "b"))
    topic_and_name = make("name", "2017-01-01", ("a",), ("Huawei",))
    near = make("near", "2019-05-10", ("a",))
    far = make("far", "2015-05-10", ("a",))
    unrelated = make("other", "2019-05-13", ("c",))
    catalog = Catalog([subject, both_topics, topic_and_name, near, far, unrelated], TOPICS)
    related = catalog.related(subject)
    assert [item.briefing.key for item in related] == ["both", "name", "near", "far"]
    assert [topic.key for topic in related[0].topics] == ["a", "b"]
    assert related[1].names == ("Huawei",)


def test_related_topics_and_top_names_are_counted_once() -> None:
    catalog = Catalog(
        [
            make("x", "2019-01-01", ("a", "b"), ("Huawei",)),
            make("y", "2019-01-02", ("a", "b"), ("Huawei", "ZTE")),
            make("z", "2019-01-03", ("a", "c")),
        ],
        TOPICS,
    )
    assert [(topic.key, n) for topic, n in catalog.related_topics("a")] == [("b", 2), ("c", 1)]
    assert catalog.top_names("a") == [("Huawei", 2), ("ZTE", 1)]


def named(key: str, day: str, topics: tuple[str, ...], organizations: tuple[str, ...]) -> Briefing:
    return make(key, day, topics, organizations)


NUMBERED = tuple(f"N{number:02}" for number in range(1, 13))


def counted_catalog() -> Catalog:
    # "Zeta" is in all three briefings, N12 in two, N01 to N11 in one each: counts that tie.
    return Catalog(
        [
            named("b0", "2019-01-01", ("a", "b"), ("Zeta", *NUMBERED[:6])),
            named("b1", "2019-01-02", ("a", "c"), ("Zeta", *NUMBERED[6:])),
            named("b2", "2019-01-03", ("a",), ("Zeta", "N12")),
        ],
        TOPICS,
    )


def test_name_counts_go_most_first_then_alphabetically_and_stop_at_ten() -> None:
    catalog = counted_catalog()
    ones = [(name, 1) for name in NUMBERED[:11]]
    assert catalog.top_names("a") == [("Zeta", 3), ("N12", 2), *ones[:8]]
    assert catalog.companions("Zeta") == [("N12", 2), *ones[:9]]
    assert catalog.names_of(NameKind.ORGANIZATION) == [("Zeta", 3), ("N12", 2), *ones]


def test_topic_counts_go_most_first_then_alphabetically() -> None:
    catalog = counted_catalog()
    assert [(topic.key, n) for topic, n in catalog.name_topics("Zeta")] == [("a", 3), ("b", 1), ("c", 1)]
    assert [(topic.key, n) for topic, n in catalog.related_topics("a")] == [("b", 1), ("c", 1)]


def test_related_briefings_stop_at_five_and_include_the_newest() -> None:
    briefings = [make(f"k{day:02}", f"2019-03-{day:02}", ("a",)) for day in range(1, 10)]
    catalog = Catalog(briefings, TOPICS)
    # The second newest: its nearest in time is the newest of all, first in the topic's list.
    related = [item.briefing.key for item in catalog.related(briefings[-2])]
    assert related == ["k07", "k09", "k06", "k05", "k04"]


def test_corrections_go_newest_first_then_by_the_briefings_order() -> None:
    def corrected(key: str, day: str, *fixes: tuple[str, str]) -> Briefing:
        updates = tuple(Update(date.fromisoformat(when), note, correction=True) for when, note in fixes)
        return replace(make(key, day, ("a",)), updates=updates)

    older = corrected("older", "2019-01-01", ("2020-05-01", "first"), ("2020-05-01", "second"))
    newer = corrected("newer", "2019-06-01", ("2020-05-01", "third"), ("2020-04-01", "earliest"))
    catalog = Catalog([older, newer], TOPICS)
    assert [(update.note, briefing.key) for update, briefing in catalog.corrections()] == [
        ("third", "newer"),
        ("first", "older"),
        ("second", "older"),
        ("earliest", "newer"),
    ]
