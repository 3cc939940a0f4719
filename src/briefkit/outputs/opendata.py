"""The open data: `/briefings.json` and `/topics.json`, every published briefing and topic."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from briefkit.model import NameKind
from briefkit.paths import topic_feed_path

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefkit.catalog import Catalog

BRIEFINGS_JSON = "briefings.json"
TOPICS_JSON = "topics.json"


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def briefings_json(catalog: Catalog, absolute: Callable[[str], str]) -> str:
    records = []
    for briefing in catalog.briefings:
        record: dict[str, Any] = {
            "key": briefing.key,
            "url": absolute(f"briefings/{briefing.key}/"),
            "title": briefing.title,
            "date": briefing.date.isoformat(),
            "updated": briefing.updated.isoformat() if briefing.updated else None,
            "updates": [
                {"date": update.date.isoformat(), "note": update.note, "correction": update.correction}
                for update in briefing.updates
            ],
            "summary": briefing.summary,
            "topics": list(briefing.topics),
        }
        for kind in NameKind:
            record[kind.value] = list(briefing.names(kind))
        record["sources"] = [
            {
                "publisher": source.publisher,
                "title": source.title,
                "date": source.date.isoformat() if source.date else None,
                "url": source.url,
            }
            for source in briefing.sources
        ]
        records.append(record)
    return _dump({"briefings": records})


def topics_json(catalog: Catalog, absolute: Callable[[str], str]) -> str:
    records = [
        {
            "key": topic.key,
            "title": topic.title,
            "description": topic.description,
            "url": absolute(f"topics/{topic.key}/"),
            "feed": absolute(topic_feed_path(topic)),
            "count": len(catalog.by_topic[topic.key]),
        }
        for topic in catalog.topics.values()
    ]
    return _dump({"topics": records})
