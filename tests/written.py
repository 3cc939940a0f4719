"""The briefings as their files say, read with python-frontmatter: expectations that owe nothing to
briefkit's own reading, checking or indexes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import frontmatter

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path


@dataclass(frozen=True)
class Written:
    """A briefing as its file says, read with python-frontmatter: the expectations owe nothing to briefkit."""

    key: str
    title: str
    summary: str
    day: date
    topics: list[str]
    corrections: list[tuple[date, str]]
    last_changed: date
    sources: int


def read_written(root: Path) -> list[Written]:
    """Every briefing under `root`/briefings that is not a draft, newest first (by date, then file name)."""
    found = []
    for path in (root / "briefings").glob("*/*.md"):
        post: dict[str, Any] = frontmatter.load(path).metadata
        if post.get("draft"):
            continue
        updates = post.get("updates") or []
        last = post.get("updated") or max((u["date"] for u in updates), default=None) or post["date"]
        found.append(
            Written(
                path.stem,
                post["title"],
                post["summary"],
                post["date"],
                list(post["topics"]),
                [(u["date"], u["note"]) for u in updates if u.get("correction")],
                last,
                len(post.get("sources") or []),
            )
        )
    return sorted(found, key=lambda b: (b.day, b.key), reverse=True)
