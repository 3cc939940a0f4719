"""The repository's own site, built as `make build` builds it: every briefing, topic and link in place."""

from __future__ import annotations

import filecmp
import html
import re
from typing import TYPE_CHECKING

import pytest

from briefkit.catalog import Catalog
from briefkit.content.load import Layout, load_content
from briefkit.search.indexing import indexed_pages

from conftest import REPO, Project, copy_repo
from linkcheck import broken_links

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = copy_repo(tmp_path_factory.mktemp("real") / "repo")
    build = project.build()
    assert build.returncode == 0, build.log
    return project


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    content = load_content(Layout(REPO))
    assert content.errors == 0, [str(p) for p in content.problems]
    return Catalog(content.visible(include_drafts=False), content.topics)


def test_the_content_is_substantial(catalog: Catalog) -> None:
    assert len(catalog.briefings) >= 16
    assert {"5g-security", "us-china-trade"} <= catalog.topics.keys()
    years = {briefing.date.year for briefing in catalog.briefings}
    assert {2018, 2019, 2020} <= years
    assert all(briefing.sources for briefing in catalog.briefings)


def test_every_briefing_has_its_page(real: Project, catalog: Catalog) -> None:
    files = sorted(p.stem for p in (REPO / "briefings").glob("*/*.md"))
    assert sorted(b.key for b in catalog.briefings) == files
    for briefing in catalog.briefings:
        page = real.page(f"briefings/{briefing.key}")
        [heading] = re.findall(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL)
        assert html.unescape(re.sub(r"<[^>]+>", "", heading)).replace("¶", "") == briefing.title


def test_every_topic_page_lists_exactly_its_briefings_newest_first(real: Project, catalog: Catalog) -> None:
    for key in catalog.topics:
        page = real.page(f"topics/{key}")
        timeline = page[page.index('id="timeline"') : page.index("</article>")]
        linked = re.findall(r'href="\.\./\.\./briefings/([^/]+)/"', timeline.split('id="related-topics"')[0])
        assert linked == [b.key for b in catalog.by_topic[key]], key


def test_every_internal_link_and_anchor_resolves(real: Project) -> None:
    assert broken_links(real.root / "site", base_url="http://127.0.0.1:8000/") == []


def test_the_huawei_briefing_reads_as_it_should(real: Project) -> None:
    page = real.page("briefings/2019-05-14-huawei-offers-no-spy-agreements")
    for words in ("Liang Hua", "no-spy", "Reuters", "BBC News", "5G security", "US–China trade"):
        assert words in page, words


def test_search_finds_the_no_spy_briefing(real: Project) -> None:
    pages = indexed_pages(real.root / "site")
    hits = {url for url, record in pages.items() if "no-spy" in record["content"]}
    assert "/briefings/2019-05-14-huawei-offers-no-spy-agreements/" in hits


def differing(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    found = [str(name) for name in comparison.diff_files + comparison.left_only + comparison.right_only]
    for name in comparison.common_dirs:
        found += [f"{name}/{inner}" for inner in differing(left / name, right / name)]
    return sorted(found)


def test_builds_are_reproducible(real: Project, tmp_path: Path) -> None:
    """Same input, another checkout path, another time: the same bytes, but for the sitemap's build date."""
    other = copy_repo(tmp_path / "elsewhere" / "checkout")
    assert other.build().returncode == 0
    assert differing(real.root / "site", other.root / "site") == []

    later = copy_repo(tmp_path / "later")
    assert later.build(env={"SOURCE_DATE_EPOCH": "1790000000"}).returncode == 0
    assert differing(real.root / "site", later.root / "site") == ["sitemap.xml", "sitemap.xml.gz"]
    sitemap = (real.root / "site" / "sitemap.xml").read_text(encoding="utf-8")
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
