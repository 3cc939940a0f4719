"""briefkit.pages.escape, value by value: what a stranger's text becomes before it reaches a page."""

from __future__ import annotations

import pytest

from briefkit.pages.escape import code, inline_text, meta_value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # A line break inside a value would end a table row or a list item: it becomes a space.
        ("a\nb", "a b"),
        ("a\rb", "a b"),
        ("a\u2028b", "a b"),
        ("a\u2029b", "a b"),
        # At the start of a line these would begin a list; the marker is written as a reference.
        ("- Huawei", "&#45; Huawei"),
        ("1. Huawei", "1&#46; Huawei"),
        ("12) Huawei", "12&#41; Huawei"),
        ("2019.", "2019&#46;"),
        # Not a list marker: left as it is.
        ("5G security", "5G security"),
        ("2019 saw", "2019 saw"),
        ("-Huawei", "-Huawei"),
        # Markdown and HTML punctuation, each as its numeric reference.
        ("<b>&", "&#60;b&#62;&#38;"),
        ("[x](y)", "&#91;x&#93;&#40;y&#41;"),
    ],
)
def test_a_value_comes_out_as_written(value: str, expected: str) -> None:
    assert inline_text(value) == expected


def test_bidirectional_controls_are_isolated() -> None:
    assert inline_text("a\u202eb") == "\u2068a\u202eb\u2069"


def test_code_is_an_element_around_the_escaped_text() -> None:
    assert code("a<b") == "<code>a&#60;b</code>"


def test_a_meta_value_is_quoted_and_escaped_for_html() -> None:
    assert meta_value('A "quoted" <title> & more') == '"A &quot;quoted&quot; &lt;title&gt; &amp; more"'
