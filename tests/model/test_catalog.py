"""The indexes: neighbours on each topic, related briefings ranked by what they share, then by time."""

from __future__ import annotations

from datetime import date

from briefkit.catalog import Catalog
from briefkit.model import Briefing, Source, Topic

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
