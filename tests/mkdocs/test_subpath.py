"""A project site on GitHub Pages lives under /REPO/: every link and asset must resolve there."""

from __future__ import annotations

import urllib.error
import urllib.request
from html.parser import HTMLParser
from typing import TYPE_CHECKING
from urllib.parse import urldefrag, urljoin

from conftest import briefing
from serve import serve

if TYPE_CHECKING:
    from conftest import Project


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "src" or (name == "href" and tag in ("a", "link"))):
                self.links.append(value)


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return error.code, b"", ""


def crawl(base: str) -> tuple[int, list[str]]:
    """Visit every page reachable from `base`; return how many, and every link that does not answer 200."""
    seen: set[str] = set()
    queue = [base]
    failures: list[str] = []
    pages = 0
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, body, kind = fetch(url)
        if status != 200:
            failures.append(f"{url}: {status}")
            continue
        if kind != "text/html":
            continue
        pages += 1
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.links:
            target = urldefrag(urljoin(url, link)).url
            if target.startswith(base) and target not in seen:
                queue.append(target)
            elif target.startswith("http://127.0.0.1") and not target.startswith(base):
                failures.append(f"{url}: {link} leaves the /repo/ prefix")
    return pages, failures


def test_a_project_site_resolves_under_its_sub_path(repo_copy: Project) -> None:
    repo_copy.add("2019/2019-05-14-x.md", briefing(topics="[5g-security, us-china-trade]"))
    build = repo_copy.build(env={"SITE_URL": "https://owner.github.io/repo/"})
    assert build.returncode == 0, build.log
    assert "<loc>https://owner.github.io/repo/briefings/2019-05-14-x/</loc>" in (build.site / "sitemap.xml").read_text(
        encoding="utf-8"
    )
    with serve(build.site, "/repo/") as base:
        pages, failures = crawl(base)
        assert fetch(base.replace("/repo/", "/"))[0] == 404  # the server really is prefix-only
    assert failures == []
    assert pages >= len(list(build.site.rglob("index.html"))) - 1  # every page but 404.html is reachable
