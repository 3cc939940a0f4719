"""After a build: prove that no briefing was lost on the way to the site.

A briefing that silently drops out of a topic page or the archive is lost to readers, so the
built HTML itself is read back and compared with the catalog: every published briefing has its
page, appears exactly once in the archive, exactly once on the page of each of its topics (and
on no other topic's page), and in the search index; every topic with briefings has its page.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefkit.pages import briefing_path, topic_path, year_path

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


def _linked_targets(site: Path, output: str) -> Counter[str]:
    """Site paths (like `briefings/key/`) linked from the article of the page at `output`, counted."""
    file = site / output
    if not file.is_file():
        return Counter()
    article = _ARTICLE.search(file.read_text(encoding="utf-8"))
    here = posixpath.dirname(output)
    counts: Counter[str] = Counter()
    for href in _HREF.findall(article.group(0) if article else ""):
        if href and "://" not in href:
            target = posixpath.normpath(posixpath.join(here, href))
            counts[target.removesuffix("/index.html").removesuffix(".html") + "/"] += 1
    return counts


def audit_site(site: Path, catalog: Catalog, output_of: Callable[[str], str]) -> Audit:
    """Compare the built `site` with `catalog`; `output_of` maps a page's docs path to its file in site/."""
    audit = Audit(pages=sum(1 for _ in site.rglob("*.html")))

    def url(page_path: str) -> str:
        return posixpath.dirname(output_of(page_path)) + "/"

    for briefing in catalog.briefings:
        if not (site / output_of(briefing_path(briefing))).is_file():
            audit.missing.append(f"{briefing.path} has no page ({output_of(briefing_path(briefing))})")

    archive: Counter[str] = Counter()
    for year, _ in catalog.by_year():
        archive.update(_linked_targets(site, output_of(year_path(year))))
    for briefing in catalog.briefings:
        count = archive[url(briefing_path(briefing))]
        if count != 1:
            audit.missing.append(f"{briefing.path} appears {count} times in the archive, not once")

    for key, topic in catalog.topics.items():
        page = output_of(topic_path(topic))
        if not (site / page).is_file():
            audit.missing.append(f"the topic {key} has {len(catalog.by_topic[key])} briefings but no page ({page})")
            continue
        linked = _linked_targets(site, page)
        expected = {url(briefing_path(b)) for b in catalog.by_topic[key]}
        for briefing in catalog.by_topic[key]:
            count = linked[url(briefing_path(briefing))]
            if count != 1:
                audit.missing.append(f"{briefing.path} appears {count} times on the page of {key}, not once")
        strays = [target for target in linked if target.startswith("briefings/") and target not in expected]
        audit.missing.extend(f"{page} lists {target}, which is not on {key}" for target in sorted(strays))

    index = site / "search" / "search_index.json"
    if index.is_file():
        locations = {doc["location"] for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]}
        for briefing in catalog.briefings:
            if url(briefing_path(briefing)) not in locations:
                audit.missing.append(f"{briefing.path} is not in the search index")
    return audit
