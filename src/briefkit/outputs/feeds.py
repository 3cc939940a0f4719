"""Atom feeds (the whole site, and one per topic) and an OPML list of the topic feeds.

feedgen writes the XML, so escaping and the Atom format are a well-kept library's job. Output
is reproducible: every date comes from the briefings, none from the clock.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING

from feedgen.feed import FeedGenerator

from briefkit.model import day
from briefkit.paths import CORRECTIONS_FEED, CORRECTIONS_PATH, site_path, topic_feed_path

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from briefkit.catalog import Catalog
    from briefkit.model import Briefing, Masthead, Update

FEED_SIZE = 50
EPOCH = date(1970, 1, 1)


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def atom_feed(
    briefings: Sequence[Briefing],
    catalog: Catalog,
    *,
    title: str,
    subtitle: str,
    feed_path: str,
    page_path: str,
    site: Masthead,
) -> str:
    """The newest `FEED_SIZE` of `briefings` (already newest first) as an Atom document."""
    absolute = site.absolute
    feed = _feed(site)
    feed.id(absolute(page_path))
    feed.title(title)
    feed.subtitle(subtitle)
    feed.link(href=absolute(page_path), rel="alternate", type="text/html")
    feed.link(href=absolute(feed_path), rel="self", type="application/atom+xml")
    newest = briefings[:FEED_SIZE]
    feed.updated(_moment(max((b.last_changed for b in newest), default=EPOCH)))
    for briefing in newest:
        entry = feed.add_entry(order="append")
        url = absolute(f"briefings/{briefing.key}/")
        entry.id(url)
        entry.title(briefing.title)
        entry.link(href=url, rel="alternate", type="text/html")
        entry.summary(_with_corrections(briefing))
        entry.published(_moment(briefing.date))
        entry.updated(_moment(briefing.last_changed))
        for key in briefing.topics:
            topic = catalog.topics[key]
            entry.category(term=key, label=topic.title, scheme=absolute("topics/"))
    xml: bytes = feed.atom_str(pretty=True)
    return xml.decode("utf-8")


def _feed(site: Masthead) -> FeedGenerator:
    """A feed with what every feed of the site shares: its author and language.

    RFC 4287 (4.1.1) requires an author on the feed or on every entry; the site answers for all of them.
    """
    feed = FeedGenerator()
    feed.author(name=site.publisher, uri=site.absolute(""))
    feed.language("en")
    return feed


def _with_corrections(briefing: Briefing) -> str:
    """The entry's text: the briefing's corrections first, newest first, as its page shows them, then its summary."""
    notes = [f"Correction, {day(update.date)}: {update.note}" for update in reversed(briefing.corrections)]
    return " ".join([*notes, briefing.summary])


def corrections_feed(corrections: Sequence[tuple[Update, Briefing]], *, title: str, site: Masthead) -> str:
    """The newest `FEED_SIZE` corrections (already newest first) as an Atom document, one entry each."""
    absolute = site.absolute
    feed = _feed(site)
    feed.id(absolute(site_path(CORRECTIONS_PATH)))
    feed.title(title)
    feed.subtitle("Every correction made to a briefing, newest first")
    feed.link(href=absolute(site_path(CORRECTIONS_PATH)), rel="alternate", type="text/html")
    feed.link(href=absolute(CORRECTIONS_FEED), rel="self", type="application/atom+xml")
    newest = corrections[:FEED_SIZE]
    feed.updated(_moment(max((update.date for update, _ in newest), default=EPOCH)))
    for update, briefing in newest:
        entry = feed.add_entry(order="append")
        url = absolute(f"briefings/{briefing.key}/")
        number = briefing.corrections.index(update) + 1
        entry.id(f"{url}#correction-{number}")
        entry.title(f"Correction: {briefing.title}")
        entry.link(href=url, rel="alternate", type="text/html")
        entry.summary(update.note)
        entry.published(_moment(update.date))
        entry.updated(_moment(update.date))
    xml: bytes = feed.atom_str(pretty=True)
    return xml.decode("utf-8")


def opml(catalog: Catalog, site_name: str, absolute: Callable[[str], str]) -> str:
    """An OPML 2.0 list of every topic's feed, for subscribing to all of them at once."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = f"{site_name}: topic feeds"
    body = ET.SubElement(root, "body")
    for topic in catalog.topics.values():
        ET.SubElement(
            body,
            "outline",
            type="rss",
            text=topic.title,
            title=topic.title,
            xmlUrl=absolute(topic_feed_path(topic)),
            htmlUrl=absolute(posixpath.join("topics", topic.key) + "/"),
        )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
