"""Feeds, open data and previews of the repository's own site, read back as a machine would."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import feedparser
import pytest

from briefkit.catalog import Catalog
from briefkit.content.load import Layout, load_content
from briefkit.outputs.feeds import FEED_SIZE

from conftest import REPO, Project, copy_repo

if TYPE_CHECKING:
    from briefkit.model import Briefing

SITE = "https://owner.github.io/repo/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = copy_repo(tmp_path_factory.mktemp("feeds") / "repo")
    build = project.build(env={"SITE_URL": SITE})
    assert build.returncode == 0, build.log
    return project


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    content = load_content(Layout(REPO))
    return Catalog(content.visible(include_drafts=False), content.topics)


def url(briefing: Briefing) -> str:
    return f"{SITE}briefings/{briefing.key}/"


def check_feed(path: str, site: Project, expected: list[Briefing]) -> None:
    feed = feedparser.parse((site.root / "site" / path).read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.links[1]["href"] == SITE + path
    entries = feed.entries
    assert [entry.link for entry in entries] == [url(b) for b in expected[:FEED_SIZE]]
    for entry, briefing in zip(entries, expected, strict=False):
        assert entry.title == briefing.title
        # A corrected briefing's entry starts with its corrections (briefkit.outputs.feeds).
        assert entry.summary.endswith(briefing.summary)
        assert entry.summary.startswith("Correction, ") == bool(briefing.corrections)
        assert all(update.note in entry.summary for update in briefing.corrections)
        assert entry.published.startswith(briefing.date.isoformat())
        assert entry.updated.startswith(briefing.last_changed.isoformat())
        assert [tag.term for tag in entry.tags] == list(briefing.topics)


def test_the_site_feed_has_the_newest_briefings(site: Project, catalog: Catalog) -> None:
    check_feed("feed.xml", site, catalog.briefings)


def test_each_topic_has_its_feed(site: Project, catalog: Catalog) -> None:
    for key in catalog.topics:
        check_feed(f"topics/{key}/feed.xml", site, catalog.by_topic[key])


def test_the_opml_lists_every_topic_feed_and_is_linked(site: Project, catalog: Catalog) -> None:
    root = ET.parse(site.root / "site" / "topics" / "feeds.opml").getroot()
    assert [o.get("xmlUrl") for o in root.iter("outline")] == [f"{SITE}topics/{k}/feed.xml" for k in catalog.topics]
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


def test_the_open_data_matches_the_briefings(site: Project, catalog: Catalog) -> None:
    data = json.loads((site.root / "site" / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    assert [record["key"] for record in data] == [b.key for b in catalog.briefings]
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
    assert [(t["key"], t["count"]) for t in topics] == [(k, len(catalog.by_topic[k])) for k in catalog.topics]
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
    assert [c["publisher"] for c in data["citation"]] == ["Reuters", "BBC News"]
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
