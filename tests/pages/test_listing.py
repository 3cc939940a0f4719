"""Long lists are split into pages, and the audit still finds every briefing exactly once."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from briefkit.audit import audit_site
from briefkit.catalog import Catalog
from briefkit.content.load import Layout, load_content

from built_pages import output_of
from conftest import briefing
from linkcheck import broken_links

if TYPE_CHECKING:
    from conftest import Project


LONG = " with a headline long enough to fill a list quickly"
SUMMARY = "A summary as long as the format allows, so that a month of them passes the limit of one page. " * 3


def link_texts(page: str, kind: str) -> list[str]:
    """The texts of a page's links to pages of `kind` ("briefings")."""
    return [html.unescape(t) for t in re.findall(rf'<a href="[./]*{kind}/[^"/]+/">([^<]+)</a>', page)]


def test_every_list_is_split_until_each_page_is_under_200_kb(project: Project) -> None:
    # 300 briefings in May 2019 and 20 more in 2019, on one topic, all naming Ren Zhengfei and two
    # people of their own with long names: a topic's year, a month, the archive's year, a name's
    # timeline and the index of people each pass the limit of one page.
    may = [f"May item {n}{LONG}" for n in range(300)]
    other = [f"Other item {n}" for n in range(20)]
    people = [
        f"Delegate {n} {side} of the delegation with a very long and formal name" for n in range(300) for side in "AB"
    ]
    for n, title in enumerate(may):
        day = f"2019-05-{n % 28 + 1:02d}"
        names = f"people: [Ren Zhengfei, {people[2 * n]}, {people[2 * n + 1]}]\n"
        project.add(f"2019/{day}-may-{n}.md", briefing(title=title, date=day, summary=SUMMARY[:299], extra=names))
    for n, title in enumerate(other):
        day = f"2019-{[1, 2, 3, 4, 6, 7, 8, 9, 10, 11][n % 10]:02d}-{n + 1:02d}"
        project.add(f"2019/{day}-other-{n}.md", briefing(title=title, date=day, extra="people: [Ren Zhengfei]\n"))
    project.add("2018/2018-06-01-older.md", briefing(title="Older", date="2018-06-01"))
    build = project.build(env={"BRIEFKIT_WORKERS": "2"})  # two processes, whatever the machine
    assert build.returncode == 0, build.log
    sizes = {page.relative_to(build.site).as_posix(): page.stat().st_size for page in build.site.rglob("*.html")}
    assert max(sizes.values()) < 200_000, max(sizes.items(), key=lambda item: item[1])
    assert broken_links(build.site) == []

    topic = project.page("topics/5g-security")
    assert '<a href="2019/">2019</a> (320)' in topic
    assert '<a href="2018/">2018</a> (1)' in topic
    for year, month in (("topics/5g-security/2019", "topics/5g-security/2019/05"), ("archive/2019", "archive/2019/05")):
        # The year links to its months; May, too long for one page, is in two parts linked to each other.
        page = project.page(year)
        assert link_texts(page, "briefings") == []
        assert '<a href="05/">300 briefings</a>, in 2 parts: <a href="05/">1</a> · <a href="05-2/">2</a>' in page
        first, second = project.page(month), project.page(month + "-2")
        assert '<a href="../05-2/">2</a>' in first
        assert '<a href="../05/">1</a>' in second
        assert sorted(link_texts(first, "briefings") + link_texts(second, "briefings")) == sorted(may)
    # The other months of the split year have a page each, which lists them.
    months = (1, 2, 3, 4, 6, 7, 8, 9, 10, 11)
    listed = [t for m in months for t in link_texts(project.page(f"topics/5g-security/2019/{m:02d}"), "briefings")]
    assert sorted(listed) == sorted(other)

    # A name in 320 briefings: its timeline is split the same way.
    name_parts = ["people/ren-zhengfei/2019/05", "people/ren-zhengfei/2019/05-2"]
    listed = [t for part in name_parts for t in link_texts(project.page(part), "briefings")]
    assert sorted(listed) == sorted(may)

    # The index of people: alphabetical parts, every person on exactly one.
    index = project.page("people")
    parts = re.findall(r'<a href="(all-[0-9]+)/">', index)
    assert len(parts) >= 2
    rows = [re.findall(r'<tr><td><a href="[^"]+">([^<]+)</a>', project.page(f"people/{part}")) for part in parts]
    named = [html.unescape(name) for row in rows for name in row]
    assert sorted(named) == sorted([*people, "Ren Zhengfei"])

    content = load_content(Layout(project.root))
    assert audit_site(build.site, Catalog(content.briefings, content.topics), output_of).missing == []
