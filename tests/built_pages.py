"""Reading built sites: every file's bytes, briefing links in order, a timeline, markup that would run,
and where MkDocs writes a page."""

from __future__ import annotations

import gzip
import html
import json
import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path


def files_of(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path relative to the site, with its bytes: two builds
    compared this way must match file for file and byte for byte."""
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def fragment_record(file: Path) -> dict[str, Any]:
    """What a Pagefind fragment file holds about its page (url, content, meta, filters): gzipped JSON
    after Pagefind's signature, read without briefkit's own reader."""
    data = gzip.decompress(file.read_bytes())
    return dict(json.loads(data[data.index(b"{") :]))


def output_of(page_path: str) -> str:
    """Where MkDocs writes the page of a Markdown file (`about.md` is `about/index.html`)."""
    stem = page_path.removesuffix(".md")
    return "index.html" if stem == "index" else stem.removesuffix("/index") + "/index.html"


def titles_in_order(page: str) -> list[str]:
    """The link texts of the briefing links of a page, in order."""
    return [html.unescape(t) for t in re.findall(r'<a href="[./]*briefings/[^"]+/">([^<]+)</a>', page)]


def timeline(page: str) -> str:
    """The timeline section of a topic's or name's page."""
    start = page.index('id="timeline"')
    end = page.find("<h2 ", start)
    return page[start : end if end != -1 else None]


class _LiveMarkup(HTMLParser):
    """Collects what would run or link in a page: event attributes, script URLs, stray elements.

    JSON-LD blocks are data, not code: they must parse as JSON, and may then hold any text.
    """

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._script: str | None = None
        self._data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._script = dict(attrs).get("type") or "text/javascript"
            self._data = []
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")
        if tag == "b" or (tag == "img" and dict(attrs).get("src") == "x"):
            self.found.append(f"<{tag}>")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._data.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self._script is None:
            return
        text = "".join(self._data)
        if self._script == "application/ld+json":
            json.loads(text)
        elif "alert(" in text:
            self.found.append(f"<script>{text[:80]}")
        self._script = None


def live_markup(page: str) -> list[str]:
    parser = _LiveMarkup()
    parser.feed(page)
    return parser.found
