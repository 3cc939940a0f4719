"""The repository's own site, built as `make build` builds it: every briefing, topic and link in place."""

from __future__ import annotations

import filecmp
import html
import re
from typing import TYPE_CHECKING

import yaml

from briefkit.search.indexing import indexed_pages

from conftest import REPO, copy_repo
from linkcheck import broken_links
from written import read_written

if TYPE_CHECKING:
    from pathlib import Path

# The repository's briefings and topics as their files say: the expectations owe nothing to briefkit.
WRITTEN = read_written(REPO)
TOPICS = list(yaml.safe_load((REPO / "briefings" / "topics.yml").read_text(encoding="utf-8")))


def page_of(site_dir: Path, path: str) -> str:
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


def test_the_content_is_substantial() -> None:
    assert len(WRITTEN) >= 16
    assert {"5g-security", "us-china-trade"} <= set(TOPICS)
    assert {2018, 2019, 2020} <= {briefing.day.year for briefing in WRITTEN}
    assert all(briefing.sources for briefing in WRITTEN)


def test_every_briefing_has_its_page(site_dir: Path) -> None:
    assert sorted(b.key for b in WRITTEN) == sorted(p.stem for p in (REPO / "briefings").glob("*/*.md"))
    for briefing in WRITTEN:
        page = page_of(site_dir, f"briefings/{briefing.key}")
        [heading] = re.findall(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL)
        assert html.unescape(re.sub(r"<[^>]+>", "", heading)).replace("¶", "") == briefing.title


def test_every_topic_page_lists_exactly_its_briefings_newest_first(site_dir: Path) -> None:
    for key in TOPICS:
        page = page_of(site_dir, f"topics/{key}")
        timeline = page[page.index('id="timeline"') : page.index("</article>")]
        linked = re.findall(r'href="\.\./\.\./briefings/([^/]+)/"', timeline.split('id="related-topics"')[0])
        assert linked == [b.key for b in WRITTEN if key in b.topics], key


def test_every_internal_link_and_anchor_resolves(site_dir: Path) -> None:
    assert broken_links(site_dir, base_url="http://127.0.0.1:8000/") == []


def test_the_huawei_briefing_reads_as_it_should(site_dir: Path) -> None:
    page = page_of(site_dir, "briefings/2019-05-14-huawei-offers-no-spy-agreements")
    for words in ("Liang Hua", "no-spy", "Reuters", "BBC News", "5G security", "US–China trade"):
        assert words in page, words


def test_search_finds_the_no_spy_briefing(site_dir: Path) -> None:
    pages = indexed_pages(site_dir)
    hits = {url for url, record in pages.items() if "no-spy" in record["content"]}
    assert "/briefings/2019-05-14-huawei-offers-no-spy-agreements/" in hits


def differing(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    found = [str(name) for name in comparison.diff_files + comparison.left_only + comparison.right_only]
    for name in comparison.common_dirs:
        found += [f"{name}/{inner}" for inner in differing(left / name, right / name)]
    return sorted(found)


def test_builds_are_reproducible(site_dir: Path, tmp_path: Path) -> None:
    """Same input, another checkout path, another time: the same bytes, but for the sitemap's build date."""
    other = copy_repo(tmp_path / "elsewhere" / "checkout")
    assert other.build().returncode == 0
    assert differing(site_dir, other.root / "site") == []

    later = copy_repo(tmp_path / "later")
    assert later.build(env={"SOURCE_DATE_EPOCH": "1790000000"}).returncode == 0
    assert differing(site_dir, later.root / "site") == ["sitemap.xml", "sitemap.xml.gz"]
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    later_sitemap = (later.root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    changed = [a for a, b in zip(sitemap.split("</url>"), later_sitemap.split("</url>"), strict=True) if a != b]
    # Only the hand-written pages carry the build date; pages made of briefings carry their content's date.
    hand_written = sorted(
        p.relative_to(REPO / "docs").as_posix().removesuffix(".md").removesuffix("index").rstrip("/") + "/"
        for p in (REPO / "docs").rglob("*.md")
        if p.name != "index.md" or p.parent != REPO / "docs"
    )
    loc = re.compile(r"<loc>[^<]*8000/([^<]*)</loc>")
    assert sorted(loc.search(url).group(1) for url in changed) == sorted(  # type: ignore[union-attr]
        [*hand_written, "contributing/reference/", "owners/commands/"]
    )
