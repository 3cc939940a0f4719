"""`briefkit new`: a new briefing file with every field and the recommended sections."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from briefkit.content.problems import did_you_mean
from briefkit.content.topics import topic_spellings

if TYPE_CHECKING:
    from datetime import date

    from briefkit.content.load import Layout
    from briefkit.model import Topic

TEMPLATES = Path(__file__).parent / "templates"
SLUG_WORDS = 8


class ScaffoldError(Exception):
    """Why the file could not be written, in a sentence for the person at the terminal."""


def slugify(title: str) -> str:
    """`Huawei offers "no-spy" deals` -> `huawei-offers-no-spy-deals`: ASCII, lowercase, hyphens."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    return "-".join(words[:SLUG_WORDS])


@dataclass(frozen=True)
class NewBriefing:
    title: str
    day: date
    topics: tuple[str, ...]


def resolve_topics(asked: list[str], topics: dict[str, Topic]) -> tuple[str, ...]:
    """The topic keys for what was asked (keys or aliases); ScaffoldError with a did-you-mean otherwise."""
    spellings = topic_spellings(topics)
    keys: list[str] = []
    for name in asked:
        key = spellings.get(name) or spellings.get(name.lower())
        if key is None:
            hint = did_you_mean(name, sorted(topics))
            raise ScaffoldError(
                f"unknown topic '{name}';{hint or ''} the topics are: {', '.join(topics)}"
                if hint
                else f"unknown topic '{name}'; the topics are: {', '.join(topics)}"
            )
        if key not in keys:
            keys.append(key)
    if not keys:
        raise ScaffoldError(f"give at least one topic with --topic; the topics are: {', '.join(topics)}")
    return tuple(keys)


def write_new_briefing(layout: Layout, new: NewBriefing) -> Path:
    """Write the scaffold and return its path; refuses to overwrite."""
    slug = slugify(new.title)
    if not slug:
        raise ScaffoldError("the title has no letters or digits to make a file name from")
    path = layout.briefings_dir / str(new.day.year) / f"{new.day.isoformat()}-{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{layout.shown(path)} already exists; choose another title, or edit that file")
    environment = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True)
    text = environment.get_template("new-briefing.md.j2").render(
        # JSON strings are YAML strings, quoted so that no title can break the front-matter.
        title=json.dumps(new.title, ensure_ascii=False),
        day=new.day.isoformat(),
        topics=new.topics,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:
        file.write(text)
    return path
