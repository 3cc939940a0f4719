"""Each kind of bad front-matter gives one exact line: path, line, field, what is wrong, how to fix it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from briefkit.content.load import Layout, load_content
from briefkit.content.problems import Severity

from conftest import TODAY, briefing, stops_if_hung

if TYPE_CHECKING:
    from conftest import Project

FILE = "briefings/2019/2019-05-14-x.md"
SOURCE = "sources:\n  - publisher: R\n    title: T\n"
HEAD = "---\ntitle: t\ndate: 2019-05-14\nsummary: s\ntopics: [5g-security]\n"

CASES: list[tuple[str, str, list[str]]] = [
    (
        "duplicate key",
        briefing(extra="title: Again\n"),
        ["6: title: appears twice (also on line 2); keep one of them"],
    ),
    (
        "'no' is not false",
        briefing(extra="draft: no\n"),
        [
            "6: draft: expected true or false, got 'no'; write 'draft: true' or 'draft: false' "
            "(yes, no, on and off are not read as true or false)"
        ],
    ),
    (
        "missing closing ---",
        "---\ntitle: x\ndate: 2019-05-14\n\nbody\n",
        ["1: front-matter: has no closing '---' line; end the fields with a line of three hyphens"],
    ),
    (
        "no front-matter",
        "title: x\n",
        [
            "1: front-matter: does not start with a line of three hyphens (---); begin the file with ---, "
            "then the fields, then another --- line"
        ],
    ),
    (
        "byte-order mark",
        "\ufeff" + briefing(),
        ["1: file: starts with a byte-order mark (BOM); save the file as UTF-8 without BOM"],
    ),
    (
        "front-matter is a list",
        "---\n- title\n- date\n---\nbody\n",
        [
            "1: front-matter: is a list, not a set of 'field: value' lines; write one field per line, "
            "like 'title: Huawei offers no-spy deals'"
        ],
    ),
    (
        "front-matter is text",
        "---\njust text\n---\nbody\n",
        [
            "1: front-matter: is text, not a set of 'field: value' lines; write one field per line, "
            "like 'title: Huawei offers no-spy deals'"
        ],
    ),
    (
        "title of the wrong type",
        briefing(title="[a, b]"),
        ["2: title: expected text, got a list; write it like 'title: Huawei offers governments \"no-spy\" agreements'"],
    ),
    (
        "date that is not a date",
        briefing(date="14 May 2019"),
        ["3: date: '14 May 2019' is not a date; write it as YYYY-MM-DD, e.g. 'date: 2019-05-14'"],
    ),
    (
        "date that does not exist",
        briefing(date="2019-02-30"),
        ["3: date: '2019-02-30' is not a real day; write a date that exists, as YYYY-MM-DD"],
    ),
    (
        "date differing from the file name",
        briefing(date="2019-05-15"),
        ["3: date: 2019-05-15 differs from the date in the file name (2019-05-14); make them the same"],
    ),
    ("unknown field", briefing(extra="titel: x\n"), ["6: titel: unknown field; did you mean 'title'?"]),
    (
        "unknown field, nothing close",
        briefing(extra="colour: red\n"),
        [
            "6: colour: unknown field; the fields are title, date, summary, topics, sources, people, "
            "organizations, places, updated, updates, draft"
        ],
    ),
    (
        "unknown topic",
        briefing(topics="[5g-securty]"),
        [
            "5: topics[1]: unknown topic '5g-securty'; did you mean '5g-security'? (topics are listed in "
            "briefings/topics.yml)"
        ],
    ),
    (
        "topics as text",
        briefing(topics="5g-security"),
        ["5: topics: expected a list, got text; write it like 'topics: [5g-security, us-china-trade]'"],
    ),
    (
        "too many topics",
        briefing(topics="[5g-security, us-china-trade, export-controls, a, b, c]"),
        ["5: topics: has 6 topics, more than 5; keep the 5 that matter most"],
    ),
    (
        "missing title",
        "---\ndate: 2019-05-14\nsummary: s\ntopics: [5g-security]\n" + SOURCE + "---\nbody\n",
        ["1: title: is missing; add a line such as 'title: Huawei offers governments \"no-spy\" agreements'"],
    ),
    (
        "summary too long",
        briefing(summary="x" * 301),
        ["4: summary: is 301 characters long, more than 300; shorten it to one or two sentences"],
    ),
    (
        "title too long",
        briefing(title="Huawei " * 22),
        ["2: title: is 153 characters long, more than 150; shorten it to a few words"],
    ),
    (
        "no sources",
        HEAD + "sources: []\n---\nbody\n",
        ["6: sources: is empty; give at least one source, with 'publisher:' and 'title:'"],
    ),
    (
        "source with a bad url and a typo",
        HEAD + SOURCE + "    url: javascript:alert(1)\n    pubisher: x\n---\nbody\n",
        [
            "9: sources[1].url: 'javascript:alert(1)' is not an http or https URL; give a full address that "
            "starts with https://, or leave the url out",
            "10: sources[1].pubisher: unknown field; did you mean 'publisher'?",
        ],
    ),
    (
        "YAML syntax error",
        briefing(title="Huawei: a deal"),
        ["2: front-matter: YAML syntax error: ': ' inside a value; put the whole value in double quotes"],
    ),
    (
        "tab indentation",
        "---\ntitle: t\n\tdate: 2019-05-14\n---\nbody\n",
        ["3: front-matter: YAML syntax error: a tab character; indent with spaces, not tabs"],
    ),
    (
        "alias",
        briefing(extra="people: &p [A]\nplaces: *p\n"),
        ["7: front-matter: anchors and aliases (*name) are not allowed; write the value out in full"],
    ),
    (
        "anchor without an alias",
        briefing(summary="&a Huawei said it would sign no-spy agreements."),
        ["4: front-matter: anchors (&a) are not allowed; remove it, or put the whole value in double quotes"],
    ),
    (
        "update before the date",
        briefing(extra="updated: 2019-05-01\n"),
        ["6: updated: 2019-05-01 is before the date 2019-05-14; an update comes after the development"],
    ),
    (
        "level-1 heading in the body",
        briefing(body="# Title again\n\nText\n"),
        ["11: body: has a level-1 heading; the title is the page's only one, use '## ' for sections"],
    ),
    (
        "empty body",
        briefing(body=""),
        [
            "10: body: is empty; write the account below the front-matter, under the headings What happened, "
            "Why it matters, Background, What to watch"
        ],
    ),
    (
        "unclosed quote",
        briefing(title='"Huawei offers'),
        ["2: front-matter: YAML syntax error: a quote is not closed; end the value with the same quote it starts with"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in CASES], ids=[c[0] for c in CASES])
def test_each_kind_of_bad_front_matter_gives_one_exact_line(project: Project, text: str, expected: list[str]) -> None:
    project.add("2019/2019-05-14-x.md", text)
    content = load_content(Layout(project.root), today=TODAY)
    errors = [str(p) for p in content.problems if p.severity is Severity.ERROR]
    assert errors == [f"{FILE}:{line}" for line in expected]
    assert content.briefings == []


def test_a_valid_briefing_loads_with_yaml_surprises_kept_as_text(project: Project) -> None:
    project.add(
        "2019/2019-05-14-x.md",
        briefing(title="1.10", topics="[5G, us-china-trade]", extra="people: [Liang Hua]\nplaces: [Norway, 'no']\n"),
    )
    content = load_content(Layout(project.root), today=TODAY)
    assert [str(p) for p in content.problems if p.severity is Severity.ERROR] == []
    [loaded] = content.briefings
    assert loaded.title == "1.10"
    assert loaded.date == date(2019, 5, 14)
    assert loaded.topics == ("5g-security", "us-china-trade")  # an alias resolves to its key
    assert loaded.places == ("Norway", "no")
    assert loaded.key == "2019-05-14-x"


def test_every_problem_of_every_file_is_reported_at_once(project: Project) -> None:
    project.add("2019/2019-05-14-a.md", briefing(topics="[nope]", extra="draft: yes\n"))
    project.add("2019/2019-05-15-b.md", briefing(date="2019-05-15", summary="x" * 400))
    project.add("2019/notes.txt", "scratch")
    content = load_content(Layout(project.root), today=TODAY)
    assert [str(p) for p in content.problems if p.severity is Severity.ERROR] == [
        "briefings/2019/2019-05-14-a.md:5: topics[1]: unknown topic 'nope'; use a key from briefings/topics.yml, "
        "or add the topic there",
        "briefings/2019/2019-05-14-a.md:6: draft: expected true or false, got 'yes'; write 'draft: true' or "
        "'draft: false' (yes, no, on and off are not read as true or false)",
        "briefings/2019/2019-05-15-b.md:4: summary: is 400 characters long, more than 300; shorten it to one or "
        "two sentences",
        "briefings/2019/notes.txt:1: file: is not a briefing; briefings/ holds topics.yml and briefings as "
        "YYYY/YYYY-MM-DD-slug.md; move or remove this file",
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "2019/2019-5-14-x.md",
            "1: file: the name '2019-5-14-x.md' is not YYYY-MM-DD-slug.md; rename it like "
            "2019-05-14-huawei-offers-no-spy-deals.md (lowercase letters, digits, hyphens)",
        ),
        (
            "2019/2019-05-14-Huawei.md",
            "1: file: the name '2019-05-14-Huawei.md' is not YYYY-MM-DD-slug.md; rename "
            "it like 2019-05-14-huawei-offers-no-spy-deals.md (lowercase letters, digits, hyphens)",
        ),
        (
            "2018/2019-05-14-x.md",
            "1: file: is in the folder '2018' but dated 2019; move it to briefings/2019/",
        ),
    ],
)
def test_file_names_and_folders_are_checked(project: Project, name: str, message: str) -> None:
    project.add(name, briefing())
    content = load_content(Layout(project.root), today=TODAY)
    assert [str(p) for p in content.problems if p.severity is Severity.ERROR] == [f"briefings/{name}:{message}"]


def test_a_future_date_is_an_error_unless_draft(project: Project) -> None:
    project.add("2027/2027-01-01-x.md", briefing(date="2027-01-01"))
    project.add("2027/2027-01-02-y.md", briefing(date="2027-01-02", title="Other", extra="draft: true\n"))
    content = load_content(Layout(project.root), today=TODAY)
    assert [str(p) for p in content.problems if p.severity is Severity.ERROR] == [
        "briefings/2027/2027-01-01-x.md:3: date: 2027-01-01 is in the future; date a briefing on the day of the "
        "development, or mark it 'draft: true' until then"
    ]


def test_the_same_title_on_the_same_day_is_a_likely_double_submission(project: Project) -> None:
    project.add("2019/2019-05-14-a.md", briefing())
    project.add("2019/2019-05-14-b.md", briefing())
    content = load_content(Layout(project.root), today=TODAY)
    assert [str(p) for p in content.problems if p.severity is Severity.ERROR] == [
        "briefings/2019/2019-05-14-b.md:1: title: the same title on the same day as briefings/2019/2019-05-14-a.md, "
        "likely a double submission; remove one or retitle it"
    ]


def test_topic_registry_problems_have_lines(project: Project) -> None:
    (project.root / "briefings" / "topics.yml").write_text(
        "5g-security:\n  title: 5G security\n  descripton: x\nBad Key:\n  title: t\n  description: d\n"
        "trade:\n  title: Trade\n  description: d\n  aliases: [5G-Security]\n",
        encoding="utf-8",
    )
    content = load_content(Layout(project.root), today=TODAY)
    assert [str(p) for p in content.problems] == [
        "briefings/topics.yml:1: 5g-security.description: is missing; add a line '  description: ...' under the key",
        "briefings/topics.yml:3: 5g-security.descripton: unknown field; did you mean 'description'?",
        "briefings/topics.yml:4: Bad Key: is not a valid topic key; use lowercase letters, digits and hyphens, "
        "like 5g-security",
        "briefings/topics.yml:7: warning: trade: no briefing uses this topic yet; it gets no page until one does",
        "briefings/topics.yml:10: trade.aliases: '5G-Security' already names the topic '5g-security'",
    ]


def test_a_huge_file_is_refused_without_being_read(project: Project) -> None:
    path = project.add("2019/2019-05-14-x.md", briefing())
    with path.open("ab") as file:
        file.truncate(20_000_000_000)  # sparse: 20 GB on paper, nothing on disk; reading it would not end well
    with stops_if_hung():
        content = load_content(Layout(project.root), today=TODAY)
    assert [str(p) for p in content.problems if p.severity is Severity.ERROR] == [
        "briefings/2019/2019-05-14-x.md:1: file: is 20,000,000,000 bytes, more than 1,000,000; a briefing is short: "
        "split or trim it"
    ]


def test_an_alias_bomb_is_refused_at_once(project: Project) -> None:
    bomb = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 12))
    project.add("2019/2019-05-14-x.md", "---\nl0: &l0 [lol]\n" + bomb + "---\nbody\n")
    with stops_if_hung():  # expanded, the aliases would make 9**11 items
        content = load_content(Layout(project.root), today=TODAY)
    assert [str(p) for p in content.problems if p.severity is Severity.ERROR] == [
        "briefings/2019/2019-05-14-x.md:3: front-matter: anchors and aliases (*name) are not allowed; write the "
        "value out in full"
    ]


def test_two_briefings_with_one_address_cannot_both_load(project: Project) -> None:
    """A briefing's address is its file name, which lives in its year's folder; file names are lowercase.

    So two files with one address (or names differing only in case) always break a naming rule,
    and neither can silently replace the other.
    """
    project.add("2019/2019-05-14-x.md", briefing())
    project.add("2018/2019-05-14-x.md", briefing(title="Other"))
    project.add("2019/2019-05-14-X.md", briefing(title="Third"))
    content = load_content(Layout(project.root), today=TODAY)
    assert [str(p) for p in content.problems if p.severity is Severity.ERROR] == [
        "briefings/2018/2019-05-14-x.md:1: file: is in the folder '2018' but dated 2019; move it to briefings/2019/",
        "briefings/2019/2019-05-14-X.md:1: file: the name '2019-05-14-X.md' is not YYYY-MM-DD-slug.md; rename it "
        "like 2019-05-14-huawei-offers-no-spy-deals.md (lowercase letters, digits, hyphens)",
    ]


def test_a_plain_value_cut_at_a_comment_is_noted_with_its_line(project: Project) -> None:
    project.add("2019/2019-05-14-x.md", briefing(title="Reuters #1 wire reports", extra="people: [Liang Hua] # fine\n"))
    content = load_content(Layout(project.root), today=TODAY)
    assert [str(p) for p in content.problems if p.path.endswith("-x.md")] == [
        "briefings/2019/2019-05-14-x.md:2: warning: title: the value was read as 'Reuters': YAML takes ' #' and what "
        "follows as a comment; put the whole value in double quotes if the rest belongs to it"
    ]
    [loaded] = content.briefings  # a warning: the briefing still loads, as YAML read it
    assert loaded.title == "Reuters"
    quoted = briefing(title='"Reuters #1 wire reports"')
    project.add("2019/2019-05-14-x.md", quoted)
    content = load_content(Layout(project.root), today=TODAY)
    assert [p for p in content.problems if p.path.endswith("-x.md")] == []
    assert content.briefings[0].title == "Reuters #1 wire reports"


def test_a_name_given_two_kinds_is_noted_in_the_briefing_that_disagrees(project: Project) -> None:
    project.add("2019/2019-05-14-a.md", briefing(extra="organizations: [Spark]\n"))
    project.add("2019/2019-05-10-b.md", briefing(title="Older", date="2019-05-10", extra="places: [Spark]\n"))
    content = load_content(Layout(project.root), today=TODAY)
    assert [str(p) for p in content.problems if p.path.startswith("briefings/2019")] == [
        "briefings/2019/2019-05-10-b.md:6: warning: places: 'Spark' is listed under organizations in "
        "briefings/2019/2019-05-14-a.md, as the site shows it; list it under one kind everywhere, or give it a "
        "kind in briefings/names.yml"
    ]
    assert len(content.briefings) == 2
    from briefkit.catalog import Catalog  # noqa: PLC0415
    from briefkit.model import NameKind  # noqa: PLC0415

    assert Catalog(content.briefings, content.topics).name_kind["Spark"] is NameKind.ORGANIZATION
