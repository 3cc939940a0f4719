"""The published JSON Schema agrees with the schema in code: what one accepts, the other accepts."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest

from briefkit.cli import main
from briefkit.content import strict_yaml
from briefkit.content.load import Layout, load_content
from briefkit.content.schema import BRIEFING_FIELDS, SOURCE_FIELDS
from briefkit.content.topics import load_topics
from briefkit.outputs.schema_json import json_schema

from conftest import TOPICS, briefing

if TYPE_CHECKING:
    from conftest import Project

EXAMPLES = [
    ("valid", briefing(extra="people: [Liang Hua]\ndraft: true\n"), True),
    ("valid with alias", briefing(topics="[5G]"), True),
    ("unknown field", briefing(extra="colour: red\n"), False),
    ("unknown topic", briefing(topics="[nope]"), False),
    ("no topics", briefing(topics="[]"), False),
    ("six topics", briefing(topics="[5g-security, us-china-trade, export-controls, 5G, a, b]"), False),
    ("summary too long", briefing(summary="x" * 301), False),
    ("bad date", briefing(date="14 May 2019"), False),
    ("draft as text", briefing(extra="draft: no\n"), False),
    ("title as list", briefing(title="[a]"), False),
    ("empty title", briefing(title='" "'), False),
    ("people as text", briefing(extra="people: Liang Hua\n"), False),
    ("source url scheme", briefing().replace("title: A report\n", "title: A report\n    url: ftp://x\n"), False),
    ("source typo", briefing().replace("title: A report\n", "title: A report\n    pubisher: x\n"), False),
]


def front_matter(text: str) -> Any:
    return strict_yaml.load(text.split("---\n")[1])


@pytest.mark.parametrize(("text", "valid"), [(t, v) for _, t, v in EXAMPLES], ids=[e[0] for e in EXAMPLES])
def test_the_json_schema_and_the_loader_agree(project: Project, text: str, valid: bool) -> None:
    topics, _ = load_topics(project.root / "briefings" / "topics.yml", "topics.yml")
    validator = jsonschema.Draft202012Validator(json_schema(topics))
    assert validator.is_valid(front_matter(text)) is valid
    project.add("2019/2019-05-14-x.md", text)
    content = load_content(Layout(project.root), today=date(2026, 11, 28))
    assert (content.errors == 0) is valid


def test_every_field_of_the_code_is_in_the_schema() -> None:
    schema = json_schema({})
    assert list(schema["properties"]) == [spec.name for spec in BRIEFING_FIELDS]
    assert schema["required"] == ["title", "date", "summary", "topics", "sources"]
    assert list(schema["properties"]["sources"]["items"]["properties"]) == [spec.name for spec in SOURCE_FIELDS]
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_site_serves_the_schema_the_command_prints(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.add("2019/2019-05-14-x.md", briefing())
    assert project.build().returncode == 0
    served = (project.root / "site" / "schema" / "briefing.json").read_text(encoding="utf-8")
    assert main(["--root", str(project.root), "schema"]) == 0
    assert capsys.readouterr().out == served
    assert "5g-security" in json.loads(served)["properties"]["topics"]["items"]["enum"]
    assert TOPICS  # the registry the project was made with
