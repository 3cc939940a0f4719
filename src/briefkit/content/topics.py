"""The topic registry, `briefings/topics.yml`: the subjects briefings may be filed under.

```yaml
5g-security:
  title: 5G security
  description: Who may build the next generation of mobile networks, and on what terms.
  aliases: [5G, fifth-generation networks]
```
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefkit.content.problems import Problem, did_you_mean
from briefkit.content.registry_file import read_registry
from briefkit.content.schema import describe
from briefkit.content.strict_yaml import LineDict, LineList
from briefkit.model import Topic

if TYPE_CHECKING:
    from pathlib import Path

TOPIC_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOPIC_FIELDS = ("title", "description", "aliases")


def load_topics(file: Path, shown_path: str) -> tuple[dict[str, Topic], list[Problem]]:
    """The topics of the registry, in its order, and every problem found in it."""
    problems: list[Problem] = []

    def report(line: int, field: str, message: str) -> None:
        problems.append(Problem(shown_path, line, field, message))

    if not file.is_file():
        report(
            1,
            "file",
            "the topic registry is missing; create it with at least one topic (see docs/contributing.md)",
        )
        return {}, problems
    data, problems = read_registry(file, shown_path, "topic key")
    if data is None:
        return {}, problems
    topics: dict[str, Topic] = {}
    spellings: dict[str, str] = {}
    for key, entry in data.items():
        line = data.key_lines[key] + 1
        if not TOPIC_KEY.match(key):
            report(
                line,
                key,
                "is not a valid topic key; use lowercase letters, digits and hyphens, like 5g-security",
            )
            continue
        if not isinstance(entry, LineDict):
            report(line, key, f"expected title and description, got {describe(entry)}")
            continue
        for field in entry:
            if field not in TOPIC_FIELDS:
                hint = did_you_mean(field, TOPIC_FIELDS)
                report(
                    entry.key_lines[field] + 1,
                    f"{key}.{field}",
                    f"unknown field;{hint}" if hint else f"unknown field; the fields are {', '.join(TOPIC_FIELDS)}",
                )
        texts: dict[str, str] = {}
        for field in ("title", "description"):
            value = entry.get(field)
            if field not in entry:
                report(line, f"{key}.{field}", f"is missing; add a line '  {field}: ...' under the key")
            elif not isinstance(value, str) or not value.strip():
                report(entry.key_lines[field] + 1, f"{key}.{field}", f"expected text, got {describe(value)}")
            else:
                texts[field] = " ".join(value.split())
        aliases = entry.get("aliases") or LineList()
        alias_line = entry.key_lines.get("aliases", entry.line) + 1
        if not isinstance(aliases, list) or not all(isinstance(alias, str) and alias.strip() for alias in aliases):
            report(alias_line, f"{key}.aliases", "expected a list of text, like 'aliases: [5G]'")
            aliases = []
        for spelling in (key, *aliases):
            folded = spelling.strip().lower()
            if folded in spellings and spellings[folded] != key:
                report(
                    alias_line,
                    f"{key}.aliases",
                    f"'{spelling}' already names the topic '{spellings[folded]}'",
                )
            spellings.setdefault(folded, key)
        if len(texts) == 2:
            topics[key] = Topic(key, texts["title"], texts["description"], tuple(a.strip() for a in aliases), line)
    return topics, problems


def topic_spellings(topics: dict[str, Topic]) -> dict[str, str]:
    """Every accepted way to write a topic in a briefing (key or alias, any case) mapped to its key."""
    spellings: dict[str, str] = {}
    for topic in topics.values():
        for spelling in (topic.key, *topic.aliases):
            spellings.setdefault(spelling, topic.key)
            spellings.setdefault(spelling.lower(), topic.key)
    return spellings
