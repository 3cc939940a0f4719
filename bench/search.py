"""`make bench-search`: a reader's first search on a 10,000-briefing site, in headless Chromium.

Builds the full site from the synthetic corpus (bench/corpus.py), serves it on 127.0.0.1, opens
the home page as a reader would, and types a query into the header's search box. It prints
the bytes the browser downloaded for search (everything under /pagefind/, from the page's load
to the results), raw and as compressed over the wire, and the time from the last keystroke to
the first result on screen. Targets (issue 5): at most 500 KB, within 1 s. Two queries: a word
in every synthetic briefing (the worst case: its index chunk is the largest) and a rare one.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

from corpus import write_corpus
from playwright.sync_api import Browser, Response, sync_playwright
from run import full_project

from browsing import CHROMIUM, CHROMIUM_ARGS
from serve import serve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument(
        "--query",
        action="append",
        help="queries to time, each in a fresh tab (default: a word in every briefing, the worst case, and a rare one)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-search-") as folder:
        corpus, root = Path(folder) / "corpus", Path(folder) / "site-project"
        write_corpus(corpus, args.size)
        full_project(root, corpus)
        started = time.perf_counter()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=root, env=env, check=True)
        print(f"built {args.size} briefings in {time.perf_counter() - started:.0f} s")
        with serve(root / "site") as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for query in args.query or ["development 4321", "4321"]:
                first_search(browser, base, query)
            # The search page loads every filter, for its counts: a shared address with a filter in use.
            for _ in range(3):
                search_page(browser, base, "search/?q=development&year=2019&sort=date")
            browser.close()


def first_search(browser: Browser, base: str, query: str) -> None:
    """A new reader (empty cache) opens the home page and searches for `query`."""
    context = browser.new_context()
    page = context.new_page()
    sizes: dict[str, tuple[int, int]] = {}

    def on_response(response: Response) -> None:
        if "/pagefind/" in response.url:
            body = response.body()
            # GitHub Pages compresses text files; Pagefind's own index files are compressed already.
            compressed = len(gzip.compress(body)) if response.url.endswith((".js", ".css", ".json")) else len(body)
            sizes[response.url] = (len(body), compressed)

    page.on("response", on_response)
    page.goto(base, wait_until="networkidle")
    box = page.locator("#bk-search input")
    box.click()
    box.type(query[:-1])
    page.wait_for_load_state("networkidle")
    typed = time.perf_counter()
    box.type(query[-1])
    page.locator(".pagefind-ui__result-link").first.wait_for(state="visible", timeout=10_000)
    latency = time.perf_counter() - typed
    page.wait_for_load_state("networkidle")
    count = page.locator(".pagefind-ui__result").count()
    context.close()
    raw = sum(size for size, _ in sizes.values())
    sent = sum(size for _, size in sizes.values())
    print(
        f"first search for {query!r}: {count} results shown {latency * 1000:.0f} ms after the last keystroke; "
        f"{raw / 1024:.0f} KB of files, {sent / 1024:.0f} KB over the wire compressed, in {len(sizes)} files "
        "(targets: 500 KB, 1 s)"
    )
    for url, (size, compressed) in sorted(sizes.items(), key=lambda item: -item[1][1])[:6]:
        print(f"  {size / 1024:7.1f} KB ({compressed / 1024:6.1f} KB compressed)  {url.split('/pagefind/')[1]}")


# Times read on the browser's own clock, from the start of navigation: when the status first
# reports results and when the first filter with its counts appears. The driver's own clock adds
# its round trips and polling (some 300 to 400 ms here), which a reader does not wait for.
WATCH_SEARCH_PAGE = """
new MutationObserver(function () {
  const status = document.getElementById("bk-find-status");
  const pane = document.getElementById("bk-find-filters");
  if (status && !window.bkResultsAt && /result/.test(status.textContent)) {
    window.bkResultsAt = performance.now();
  }
  if (pane && !window.bkCountsAt && pane.querySelector("fieldset")) {
    window.bkCountsAt = performance.now();
  }
}).observe(document, { childList: true, subtree: true, characterData: true });
"""


def search_page(browser: Browser, base: str, address: str) -> None:
    """A new reader opens a shared search page's address; the files and time until its results show."""
    context = browser.new_context()
    context.add_init_script(WATCH_SEARCH_PAGE)
    page = context.new_page()
    sizes: dict[str, int] = {}
    page.on(
        "response",
        lambda response: sizes.update({response.url: len(response.body())}) if "/pagefind/" in response.url else None,
    )
    started = time.perf_counter()
    page.goto(base + address)
    page.locator("#bk-find-status").filter(has_text="result").wait_for(timeout=20_000)
    latency = time.perf_counter() - started
    page.locator("#bk-find-filters fieldset").first.wait_for(timeout=20_000)
    counted = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    status = page.locator("#bk-find-status").inner_text()
    shown, counts = page.evaluate("[window.bkResultsAt, window.bkCountsAt]")
    context.close()
    print(
        f"search page /{address}: {status!r} shown {shown:.0f} ms after navigation began, the filters' "
        f"counts at {counts:.0f} ms (the browser's clock; target 1 s); the driver saw {latency * 1000:.0f} "
        f"and {counted * 1000:.0f} ms; {sum(sizes.values()) / 1024:.0f} KB of index files in {len(sizes)} files"
    )


if __name__ == "__main__":
    main()
