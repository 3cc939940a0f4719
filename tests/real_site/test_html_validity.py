"""Every page of the real site is valid HTML to the W3C's own checker, but for the theme's listed markup.

The Nu HTML Checker (npm's `vnu-jar`, run offline with Java) reads every page of one build. Its
errors in markup that Material for MkDocs writes, and the project cannot mend from its overrides,
are listed in `THEME_MARKUP` with the reason: any other error fails, and so does a listed one that
no longer occurs (the list stays exactly what the theme does).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from typing import TYPE_CHECKING, NamedTuple

import pytest

from conftest import REPO

if TYPE_CHECKING:
    from pathlib import Path

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


class ThemeMarkup(NamedTuple):
    message: str
    marker: str
    """A piece of the markup the checker quotes, which says whose it is."""
    reason: str


THEME_MARKUP = [
    ThemeMarkup(
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
        "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, "
        "or “week”.",
        'type="checkbox" id="__',
        'Material\'s base.html gives its drawer and search toggles autocomplete="off" (so that Firefox does '
        "not restore them open); they sit outside every template block, so an override would copy base.html.",
    ),
    ThemeMarkup(
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
        'for="__toc"',
        "Material's partials/toc.html labels the table of contents for a toggle that only pages in the "
        "navigation have; generated pages are kept out of it so that their size does not grow with the site.",
    ),
    ThemeMarkup(
        "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
        'tabindex=""',
        "Material's partials/nav-item.html writes an empty tabindex on a section's label; mending it means "
        "copying the theme's largest partial.",
    ),
]


def java() -> str:
    found = shutil.which("java")
    if found and VNU.exists():
        return found
    missing = "java" if not found else f"{VNU} (make node_modules/.installed)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{missing} is missing: CI must check the HTML (.ci/run installs Java)")
    pytest.skip(f"{missing} is missing: apt-get install default-jre-headless to check the HTML")


def errors(site: Path) -> list[dict[str, str]]:
    """The Nu HTML Checker's errors over every HTML file of `site`."""
    result = subprocess.run(
        [java(), "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    report = json.loads(result.stderr)  # the checker writes its JSON report to standard error
    return [m for m in report["messages"] if m["type"] == "error" or m.get("subType") == "fatal"]


def theme_markup(error: dict[str, str]) -> ThemeMarkup | None:
    for known in THEME_MARKUP:
        if error["message"] == known.message and known.marker in error.get("extract", ""):
            return known
    return None


def test_every_page_is_valid_html_but_for_the_listed_theme_markup(site_dir: Path) -> None:
    found = errors(site_dir)
    ours = [
        f"{e['url'].removeprefix('file:' + str(site_dir))}:{e.get('lastLine')}: {e['message']} {e.get('extract', '')!r}"
        for e in found
        if theme_markup(e) is None
    ]
    assert ours == []
    assert {theme_markup(e) for e in found} == set(THEME_MARKUP)


def test_the_checker_reports_invalid_markup(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        '<!doctype html><html lang="en"><title>t</title><p><a href="x" href="y">a</a></p><span><div></div></span>',
        encoding="utf-8",
    )
    assert [e["message"] for e in errors(tmp_path)] == [
        "Duplicate attribute “href”.",
        "Element “div” not allowed as child of element “span” in this context. (Suppressing further errors "
        "from this subtree.)",
    ]
