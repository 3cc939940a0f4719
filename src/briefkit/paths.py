"""Where each generated page goes in the docs tree, and so on the site.

Every path is built from keys and slugs of a safe alphabet (lowercase letters, digits, hyphens,
and letters of other scripts for names), so no page can be written outside the site or over
another one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefkit.content.names import name_slug

if TYPE_CHECKING:
    from briefkit.model import Briefing, NameKind, Topic


SITE_FEED = "feed.xml"
OPML_PATH = "topics/feeds.opml"
CORRECTIONS_PATH = "corrections/index.md"
CORRECTIONS_FEED = "corrections/feed.xml"
SEARCH_PATH = "search/index.md"
ROBOTS_PATH = "robots.txt"
SITEMAP_PATH = "sitemap.xml"


def topic_feed_path(topic: Topic) -> str:
    """Beside the topic's page: `topics/5g-security/feed.xml`."""
    return f"topics/{topic.key}/feed.xml"


def briefing_path(briefing: Briefing) -> str:
    return f"briefings/{briefing.key}.md"


def topic_path(topic: Topic) -> str:
    return f"topics/{topic.key}.md"


def year_path(year: int) -> str:
    return f"archive/{year}.md"


def name_path(kind: NameKind, name: str) -> str:
    """`people/liang-hua.md`, `organizations/huawei.md`, `places/united-kingdom.md`."""
    return f"{kind.value}/{name_slug(name)}.md"


def kind_index_path(kind: NameKind) -> str:
    return f"{kind.value}/index.md"


def site_path(docs_path: str) -> str:
    """Where MkDocs puts a docs page, as a site path (with `use_directory_urls`, which briefkit requires)."""
    stem = docs_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(from_docs_path: str, to_docs_path: str, anchor: str = "") -> str:
    """The link from one generated page to another, as the built site has them (directory URLs).

    Both paths are clean (no `.` or `..` parts), so the common folders are simply counted off;
    `posixpath.relpath` would resolve them against the working directory, on every link.
    """
    here = site_path(from_docs_path).rstrip("/").split("/") if site_path(from_docs_path) else []
    there_path = site_path(to_docs_path) if to_docs_path.endswith(".md") else to_docs_path
    there = [part for part in there_path.split("/") if part]
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    parts = [".."] * (len(here) - common) + there[common:]
    relative = "/".join(parts)
    if not relative:
        relative = "./"
    elif there_path.endswith("/") or not there_path:
        relative += "/"
    return relative + (f"#{anchor}" if anchor else "")
