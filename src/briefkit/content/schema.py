"""The checks that follow from the front-matter's schema: each field's value checked against its
declaration in `briefkit.content.fields`, every problem collected with its line.

The validator, the contributor docs (field reference) and the published JSON Schema (`briefkit
schema`) are all derived from the same declarations, so they cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from briefkit.content.citations import SOURCE_ID
from briefkit.content.fields import (
    BRIEFING_FIELDS,
    FIELD_NAMES,
    SOURCE_FIELDS,
    UPDATE_FIELDS,
    FieldSpec,
)
from briefkit.content.problems import Problem, did_you_mean
from briefkit.content.strict_yaml import LineDict, LineList

if TYPE_CHECKING:
    from collections.abc import Mapping

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PLAIN_NAME = re.compile(r"^[\w-]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class FieldChecker:
    """Checks one file's front-matter values against the schema, collecting problems."""

    path: str
    first_line: int
    """The file line (1-based) of the front-matter's first line."""
    topic_keys: Mapping[str, str]
    """Every accepted spelling of a topic (its key and its aliases) mapped to its key."""
    problems: list[Problem]

    def line_of(self, container: Any, key: str | int | None = None) -> int:
        if isinstance(container, LineDict) and isinstance(key, str) and key in container.key_lines:
            return container.key_lines[key] + self.first_line
        if isinstance(container, LineList) and isinstance(key, int) and key < len(container.item_lines):
            return container.item_lines[key] + self.first_line
        line = getattr(container, "line", None)
        return line + self.first_line if isinstance(line, int) else self.first_line - 1

    def report(self, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, field, message))

    def check_mapping(
        self, data: LineDict, specs: tuple[FieldSpec, ...], prefix: str = "", missing_line: int | None = None
    ) -> dict[str, Any]:
        """Values of the known fields, checked; a problem for each unknown or missing one."""
        known = {spec.name: spec for spec in specs}
        values: dict[str, Any] = {}
        for name in data:
            if name not in known:
                hint = did_you_mean(name, known) if name else ""
                self.report(
                    self.line_of(data, name),
                    f"{prefix}{name}" if _PLAIN_NAME.match(name) else f"{prefix}{name!r}",
                    f"unknown field;{hint}" if hint else f"unknown field; the fields are {', '.join(known)}",
                )
        for spec in specs:
            if spec.name not in data or data[spec.name] is None:
                example = spec.example.splitlines()[0]
                if spec.required and spec.name in data:
                    self.report(
                        self.line_of(data, spec.name), f"{prefix}{spec.name}", f"is empty; fill it in, like '{example}'"
                    )
                elif spec.required:
                    where = missing_line if missing_line is not None else self.line_of(data)
                    self.report(where, f"{prefix}{spec.name}", f"is missing; add a line such as '{example}'")
                continue
            value = self.check_value(spec, data[spec.name], self.line_of(data, spec.name), f"{prefix}{spec.name}")
            if value is not None:
                values[spec.name] = value
        return values

    def check_value(self, spec: FieldSpec, raw: Any, line: int, field: str) -> Any:
        checker = getattr(self, f"_check_{spec.kind}")
        return checker(spec, raw, line, field)

    def _type_error(self, spec: FieldSpec, raw: Any, line: int, field: str, expected: str) -> None:
        example = spec.example.splitlines()[0]
        self.report(line, field, f"expected {expected}, got {describe(raw)}; write it like '{example}'")

    def _check_text(self, spec: FieldSpec, raw: Any, line: int, field: str) -> str | None:
        if not isinstance(raw, str):
            self._type_error(spec, raw, line, field, "text")
            return None
        text = " ".join(raw.split())
        if not text:
            self.report(line, field, f"is empty; write it like '{spec.example.splitlines()[0]}'")
            return None
        if _CONTROL.search(text):
            self.report(line, field, "contains a control character; remove it (retype the line if unsure)")
            return None
        if spec.max_length is not None and len(text) > spec.max_length:
            self.report(
                line,
                field,
                f"is {len(text)} characters long, more than {spec.max_length}; "
                + ("shorten it to a few words" if spec.name == "title" else "shorten it to one or two sentences"),
            )
            return None
        return text

    def _check_date(self, spec: FieldSpec, raw: Any, line: int, field: str) -> date | None:
        if isinstance(raw, str) and _DATE.match(raw.strip()):
            try:
                return date.fromisoformat(raw.strip())
            except ValueError:
                pass
            self.report(line, field, f"'{raw.strip()}' is not a real day; write a date that exists, as YYYY-MM-DD")
            return None
        shown = f"'{raw}'" if isinstance(raw, str) else describe(raw)
        self.report(line, field, f"{shown} is not a date; write it as YYYY-MM-DD, e.g. '{spec.example}'")
        return None

    def _check_boolean(self, spec: FieldSpec, raw: Any, line: int, field: str) -> bool | None:
        if isinstance(raw, bool):
            return raw
        shown = f"'{raw}'" if isinstance(raw, str) else describe(raw)
        self.report(
            line,
            field,
            f"expected true or false, got {shown}; write '{spec.name}: true' or "
            f"'{spec.name}: false' (yes, no, on and off are not read as true or false)",
        )
        return None

    def _check_url(self, spec: FieldSpec, raw: Any, line: int, field: str) -> str | None:
        text = self._check_text(spec, raw, line, field)
        if text is None:
            return None
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
            self.report(
                line,
                field,
                f"'{text}' is not an http or https URL; give a full address that starts "
                "with https://, or leave the url out",
            )
            return None
        return text

    def _check_id(self, spec: FieldSpec, raw: Any, line: int, field: str) -> str | None:
        text = self._check_text(spec, raw, line, field)
        if text is None:
            return None
        if not SOURCE_ID.match(text):
            suggestion = "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "reuters-no-spy"
            self.report(
                line,
                field,
                f"'{text}' is not an id; use lowercase letters, digits and hyphens, like '{suggestion}'",
            )
            return None
        return text

    def _items(self, spec: FieldSpec, raw: Any, line: int, field: str) -> LineList | None:
        if isinstance(raw, str):
            self.report(line, field, f"expected a list, got text; write it like '{spec.example.splitlines()[0]}'")
            return None
        if not isinstance(raw, LineList):
            self._type_error(spec, raw, line, field, "a list")
            return None
        if len(raw) < spec.min_items:
            what = "one source, with 'publisher:' and 'title:'" if spec.kind == "sources" else "one"
            self.report(line, field, f"is empty; give at least {what}")
            return None
        if spec.max_items is not None and len(raw) > spec.max_items:
            self.report(
                line,
                field,
                f"has {len(raw)} {spec.name}, more than {spec.max_items}; keep the {spec.max_items} that matter most",
            )
            return None
        return raw

    def _check_names(self, spec: FieldSpec, raw: Any, line: int, field: str) -> tuple[str, ...] | None:
        items = self._items(spec, raw, line, field)
        if items is None:
            return None
        names: list[str] = []
        text_spec = FieldSpec(spec.name, "text", True, spec.description, spec.example)
        for index, item in enumerate(items):
            item_line = self.line_of(items, index)
            name = self._check_text(text_spec, item, item_line, f"{field}[{index + 1}]")
            if name is None:
                continue
            if name in names:
                self.report(item_line, f"{field}[{index + 1}]", f"'{name}' is listed twice; keep one")
                continue
            names.append(name)
        return tuple(names)

    def _check_topics(self, spec: FieldSpec, raw: Any, line: int, field: str) -> tuple[str, ...] | None:
        names = self._check_names(spec, raw, line, field)
        if names is None:
            return None
        keys: list[str] = []
        for index, name in enumerate(names):
            item_line = self.line_of(raw, index)
            key = self.topic_keys.get(name) or self.topic_keys.get(name.lower())
            if key is None:
                hint = did_you_mean(name, sorted(self.topic_keys))
                self.report(
                    item_line,
                    f"{field}[{index + 1}]",
                    f"unknown topic '{name}';{hint} (topics are listed in briefings/topics.yml)"
                    if hint
                    else f"unknown topic '{name}'; use a key from briefings/topics.yml, or add the topic there",
                )
            elif key in keys:
                self.report(item_line, f"{field}[{index + 1}]", f"'{name}' is the topic '{key}' again; keep one")
            else:
                keys.append(key)
        return tuple(keys)

    def _records(
        self, spec: FieldSpec, raw: Any, line: int, field: str, fields: tuple[FieldSpec, ...]
    ) -> list[tuple[int, LineDict, dict[str, Any] | None]] | None:
        """Each entry of a list of records (sources, updates): its index, its YAML, and its values when
        it has no problem; None when the list itself is wrong."""
        items = self._items(spec, raw, line, field)
        if items is None:
            return None
        required = [f for f in fields if f.required]
        shape = " and ".join(f.name for f in required)
        first, second = required[0].example.splitlines()[0], required[1].name
        records: list[tuple[int, LineDict, dict[str, Any] | None]] = []
        for index, item in enumerate(items):
            item_line = self.line_of(items, index)
            where = f"{field}[{index + 1}]"
            if not isinstance(item, LineDict):
                self.report(
                    item_line,
                    where,
                    f"expected {shape}, got {describe(item)}; write it like "
                    f"'- {first}' with '{second}: ...' on the next line, indented alike",
                )
                continue
            before = len(self.problems)
            values = self.check_mapping(item, fields, prefix=f"{where}.", missing_line=item_line)
            records.append((index, item, values if len(self.problems) == before else None))
        return records

    def _check_updates(self, spec: FieldSpec, raw: Any, line: int, field: str) -> list[dict[str, Any]] | None:
        records = self._records(spec, raw, line, field, UPDATE_FIELDS)
        if records is None:
            return None
        return [dict(values, line=self.line_of(item, "date")) for _, item, values in records if values is not None]

    def _check_sources(self, spec: FieldSpec, raw: Any, line: int, field: str) -> list[dict[str, Any]] | None:
        records = self._records(spec, raw, line, field, SOURCE_FIELDS)
        if records is None:
            return None
        sources: list[dict[str, Any]] = []
        seen: dict[str, int] = {}
        for index, item, values in records:
            where = f"{field}[{index + 1}]"
            if values is None:
                continue
            before = len(self.problems)
            source_id = values.get("id")
            if source_id is not None and source_id in seen:
                self.report(
                    self.line_of(item, "id"),
                    f"{where}.id",
                    f"'{source_id}' is the id of source {seen[source_id]} too; give each source its own id",
                )
            elif source_id is not None:
                seen[source_id] = index + 1
            if len(self.problems) == before:
                sources.append(values)
        return sources


def describe(value: Any) -> str:
    """How a YAML value looks to the person who wrote it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of 'field: value' lines"
    if isinstance(value, int | float):
        return "a number"
    return type(value).__name__


__all__ = ["BRIEFING_FIELDS", "FIELD_NAMES", "SOURCE_FIELDS", "UPDATE_FIELDS", "FieldChecker", "FieldSpec", "describe"]
