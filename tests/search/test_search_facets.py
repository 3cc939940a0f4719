"""Search as a reader of briefings needs it: filters by kind, topic, year and name, a date to sort by,
and briefings before other pages. Run against the real site through Pagefind's own JavaScript API,
in the system's Chromium; expected results come from the content (briefings.json), not from briefkit."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from browsing import Reader

SEARCH = """async ([query, options, count]) => {
  const pagefind = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
  const found = await pagefind.search(query, options);
  const shown = count === null ? found.results : found.results.slice(0, count);
  const data = await Promise.all(shown.map((result) => result.data()));
  return data.map((page) => ({ url: page.url, meta: page.meta, filters: page.filters }));
}"""
FILTERS = """async () => {
  const pagefind = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
  return await pagefind.filters();
}"""


def search(reader: Reader, site_url: str, query: str | None, options: dict[str, Any], count: int | None = 5) -> Any:
    if reader.page.url != site_url:
        reader.page.goto(site_url)
    return reader.page.evaluate(SEARCH, [query, options, count])


def briefings(site_dir: Path) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads((site_dir / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    return records


def topic_titles(site_dir: Path) -> dict[str, str]:
    topics = json.loads((site_dir / "topics.json").read_text(encoding="utf-8"))["topics"]
    return {topic["key"]: topic["title"] for topic in topics}


def path_of(record: dict[str, Any]) -> str:
    return f"/briefings/{record['key']}/"


def test_the_filters_count_what_the_open_data_holds(reader: Reader, site_url: str, site_dir: Path) -> None:
    records = briefings(site_dir)
    titles = topic_titles(site_dir)
    reader.page.goto(site_url)
    filters = reader.page.evaluate(FILTERS)
    assert {"kind", "topic", "year", "person", "organization", "place"} <= set(filters)
    assert filters["kind"]["briefing"] == len(records)
    assert {"topic", "person", "organization", "place", "page"} <= set(filters["kind"])
    assert filters["topic"] == dict(Counter(titles[key] for record in records for key in record["topics"]))
    assert filters["year"] == dict(Counter(record["date"][:4] for record in records))
    people = Counter(name for record in records for name in record["people"])
    assert filters["person"] == dict(people)
    assert reader.problems == []


def test_briefings_come_first_with_their_date_and_topics(reader: Reader, site_url: str, site_dir: Path) -> None:
    records = {path_of(record): record for record in briefings(site_dir)}
    titles = topic_titles(site_dir)
    for query in ("tariffs", "Huawei"):
        results = search(reader, site_url, query, {})
        assert [result["url"] for result in results if result["url"] not in records] == [], query
        first = records[results[0]["url"]]
        assert results[0]["meta"]["date"] == first["date"]
        assert results[0]["meta"]["topics"] == ", ".join(titles[key] for key in first["topics"])
        assert results[0]["meta"]["summary"] == first["summary"]
    # The briefing that is about it, before the name and topic pages that mention it.
    assert search(reader, site_url, "SMIC", {})[0]["url"] == "/briefings/2020-12-18-us-adds-smic-to-entity-list/"
    assert search(reader, site_url, "executive order", {})[0]["url"] == (
        "/briefings/2019-05-15-executive-order-and-huawei-entity-listing/"
    )
    # In Pagefind's own order, the two briefings whose titles name Meng Wanzhou come first. (Her
    # person page, 47 words long, comes third, above a longer briefing that names her: Pagefind's
    # ranking favours short pages whatever their weight; the box and the search page list
    # briefings first by searching twice, see test_reader.py and test_search_page.py.)
    assert {result["url"] for result in search(reader, site_url, "Meng", {}, count=2)} == {
        "/briefings/2018-12-01-meng-wanzhou-arrested-in-vancouver/",
        "/briefings/2020-05-27-canadian-judge-rules-meng-extradition-case-can-go-on/",
    }
    assert reader.problems == []


def test_a_search_narrowed_to_a_topic_finds_only_its_briefings(reader: Reader, site_url: str, site_dir: Path) -> None:
    on_topic = {path_of(record) for record in briefings(site_dir) if "5g-security" in record["topics"]}
    results = search(reader, site_url, "Huawei", {"filters": {"topic": "5G security"}}, count=None)
    found = {result["url"] for result in results}
    assert found and found <= on_topic
    assert all("5G security" in result["filters"]["topic"] for result in results)
    assert reader.problems == []


def test_browsing_the_briefings_by_date_lists_them_all_newest_first(
    reader: Reader, site_url: str, site_dir: Path
) -> None:
    records = briefings(site_dir)
    results = search(reader, site_url, None, {"filters": {"kind": "briefing"}, "sort": {"date": "desc"}}, count=None)
    assert sorted(result["url"] for result in results) == sorted(path_of(record) for record in records)
    dates = [result["meta"]["date"] for result in results]
    assert dates == sorted((record["date"] for record in records), reverse=True)
    assert reader.problems == []


def test_the_search_box_shows_a_briefings_date_and_topics(reader: Reader, site_url: str) -> None:
    asked: list[str] = []
    reader.page.on("request", lambda request: asked.append(request.url))
    reader.page.goto(site_url)
    reader.page.locator("#bk-search input").fill("SMIC")
    first = reader.page.locator(".pagefind-ui__result").first
    first.wait_for(timeout=10_000)
    tags = first.locator(".pagefind-ui__result-tag").all_inner_texts()
    assert tags == ["Briefing: 18 December 2020 · Export controls, US–China trade"], tags
    # It leads to the search page with the same words, where filters and the date order are.
    more = reader.page.locator("#bk-search a.bk-search-all")
    assert (more.get_attribute("href") or "").endswith("/search/?q=SMIC")
    # The box loads one filter, `kind`, to list briefings first (the search page loads them all, for
    # its counts), and no UI library of Pagefind's.
    loaded = [url for url in asked if "/pagefind/" in url]
    assert len([url for url in loaded if "/filter/" in url]) == 1, loaded
    assert loaded and not [url for url in loaded if "pagefind-ui.js" in url], loaded
    assert reader.problems == []
