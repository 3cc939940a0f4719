"""For each kind of mistake in the contributor docs, the exact note `briefkit check --format github` puts on the diff."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefkit.cli import main
from briefkit.content.problems import Problem
from briefkit.pages.mistakes import MISTAKES, Mistake

if TYPE_CHECKING:
    from conftest import Project

EXPECTED = {
    "No `---` line before the fields": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=1,title=front-matter::does not start with a line of three hyphens (---); begin the file with ---, then the fields, then another --- line"
    ),
    "No `---` line after the fields": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=1,title=front-matter::has no closing '---' line; end the fields with a line of three hyphens"
    ),
    "Saved as UTF-8 with a byte-order mark": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=1,title=file::starts with a byte-order mark (BOM); save the file as UTF-8 without BOM"
    ),
    "A value containing `: ` without quotes": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=2,title=front-matter::YAML syntax error: ': ' inside a value; put the whole value in double quotes"
    ),
    "A tab used to indent": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=7,title=front-matter::YAML syntax error: a tab character; indent with spaces, not tabs"
    ),
    "Fields written as a list": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=1,title=front-matter::is a list, not a set of 'field: value' lines; write one field per line, like 'title: Huawei offers no-spy deals'"
    ),
    "A field given twice": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=6,title=title::appears twice (also on line 2); keep one of them"
    ),
    "A misspelt field": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=6,title=titel::unknown field; did you mean 'title'?"
    ),
    "A required field left out": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=1,title=summary::is missing; add a line such as 'summary: Huawei's chairman said the company would sign no-spy agreements with governments.'"
    ),
    "A required field left empty": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=4,title=summary::is empty; fill it in, like 'summary: Huawei's chairman said the company would sign no-spy agreements with governments.'"
    ),
    "A value starting with `[` without quotes": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=2,title=front-matter::YAML syntax error: this line does not fit the lines around it; check that the lines of one list or field are indented alike, and put values that start with [ or { in double quotes"
    ),
    "`yes` or `no` for draft": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=6,title=draft::expected true or false, got 'no'; write 'draft: true' or 'draft: false' (yes, no, on and off are not read as true or false)"
    ),
    "A date in another format": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=3,title=date::'14 May 2019' is not a date; write it as YYYY-MM-DD, e.g. 'date: 2019-05-14'"
    ),
    "A date that does not exist": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=3,title=date::'2019-02-30' is not a real day; write a date that exists, as YYYY-MM-DD"
    ),
    "A date that differs from the file name": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=3,title=date::2019-05-15 differs from the date in the file name (2019-05-14); make them the same"
    ),
    "A date in the future": (
        "::error file=briefings/2999/2999-01-01-huawei-no-spy.md,line=3,title=date::2999-01-01 is in the future; date a briefing on the day of the development, or mark it 'draft: true' until then"
    ),
    "`updated` before `date`": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=6,title=updated::2019-05-01 is before the date 2019-05-14; an update comes after the development"
    ),
    "An update dated before the briefing": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=7,title=updates[1].date::2019-05-01 is before the briefing's date 2019-05-14; an update comes after the development"
    ),
    "Updates out of date order": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=9,title=updates[2].date::2019-05-20 is listed after an update of 2019-06-03; list the updates oldest first"
    ),
    "`updated` earlier than the latest update": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=6,title=updated::2019-05-20 is before the latest update, of 2019-06-03; set it to 2019-06-03 or later, or remove it (the latest update then counts)"
    ),
    "A summary over 300 characters": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=4,title=summary::is 320 characters long, more than 300; shorten it to one or two sentences"
    ),
    "A topic that is not in the registry": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=5,title=topics[1]::unknown topic '5g-securty'; did you mean '5g-security'? (topics are listed in briefings/topics.yml)"
    ),
    "A topic written as text, not a list": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=5,title=topics::expected a list, got text; write it like 'topics: [5g-security, us-china-trade]'"
    ),
    "More than five topics": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=5,title=topics::has 6 topics, more than 5; keep the 5 that matter most"
    ),
    "No source": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=6,title=sources::is empty; give at least one source, with 'publisher:' and 'title:'"
    ),
    "A source address that is not a web address": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=9,title=sources[1].url::'www.reuters.com' is not an http or https URL; give a full address that starts with https://, or leave the url out"
    ),
    "A citation of an id no source has": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=14,title=body::cites '@reuters-nospy', which no source has as its id; did you mean '@reuters-no-spy'?"
    ),
    "Two sources with one id": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=10,title=sources[2].id::'reuters' is the id of source 1 too; give each source its own id"
    ),
    "A source `id` with capitals or spaces": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=7,title=sources[1].id::'Reuters 1' is not an id; use lowercase letters, digits and hyphens, like 'reuters-1'"
    ),
    "A YAML alias": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=7,title=front-matter::anchors and aliases (*name) are not allowed; write the value out in full"
    ),
    "A level-1 heading in the body": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=11,title=body::has a level-1 heading; the title is the page's only one, use '## ' for sections"
    ),
    "No body": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=10,title=body::is empty; write the account below the front-matter, under the headings What happened, Why it matters, Background, What to watch"
    ),
    "Headings with no text": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=10,title=body::has headings but no text; write the account under them"
    ),
    "A `<script>` (or `<iframe>`, `<style>`, `<form>`, ...) in the body": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=13,title=body::raw HTML <script> is not allowed; write Markdown instead"
    ),
    "An event attribute (`onclick=`, `onerror=`, ...) or `style=`": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=13,title=body::the attribute onclick on <abbr> is not allowed; remove it"
    ),
    "A link to a `javascript:`, `vbscript:` or `data:` address": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=13,title=body::a link to a javascript: address is not allowed; link only to http or https addresses"
    ),
    "An image from a `data:` address": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=13,title=body::a link to a data: address is not allowed; link only to http or https addresses"
    ),
    "An attribute list that sets attributes": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=14,title=body::an attribute list ({: ... }) may only give classes and ids; remove the rest"
    ),
    "A file over 1 MB": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=1,title=file::is 1,000,238 bytes, more than 1,000,000; a briefing is short: split or trim it"
    ),
    "Bytes that are not UTF-8": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=13,title=file::is not UTF-8 text; save the file with UTF-8 encoding"
    ),
    "A NUL byte": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=13,title=file::contains a NUL byte; remove it"
    ),
    "Nesting deeper than 20 levels": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=6,title=front-matter::nested more than 20 levels deep; a briefing needs three at most"
    ),
    "Front-matter over 64 KB": (
        "::error file=briefings/2019/2019-05-14-huawei-no-spy.md,line=1,title=front-matter::is 90,128 characters long, more than 64,000; keep the fields short and put the account in the body"
    ),
    "Capitals or spaces in the file name": (
        "::error file=briefings/2019/2019-05-14-Huawei No Spy.md,line=1,title=file::the name '2019-05-14-Huawei No Spy.md' is not YYYY-MM-DD-slug.md; rename it like 2019-05-14-huawei-offers-no-spy-deals.md (lowercase letters, digits, hyphens)"
    ),
    "The file in another year's folder": (
        "::error file=briefings/2018/2019-05-14-huawei-no-spy.md,line=1,title=file::is in the folder '2018' but dated 2019; move it to briefings/2019/"
    ),
}


def test_every_mistake_of_the_docs_has_an_expected_annotation() -> None:
    assert [mistake.name for mistake in MISTAKES] == list(EXPECTED)


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_the_annotation_on_the_pull_request(
    project: Project, mistake: Mistake, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project.root / mistake.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(mistake.raw)
    assert main(["--root", str(project.root), "check", "--format", "github", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [EXPECTED[mistake.name]]


def test_annotations_escape_what_would_end_the_command() -> None:
    problem = Problem("briefings/a,b:c.md", 3, "title", "50% of\nthe line")
    assert problem.github_annotation() == "::error file=briefings/a%2Cb%3Ac.md,line=3,title=title::50%25 of%0Athe line"


def test_without_paths_check_reports_registry_warnings_too(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(project.root), "check"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0] == (
        "briefings/topics.yml:1: warning: 5g-security: no briefing uses this topic yet; it gets no page until one does"
    )
    assert captured.err == "briefkit check: 0 briefings read, 0 errors, 3 warnings\n"
