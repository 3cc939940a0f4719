"""The fields of a briefing's front-matter, declared once: the validator (`briefkit.content.schema`),
the contributor docs (the format reference) and the published JSON Schema are derived from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["text", "date", "boolean", "topics", "names", "sources", "url", "id", "updates"]

TITLE_MAX = 150
SUMMARY_MAX = 300
TOPICS_MAX = 5
NAMES_MAX = 40
SOURCES_MAX = 30
UPDATES_MAX = 50
NOTE_MAX = 300


@dataclass(frozen=True)
class FieldSpec:
    """One front-matter field: its name, what it holds, and how a contributor writes it."""

    name: str
    kind: Kind
    required: bool
    description: str
    example: str
    """The field as a contributor would write it, used in messages and in the docs."""
    max_length: int | None = None
    min_items: int = 0
    max_items: int | None = None


BRIEFING_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "title",
        "text",
        True,
        f"The headline: what happened, in a few words; at most {TITLE_MAX} characters.",
        'title: Huawei offers governments "no-spy" agreements',
        max_length=TITLE_MAX,
    ),
    FieldSpec(
        "date",
        "date",
        True,
        "The day of the development (not of writing), as YYYY-MM-DD. It must match the date in the file name.",
        "date: 2019-05-14",
    ),
    FieldSpec(
        "summary",
        "text",
        True,
        f"One or two sentences, shown in every list and as the page description; at most {SUMMARY_MAX} characters.",
        "summary: Huawei's chairman said the company would sign no-spy agreements with governments.",
        max_length=SUMMARY_MAX,
    ),
    FieldSpec(
        "topics",
        "topics",
        True,
        f"1 to {TOPICS_MAX} topic keys from briefings/topics.yml.",
        "topics: [5g-security, us-china-trade]",
        min_items=1,
        max_items=TOPICS_MAX,
    ),
    FieldSpec(
        "sources",
        "sources",
        True,
        "At least one source: publisher and title, optional date "
        "and url (http or https). Leave the url out rather than guess it.",
        "sources:\n  - publisher: Reuters\n    title: Huawei willing to sign no-spy agreements\n    date: 2019-05-14",
        min_items=1,
        max_items=SOURCES_MAX,
    ),
    FieldSpec("people", "names", False, "People involved, by full name.", "people: [Liang Hua]", max_items=NAMES_MAX),
    FieldSpec(
        "organizations",
        "names",
        False,
        "Companies, governments' agencies, bodies.",
        "organizations: [Huawei]",
        max_items=NAMES_MAX,
    ),
    FieldSpec(
        "places",
        "names",
        False,
        "Countries, cities, regions.",
        "places: [United Kingdom]",
        max_items=NAMES_MAX,
    ),
    FieldSpec(
        "updated",
        "date",
        False,
        "The day the briefing was last revised in substance; not before `date`.",
        "updated: 2019-06-01",
    ),
    FieldSpec(
        "updates",
        "updates",
        False,
        "The update log: each change in substance, with its date, a note of one or two sentences, and "
        "'correction: true' when it corrects an error. Oldest first.",
        "updates:\n  - date: 2019-06-03\n    correction: true\n    note: An earlier version gave the wrong day "
        "for the Entity List decision; it took effect on 16 May.",
        max_items=UPDATES_MAX,
    ),
    FieldSpec(
        "draft",
        "boolean",
        False,
        "true keeps the briefing out of the built site; it shows only under `make serve`.",
        "draft: true",
    ),
)

SOURCE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "id",
        "id",
        False,
        "A short name for citing it in the text as [@id]: lowercase letters, digits and hyphens, "
        "unique in the briefing.",
        "id: reuters-no-spy",
    ),
    FieldSpec("publisher", "text", True, "Who published it.", "publisher: Reuters"),
    FieldSpec(
        "title",
        "text",
        True,
        "The title of the report or document.",
        "title: Huawei willing to sign no-spy agreements",
    ),
    FieldSpec("date", "date", False, "Its publication date, YYYY-MM-DD.", "date: 2019-05-14"),
    FieldSpec("url", "url", False, "Its address, http or https only.", "url: https://www.example.org/report"),
)

UPDATE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "date",
        "date",
        True,
        "The day of the change, YYYY-MM-DD: not before the briefing's date, nor in the future.",
        "date: 2019-06-03",
    ),
    FieldSpec(
        "note",
        "text",
        True,
        f"What changed, in one or two sentences; at most {NOTE_MAX} characters.",
        "note: Added the Commerce Department's decision of 16 May.",
        max_length=NOTE_MAX,
    ),
    FieldSpec(
        "correction",
        "boolean",
        False,
        "true when the change corrects an error: it is then shown before the text and on the corrections page.",
        "correction: true",
    ),
)

FIELD_NAMES = tuple(spec.name for spec in BRIEFING_FIELDS)
