"""Property-based tests: the loader never fails but with a clear problem; escaped text comes out as written."""

from __future__ import annotations

import html
from datetime import date
from html.parser import HTMLParser

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefkit.content.loader import Expectations, parse_briefing
from briefkit.content.problems import Problem
from briefkit.pages.escape import inline_text, meta_value

EXPECT = Expectations({"5g-security": "5g-security"}, date(2026, 11, 28))
PATH = "briefings/2019/2019-05-14-x.md"
EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc", "admonition"]

# Text a contributor could type: any character but controls and lone surrogates.
typed = st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=200)
yaml_ish = st.lists(
    st.sampled_from([*"ab: -[]{}&*!|>'\"#%@`,?\n\t\\<=~", "no", "yes", "1.10", "title", "date"]), max_size=120
).map("".join)


def check_outcome(result: tuple[object, list[Problem]]) -> None:
    briefing, problems = result
    assert (briefing is None) == bool(problems)
    for problem in problems:
        assert problem.path == PATH
        assert problem.line >= 1
        assert problem.field
        assert "; " in problem.message or problem.message.endswith("?"), problem.message


@given(st.binary(max_size=2000))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_bytes_give_problems_not_exceptions(raw: bytes) -> None:
    check_outcome(parse_briefing(raw, PATH, EXPECT))


@given(yaml_ish, yaml_ish)
@settings(max_examples=500)
def test_arbitrary_front_matter_gives_problems_not_exceptions(front: str, body: str) -> None:
    check_outcome(parse_briefing(f"---\n{front}\n---\n{body}".encode(), PATH, EXPECT))


@given(typed)
@settings(max_examples=300)
def test_arbitrary_field_values_give_problems_not_exceptions(value: str) -> None:
    text = (
        f"---\ntitle: {value}\ndate: 2019-05-14\nsummary: {value}\ntopics: [{value}]\npeople: [{value}]\n"
        f"sources:\n  - publisher: {value}\n    title: {value}\n---\n\n## What happened\n\n{value}\n"
    )
    check_outcome(parse_briefing(text.encode(), PATH, EXPECT))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def rendered(markdown_text: str) -> _Text:
    parser = _Text()
    parser.feed(markdown.markdown(markdown_text, extensions=EXTENSIONS))
    return parser


@given(typed)
@settings(max_examples=500)
def test_escaped_text_renders_as_itself(value: str) -> None:
    value = " ".join(value.split())  # values are loaded with whitespace collapsed
    if not value:
        return
    cases = [
        ("{}", "{}"),
        ("Before {} after", "Before {} after"),
        ("- [{}](page.md)", "{}"),
        ("# {}", "{}"),
        ("| {} |\n| --- |", "{}"),
    ]
    for template, shown in cases:
        page = rendered(template.format(inline_text(value)))
        # Isolates (FSI, PDI) may be added around a value: compare without them.
        text = "".join(page.text).strip().replace("\u2068", "").replace("\u2069", "")
        assert text == shown.format(value).replace("\u2068", "").replace("\u2069", "")
        assert set(page.tags) <= {"p", "ul", "li", "a", "h1", "table", "thead", "tr", "th", "tbody", "td"}


@given(typed)
@settings(max_examples=300)
def test_meta_values_read_back_as_escaped_text(value: str) -> None:
    assert yaml.safe_load(str(meta_value(value))) == html.escape(value, quote=False).replace('"', "&quot;")
