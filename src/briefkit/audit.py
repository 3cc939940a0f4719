"""After a build: prove that no briefing was lost on the way to the site.

A briefing that silently drops out of a topic page or the archive is lost to readers, so the
built HTML itself is read back and compared with the catalog: every published briefing has its
page, appears exactly once in the archive, exactly once on the page of each of its topics (and
on no other topic's page), in the search index, once in briefings.json and once in each feed it
belongs to; every topic with briefings has its page and its feed.
"""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefkit.outputs.feeds import FEED_SIZE
from briefkit.outputs.opendata import BRIEFINGS_JSON
from briefkit.pages.listing import archive_months, timeline_years
from briefkit.paths import SITE_FEED, briefing_path, topic_feed_path, topic_path, year_path
from briefkit.search.files import BUNDLE
from briefkit.search.indexing import indexed_urls

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from briefkit.catalog import Catalog

_ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)
_HREF = re.compile(r'<a\s[^>]*?href="([^"#?]*)[^"]*"')


@dataclass
class Audit:
    """What the built site holds, against what it should."""

    missing: list[str] = field(default_factory=list)
    """One sentence per briefing or topic not where it belongs."""
    pages: int = 0

    @property
    def ok(self) -> bool:
        return not self.missing


def _linked_targets(site: Path, output: str, section: str | None = None) -> Counter[str]:
    """Site paths (like `briefings/key/`) linked from the article of the page at `output`, counted.

    With `section`, only the links under the heading of that id, up to the next heading of its level.
    """
    file = site / output
    if not file.is_file():
        return Counter()
    article = _ARTICLE.search(file.read_text(encoding="utf-8"))
    if article and section is not None:
        part = re.search(rf'<h2 id="{section}".*?(?=<h2 |</article>)', article.group(0), re.DOTALL)
        article = part or article
    here = posixpath.dirname(output)
    counts: Counter[str] = Counter()
    for href in _HREF.findall(article.group(0) if article else ""):
        if href and "://" not in href:
            target = posixpath.normpath(posixpath.join(here, href))
            counts[target.removesuffix("/index.html").removesuffix(".html") + "/"] += 1
    return counts


def audit_site(
    site: Path,
    catalog: Catalog,
    output_of: Callable[[str], str],
    search_index: Callable[[], set[str] | None] | None = None,
) -> Audit:
    """Compare the built `site` with `catalog`; `output_of` maps a page's docs path to its file in site/.

    The search index is checked last, against the URL paths `search_index` returns (by default,
    those of `site`'s index), and not at all if it returns None: the rest of the audit can run
    while Pagefind writes the index (or goes on writing it, under `mkdocs serve`).
    """
    audit = Audit(pages=sum(1 for _ in site.rglob("*.html")))

    def url(page_path: str) -> str:
        return posixpath.dirname(output_of(page_path)) + "/"

    for briefing in catalog.briefings:
        if not (site / output_of(briefing_path(briefing))).is_file():
            audit.missing.append(f"{briefing.path} has no page ({output_of(briefing_path(briefing))})")

    archive: Counter[str] = Counter()
    for year, briefings in catalog.by_year():
        # A long year lists its briefings on month pages, and only links to those from its own page.
        months = archive_months(year, briefings)
        for page in [part.path for month in months for part in month.parts] or [year_path(year)]:
            archive.update(_linked_targets(site, output_of(page)))
    for briefing in catalog.briefings:
        count = archive[url(briefing_path(briefing))]
        if count != 1:
            audit.missing.append(f"{briefing.path} appears {count} times in the archive, not once")

    for key, topic in catalog.topics.items():
        page = output_of(topic_path(topic))
        if not (site / page).is_file():
            audit.missing.append(f"the topic {key} has {len(catalog.by_topic[key])} briefings but no page ({page})")
            continue
        years = timeline_years(topic_path(topic), catalog.by_topic[key])
        linked: Counter[str] = Counter()
        if years:  # a long timeline: its briefings are listed on its year pages
            for split_year in years:
                for list_page in split_year.list_pages:
                    linked.update(_linked_targets(site, output_of(list_page)))
        else:
            linked = _linked_targets(site, page, section="timeline")
        expected = {url(briefing_path(b)) for b in catalog.by_topic[key]}
        for briefing in catalog.by_topic[key]:
            count = linked[url(briefing_path(briefing))]
            if count != 1:
                audit.missing.append(f"{briefing.path} appears {count} times on the page of {key}, not once")
        strays = [target for target in linked if target.startswith("briefings/") and target not in expected]
        audit.missing.extend(f"{page} lists {target}, which is not on {key}" for target in sorted(strays))

    _audit_data(site, catalog, url, audit)
    indexed = search_index() if search_index is not None else indexed_urls(site)
    if indexed is None:
        return audit
    if (site / BUNDLE).is_dir():
        for briefing in catalog.briefings:
            if "/" + url(briefing_path(briefing)) not in indexed:
                audit.missing.append(f"{briefing.path} is not in the search index")
    else:
        audit.missing.append("the search index (pagefind/) is missing")
    return audit


_ATOM = "{http://www.w3.org/2005/Atom}"


def _feed_keys(file: Path) -> Counter[str] | None:
    if not file.is_file():
        return None
    root = ET.parse(file).getroot()
    return Counter(
        (entry.findtext(f"{_ATOM}id") or "").rstrip("/").rsplit("/", 1)[-1] for entry in root.iter(f"{_ATOM}entry")
    )


def _audit_data(site: Path, catalog: Catalog, url: Callable[[str], str], audit: Audit) -> None:
    """Each briefing once in briefings.json, and once in each feed it belongs to (the newest FEED_SIZE)."""
    data = site / BRIEFINGS_JSON
    keys = (
        Counter(record["key"] for record in json.loads(data.read_text(encoding="utf-8"))["briefings"])
        if (data.is_file())
        else Counter()
    )
    for briefing in catalog.briefings:
        if keys[briefing.key] != 1:
            audit.missing.append(f"{briefing.path} appears {keys[briefing.key]} times in {BRIEFINGS_JSON}, not once")
    feeds = [(SITE_FEED, catalog.briefings)] + [
        (topic_feed_path(topic), catalog.by_topic[key]) for key, topic in catalog.topics.items()
    ]
    for path, briefings in feeds:
        entries = _feed_keys(site / path)
        if entries is None:
            audit.missing.append(f"the feed {path} is missing")
            continue
        for briefing in briefings[:FEED_SIZE]:
            if entries[briefing.key] != 1:
                audit.missing.append(f"{briefing.path} appears {entries[briefing.key]} times in {path}, not once")
