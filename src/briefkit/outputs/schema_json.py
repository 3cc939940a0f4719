"""The front-matter schema as JSON Schema, derived from `briefkit.content.schema`, for editors.

Served by the site at `/schema/briefing.json` and printed by `briefkit schema`. It is produced
from the same declarations the loader checks against, plus the topic registry for the list
of topic keys, so the two cannot disagree. Checks that need more than one field or file (the
date in the file name, `updated` not before `date`, duplicates) are the loader's alone.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from briefkit.content.citations import SOURCE_ID
from briefkit.content.fields import BRIEFING_FIELDS, SOURCE_FIELDS, UPDATE_FIELDS, FieldSpec

if TYPE_CHECKING:
    from briefkit.model import Topic

SCHEMA_PATH = "schema/briefing.json"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _text(spec: FieldSpec) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "minLength": 1, "pattern": r"\S"}
    if spec.max_length is not None:
        schema["maxLength"] = spec.max_length
    return schema


def _property(spec: FieldSpec, topic_spellings: list[str]) -> dict[str, Any]:
    schema: dict[str, Any] = {"description": spec.description}
    if spec.kind == "text":
        schema.update(_text(spec))
    elif spec.kind == "date":
        schema.update(type="string", pattern=DATE_PATTERN, format="date")
    elif spec.kind == "boolean":
        schema.update(type="boolean")
    elif spec.kind == "id":
        schema.update(type="string", pattern=SOURCE_ID.pattern)
    elif spec.kind == "url":
        schema.update(type="string", pattern=r"^https?://[^\s/]+")
    else:
        items: dict[str, Any]
        if spec.kind == "names":
            items = {"type": "string", "minLength": 1}
        elif spec.kind == "topics":
            items = {"enum": topic_spellings}
        elif spec.kind == "updates":
            items = _object(UPDATE_FIELDS, topic_spellings)
        else:
            items = _object(SOURCE_FIELDS, topic_spellings)
        schema.update(type="array", items=items)
        if spec.kind not in ("sources", "updates"):
            schema["uniqueItems"] = True
        if spec.min_items:
            schema["minItems"] = spec.min_items
        if spec.max_items is not None:
            schema["maxItems"] = spec.max_items
    return schema


def _object(specs: tuple[FieldSpec, ...], topic_spellings: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {spec.name: _property(spec, topic_spellings) for spec in specs},
        "required": [spec.name for spec in specs if spec.required],
        "additionalProperties": False,
    }


def json_schema(topics: dict[str, Topic]) -> dict[str, Any]:
    """The JSON Schema of a briefing's front-matter, with the registry's topics as the allowed keys."""
    spellings = sorted({spelling for topic in topics.values() for spelling in (topic.key, *topic.aliases)})
    schema: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    schema.update(
        title="Briefing front-matter",
        description="The fields at the top of a briefing file, between the two --- lines.",
        **_object(BRIEFING_FIELDS, spellings),
    )
    return schema


def json_schema_text(topics: dict[str, Topic]) -> str:
    return json.dumps(json_schema(topics), indent=2, ensure_ascii=False) + "\n"
