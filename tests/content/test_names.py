"""People, organizations and places: one name, one page; aliases; near-duplicates; links in the text."""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING

import pytest

from briefkit.content.load import Layout, load_content
from briefkit.content.names import fold, name_slug
from briefkit.content.problems import Severity
from briefkit.model import Masthead
from briefkit.pages.mentions import Target, link_first_mentions
from briefkit.search.indexing import indexed_pages
from briefkit.site import build_site

from built_pages import timeline, titles_in_order
from conftest import TODAY, briefing

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Project

NAMES = """\
United Kingdom:
  kind: place
  aliases: [UK, Britain]
  description: A country in north-west Europe.
Huawei:
  kind: organization
"""


def problems(project: Project) -> list[str]:
    return [
        str(p) for p in load_content(Layout(project.root), today=TODAY).problems if "no briefing uses" not in p.message
    ]


def test_an_alias_is_shown_linked_and_counted_as_its_canonical_name(project: Project) -> None:
    (project.root / "briefings" / "names.yml").write_text(NAMES, encoding="utf-8")
    project.add(
        "2019/2019-05-14-a.md",
        briefing(
            extra="places: [UK]\norganizations: [Huawei]\n", body="## What happened\n\nBritain and Huawei talked.\n"
        ),
    )
    project.add("2019/2019-05-15-b.md", briefing(title="B", date="2019-05-15", extra="places: [United Kingdom]\n"))
    build = project.build()
    assert build.returncode == 0, build.log
    page = project.page("briefings/2019-05-14-a")
    assert '<a href="../../places/united-kingdom/">United Kingdom</a>' in page
    # The first mention in the text, under an alias, links to the canonical page.
    assert (
        '<a href="../../places/united-kingdom/">Britain</a> and <a href="../../organizations/huawei/">Huawei</a>'
        in page
    )
    uk = project.page("places/united-kingdom")
    assert titles_in_order(timeline(uk)) == ["B", "Huawei offers no-spy deals"]
    assert "A country in north-west Europe." in uk
    assert "also written UK, Britain" in uk
    places = project.page("places")
    assert re.search(r'<a href="united-kingdom/">United Kingdom</a></td><td class="bk-count">2</td>', places)
    data = json.loads((build.site / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    assert [record["places"] for record in data] == [["United Kingdom"], ["United Kingdom"]]
    assert not (build.site / "places" / "uk").exists()


def test_names_written_two_ways_are_one_name_with_a_did_you_mean(project: Project) -> None:
    project.add("2019/2019-05-14-a.md", briefing(extra="organizations: [Huawei]\n"))
    project.add("2019/2019-05-15-b.md", briefing(title="B", date="2019-05-15", extra="organizations: [Huawei]\n"))
    project.add("2019/2019-05-16-c.md", briefing(title="C", date="2019-05-16", extra="organizations: [HUAWEI]\n"))
    project.add("2019/2019-05-17-d.md", briefing(title="D", date="2019-05-17", extra="places: [United Kingdom]\n"))
    project.add("2019/2019-05-18-e.md", briefing(title="E", date="2019-05-18", extra="places: [United Kingdom.]\n"))
    project.add("2019/2019-05-19-f.md", briefing(title="F", date="2019-05-19", extra="organizations: [Huawai]\n"))
    project.add("2019/2019-05-20-g.md", briefing(title="G", date="2019-05-20", extra="people: [Person 1, Person 2]\n"))
    assert problems(project) == [
        "briefings/2019/2019-05-16-c.md:6: names: 'HUAWEI' is written 'Huawei' elsewhere; did you mean 'Huawei'? "
        "(or add it to briefings/names.yml as an alias)",
        "briefings/2019/2019-05-18-e.md:6: names: 'United Kingdom.' is written 'United Kingdom' elsewhere; did you "
        "mean 'United Kingdom'? (or add it to briefings/names.yml as an alias)",
        "briefings/2019/2019-05-19-f.md:6: warning: names: 'Huawai' is one letter from 'Huawei'; did you mean 'Huawei'?",
    ]


def test_the_registry_decides_a_names_kind(project: Project) -> None:
    (project.root / "briefings" / "names.yml").write_text(NAMES, encoding="utf-8")
    project.add("2019/2019-05-14-a.md", briefing(extra="places: [Huawei]\n"))
    assert problems(project) == [
        "briefings/2019/2019-05-14-a.md:6: places: 'Huawei' is one of the organizations in briefings/names.yml; "
        "move it to 'organizations:'"
    ]


def test_a_registered_name_split_at_its_commas_is_refused(project: Project) -> None:
    # YAML reads an unquoted name with commas, in a list, as several names: each would get a page.
    (project.root / "briefings" / "names.yml").write_text(
        "Department for Digital, Culture, Media and Sport:\n  kind: organization\n", encoding="utf-8"
    )
    project.add(
        "2019/2019-05-14-a.md",
        briefing(extra="organizations: [Ofcom, Department for Digital, Culture, Media and Sport, Huawei]\n"),
    )
    project.add(
        "2019/2019-05-15-b.md",
        briefing(
            title="B", date="2019-05-15", extra='organizations: ["Department for Digital, Culture, Media and Sport"]\n'
        ),
    )
    assert problems(project) == [
        "briefings/2019/2019-05-14-a.md:6: organizations: 'Department for Digital', 'Culture' and 'Media and Sport' "
        "are one name, 'Department for Digital, Culture, Media and Sport', split at its commas; put it in quotes: "
        '["Department for Digital, Culture, Media and Sport"]'
    ]


def test_registry_problems_are_reported_with_lines(project: Project) -> None:
    (project.root / "briefings" / "names.yml").write_text(
        "UK:\n  kind: country\nBritain:\n  kind: place\n  aliases: [Great Britain]\n  colour: red\n"
        "Great Britain:\n  kind: place\n",
        encoding="utf-8",
    )
    assert problems(project) == [
        "briefings/names.yml:1: UK.kind: is missing or unknown; write 'kind: person', 'kind: organization' or "
        "'kind: place'",
        "briefings/names.yml:6: Britain.colour: unknown field; the fields are kind, aliases, description",
        "briefings/names.yml:7: Great Britain: 'Great Britain' is also a spelling of 'Britain'; keep it under one name",
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Huawei spoke. Huawei again.", "[Huawei](h.md) spoke. Huawei again."),
        ("Huawei's chairman", "[Huawei](h.md)'s chairman"),
        ("Huaweian words, then Huawei.", "Huaweian words, then [Huawei](h.md)."),
        ("`Huawei` in code, then Huawei.", "`Huawei` in code, then [Huawei](h.md)."),
        ("[Huawei](https://x.org) linked, then Huawei.", "[Huawei](https://x.org) linked, then [Huawei](h.md)."),
        ("## About Huawei\n\nHuawei spoke.", "## About Huawei\n\n[Huawei](h.md) spoke."),
        ("About Huawei\n---\n\nHuawei spoke.", "About Huawei\n---\n\n[Huawei](h.md) spoke."),
        ("```\nHuawei\n```\n\nHuawei spoke.", "```\nHuawei\n```\n\n[Huawei](h.md) spoke."),
        ("See https://huawei.com/Huawei and Huawei.", "See https://huawei.com/Huawei and [Huawei](h.md)."),
        ("<abbr title='Huawei'>HW</abbr> Huawei", "<abbr title='Huawei'>HW</abbr> [Huawei](h.md)"),
        ("On 5g SECURITY and 5G security.", "On [5g SECURITY](t.md) and 5G security."),
        ("Huawei Technologies and Huawei.", "[Huawei Technologies](ht.md) and [Huawei](h.md)."),
        ("huawei, then HUAWEI.", "huawei, then HUAWEI."),  # names keep their case
        # Beyond ASCII, case folds as the pattern folds it (ſ is a long s), not as `str.lower` does.
        ("Über 5G ſecurity.", "Über [5G ſecurity](t.md)."),
    ],
)
def test_the_first_mention_links_and_nothing_else(body: str, expected: str) -> None:
    targets = [
        Target(("Huawei",), "h.md"),
        Target(("5G security",), "t.md", ignore_case=True),
        Target(("Huawei Technologies",), "ht.md"),
    ]
    assert link_first_mentions(body, targets) == expected


def test_slugs_and_folds() -> None:
    assert name_slug("São Paulo") == "sao-paulo"
    assert name_slug("Xi Jinping") == "xi-jinping"
    assert name_slug("习近平") == "习近平"
    assert len(name_slug("A" * 10_000)) == 60
    assert name_slug("A" * 10_000) != name_slug("A" * 9_999)
    assert fold("U.K.") == fold("uk") == "uk"


def built_page(site_dir: Path, url_path: str) -> str:
    return (site_dir / url_path / "index.html").read_text(encoding="utf-8")


# The next three read the repository's own site, built once for the session (conftest.site_dir).


def test_the_real_huawei_page_lists_every_briefing_that_names_it(site_dir: Path) -> None:
    content = load_content(Layout(site_dir.parent))
    naming = [b for b in content.briefings if "Huawei" in b.organizations]
    assert len(naming) >= 8
    assert {key for b in naming for key in b.topics} >= {"5g-security", "us-china-trade", "export-controls"}
    page = built_page(site_dir, "organizations/huawei")
    assert titles_in_order(timeline(page)) == [b.title for b in naming]
    assert "Chinese maker of telecoms equipment" in page
    for topic in ("5G security", "US–China trade", "Export controls"):
        assert f">{topic}</a> (" in page
    assert '<a href="../zte/">ZTE</a>' in page  # often alongside
    assert "/organizations/huawei/" in indexed_pages(site_dir)
    assert "organizations/huawei/</loc>" in (site_dir / "sitemap.xml").read_text(encoding="utf-8")


def test_a_topic_page_tells_the_story_so_far(site_dir: Path) -> None:
    page = built_page(site_dir, "topics/5g-security")
    content = load_content(Layout(site_dir.parent))
    on_topic = [b for b in content.briefings if "5g-security" in b.topics]
    years = sorted({b.date.year for b in on_topic})
    label = ", ".join(f"{y}: {sum(1 for b in on_topic if b.date.year == y)}" for y in range(years[0], years[-1] + 1))
    assert f'<svg role="img" aria-label="Briefings per year: {label}"' in page
    story = html.unescape(page[page.index('class="bk-story"') :].split("</p>")[0])
    assert on_topic[-1].title.split('"')[0] in story  # the first briefing
    assert "Most involved:" in story
    assert story.count('href="../../') >= 5  # first, latest and three names
    assert severity_free(content)


def severity_free(content: object) -> bool:
    return all(p.severity is not Severity.ERROR for p in content.problems)  # type: ignore[attr-defined]


def test_search_finds_a_name_by_its_page_not_through_every_list_that_names_it(site_dir: Path) -> None:
    pages = indexed_pages(site_dir)
    huawei = pages["/organizations/huawei/"]
    assert huawei["meta"]["title"] == "Huawei"
    assert "Chinese maker of telecoms equipment" in huawei["content"]
    # The timeline's briefing titles are the briefings' own results, not the name page's.
    assert "no-spy" not in huawei["content"]
    hits = {url for url, record in pages.items() if "no-spy agreements" in record["content"]}
    assert "/briefings/2019-05-14-huawei-offers-no-spy-agreements/" in hits
    lists = ("/topics/", "/people/", "/organizations/", "/places/", "/archive/")
    assert [url for url in hits if url == "/" or url.startswith(lists)] == []


def test_a_list_pages_headings_are_in_its_table_of_contents_though_markdown_never_sees_them(
    repo_copy: Project,
) -> None:
    # A list page's headings are HTML blocks (a Markdown heading cost a list page most of its
    # conversion); the hook adds them to the table of contents and to the anchors links are checked against.
    huawei = next(
        p for p in build_site(repo_copy.root, masthead=Masthead()).pages if p.path == "organizations/huawei.md"
    )
    assert re.findall(r"(?m)^#+ .*", huawei.markdown) == []  # not even its title
    # MkDocs checks a link to an anchor against the page's anchors, and a strict build fails on a missing one.
    scale = repo_copy.root / "docs" / "scale.md"
    with scale.open("a", encoding="utf-8") as text:
        text.write("\n[Huawei in 2019](organizations/huawei.md#year-2019)\n")
    build = repo_copy.build()
    assert build.returncode == 0, build.log
    with scale.open("a", encoding="utf-8") as text:
        text.write("\n[Huawei in 1999](organizations/huawei.md#year-1999)\n")
    missing = repo_copy.build()
    assert missing.returncode != 0
    assert "does not contain an anchor '#year-1999'" in missing.log, missing.log
    page = repo_copy.page("organizations/huawei")
    table = page[page.index("md-nav--secondary") : page.index('class="md-content"')]
    assert '<h1 id="huawei">Huawei<a class="headerlink" href="#huawei" title="Permanent link">&para;</a></h1>' in page
    assert re.findall(r'href="#([^"]+)"', table) == [
        "timeline",
        "year-2020",
        "year-2019",
        "year-2018",
        "topics",
        "often-alongside",
    ]
    # Nested as Markdown's `toc` nests them: the years under the timeline.
    timeline_item = table[table.index('href="#timeline"') : table.index('href="#topics"')]
    assert timeline_item.count("<nav") == 1
    assert (
        '<h3 id="year-2019">2019<a class="headerlink" href="#year-2019" title="Permanent link">&para;</a></h3>' in page
    )
