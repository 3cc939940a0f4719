"""Reading briefing files into `Briefing` values, with every problem reported, none raised.

The checks here concern one file at a time: its bytes, its name, its front-matter and its body.
Checks across files (two briefings with one URL, ...) live in `briefkit.crosschecks`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from frontmatter.default_handlers import YAMLHandler

from briefkit.content import strict_yaml
from briefkit.content.body_policy import body_problems
from briefkit.content.citations import citation_problems
from briefkit.content.markdown_lines import in_fences
from briefkit.content.problems import Problem, Severity
from briefkit.content.schema import BRIEFING_FIELDS, FieldChecker, describe
from briefkit.content.strict_yaml import LineDict, LineList
from briefkit.model import Briefing, Source, Update

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

MAX_FILE_BYTES = 1_000_000
MAX_FRONT_MATTER_CHARS = 64_000
FILE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
_H1 = re.compile(r"^\s{0,3}#(?:\s|$)")
_SETEXT_H1 = re.compile(r"^\s{0,3}=+\s*$")


class StrictYAMLHandler(YAMLHandler):
    """python-frontmatter's YAML handler, made exact and strict.

    Only a line of exactly three hyphens opens or closes the front-matter, and the YAML is read
    by `briefkit.content.strict_yaml`, so lines stay countable and YAML's surprises become errors.
    """

    FM_BOUNDARY = re.compile(r"^---[ \t]*$", re.MULTILINE)

    def __init__(self) -> None:
        super().__init__()
        self.notes: list[tuple[int, str]] = []
        """Likely mistakes found while reading (0-based line, message), reported as warnings."""

    def load(self, fm: str, line_offset: int = 0) -> Any:  # type: ignore[override]
        return strict_yaml.load(fm, line_offset, self.notes)


@dataclass(frozen=True)
class Expectations:
    """What the rest of the project tells us a file must agree with."""

    topic_spellings: Mapping[str, str]
    today: date


def read_briefing(file: Path, shown_path: str, expect: Expectations) -> tuple[Briefing | None, list[Problem]]:
    """The briefing in `file`, or None, and every problem found in it.

    `shown_path` is how messages name the file (relative to the project, forward slashes).
    """
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:  # known before reading, so a huge file costs no memory
        return None, [_too_large(shown_path, size)]
    return parse_briefing(file.read_bytes(), shown_path, expect)


def _too_large(shown_path: str, size: int) -> Problem:
    message = f"is {size:,} bytes, more than {MAX_FILE_BYTES:,}; a briefing is short: split or trim it"
    return Problem(shown_path, 1, "file", message)


def parse_briefing(raw: bytes, shown_path: str, expect: Expectations) -> tuple[Briefing | None, list[Problem]]:
    """The briefing in `raw`, the bytes of the file `shown_path` (whose name and folder are checked too)."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [_too_large(shown_path, len(raw))]
    problems: list[Problem] = []

    def report(line: int, field: str, message: str) -> None:
        problems.append(Problem(shown_path, line, field, message))

    file = PurePosixPath(shown_path)
    match = FILE_NAME.match(file.name)
    name_date: date | None = None
    if not match:
        report(
            1,
            "file",
            f"the name '{file.name}' is not YYYY-MM-DD-slug.md; rename it like "
            "2019-05-14-huawei-offers-no-spy-deals.md (lowercase letters, digits, hyphens)",
        )
    else:
        try:
            name_date = date.fromisoformat(match.group(1))
        except ValueError:
            report(
                1,
                "file",
                f"the name starts with '{match.group(1)}', which is not a real day; rename the file",
            )
        if name_date is not None and file.parent.name != str(name_date.year):
            report(
                1,
                "file",
                f"is in the folder '{file.parent.name}' but dated {name_date.year}; "
                f"move it to briefings/{name_date.year}/",
            )

    text = _decode(raw, report)
    if text is None:
        return None, problems
    handler = StrictYAMLHandler()
    if not handler.FM_BOUNDARY.match(text.split("\n", 1)[0]):
        report(
            1,
            "front-matter",
            "does not start with a line of three hyphens (---); begin the file with ---, then the fields, "
            "then another --- line",
        )
        return None, problems
    parts = handler.FM_BOUNDARY.split(text, 2)
    if len(parts) < 3:
        report(1, "front-matter", "has no closing '---' line; end the fields with a line of three hyphens")
        return None, problems
    _, fm_text, content = parts
    body_line = fm_text.count("\n") + 2
    if len(fm_text) > MAX_FRONT_MATTER_CHARS:
        report(
            1,
            "front-matter",
            f"is {len(fm_text):,} characters long, more than {MAX_FRONT_MATTER_CHARS:,}; "
            "keep the fields short and put the account in the body",
        )
        return None, problems
    try:
        data = handler.load(fm_text, line_offset=0)
    except strict_yaml.StrictYAMLError as error:
        report(error.line + 1, error.field, error.message)
        return None, problems
    if not isinstance(data, LineDict):
        report(
            1,
            "front-matter",
            f"is {describe(data)}, not a set of 'field: value' lines; write one field per "
            "line, like 'title: Huawei offers no-spy deals'",
        )
        return None, problems

    for line, message in handler.notes:
        problems.append(Problem(shown_path, line + 1, _key_at(fm_text, line), message, Severity.WARNING))
    checker = FieldChecker(shown_path, 1, expect.topic_spellings, problems)
    values = checker.check_mapping(data, BRIEFING_FIELDS, missing_line=1)
    body = content.removeprefix("\n")
    _check_body(body, body_line, report)
    if "sources" in values:
        problems += _citation_problems(shown_path, body, body_line, values["sources"], data)
    _check_dates(values, data, name_date, expect.today, report)
    if any(problem.severity is Severity.ERROR for problem in problems) or match is None:
        return None, problems
    updates = tuple(
        Update(entry["date"], entry["note"], entry.get("correction", False)) for entry in values.get("updates", ())
    )
    briefing = Briefing(
        key=file.stem,
        path=shown_path,
        title=values["title"],
        date=values["date"],
        summary=values["summary"],
        topics=values["topics"],
        sources=tuple(Source(**source) for source in values["sources"]),
        body=body,
        body_line=body_line,
        people=values.get("people", ()),
        organizations=values.get("organizations", ()),
        places=values.get("places", ()),
        updated=values.get("updated") or max((update.date for update in updates), default=None),
        updates=updates,
        draft=values.get("draft", False),
        name_lines=_name_lines(data),
    )
    return briefing, problems


def _key_at(fm_text: str, line: int) -> str:
    """The field a front-matter line gives a value to, as messages name it (`title`), or `front-matter`."""
    lines = fm_text.split("\n")
    for number in range(min(line, len(lines) - 1), -1, -1):
        key = re.match(r"^([A-Za-z_][\w-]*):", lines[number])
        if key:
            return key.group(1)
    return "front-matter"


def _name_lines(data: LineDict) -> dict[str, int]:
    lines: dict[str, int] = {}
    for kind in ("people", "organizations", "places"):
        items = data.get(kind)
        if isinstance(items, LineList):
            for item, line in zip(items, items.item_lines, strict=True):
                if isinstance(item, str):
                    lines.setdefault(" ".join(item.split()), line + 1)
    return lines


def _decode(raw: bytes, report: Any) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        report(1, "file", "starts with a byte-order mark (BOM); save the file as UTF-8 without BOM")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        report(line, "file", "is not UTF-8 text; save the file with UTF-8 encoding")
        return None
    if "\x00" in text:
        report(text[: text.index("\x00")].count("\n") + 1, "file", "contains a NUL byte; remove it")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_body(body: str, body_line: int, report: Any) -> None:
    if not body.strip():
        report(
            body_line,
            "body",
            "is empty; write the account below the front-matter, under the headings "
            "What happened, Why it matters, Background, What to watch",
        )
        return
    if all(not line.strip() or line.lstrip().startswith("#") for line in body.split("\n")):
        report(body_line, "body", "has headings but no text; write the account under them")
        return
    for offset, message in body_problems(body):
        report(body_line + offset, "body", message)
    lines = body.split("\n")
    previous = ""
    for offset, (line, code) in enumerate(zip(lines, in_fences(lines), strict=True)):
        if not code and (_H1.match(line) or (_SETEXT_H1.match(line) and previous.strip())):
            report(
                body_line + offset,
                "body",
                "has a level-1 heading; the title is the page's only one, use '## ' for sections",
            )
        previous = "" if code else line


def _citation_problems(
    shown_path: str, body: str, body_line: int, sources: list[dict[str, Any]], data: LineDict
) -> list[Problem]:
    """Each citation must name a source's id; each source with an id should be cited (a warning)."""
    ids = [source.get("id") for source in sources]
    found, cited = citation_problems(body, ids)
    problems = [Problem(shown_path, body_line + offset, "body", message) for offset, message in found]
    items = data.get("sources")
    for index, source_id in enumerate(ids):
        if source_id is not None and source_id not in cited and isinstance(items, LineList):
            item = items[index]
            line = item.key_lines["id"] + 1 if isinstance(item, LineDict) and "id" in item.key_lines else 1
            problems.append(
                Problem(
                    shown_path,
                    line,
                    f"sources[{index + 1}].id",
                    f"'{source_id}' is never cited; cite it as [@{source_id}] where the text uses it, or remove the id",
                    Severity.WARNING,
                )
            )
    return problems


def _check_dates(values: dict[str, Any], data: LineDict, name_date: date | None, today: date, report: Any) -> None:
    day = values.get("date")
    line = data.key_lines.get("date", 0) + 1
    if day is not None and name_date is not None and day != name_date:
        report(
            line,
            "date",
            f"{day.isoformat()} differs from the date in the file name ({name_date.isoformat()}); make them the same",
        )
    if day is not None and day > today and not values.get("draft", False):
        report(
            line,
            "date",
            f"{day.isoformat()} is in the future; date a briefing on the day of the "
            "development, or mark it 'draft: true' until then",
        )
    updated = values.get("updated")
    if day is not None and updated is not None and updated < day:
        report(
            data.key_lines.get("updated", 0) + 1,
            "updated",
            f"{updated.isoformat()} is before the date {day.isoformat()}; an update comes after the development",
        )
    _check_update_dates(values, data, today, report)


def _check_update_dates(values: dict[str, Any], data: LineDict, today: date, report: Any) -> None:
    """Each update after the briefing's date and not in the future, in date order; `updated` not before the last."""
    day, updated = values.get("date"), values.get("updated")
    entries = values.get("updates", [])
    previous: date | None = None
    for number, entry in enumerate(entries, 1):
        when, line, field = entry["date"], entry["line"], f"updates[{number}].date"
        if day is not None and when < day:
            report(
                line,
                field,
                f"{when.isoformat()} is before the briefing's date {day.isoformat()}; "
                "an update comes after the development",
            )
        elif when > today:
            report(line, field, f"{when.isoformat()} is in the future; date an update on the day it is made")
        elif previous is not None and when < previous:
            report(
                line,
                field,
                f"{when.isoformat()} is listed after an update of {previous.isoformat()}; "
                "list the updates oldest first",
            )
        previous = when if previous is None else max(previous, when)
    latest = max((entry["date"] for entry in entries), default=None)
    if updated is not None and latest is not None and updated < latest:
        report(
            data.key_lines.get("updated", 0) + 1,
            "updated",
            f"{updated.isoformat()} is before the latest update, of {latest.isoformat()}; "
            f"set it to {latest.isoformat()} or later, or remove it (the latest update then counts)",
        )
