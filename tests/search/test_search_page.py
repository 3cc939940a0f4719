"""The search page, /search/, as a reader uses it: its address carries the query, the filters and the
order; with no query it lists every briefing, newest first. Expectations come from briefings.json."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from browsing import Reader


def briefings(site_dir: Path) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads((site_dir / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    return records


def titles(reader: Reader) -> list[str]:
    return reader.page.locator("#bk-find-results li a.bk-find-title").all_inner_texts()


def wait_for(reader: Reader, status: str) -> None:
    """Until the status says `status` and the filters are shown (their counts follow the results)."""
    reader.page.locator("#bk-find-status", has_text=status).wait_for(timeout=10_000)
    reader.page.locator("#bk-find-filters fieldset").first.wait_for(timeout=10_000)


def test_a_shared_address_opens_the_same_search(reader: Reader, site_url: str, site_dir: Path) -> None:
    on_topic = {record["title"] for record in briefings(site_dir) if "5g-security" in record["topics"]}
    reader.page.goto(site_url + "search/?q=Huawei&topic=5G%20security")
    wait_for(reader, "for \u201cHuawei\u201d in 5G security.")
    found = titles(reader)
    assert found and set(found) <= on_topic
    assert reader.page.locator("#bk-find-query").input_value() == "Huawei"
    assert reader.page.locator("#bk-find-filters input[name=topic][value='5G security']").is_checked()
    # Each result leads to its briefing, with the searched word marked there.
    first = reader.page.locator("#bk-find-results li a.bk-find-title").first
    assert (first.get_attribute("href") or "").endswith("?highlight=Huawei")
    assert reader.page.locator("#bk-find-results mark").count() > 0
    reader.shot("9-search-page")
    assert reader.problems == []


def test_with_no_query_it_lists_the_briefings_newest_first(reader: Reader, site_url: str, site_dir: Path) -> None:
    records = briefings(site_dir)
    newest = sorted(records, key=lambda record: record["date"], reverse=True)
    reader.page.goto(site_url + "search/")
    wait_for(reader, f"{len(records)} briefings, newest first.")
    shown = titles(reader)
    assert len(shown) == min(20, len(records))
    dates = {record["title"]: record["date"] for record in records}
    assert [dates[title] for title in shown] == [record["date"] for record in newest[: len(shown)]]
    # The counts beside each year are the open data's.
    years = Counter(record["date"][:4] for record in records)
    for year, count in years.items():
        label = reader.page.locator("#bk-find-filters label", has=reader.page.locator(f"input[value='{year}']"))
        assert label.inner_text().strip() == f"{year} ({count})"

    # Narrowing by a year changes the address, and the back button undoes it.
    reader.page.locator("#bk-find-filters input[name=year][value='2019']").check()
    wait_for(reader, f"{years['2019']} briefings in 2019, newest first.")
    assert reader.page.url.endswith("/search/?year=2019")
    reader.page.go_back()
    wait_for(reader, f"{len(records)} briefings, newest first.")
    assert reader.page.url.endswith("/search/")
    assert reader.problems == []


def test_briefings_come_before_other_pages(reader: Reader, site_url: str) -> None:
    # In Pagefind's own order Meng Wanzhou's short page ranks above a briefing that names her.
    reader.page.goto(site_url + "search/?q=Meng")
    wait_for(reader, "for \u201cMeng\u201d.")
    links = reader.page.locator("#bk-find-results li a.bk-find-title").evaluate_all(
        "links => links.map((link) => new URL(link.href).pathname)"
    )
    kinds = ["briefing" if "/briefings/" in link else "other" for link in links]
    assert "/people/meng-wanzhou/" in links
    assert kinds == sorted(kinds) and kinds[0] == "briefing", links
    assert reader.problems == []


def test_a_search_typed_and_ordered_by_date_goes_into_the_address(
    reader: Reader, site_url: str, site_dir: Path
) -> None:
    reader.page.goto(site_url + "search/")
    wait_for(reader, "newest first.")
    reader.page.locator("#bk-find-query").fill("tariffs")
    reader.page.keyboard.press("Enter")
    wait_for(reader, "for \u201ctariffs\u201d.")
    assert reader.page.url.endswith("/search/?q=tariffs")
    reader.page.locator("#bk-find-sort").select_option("date")
    wait_for(reader, "for \u201ctariffs\u201d, newest first.")
    assert reader.page.url.endswith("/search/?q=tariffs&sort=date")
    dates = {record["title"]: record["date"] for record in briefings(site_dir)}
    shown = [dates[title] for title in titles(reader)]
    assert shown and shown == sorted(shown, reverse=True)
    assert reader.problems == []
