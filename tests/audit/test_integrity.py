"""The audit that ends every build: each briefing exactly where it belongs in the built HTML."""

from __future__ import annotations

import gzip
import json
import re
from typing import TYPE_CHECKING

import pytest

from briefkit.audit import audit_site
from briefkit.catalog import Catalog
from briefkit.content.load import Layout, load_content
from briefkit.search.indexing import JEMALLOC_SETTINGS

from built_pages import output_of
from conftest import briefing

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Project


def built(project: Project) -> tuple[Path, Catalog]:
    project.add("2019/2019-05-14-a.md", briefing(title="A", topics="[5g-security, us-china-trade]"))
    project.add("2019/2019-05-10-b.md", briefing(title="B", date="2019-05-10", topics="[us-china-trade]"))
    project.add("2018/2018-08-23-c.md", briefing(title="C", date="2018-08-23", topics="[5g-security]"))
    build = project.build()
    assert build.returncode == 0, build.log
    assert "INFO    -  briefings: 3 briefings, 2 topics, 18 pages" in build.log
    content = load_content(Layout(project.root))
    return build.site, Catalog(content.briefings, content.topics)


def test_an_intact_site_passes(project: Project) -> None:
    site, catalog = built(project)
    assert audit_site(site, catalog, output_of).missing == []


def test_a_briefing_dropped_from_a_topic_page_is_caught(project: Project) -> None:
    site, catalog = built(project)
    page = site / "topics" / "5g-security" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r'<a href="../../briefings/2018-08-23-c/">C</a>', "C", html), encoding="utf-8")
    assert audit_site(site, catalog, output_of).missing == [
        "briefings/2018/2018-08-23-c.md appears 0 times on the page of 5g-security, not once"
    ]


def test_a_briefing_listed_twice_or_on_the_wrong_topic_is_caught(project: Project) -> None:
    site, catalog = built(project)
    page = site / "archive" / "2019" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", '<a href="../../briefings/2019-05-10-b/">B</a></article>'), "utf-8")
    topic = site / "topics" / "5g-security" / "index.html"
    html = topic.read_text(encoding="utf-8")
    stray = r'\1<a href="../../briefings/2019-05-10-b/">B</a>'
    topic.write_text(re.sub(r'(<h2 id="timeline">.*?</h2>)', stray, html, flags=re.DOTALL), "utf-8")
    assert audit_site(site, catalog, output_of).missing == [
        "briefings/2019/2019-05-10-b.md appears 2 times in the archive, not once",
        "topics/5g-security/index.html lists briefings/2019-05-10-b/, which is not on 5g-security",
    ]


def test_missing_pages_and_search_entries_are_caught(project: Project) -> None:
    site, catalog = built(project)
    (site / "briefings" / "2019-05-10-b" / "index.html").unlink()
    (site / "topics" / "us-china-trade" / "index.html").unlink()
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        if b"/briefings/2018-08-23-c/" in gzip.decompress(fragment.read_bytes()):
            fragment.unlink()
    assert audit_site(site, catalog, output_of).missing == [
        "briefings/2019/2019-05-10-b.md has no page (briefings/2019-05-10-b/index.html)",
        "the topic us-china-trade has 2 briefings but no page (topics/us-china-trade/index.html)",
        "briefings/2018/2018-08-23-c.md is not in the search index",
    ]


def test_a_briefing_missing_from_the_data_or_a_feed_is_caught(project: Project) -> None:
    site, catalog = built(project)
    data = site / "briefings.json"
    records = json.loads(data.read_text(encoding="utf-8"))
    records["briefings"] = [r for r in records["briefings"] if r["key"] != "2019-05-14-a"]
    data.write_text(json.dumps(records), encoding="utf-8")
    feed = site / "topics" / "us-china-trade" / "feed.xml"
    xml = feed.read_text(encoding="utf-8")
    feed.write_text(re.sub(r"<entry>\s*<id>[^<]*2019-05-10-b/</id>.*?</entry>", "", xml, flags=re.DOTALL), "utf-8")
    (site / "topics" / "5g-security" / "feed.xml").unlink()
    assert audit_site(site, catalog, output_of).missing == [
        "briefings/2019/2019-05-14-a.md appears 0 times in briefings.json, not once",
        "the feed topics/5g-security/feed.xml is missing",
        "briefings/2019/2019-05-10-b.md appears 0 times in topics/us-china-trade/feed.xml, not once",
    ]


def the_one_error(project: Project, env: dict[str, str]) -> str:
    """Build `project` with `env`: it must fail in one clear line, without a traceback; that line."""
    build = project.build(env=env)
    assert build.returncode == 1
    assert "Traceback" not in build.log
    errors = [line for line in build.log.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, build.log
    return errors[0]


def test_a_search_index_that_cannot_be_built_fails_the_build_in_one_clear_line(project: Project) -> None:
    # Pagefind's allocator (jemalloc) refuses a setting it does not know, and aborts: Pagefind fails.
    # Should Pagefind change allocators, this fails too, and the memory setting in search.py is void.
    assert the_one_error(project, {JEMALLOC_SETTINGS: "abort_conf:true,no_such_setting:1"}) == (
        "ERROR   -  the search index could not be built: <jemalloc>: Invalid conf pair: no_such_setting:1"
    )


@pytest.mark.parametrize(
    ("kills", "who"), [("$$", "Pagefind"), ("$PPID", "the indexing process")], ids=["pagefind", "indexing-process"]
)
def test_a_search_indexer_killed_from_outside_is_named_with_what_to_do(project: Project, kills: str, who: str) -> None:
    # As the kernel's out-of-memory killer would: killed, Pagefind (or the process that runs it)
    # says nothing; the build says how it ended, and what takes less memory.
    pagefind = project.root / "killed-pagefind"
    pagefind.write_text(f"#!/bin/sh\nkill -KILL {kills}\n", encoding="utf-8")
    pagefind.chmod(0o755)
    assert the_one_error(project, {"PAGEFIND_BINARY_PATH": str(pagefind)}) == (
        f"ERROR   -  the search index could not be built: {who} was killed by SIGKILL (as the kernel does when "
        "the machine runs out of memory); indexing in more parts takes less memory: build again with BRIEFKIT_INDEX_PARTS=4"
    )


def test_a_search_indexer_that_cannot_start_fails_the_build_in_one_clear_line(project: Project) -> None:
    # Pagefind's own variable for where its program is: the build starts that program directly.
    missing = project.root / "no-such-pagefind"
    assert the_one_error(project, {"PAGEFIND_BINARY_PATH": str(missing)}) == (
        f"ERROR   -  the search index could not be built: Pagefind could not be started ({missing}): "
        "No such file or directory"
    )
