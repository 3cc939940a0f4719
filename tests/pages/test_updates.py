"""The update log and corrections: on the briefing's page, on /corrections/, in the feeds and the data."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import pytest

from briefkit.cli import main

from conftest import briefing
from linkcheck import broken_links

if TYPE_CHECKING:
    from conftest import Project

ATOM = "{http://www.w3.org/2005/Atom}"
PATH = "2019/2019-05-16-entity-list.md"
PAGE = "briefings/2019-05-16-entity-list"
UPDATES = """\
updates:
  - date: 2019-05-20
    note: Added the Commerce Department's temporary licence of 20 May.
  - date: 2019-06-03
    correction: true
    note: An earlier version gave the wrong day for the Entity List decision; it took effect on 16 May.
"""
SOURCES = """\
sources:
  - id: commerce
    publisher: US Department of Commerce
    title: Department of Commerce announces the addition of Huawei Technologies to the Entity List
    date: 2019-05-15
  - id: huawei
    publisher: Huawei
    title: Huawei's statement on the Entity List
    date: 2019-05-16
---
"""
BODY = (
    "## What happened\n\nThe Commerce Department added Huawei to the Entity List [@commerce]. "
    "Huawei said the decision was in no one's interest [@huawei].\n"
)


def html_text(fragment: str) -> str:
    """What a reader reads of an HTML fragment."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def with_log(
    *, updates: str = UPDATES, extra: str = "", body: str = BODY, title: str = "Huawei on the Entity List"
) -> str:
    text = briefing(title=title, date="2019-05-16", topics="[5g-security]", extra=extra + updates, body=body)
    return text[: text.index("sources:")] + SOURCES + "\n" + body


def test_a_corrected_briefing_shows_its_correction_first_and_its_log_after_the_sources(project: Project) -> None:
    project.add(PATH, with_log())
    project.add("2019/2019-05-14-no-spy.md", briefing())  # with no log: no notice, no list, nothing on /corrections/
    build = project.build()
    assert build.returncode == 0, build.log
    html = project.page(PAGE)
    article = html[html.index("<article") : html.index("</article>")]
    correction = article.index('class="bk-correction"')
    assert article.index('class="bk-summary"') < correction < article.index("What happened")
    assert re.search(
        r'<aside class="bk-correction" role="note"><p><strong>Correction</strong>, '
        r'<time datetime="2019-06-03">3 June 2019</time>: An earlier version gave the wrong day for the '
        r"Entity List decision; it took effect on 16 May.</p></aside>",
        article,
    )
    # The log, newest first, after the sources; the correction marked as one.
    assert article.index('class="bk-sources"') < article.index('class="bk-updates"')
    log = re.search(r'<ul class="bk-updates">(.*?)</ul>', article, re.S)
    assert log is not None
    entries = re.findall(r"<li[^>]*>(.*?)</li>", log[1])
    assert [html_text(entry) for entry in entries] == [
        "3 June 2019: Correction. An earlier version gave the wrong day for the Entity List decision; "
        "it took effect on 16 May.",
        "20 May 2019: Added the Commerce Department's temporary licence of 20 May.",
    ]
    # Without `updated:`, the latest entry is the briefing's updated date, in the byline as elsewhere.
    assert '· updated <time datetime="2019-06-03">' in article
    other = project.page("briefings/2019-05-14-no-spy")
    assert "bk-correction" not in other and "bk-updates" not in other
    assert broken_links(build.site) == []


def test_the_corrections_page_and_feed_list_every_correction_newest_first(project: Project) -> None:
    project.add(PATH, with_log())
    project.add(
        "2019/2019-05-14-no-spy.md",
        briefing(
            extra="updates:\n  - date: 2019-07-01\n    correction: true\n    note: The chairman spoke in London, not Paris.\n"
            "  - date: 2019-07-02\n    note: Added a source.\n"
        ),
    )
    build = project.build()
    assert build.returncode == 0, build.log
    page = project.page("corrections")
    listed = re.search(r'<ul class="bk-corrections">(.*?)</ul>', page, re.S)
    assert listed is not None
    rows = [html_text(row) for row in re.findall(r"<li>(.*?)</li>", listed[1])]
    assert rows == [
        "1 July 2019: Huawei offers no-spy deals. The chairman spoke in London, not Paris.",
        "3 June 2019: Huawei on the Entity List. An earlier version gave the wrong day for the Entity List "
        "decision; it took effect on 16 May.",
    ]
    assert 'href="../briefings/2019-05-14-no-spy/"' in listed[1]
    assert 'href="../briefings/2019-05-16-entity-list/"' in listed[1]

    feed = ET.parse(build.site / "corrections" / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Correction: Huawei offers no-spy deals",
        "Correction: Huawei on the Entity List",
    ]
    assert [entry.findtext(f"{ATOM}updated") for entry in entries] == [
        "2019-07-01T00:00:00+00:00",
        "2019-06-03T00:00:00+00:00",
    ]
    assert feed.findtext(f"{ATOM}updated") == "2019-07-01T00:00:00+00:00"

    # The site's feed: the entry is updated on its latest change, and its text starts with the correction.
    site_feed = ET.parse(build.site / "feed.xml").getroot()
    entry = next(
        e for e in site_feed.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == "Huawei on the Entity List"
    )
    assert entry.findtext(f"{ATOM}updated") == "2019-06-03T00:00:00+00:00"
    assert (entry.findtext(f"{ATOM}summary") or "").startswith(
        "Correction, 3 June 2019: An earlier version gave the wrong day"
    )
    # The open data carries the log.
    records = json.loads((build.site / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    record = next(r for r in records if r["key"] == "2019-05-16-entity-list")
    assert record["updated"] == "2019-06-03"
    assert record["updates"] == [
        {
            "date": "2019-05-20",
            "note": "Added the Commerce Department's temporary licence of 20 May.",
            "correction": False,
        },
        {
            "date": "2019-06-03",
            "note": "An earlier version gave the wrong day for the Entity List decision; it took effect on 16 May.",
            "correction": True,
        },
    ]


def test_a_site_without_corrections_says_so(project: Project) -> None:
    project.add("2019/2019-05-14-no-spy.md", briefing())
    build = project.build()
    assert build.returncode == 0, build.log
    assert "No briefing has needed a correction so far." in project.page("corrections")
    assert ET.parse(build.site / "corrections" / "feed.xml").getroot().findall(f"{ATOM}entry") == []


def test_a_note_is_shown_as_written(project: Project) -> None:
    hostile = 'updates:\n  - date: 2019-06-03\n    correction: true\n    note: "<script>alert(1)</script> [x](javascript:alert(1))"\n'
    project.add(PATH, with_log(updates=hostile))
    build = project.build()
    assert build.returncode == 0, build.log
    for page in (project.page(PAGE), project.page("corrections")):
        assert "<script>alert" not in page
        assert 'href="javascript:' not in page


@pytest.mark.parametrize(
    ("updates", "extra", "expected"),
    [
        (
            "updates:\n  - date: 2019-05-20\n    note: Fine.\n  - date: 2999-01-01\n    note: Too soon.\n",
            "",
            "updates[2].date: 2999-01-01 is in the future; date an update on the day it is made",
        ),
        (
            "updates:\n  - date: 2019-05-20\n",
            "",
            "updates[1].note: is missing; add a line such as 'note: Added the Commerce Department's decision of 16 May.'",
        ),
        (
            "updates:\n  - date: 2019-05-20\n    note: Fine.\n    correction: yes\n",
            "",
            "updates[1].correction: expected true or false, got 'yes'; write 'correction: true' or "
            "'correction: false' (yes, no, on and off are not read as true or false)",
        ),
        (
            "updates:\n  - date: 2019-05-20\n    note: " + "x" * 301 + "\n",
            "",
            "updates[1].note: is 301 characters long, more than 300; shorten it to one or two sentences",
        ),
        (
            "updates: Added a source.\n",
            "",
            "updates: expected a list, got text; write it like 'updates:'",
        ),
    ],
)
def test_check_refuses_a_wrong_log_with_its_line_and_fix(
    project: Project, capsys: pytest.CaptureFixture[str], updates: str, extra: str, expected: str
) -> None:
    path = project.add(PATH, with_log(updates=updates, extra=extra))
    assert main(["--root", str(project.root), "check", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == [expected], lines
    assert all(line.startswith(f"briefings/{PATH}:") for line in lines)


def test_check_as_github_notes_an_update_before_the_briefing(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project.add(PATH, with_log(updates="updates:\n  - date: 2019-05-01\n    note: Added a source.\n"))
    assert main(["--root", str(project.root), "check", "--format", "github", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"::error file=briefings/{PATH},line=7,title=updates[1].date::2019-05-01 is before the briefing's date "
        "2019-05-16; an update comes after the development"
    ]
