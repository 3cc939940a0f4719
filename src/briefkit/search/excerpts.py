"""What Pagefind reads of each page: the indexed element, without the navigation written around it.

Pagefind indexes only the element marked `data-pagefind-body` (`--root-selector`), but it reads
and parses the whole page to find it: Material's header, tabs and navigation come first, and take
Pagefind a third of its processor time. So when briefkit's hook is the only plugin (no other one
could change a page after it is rendered), each page, as it is written, is also written to a
folder of excerpts: the page's `<html>` tag (Pagefind reads the language from it), then everything
from the indexed element to the end. Pagefind indexes that folder into the site's; pages written
by no event of a page's (the theme's 404 page, HTML files of the docs) are linked there whole.

Pagefind finds in an excerpt exactly what it finds in the page: the same element, metadata,
filters, anchors and language. The tests build a site both ways and compare the index's files
byte for byte.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

MARK = "<div data-pagefind-body>"
"""How the theme (docs/overrides/main.html) opens the indexed element."""
HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)


def excerpt(page: str) -> str:
    """What Pagefind needs of `page`; the page itself when it has no indexed element."""
    start = page.find(MARK)
    tag = HTML_TAG.search(page, 0, start) if start >= 0 else None
    if tag is None:
        return page
    return f"{tag[0]}<body>{page[start:]}"


class Excerpts:
    """A folder of the site's pages as Pagefind needs them, by their paths in the site."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="briefkit-excerpts-"))
        self.whole = 0
        """Pages linked whole by `complete`."""

    def write(self, dest_uri: str, page: str) -> None:
        path = self.folder / dest_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(excerpt(page), encoding="utf-8")

    def complete(self, site: Path, pages: list[str]) -> Path:
        """The folder, holding `pages` (paths in `site`) and nothing else: a page written by no
        page's event is linked whole."""
        wanted = set(pages)
        for folder, _, names in os.walk(self.folder):
            for name in names:
                path = Path(folder, name)
                if path.relative_to(self.folder).as_posix() not in wanted:
                    path.unlink()
        for page in pages:
            path = self.folder / page
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                self.whole += 1
                try:
                    os.link(site / page, path)
                except OSError:  # another file system, or no hard links
                    shutil.copyfile(site / page, path)
        return self.folder

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
