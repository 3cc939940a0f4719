"""Walks a built site and checks that every internal link and anchor resolves."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


@dataclass
class Parsed:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parsed = Parsed()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.parsed.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.parsed.ids.add(values["name"] or "")
        for attribute in ("href", "src"):
            if tag in ("a", "link", "img", "script") and values.get(attribute):
                self.parsed.links.append(values[attribute] or "")


def parse(path: Path) -> Parsed:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.parsed


def broken_links(site: Path, base_url: str = "https://example.org/") -> list[str]:
    """Every internal href or src in `site` that points at no file, or at no anchor in its page.

    `base_url` is the site's `site_url`: absolute links under it count as internal.
    """
    base_path = urlsplit(base_url).path
    cache: dict[Path, Parsed] = {}
    broken: list[str] = []
    for page in sorted(site.rglob("*.html")):
        parsed = cache.setdefault(page, parse(page))
        page_url = base_url + page.relative_to(site).as_posix()
        for link in parsed.links:
            absolute = urljoin(page_url, link)
            parts = urlsplit(absolute)
            if not absolute.startswith(base_url.rstrip("/")) or parts.scheme not in ("http", "https"):
                continue
            relative = unquote(parts.path)[len(base_path) :]
            target = site / relative
            if relative == "" or relative.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {link} -> no file {relative or '/'}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = cache.setdefault(target, parse(target)).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)}: {link} -> no anchor #{parts.fragment}")
    return broken
