"""Promises the docs make, each checked against what the test itself wrote, not against briefkit's indexes.

Each of these once had no test that would fail if it broke (issue 31): values from the registries
printed unescaped, drafts published by `generate`, `updated:` ignored, a searchable page left out
of the index, the feed never cut to its size.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from briefkit.cli import main
from briefkit.search.indexing import indexed_urls

from built_pages import live_markup
from conftest import briefing

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Project

ATOM = "{http://www.w3.org/2005/Atom}"
EVIL = '<img src=x onerror=alert(1)> & "quoted" {{ config }}'


def test_values_from_the_registries_are_shown_as_text(project: Project) -> None:
    topics = project.root / "briefings" / "topics.yml"
    topics.write_text(
        f"5g-security:\n  title: 5G <b>security</b>\n  description: {json.dumps(EVIL)}\n"
        f"  aliases: [{json.dumps('<i>5G</i>')}]\n",
        encoding="utf-8",
    )
    (project.root / "briefings" / "names.yml").write_text(
        f"Huawei:\n  kind: organization\n  description: {json.dumps(EVIL)}\n", encoding="utf-8"
    )
    project.add("2019/2019-05-14-no-spy.md", briefing(extra="organizations: [Huawei]\n"))
    build = project.build()
    assert build.returncode == 0, build.log
    for page in ("", "topics", "topics/5g-security", "organizations/huawei", "briefings/2019-05-14-no-spy"):
        text = project.page(page)
        assert live_markup(text) == [], page
        assert "<img src=x" not in text and "<b>security</b>" not in text, page
    # Shown as the text it is: escaped in the HTML, whole once unescaped.
    assert EVIL in html.unescape(project.page("topics/5g-security"))
    assert EVIL in html.unescape(project.page("organizations/huawei"))
    assert "5G <b>security</b>" in html.unescape(project.page(""))


def test_generate_leaves_drafts_out_unless_asked(project: Project, tmp_path: Path) -> None:
    project.add("2019/2019-05-14-no-spy.md", briefing())
    project.add("2019/2019-05-20-secret.md", briefing(title="Secret draft", date="2019-05-20", extra="draft: true\n"))
    out = tmp_path / "out"
    assert main(["--root", str(project.root), "generate", "--out", str(out)]) == 0
    written = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file())
    assert "Secret draft" not in written
    assert "2019-05-20-secret" not in written
    assert not (out / "briefings" / "2019-05-20-secret.md").exists()
    assert main(["--root", str(project.root), "generate", "--out", str(out), "--drafts"]) == 0
    assert "Secret draft" in (out / "briefings" / "2019-05-20-secret.md").read_text(encoding="utf-8")
    assert "Secret draft" in (out / "feed.xml").read_text(encoding="utf-8")


def test_updated_reaches_the_page_the_feed_the_sitemap_the_json_ld_and_the_data(project: Project) -> None:
    project.add("2019/2019-05-14-no-spy.md", briefing(extra="updated: 2019-06-03\n"))
    project.add("2019/2019-05-10-tariffs.md", briefing(title="Tariffs", date="2019-05-10"))
    build = project.build()
    assert build.returncode == 0, build.log
    page = project.page("briefings/2019-05-14-no-spy")
    assert 'updated <time datetime="2019-06-03">3 June 2019</time>' in page
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page)
    assert json.loads(block)["dateModified"] == "2019-06-03"
    entries = {
        entry.findtext(f"{ATOM}title"): entry.findtext(f"{ATOM}updated")
        for entry in ET.parse(build.site / "feed.xml").getroot().findall(f"{ATOM}entry")
    }
    assert entries == {
        "Huawei offers no-spy deals": "2019-06-03T00:00:00+00:00",
        "Tariffs": "2019-05-10T00:00:00+00:00",
    }
    sitemap = (build.site / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r"briefings/2019-05-14-no-spy/</loc>\s*<lastmod>2019-06-03</lastmod>", sitemap)
    records = json.loads((build.site / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    assert {r["key"]: r["updated"] for r in records} == {"2019-05-14-no-spy": "2019-06-03", "2019-05-10-tariffs": None}


def test_the_feed_holds_the_newest_fifty(project: Project) -> None:
    days = [f"2019-{month:02d}-{day:02d}" for month in (3, 4) for day in range(1, 27)]  # 52 days
    for number, day in enumerate(days):
        project.add(f"2019/{day}-item-{number}.md", briefing(title=f"Item {number}", date=day))
    build = project.build()
    assert build.returncode == 0, build.log
    titles = [e.findtext(f"{ATOM}title") for e in ET.parse(build.site / "feed.xml").getroot().findall(f"{ATOM}entry")]
    assert titles == [f"Item {number}" for number in range(51, 1, -1)]  # the newest 50, newest first


def test_every_searchable_page_of_the_real_site_is_in_the_search_index(site_dir: Path) -> None:
    # From the built files: a page whose article is marked for Pagefind must be found by it.
    searchable = {
        "/" + page.parent.relative_to(site_dir).as_posix().removeprefix(".").strip("/") + "/"
        for page in site_dir.rglob("index.html")
        if "data-pagefind-body" in page.read_text(encoding="utf-8")
    }
    searchable = {url.replace("//", "/") for url in searchable}
    assert len(searchable) > 100
    assert "/about/" in searchable
    assert "/contributing/" in searchable
    assert searchable - indexed_urls(site_dir) == set()
