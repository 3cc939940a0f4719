"""Feeds, open data and previews of the repository's own site, read back as a machine would."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date

import feedparser
import pytest
import yaml

from briefkit.outputs.feeds import FEED_SIZE

import atom
from conftest import REPO, Project, copy_repo
from conftest import briefing as briefing_text
from written import Written, read_written

SITE = "https://owner.github.io/repo/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = copy_repo(tmp_path_factory.mktemp("feeds") / "repo")
    build = project.build(env={"SITE_URL": SITE})
    assert build.returncode == 0, build.log
    return project


WRITTEN = read_written(REPO)
TOPIC_KEYS = list(yaml.safe_load((REPO / "briefings" / "topics.yml").read_text(encoding="utf-8")))


TOPIC_TITLES = {
    key: topic["title"]
    for key, topic in yaml.safe_load((REPO / "briefings" / "topics.yml").read_text(encoding="utf-8")).items()
}
MONTHS = "January February March April May June July August September October November December".split()
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def url(briefing: Written) -> str:
    return f"{SITE}briefings/{briefing.key}/"


def readable(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def links_of(feed: ET.Element) -> dict[str, tuple[str | None, str | None]]:
    """The feed's own links, by rel: (href, type)."""
    return {link.get("rel") or "": (link.get("href"), link.get("type")) for link in feed.findall(f"{atom.ATOM}link")}


def check_feed(path: str, site: Project, expected: list[Written]) -> None:
    xml = (site.root / "site" / path).read_bytes()
    feed = feedparser.parse(xml)
    assert not feed.bozo, feed.bozo_exception
    root = ET.fromstring(xml)
    page = path.removesuffix("feed.xml")
    assert links_of(root) == {"alternate": (SITE + page, "text/html"), "self": (SITE + path, "application/atom+xml")}
    assert root.get(XML_LANG) == "en"
    entries = feed.entries
    assert [entry.link for entry in entries] == [url(b) for b in expected[:FEED_SIZE]]
    for entry, briefing in zip(entries, expected, strict=False):
        assert entry.title == briefing.title
        assert [(link.rel, link.type) for link in entry.links] == [("alternate", "text/html")]
        # A corrected briefing's entry starts with its corrections, newest first, as its page shows them.
        notes = [f"Correction, {readable(day)}: {note}" for day, note in reversed(briefing.corrections)]
        assert entry.summary == " ".join([*notes, briefing.summary])
        assert entry.published.startswith(briefing.day.isoformat())
        assert entry.updated.startswith(briefing.last_changed.isoformat())
        assert [(tag.term, tag.label, tag.scheme) for tag in entry.tags] == [
            (key, TOPIC_TITLES[key], f"{SITE}topics/") for key in briefing.topics
        ]


def test_the_site_feed_has_the_newest_briefings(site: Project) -> None:
    assert len(WRITTEN) > 30
    check_feed("feed.xml", site, WRITTEN)


def test_the_corrections_feed_has_every_correction_newest_first(site: Project) -> None:
    corrections = [
        (day, number, note, briefing)
        for briefing in WRITTEN
        for number, (day, note) in enumerate(briefing.corrections, start=1)
    ]
    expected = sorted(corrections, key=lambda correction: correction[0], reverse=True)  # ties: newest briefing first
    assert len(expected) >= 2
    xml = (site.root / "site" / "corrections" / "feed.xml").read_bytes()
    root = ET.fromstring(xml)
    assert links_of(root) == {
        "alternate": (f"{SITE}corrections/", "text/html"),
        "self": (f"{SITE}corrections/feed.xml", "application/atom+xml"),
    }
    assert root.findtext(f"{atom.ATOM}subtitle") == "Every correction made to a briefing, newest first"
    assert root.findtext(f"{atom.ATOM}updated") == f"{expected[0][0].isoformat()}T00:00:00+00:00"
    feed = feedparser.parse(xml)
    assert [(e.id, e.title, e.link, e.summary, e.published[:10]) for e in feed.entries] == [
        (f"{url(b)}#correction-{number}", f"Correction: {b.title}", url(b), note, day.isoformat())
        for day, number, note, b in expected
    ]


def test_a_site_without_corrections_dates_its_corrections_feed_at_the_epoch(project: Project) -> None:
    # With no entry to take a date from, the feed's <updated> is fixed, not the clock's.
    project.add("2019/2019-05-14-no-spy.md", briefing_text())
    build = project.build()
    assert build.returncode == 0, build.log
    root = ET.fromstring((build.site / "corrections" / "feed.xml").read_bytes())
    assert root.findtext(f"{atom.ATOM}updated") == "1970-01-01T00:00:00+00:00"
    assert root.findall(f"{atom.ATOM}entry") == []


def test_each_topic_has_its_feed(site: Project) -> None:
    for key in TOPIC_KEYS:
        check_feed(f"topics/{key}/feed.xml", site, [b for b in WRITTEN if key in b.topics])


FEEDS = [
    "feed.xml",
    "corrections/feed.xml",
    "topics/5g-security/feed.xml",
    "topics/export-controls/feed.xml",
    "topics/sanctions/feed.xml",
    "topics/us-china-trade/feed.xml",
]


def test_every_feed_meets_rfc_4287(site: Project) -> None:
    written = sorted(p.relative_to(site.root / "site").as_posix() for p in (site.root / "site").rglob("*.xml"))
    assert [p for p in written if p.endswith("feed.xml")] == sorted(FEEDS)
    for path in FEEDS:
        xml = (site.root / "site" / path).read_bytes()
        assert atom.problems(xml) == [], path
        # The site answers for every entry: its name (mkdocs.yml has no site_author) and address.
        [author] = ET.fromstring(xml).findall(f"{atom.ATOM}author")
        assert author.findtext(f"{atom.ATOM}name") == "Briefings"
        assert author.findtext(f"{atom.ATOM}uri") == SITE


def test_the_rfc_4287_check_finds_what_a_feed_lacks() -> None:
    feed = b"""<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id><title>T</title>
      <updated>2019-05-14</updated>
      <entry><id>https://e.org/a</id><title>A</title><updated>2019-05-14T00:00:00Z</updated></entry>
      <entry><id>https://e.org/a</id><title>B</title><title>C</title><updated>2019-05-14T00:00:00Z</updated>
        <link href="https://e.org/b"/><link rel="alternate" href="https://e.org/c"/></entry></feed>"""
    assert atom.problems(feed) == [
        "4.2.6: the atom:id of feed is not an absolute IRI: 'x'",
        "3.3: a date of feed is not an RFC 3339 date-time: '2019-05-14'",
        "4.1.1: atom:feed has no atom:author, and not every atom:entry has one",
        "4.1.1: atom:feed SHOULD contain one atom:link with rel 'self'",
        "4.2.6: two entries share an atom:id",
        "4.1.2: entry 1 has neither atom:content nor an alternate atom:link",
        "4.1: entry 2 has 2 atom:title, not exactly one",
        "4.1.1: entry 2 has two alternate links of the same type and hreflang: (None, None)",
    ]


def test_robots_txt_names_the_sitemap(site: Project) -> None:
    # Under a project site's subpath too; crawlers read only the host's root one (docs/data.md).
    robots = (site.root / "site" / "robots.txt").read_text(encoding="utf-8")
    assert robots == f"User-agent: *\nAllow: /\n\nSitemap: {SITE}sitemap.xml\n"
    assert (site.root / "site" / "sitemap.xml").is_file()


def test_a_site_s_own_robots_txt_is_kept(project: Project) -> None:
    project.add("2019/2019-05-14-no-spy.md", briefing_text())
    (project.root / "docs" / "robots.txt").write_text("User-agent: *\nDisallow: /drafts/\n", encoding="utf-8")
    build = project.build()
    assert build.returncode == 0, build.log
    assert (build.site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /drafts/\n"


def test_the_opml_lists_every_topic_feed_and_is_linked(site: Project) -> None:
    root = ET.parse(site.root / "site" / "topics" / "feeds.opml").getroot()
    assert (root.tag, root.get("version")) == ("opml", "2.0")
    assert root.findtext("head/title") == "Briefings: topic feeds"
    assert [dict(o.attrib) for o in root.findall("body/outline")] == [
        {
            "type": "rss",
            "text": TOPIC_TITLES[key],
            "title": TOPIC_TITLES[key],
            "xmlUrl": f"{SITE}topics/{key}/feed.xml",
            "htmlUrl": f"{SITE}topics/{key}/",
        }
        for key in TOPIC_KEYS
    ]
    assert 'href="feeds.opml"' in site.page("topics")


def test_every_page_announces_the_site_feed_and_topic_pages_their_own(site: Project) -> None:
    for page in (site.root / "site").rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        feeds = re.findall(
            r'<link rel="alternate feed" type="application/atom\+xml" title="[^"]*" href="([^"]+)">', html
        )
        assert len(feeds) == (2 if page.parent.parent.name == "topics" else 1), page
    topic = site.page("topics/5g-security")
    assert '<link rel="alternate feed" type="application/atom+xml" title="5G security" href="feed.xml">' in topic


def test_the_open_data_matches_the_briefings(site: Project) -> None:
    data = json.loads((site.root / "site" / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    assert [record["key"] for record in data] == [b.key for b in WRITTEN]
    huawei = next(r for r in data if r["key"] == "2019-05-14-huawei-offers-no-spy-agreements")
    assert huawei["url"] == f"{SITE}briefings/2019-05-14-huawei-offers-no-spy-agreements/"
    assert huawei["topics"] == ["5g-security", "us-china-trade"]
    assert huawei["people"] == ["Liang Hua", "Donald Trump"]
    assert [s["publisher"] for s in huawei["sources"]] == ["Reuters", "BBC News"]
    assert set(huawei) == {
        "key",
        "url",
        "title",
        "date",
        "updated",
        "updates",
        "summary",
        "topics",
        "people",
        "organizations",
        "places",
        "sources",
    }
    topics = json.loads((site.root / "site" / "topics.json").read_text(encoding="utf-8"))["topics"]
    assert [(t["key"], t["count"]) for t in topics] == [
        (k, sum(1 for b in WRITTEN if k in b.topics)) for k in TOPIC_KEYS
    ]
    assert topics[0]["feed"] == f"{SITE}topics/5g-security/feed.xml"


def test_briefing_pages_carry_previews_and_structured_data(site: Project) -> None:
    page = site.page("briefings/2019-05-14-huawei-offers-no-spy-agreements")
    assert '<meta property="og:type" content="article">' in page
    assert '<meta property="article:published_time" content="2019-05-14">' in page
    assert '<meta property="og:title" content="Huawei offers governments &quot;no-spy&quot; agreements">' in page
    assert f'<meta property="og:url" content="{SITE}briefings/2019-05-14-huawei-offers-no-spy-agreements/">' in page
    assert f'<link rel="canonical" href="{SITE}briefings/2019-05-14-huawei-offers-no-spy-agreements/">' in page
    assert '<meta name="twitter:card" content="summary">' in page
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page)
    data = json.loads(block)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == 'Huawei offers governments "no-spy" agreements'
    assert data["datePublished"] == "2019-05-14"
    assert data["dateModified"] == "2026-12-07"  # its update log's latest entry
    assert [t["name"] for t in data["about"]] == ["5G security", "US–China trade"]
    site_itself = {"@type": "Organization", "name": "Briefings", "url": SITE}
    assert data["author"] == site_itself
    assert data["publisher"] == site_itself
    assert [c["publisher"] for c in data["citation"]] == [
        {"@type": "Organization", "name": "Reuters"},
        {"@type": "Organization", "name": "BBC News"},
    ]
    assert '<meta property="og:type" content="website">' in site.page("topics/5g-security")


def test_every_page_is_in_the_sitemap(site: Project) -> None:
    sitemap = (site.root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    pages = {
        SITE + p.parent.relative_to(site.root / "site").as_posix().removeprefix(".") + "/"
        for p in (site.root / "site").rglob("index.html")
    }
    pages = {p.replace(SITE + "/", SITE) for p in pages}
    assert pages <= listed
    assert f"{SITE}briefings/2019-05-14-huawei-offers-no-spy-agreements/" in listed
