"""`make bench-search`: a reader's first search on a 10,000-briefing site, in headless Chromium.

Builds the full site from the synthetic corpus (bench/corpus.py), serves it on 127.0.0.1, opens
the home page as a reader would, and types a query into the header's search box. It prints
the bytes the browser downloaded for search (everything under /pagefind/, from the first
keystroke's preparation to the results) and the time from the last keystroke to the first
result on screen. Targets (issue 5): at most 500 KB, within 1 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

from corpus import write_corpus
from playwright.sync_api import sync_playwright
from run import full_project

from serve import serve

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--query", default="development 4321")
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
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            sizes: dict[str, int] = {}

            def on_response(response: object) -> None:
                url = response.url  # type: ignore[attr-defined]
                if "/pagefind/" in url:
                    body = response.body()  # type: ignore[attr-defined]
                    sizes[url] = len(body)

            page.on("response", on_response)
            page.goto(base, wait_until="networkidle")
            box = page.locator("#bk-search input")
            box.click()
            box.type(args.query[:-1])
            page.wait_for_load_state("networkidle")
            typed = time.perf_counter()
            box.type(args.query[-1])
            page.locator(".pagefind-ui__result-link").first.wait_for(state="visible", timeout=10_000)
            latency = time.perf_counter() - typed
            page.wait_for_load_state("networkidle")
            count = page.locator(".pagefind-ui__result").count()
            browser.close()
        total = sum(sizes.values())
        print(
            f"first search for {args.query!r}: {count} results shown, {latency * 1000:.0f} ms after the last "
            f"keystroke; {total / 1024:.0f} KB downloaded for search in {len(sizes)} files (target: 500 KB, 1 s)"
        )
        for url, size in sorted(sizes.items(), key=lambda item: -item[1])[:8]:
            print(f"  {size / 1024:7.1f} KB  {url.split('/pagefind/')[1]}")


if __name__ == "__main__":
    main()
