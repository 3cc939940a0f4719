"""RFC 4287's requirements for an Atom feed, written from the RFC, not from briefkit's code.

`problems` lists, in the RFC's words, every requirement a feed breaks: those its RELAX NG schema
(Appendix B) states and those it states only in prose (an author on the feed or on every entry,
one alternate link per type and language, an entry without content having an alternate link).
There is no packaged Atom schema on PyPI; the checks follow the RFC's sections, named beside each.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

ATOM = "{http://www.w3.org/2005/Atom}"
# Section 3.3: an RFC 3339 date-time, with an uppercase "T" and "Z".
DATE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")
TEXT_TYPES = {"text", "html", "xhtml"}


def problems(xml: bytes) -> list[str]:
    """Every requirement of RFC 4287 that the feed document `xml` breaks."""
    feed = ET.fromstring(xml)
    found: list[str] = []
    if feed.tag != f"{ATOM}feed":
        return [f"4.1.1: the document element is {feed.tag}, not atom:feed"]
    _common(feed, "feed", found)
    for name in ("generator", "icon", "logo", "rights", "subtitle"):
        _at_most_one(feed, name, "feed", found)
    entries = feed.findall(f"{ATOM}entry")
    if not feed.findall(f"{ATOM}author") and not all(e.findall(f"{ATOM}author") for e in entries):
        found.append("4.1.1: atom:feed has no atom:author, and not every atom:entry has one")
    if not any(link.get("rel") == "self" for link in feed.findall(f"{ATOM}link")):
        found.append("4.1.1: atom:feed SHOULD contain one atom:link with rel 'self'")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    if len(ids) != len(set(ids)):
        found.append("4.2.6: two entries share an atom:id")
    for number, entry in enumerate(entries, start=1):
        where = f"entry {number}"
        _common(entry, where, found)
        for name in ("content", "published", "rights", "source", "summary"):
            _at_most_one(entry, name, where, found)
        alternates = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        if entry.find(f"{ATOM}content") is None and not alternates:
            found.append(f"4.1.2: {where} has neither atom:content nor an alternate atom:link")
        for published in entry.findall(f"{ATOM}published"):
            _date(published, where, found)
        for category in entry.findall(f"{ATOM}category"):
            if not category.get("term"):
                found.append(f"4.2.2: a category of {where} has no term")
    return found


def _common(element: ET.Element, where: str, found: list[str]) -> None:
    """What atom:feed and atom:entry share: one id, title and updated; authors; links; text constructs."""
    for name in ("id", "title", "updated"):
        count = len(element.findall(f"{ATOM}{name}"))
        if count != 1:
            found.append(f"4.1: {where} has {count} atom:{name}, not exactly one")
    for identifier in element.findall(f"{ATOM}id"):
        if not urlsplit((identifier.text or "").strip()).scheme:
            found.append(f"4.2.6: the atom:id of {where} is not an absolute IRI: {identifier.text!r}")
    for updated in element.findall(f"{ATOM}updated"):
        _date(updated, where, found)
    for author in element.findall(f"{ATOM}author"):
        if len(author.findall(f"{ATOM}name")) != 1 or not (author.findtext(f"{ATOM}name") or "").strip():
            found.append(f"3.2: an atom:author of {where} has not exactly one non-empty atom:name")
        for uri in author.findall(f"{ATOM}uri"):
            if not urlsplit((uri.text or "").strip()).scheme:
                found.append(f"3.2.2: an author's atom:uri in {where} is not an IRI: {uri.text!r}")
    alternates: set[tuple[str | None, str | None]] = set()
    for link in element.findall(f"{ATOM}link"):
        if not link.get("href"):
            found.append(f"4.2.7.1: a link of {where} has no href")
        if link.get("rel", "alternate") == "alternate":
            kind = (link.get("type"), link.get("hreflang"))
            if kind in alternates:
                found.append(f"4.1.1: {where} has two alternate links of the same type and hreflang: {kind}")
            alternates.add(kind)
    for name in ("title", "subtitle", "summary", "rights"):
        for text in element.findall(f"{ATOM}{name}"):
            if text.get("type", "text") not in TEXT_TYPES:
                found.append(f"3.1.1: atom:{name} of {where} has type {text.get('type')!r}")


def _at_most_one(element: ET.Element, name: str, where: str, found: list[str]) -> None:
    count = len(element.findall(f"{ATOM}{name}"))
    if count > 1:
        found.append(f"4.1: {where} has {count} atom:{name}, at most one is allowed")


def _date(element: ET.Element, where: str, found: list[str]) -> None:
    if not DATE_TIME.fullmatch((element.text or "").strip()):
        found.append(f"3.3: a date of {where} is not an RFC 3339 date-time: {element.text!r}")
