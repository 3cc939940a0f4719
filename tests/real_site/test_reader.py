"""A reader's path through the site, in headless Chromium: each step screenshotted, nothing broken."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from browsing import pages_of
from conftest import REPO

if TYPE_CHECKING:
    from browsing import Reader

HUAWEI = "briefings/2019-05-14-huawei-offers-no-spy-agreements/"


def test_a_reader_follows_topics_briefings_and_their_links(reader: Reader, site_url: str) -> None:
    page = reader.page
    page.goto(site_url)
    assert page.locator("h1").first.inner_text().rstrip("¶") == "Briefings"
    reader.shot("1-home")  # the README's screenshots are these two (`make screenshots`)

    page.get_by_role("link", name="5G security", exact=True).first.click()
    page.wait_for_url("**/topics/5g-security/")
    timeline = page.locator("#timeline")
    assert timeline.is_visible()
    assert page.locator(".bk-list li").count() >= 8
    reader.shot("2-topic-timeline")

    page.get_by_role("link", name='Huawei offers governments "no-spy" agreements').first.click()
    page.wait_for_url("**/" + HUAWEI)
    assert "Liang Hua" in page.locator("article").inner_text()
    reader.shot("3-briefing")

    related = page.locator(".bk-related a").first
    related_title = related.inner_text()
    related.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text().rstrip("¶") == related_title
    reader.shot("4-related-briefing")

    page.go_back()
    page.wait_for_url("**/" + HUAWEI)
    neighbour = page.locator(".bk-neighbours a", has_text=re.compile(".")).nth(1)
    neighbour_title = neighbour.inner_text()
    neighbour.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text().rstrip("¶") == neighbour_title
    reader.shot("5-previous-or-next")
    assert reader.problems == []


def search(reader: Reader, site_url: str, query: str) -> list[str]:
    page = reader.page
    page.goto(site_url)
    page.keyboard.press("/")
    box = page.locator("#bk-search input")
    assert box.evaluate("element => element === document.activeElement")
    box.fill(query)
    page.locator(".pagefind-ui__result-link").first.wait_for(state="visible", timeout=10_000)
    return [link.get_attribute("href") or "" for link in page.locator(".pagefind-ui__result-link").all()]


def test_the_box_lists_briefings_before_other_pages(reader: Reader, site_url: str) -> None:
    # Meng Wanzhou's page (47 words) ranks above a briefing that names her in Pagefind's own order;
    # the box lists every briefing first whatever the ranking. Which briefings name her: their files.
    naming = {
        f"briefings/{path.stem}/"
        for path in (REPO / "briefings").glob("*/*.md")
        if any(
            "Meng" in line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("people:")
        )
    }
    shown = [
        urljoin(reader.page.url, href).removeprefix(site_url).split("?")[0] for href in search(reader, site_url, "Meng")
    ]
    assert len(naming) >= 5
    assert shown == sorted(shown, key=lambda href: href not in naming)  # briefings, then the rest
    assert set(shown) <= naming  # five shown, all of them briefings
    assert reader.problems == []


def test_search_finds_the_no_spy_briefing(reader: Reader, site_url: str) -> None:
    results = search(reader, site_url, "no-spy")
    assert any(href.endswith(HUAWEI) or HUAWEI in href for href in results), results
    assert reader.page.locator(".pagefind-ui__result-excerpt mark").count() > 0  # the terms are marked
    reader.shot("6-search-no-spy")
    # Keyboard: the arrow keys move from the box into the results.
    reader.page.keyboard.press("ArrowDown")
    focused = reader.page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == results[0]
    with reader.page.expect_navigation():
        reader.page.keyboard.press("Enter")
    assert reader.page.url.split("?")[0].endswith(results[0].split("?")[0])
    assert reader.problems == []


def test_the_page_a_result_opens_marks_the_searched_words(reader: Reader, site_url: str) -> None:
    search(reader, site_url, "interpreter")
    reader.page.keyboard.press("ArrowDown")
    with reader.page.expect_navigation():
        reader.page.keyboard.press("Enter")
    assert "highlight=interpreter" in reader.page.url
    marked = reader.page.locator("article mark")
    marked.first.wait_for(state="attached", timeout=5_000)
    assert marked.first.inner_text().lower() == "interpreter"
    reader.shot("7-highlighted-result")
    assert reader.problems == []


def test_search_for_a_topic_title_finds_its_briefings(reader: Reader, site_url: str) -> None:
    results = search(reader, site_url, "5G security")
    briefings = [href for href in results if "/briefings/" in href]
    assert len(briefings) >= 3, results
    reader.shot("8-search-topic")
    assert reader.problems == []


def test_dark_mode(reader: Reader, site_url: str) -> None:
    page = reader.page
    page.goto(site_url)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.get_by_title("Switch to dark mode").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    reader.shot("9-dark-mode")
    page.goto(site_url + "topics/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"  # the choice is remembered
    assert reader.problems == []


def test_every_page_fits_a_375_px_screen_and_loads_cleanly(reader: Reader, site_url: str, site_dir: Path) -> None:
    page = reader.page
    page.set_viewport_size({"width": 375, "height": 740})
    checked = 0
    for path in pages_of(site_dir):
        page.goto(site_url + path, wait_until="load")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow} px"
        checked += 1
    reader.shot("10-narrow")
    assert checked >= 30
    assert reader.problems == []
