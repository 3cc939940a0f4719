"""Long lists are split into pages, and the audit still finds every briefing exactly once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefkit.audit import audit_site
from briefkit.catalog import Catalog
from briefkit.content.load import Layout, load_content

from conftest import briefing
from test_build import titles_in_order
from test_integrity import output_of

if TYPE_CHECKING:
    from conftest import Project


def test_a_long_timeline_a_long_year_and_a_long_index_are_split(project: Project) -> None:
    # 320 briefings in 2019 on one topic, each naming its own person (all under one initial):
    # every limit is passed.
    for number in range(320):
        day = f"2019-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
        project.add(
            f"2019/{day}-item-{number}.md",
            briefing(title=f"Item {number}", date=day, extra=f"people: [Person Number {number}]\n"),
        )
    project.add("2018/2018-06-01-older.md", briefing(title="Older", date="2018-06-01"))
    build = project.build()
    assert build.returncode == 0, build.log
    assert "INFO    -  briefings: 321 briefings, 1 topic," in build.log

    topic = project.page("topics/5g-security")
    assert len(titles_in_order(topic)) < 30  # the story, the latest ten: not all 321
    assert '<a href="2019/">2019</a> (320)' in topic
    assert '<a href="2018/">2018</a> (1)' in topic
    year = project.page("topics/5g-security/2019")
    assert len(titles_in_order(year)) == 320
    assert titles_in_order(project.page("topics/5g-security/2018")) == ["Older"]

    archive_year = project.page("archive/2019")
    assert titles_in_order(archive_year) == []
    assert '<a href="05/">27 briefings</a>' in archive_year
    assert len(titles_in_order(project.page("archive/2019/05"))) == 27
    archive = project.page("archive")
    assert '<a href="2019/05/">May</a> (27)' in archive

    people = project.page("people")
    assert '<a href="all-1/">Person Number 0 – Person Number 80</a> (300)' in people
    assert '<a href="all-2/">Person Number 81 – Person Number 99</a> (20)' in people
    assert "Person Number 0" in project.page("people/all-1")
    for page in build.site.rglob("index.html"):
        assert page.stat().st_size < 200_000, page

    content = load_content(Layout(project.root))
    assert audit_site(build.site, Catalog(content.briefings, content.topics), output_of).missing == []
