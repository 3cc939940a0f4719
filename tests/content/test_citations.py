"""Inline citations, `[@id]`: checked against the sources' ids, rendered as numbered links both ways."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from briefkit.cli import main
from briefkit.content.citations import find_citations

from conftest import briefing
from linkcheck import broken_links, parse

if TYPE_CHECKING:
    from conftest import Project

PATH = "2019/2019-11-22-fcc-bars-huawei.md"
PAGE = "briefings/2019-11-22-fcc-bars-huawei"
SOURCES = """\
sources:
  - id: fcc-release
    publisher: Federal Communications Commission
    title: FCC bars subsidies for equipment from companies posing national security threats
    date: 2019-11-22
  - publisher: Reuters
    title: A report without an id
  - id: huawei-statement
    publisher: Huawei
    title: "Statement on the FCC's vote [with `code`] *and* <b>markup</b>"
---
"""


def cited(body: str, sources: str = SOURCES) -> str:
    """A briefing whose sources are `sources`, with `body` as its text."""
    text = briefing(title="FCC bars Huawei", date="2019-11-22", body=body)
    return text[: text.index("sources:")] + sources + "\n" + body


def test_citations_link_to_their_sources_and_back(project: Project) -> None:
    project.add(
        PATH,
        cited(
            "## What happened\n\nThe commission voted [@fcc-release]. Huawei objected "
            "[@huawei-statement; @fcc-release].\n\nThe fund pays $8.5bn a year [@fcc-release].\n"
        ),
    )
    build = project.build()
    assert build.returncode == 0, build.log
    html = project.page(PAGE)
    cites = re.findall(r'<sup class="bk-cite">(.*?)</sup>', html)
    # Numbers are places in the Sources list, as written (the id-less source is the second).
    assert [re.findall(r">(\d)</a>", cite) for cite in cites] == [["1"], ["3", "1"], ["1"]]
    assert [re.findall(r'href="#source-([a-z-]+)"', cite) for cite in cites] == [
        ["fcc-release"],
        ["huawei-statement", "fcc-release"],
        ["fcc-release"],
    ]
    # Only each source's first citation carries the anchor its entry links back to.
    assert html.count('id="cite-fcc-release"') == 1
    assert html.count('id="cite-huawei-statement"') == 1
    assert cites[0].count('id="cite-fcc-release"') == 1
    assert cites[1].count('id="cite-huawei-statement"') == 1
    sources = re.search(r'<ol class="bk-sources">(.*?)</ol>', html, re.S)
    assert sources is not None
    entries = re.findall(r"<li(?: id=\"([^\"]+)\")?>(.*?)</li>", sources[1], re.S)
    assert [entry_id for entry_id, _ in entries] == ["source-fcc-release", "", "source-huawei-statement"]
    assert [re.findall(r'href="(#cite-[a-z-]+)"', entry) for _, entry in entries] == [
        ["#cite-fcc-release"],
        [],
        ["#cite-huawei-statement"],
    ]
    # Every link, the anchors included, leads somewhere.
    assert broken_links(build.site) == []
    ids = parse(build.site / PAGE / "index.html").ids
    assert {"source-fcc-release", "cite-fcc-release", "source-huawei-statement", "cite-huawei-statement"} <= ids


def test_a_sources_title_in_the_hover_text_is_only_text(project: Project) -> None:
    project.add(PATH, cited("## What happened\n\nHuawei objected [@huawei-statement] [@fcc-release].\n"))
    build = project.build()
    assert build.returncode == 0, build.log
    html = project.page(PAGE)
    hover = re.search(r'href="#source-huawei-statement" id="cite-huawei-statement" title="([^"]*)"', html)
    assert hover is not None, html
    assert "<" not in hover[1] and "`" not in hover[1] and "*" not in hover[1]
    assert "<b>markup</b>" not in html
    assert "<code>code</code>" not in html


def test_citations_in_code_headings_and_links_are_left_as_written(project: Project) -> None:
    body = (
        "## What happened [@fcc-release]\n\n"
        "Inline `[@nowhere]` code, a [link](https://example.org/) [@fcc-release] and a link [@x](https://example.org/).\n\n"
        "```\n[@nowhere-either]\n```\n\n"
        "Huawei objected [@huawei-statement].\n"
    )
    project.add(PATH, cited(body))
    build = project.build()
    assert build.returncode == 0, build.log
    html = project.page(PAGE)
    assert "<code>[@nowhere]</code>" in html
    assert "[@nowhere-either]" in html
    assert re.search(r"<h2[^>]*>What happened \[@fcc-release\]", html)
    assert '<a href="https://example.org/">@x</a>' in html
    # The one after the plain link is a citation: the first of fcc-release in prose.
    assert len(re.findall(r'<sup class="bk-cite">', html)) == 2


def test_find_citations_reads_pandocs_forms() -> None:
    body = "A [@a]; b [@b-2;@c] and [@d ; @e].\n\\[@escaped] [@f](link) [@g][ref] [not a citation]\n"
    assert [citation.ids for citation in find_citations(body)] == [("a",), ("b-2", "c"), ("d", "e")]


def test_check_refuses_an_unknown_citation_with_the_line_and_a_suggestion(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project.add(PATH, cited("## What happened\n\nThe commission voted [@fcc-relase; @huawei-statement].\n"))
    assert main(["--root", str(project.root), "check", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    # The misspelt id's source is the one meant, so it is not also reported as never cited.
    assert out == [
        f"briefings/{PATH}:20: body: cites '@fcc-relase', which no source has as its id; did you mean '@fcc-release'?"
    ]
    assert main(["--root", str(project.root), "check", "--format", "github", str(path)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"::error file=briefings/{PATH},line=20,title=body::cites '@fcc-relase', which no source has as its id; "
        "did you mean '@fcc-release'?"
    )


def test_a_citation_with_no_source_of_that_id_names_the_ids_there_are(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project.add(
        PATH, cited("## What happened\n\nVoted [@fcc-release] [@huawei-statement] [@commerce-department].\n")
    )
    assert main(["--root", str(project.root), "check", str(path)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"briefings/{PATH}:20: body: cites '@commerce-department', which no source has as its id; the ids are "
        "fcc-release, huawei-statement, or give the source 'id: commerce-department'"
    )


def test_a_source_never_cited_is_a_warning_and_the_build_goes_on(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project.add(PATH, cited("## What happened\n\nThe commission voted [@fcc-release].\n"))
    assert main(["--root", str(project.root), "check", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        f"briefings/{PATH}:13: warning: sources[3].id: 'huawei-statement' is never cited; "
        "cite it as [@huawei-statement] where the text uses it, or remove the id"
    )
    build = project.build()
    assert build.returncode == 0, build.log
    assert "'huawei-statement' is never cited" in build.log
    html = project.page(PAGE)
    assert '<li id="source-huawei-statement">' in html
    assert 'href="#cite-huawei-statement"' not in html
