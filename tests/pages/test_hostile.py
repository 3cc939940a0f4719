"""Hostile values in every field a briefing has: the site builds, and holds each value only as text."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import feedparser
import pytest

from built_pages import live_markup
from conftest import MKDOCS_YML, TOPICS, Project, briefing

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "x](javascript:alert(1))",
    "{{ config.site_name }} and {% raw %}",
    "*emphasis* _under_ **strong** [link](https://example.org) `code`",
    "\u202eevil\u202c right-to-left override",
    "A" * 10_000,
    "Emoji 🛰️📡 and en–dash — em-dash",
    "{: onclick=alert(1) } #heading |table|",
    "- a list? 1. or not",
]


def quoted(value: str) -> str:
    """The value as a YAML double-quoted string."""
    return json.dumps(value, ensure_ascii=False)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes.extend(value for _, value in attrs if value)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(page: str) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(page)
    return "".join(parser.parts).replace("\u2068", "").replace("\u2069", ""), parser.attributes


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = tmp_path_factory.mktemp("hostile") / "project"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Test\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "briefings").mkdir()
    (root / "briefings" / "topics.yml").write_text(TOPICS, encoding="utf-8")
    project = Project(root)
    for number, value in enumerate(HOSTILE):
        summary = value[:300]  # the format's limits: longer values are refused, and tested in test_loading
        title = value[:150]
        names = f"people: [{quoted(value)}]\norganizations: [{quoted(value[:50] + ' Org')}]\n"
        text = briefing(title=quoted(title), summary=quoted(summary), extra=names, date=f"2019-05-{number + 10:02d}")
        text = text.replace(
            "  - publisher: Reuters\n    title: A report\n",
            f'  - publisher: {quoted(value)}\n    title: {quoted(value)}\n    url: https://example.org/?q=a&b="c"\n',
        )
        project.add(f"2019/2019-05-{number + 10:02d}-hostile-{number}.md", text)
    build = project.build()
    assert build.returncode == 0, build.log
    return project


def test_no_page_has_live_markup(hostile_site: Project) -> None:
    for page in (hostile_site.root / "site").rglob("*.html"):
        assert live_markup(page.read_text(encoding="utf-8")) == [], page


@pytest.mark.parametrize("number", range(len(HOSTILE)))
def test_each_value_is_shown_as_itself(hostile_site: Project, number: int) -> None:
    value = HOSTILE[number]
    page = hostile_site.page(f"briefings/2019-05-{number + 10:02d}-hostile-{number}")
    text, attributes = text_of(page)
    [heading] = re.findall(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL)
    assert text_of(heading)[0].replace("¶", "") == value[:150]  # the title, whole
    if "\u202e" in value:  # isolated, so that it cannot reorder what follows it
        assert "\u2068\u202e" in heading
    assert text.count(value) >= 3  # title, source publisher and title, person
    assert f"{value[:50]} Org" in text
    summary = value if len(value) <= 300 else value[:300]
    assert html.unescape(re.search(r'<meta name="description" content="([^"]*)"', page).group(1)) == summary  # type: ignore[union-attr]
    assert 'https://example.org/?q=a&b="c"' in attributes
    for listing in ("topics/5g-security", "archive/2019", ""):
        assert value[:150] in text_of(hostile_site.page(listing))[0]


def test_feeds_and_open_data_hold_each_value_as_text(hostile_site: Project) -> None:
    site = hostile_site.root / "site"
    records = json.loads((site / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    by_key = {record["key"]: record for record in records}
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo
    titles = {entry.link.rstrip("/").rsplit("/", 1)[-1]: entry.title for entry in feed.entries}
    for number, value in enumerate(HOSTILE):
        key = f"2019-05-{number + 10:02d}-hostile-{number}"
        assert by_key[key]["title"] == value[:150]
        assert by_key[key]["people"] == [value]
        assert by_key[key]["sources"][0]["publisher"] == value
        assert titles[key] == value[:150]
