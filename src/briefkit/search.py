"""The site's search index, built with Pagefind after MkDocs has written the pages.

Pagefind splits its index into chunks and fragments, so a reader's first search downloads only
the parts it needs, however many pages the site has; Material's built-in search sends its whole
index (about 5 MB at 1,000 briefings) on the first search.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

BUNDLE = "pagefind"


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message says why."""


def index_site(site: Path) -> None:
    """Index the built site in `site` into `site/pagefind/`."""
    result = subprocess.run(
        # The headings' permalink signs (¶) would otherwise show in every result's headings.
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site),
            "--output-subdir",
            BUNDLE,
            "--quiet",
            "--exclude-selectors",
            ".headerlink",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError((result.stderr or result.stdout).strip()[-2000:])


def indexed_pages(site: Path) -> dict[str, dict[str, Any]]:
    """Every page in the search index, by URL path (like `/briefings/key/`), with what was indexed of it."""
    pages = {}
    for fragment in (site / BUNDLE / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        # Each fragment is a short signature, then the page's record as JSON.
        record = json.loads(data[data.index(b"{") :])
        pages[record["url"]] = record
    return pages


def indexed_urls(site: Path) -> set[str]:
    return set(indexed_pages(site))
