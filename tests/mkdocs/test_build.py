"""Small real sites built with `mkdocs build --strict`, asserted on their pages, links and log."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import markdown
from mkdocs.config import load_config

from briefkit.model import Heading, heading_html
from briefkit.search.indexing import indexed_pages

from built_pages import live_markup, timeline, titles_in_order
from conftest import REPO, briefing
from linkcheck import broken_links

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Project


def add_three(project: Project) -> None:
    project.add(
        "2019/2019-05-14-no-spy.md",
        briefing(
            title="Huawei offers no-spy deals",
            topics="[5g-security, us-china-trade]",
            extra="organizations: [Huawei]\npeople: [Liang Hua]\n",
        ),
    )
    project.add(
        "2019/2019-05-10-tariffs.md",
        briefing(title="Tariffs rise to 25%", date="2019-05-10", topics="[us-china-trade]"),
    )
    project.add(
        "2018/2018-08-23-australia.md",
        briefing(
            title="Australia excludes high-risk vendors",
            date="2018-08-23",
            topics="[5g-security]",
            extra="organizations: [Huawei, ZTE]\n",
        ),
    )
    project.add(
        "2019/2019-06-01-draft.md",
        briefing(title="Unfinished draft", date="2019-06-01", extra="draft: true\n"),
    )


def test_a_small_site_has_every_page_and_no_broken_link(project: Project) -> None:
    add_three(project)
    build = project.build()
    assert build.returncode == 0, build.log
    # 20 generated pages, with the corrections, search and command pages, and the hand-written home page
    assert "INFO    -  briefings: 3 briefings, 2 topics, 21 pages" in build.log
    assert "No briefing has needed a correction so far." in project.page("corrections")
    for key in ("2019-05-14-no-spy", "2019-05-10-tariffs", "2018-08-23-australia"):
        assert (build.site / "briefings" / key / "index.html").is_file()
    assert broken_links(build.site) == []

    # Each topic page lists exactly its briefings, newest first, grouped by year.
    assert titles_in_order(timeline(project.page("topics/5g-security"))) == [
        "Huawei offers no-spy deals",
        "Australia excludes high-risk vendors",
    ]
    assert titles_in_order(timeline(project.page("topics/us-china-trade"))) == [
        "Huawei offers no-spy deals",
        "Tariffs rise to 25%",
    ]
    assert '<h3 id="year-2018">2018' in project.page("topics/5g-security")
    assert "US–China trade</a>: 1 shared briefing" in project.page("topics/5g-security")

    page = project.page("briefings/2019-05-14-no-spy")
    assert '<time datetime="2019-05-14">14 May 2019</time>' in page
    assert '<a href="../../topics/5g-security/">5G security</a>' in page
    # Related: ranked by what is shared, each with its reason.
    assert (
        '<a href="../2018-08-23-australia/">Australia excludes high-risk vendors</a> <span class="bk-why">'
        '<time datetime="2018-08-23">23 August 2018</time> · also on 5G security · Huawei</span>'
    ) in page
    assert (
        'earlier: <a href="../2018-08-23-australia/">Australia excludes high-risk vendors</a> '
        "(23 August 2018); this is the latest briefing."
    ) in page

    assert titles_in_order(project.page("archive/2019")) == [
        "Huawei offers no-spy deals",
        "Tariffs rise to 25%",
    ]
    home = project.page("")
    assert "Welcome." in home
    assert titles_in_order(home) == [
        "Huawei offers no-spy deals",
        "Tariffs rise to 25%",
        "Australia excludes high-risk vendors",
    ]


def test_the_build_says_where_its_time_went(project: Project, tmp_path: Path) -> None:
    add_three(project)
    stats = tmp_path / "stats.json"
    build = project.build(env={"BRIEFKIT_BUILD_STATS": str(stats)})
    assert build.returncode == 0, build.log
    seconds = json.loads(stats.read_text(encoding="utf-8"))["seconds"]
    assert list(seconds) == ["generate", "pages", "audit", "search"]
    # Generating is timed from the start of the hook's work, not from after it.
    assert seconds["generate"] > 0


def test_drafts_are_nowhere_in_a_build(project: Project) -> None:
    add_three(project)
    build = project.build()
    assert build.returncode == 0, build.log
    assert not (build.site / "briefings" / "2019-06-01-draft").exists()
    for file in build.site.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".json", ".xml"):
            assert "Unfinished draft" not in file.read_text(encoding="utf-8"), file


def test_briefings_stay_out_of_the_navigation(project: Project) -> None:
    add_three(project)
    assert project.build().returncode == 0
    page = project.page("topics/5g-security")
    nav = page[page.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "Huawei offers no-spy deals" not in nav
    assert "Topics" in nav


def test_the_search_index_holds_title_summary_and_body(project: Project) -> None:
    add_three(project)
    assert project.build().returncode == 0
    pages = indexed_pages(project.root / "site")
    record = pages["/briefings/2019-05-14-no-spy/"]
    assert record["meta"]["title"] == "Huawei offers no-spy deals"
    for words in ("Huawei offers no-spy deals", "would sign no-spy agreements", "spoke in London"):
        assert words in record["content"]
    # Only the article is indexed, not the navigation repeated on every page.
    assert "Skip to content" not in record["content"]
    assert "¶" not in record["content"]  # the headings' permalink signs are left out
    assert "/topics/5g-security/" in pages
    assert "/people/liang-hua/" in pages


def test_bad_content_fails_the_build_with_every_problem_and_no_traceback(project: Project) -> None:
    add_three(project)
    project.add("2019/2019-05-20-bad.md", briefing(date="2019-05-20", topics="[5g-securty]", extra="draft: no\n"))
    project.add("2019/2019-05-21-worse.md", "---\ntitle: x\n")
    build = project.build()
    assert build.returncode == 1
    assert "Traceback" not in build.log
    errors = [line for line in build.log.splitlines() if line.startswith("ERROR")]
    assert errors == [
        "ERROR   -  briefings: briefings/2019/2019-05-20-bad.md:5: topics[1]: unknown topic '5g-securty'; "
        "did you mean '5g-security'? (topics are listed in briefings/topics.yml)",
        "ERROR   -  briefings: briefings/2019/2019-05-20-bad.md:6: draft: expected true or false, got 'no'; "
        "write 'draft: true' or 'draft: false' (yes, no, on and off are not read as true or false)",
        "ERROR   -  briefings: briefings/2019/2019-05-21-worse.md:1: front-matter: has no closing '---' line; "
        "end the fields with a line of three hyphens",
        "ERROR   -  3 problems in briefings (listed above); fix them and build again",
    ]
    assert build.log.rstrip().endswith("Aborted with a BuildError!")
    assert not (project.root / "site" / "index.html").exists()


def test_values_from_briefings_reach_pages_only_as_text(project: Project) -> None:
    hostile = '"Deal <script>alert(1)</script> x](javascript:alert(2)) {: onclick=alert(3) } *em*"'
    project.add(
        "2019/2019-05-14-x.md",
        briefing(
            title=hostile,
            summary='"<img src=x onerror=alert(4)> [a](javascript:alert(5))"',
            extra="people: ['<b>Bold</b>', '[x](javascript:alert(6))']\n",
        ),
    )
    build = project.build()
    assert build.returncode == 0, build.log
    for path in ("briefings/2019-05-14-x", "topics/5g-security", "", "archive/2019", "topics"):
        page = project.page(path)
        assert live_markup(page) == [], path
        assert "<em>em</em>" not in page
    page = project.page("briefings/2019-05-14-x")
    assert "<title>Deal &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<meta name="description" content="&lt;img src=x onerror=alert(4)&gt; [a](javascript:alert(5))">' in page


def test_a_hand_written_page_is_never_replaced_by_a_generated_one(project: Project) -> None:
    add_three(project)
    (project.root / "docs" / "topics").mkdir()
    (project.root / "docs" / "topics" / "5g-security.md").write_text("# Mine\n", encoding="utf-8")
    build = project.build()
    assert build.returncode == 1
    assert [line for line in build.log.splitlines() if line.startswith("ERROR")] == [
        "ERROR   -  briefings: docs/topics/5g-security.md:1: file: has the path of a generated page, which would "
        "replace it; rename or move it",
        "ERROR   -  1 problem in briefings (listed above); fix them and build again",
    ]


def test_a_briefing_with_a_heading_of_the_pages_own_keeps_both_apart(project: Project) -> None:
    # The page's own headings (Sources, Related briefings...) are HTML blocks the hook adds to the
    # table of contents; one the briefing's text already has takes the next id, as Markdown's toc gives.
    project.add(
        "2019/2019-05-14-no-spy.md",
        briefing(body="## What happened\n\nHuawei spoke in London.\n\n## Sources\n\nOur own notes.\n"),
    )
    build = project.build()
    assert build.returncode == 0, build.log
    page = project.page("briefings/2019-05-14-no-spy")
    assert '<h2 id="sources">Sources<a class="headerlink" href="#sources"' in page
    assert '<h2 id="sources_1">Sources<a class="headerlink" href="#sources_1" title="Permanent link">' in page
    table = page[page.index("md-nav--secondary") : page.index('class="md-content"')]
    assert re.findall(r'href="#([^"]+)"', table) == ["what-happened", "sources", "sources_1", "on-the-same-topics"]


def test_generated_headings_are_written_as_the_sites_markdown_writes_a_heading() -> None:
    # Generated headings are HTML (briefkit.pages.render.heading_html) beside the headings Markdown writes
    # in hand-written pages and briefings' text: with mkdocs.yml's own settings for `toc`, the two
    # must read the same, permalink and all. Changing those settings means changing heading_html.
    config = load_config(str(REPO / "mkdocs.yml"))
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    written = converter.convert("## Who and where")
    assert written == heading_html(Heading(2, "who-and-where", "Who and where"))
