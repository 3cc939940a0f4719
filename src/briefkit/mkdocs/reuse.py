"""Reusing a preview's pages: a rebuild renders again only the generated pages whose text changed.

`mkdocs serve` rebuilds the whole site after every edit, and MkDocs treats every page given
from memory as changed. Editing one briefing changes its own page and the few lists that show it
(its topics, its names, the archive, the home page); the other pages would come out the same,
byte for byte, at about 5 ms each. So each page is remembered with a fingerprint of all it is
made of: its text, its HTML blocks, its address and edit link, and the fingerprint of its frame
(the configuration, the theme's overrides, the navigation). A page whose fingerprint is the same
as in the last successful build is written from memory, without Markdown or the theme's
template.

What a reused page no longer does is check its links: they were checked when it was first
rendered, and its text has not changed since. Only `mkdocs serve` reuses pages; `mkdocs build`,
which CI and deploys run, renders every page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path


@dataclass(frozen=True)
class KeptPage:
    """A page as the last successful build wrote it."""

    fingerprint: str
    html: str
    anchors: frozenset[str]
    """The ids in the page, which links from other pages are checked against."""


def fingerprint(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        encoded = part.encode("utf-8", "surrogatepass")
        # Each part's length first, so that two lists of parts never join into the same bytes.
        digest.update(len(encoded).to_bytes(8, "little"))
        digest.update(encoded)
    return digest.hexdigest()


def folder_state(folder: Path) -> Iterable[str]:
    """Each file under `folder`, with its size and time of change: what a theme's overrides are."""
    if not folder.is_dir():
        return
    for file in sorted(folder.rglob("*")):
        if file.is_file():
            status = file.stat()
            yield f"{file.relative_to(folder).as_posix()} {status.st_size} {status.st_mtime_ns}"


@dataclass
class PageReuse:
    """The pages of the last successful build, and those of the build under way."""

    frame: str = ""
    """The fingerprint of what frames every page (configuration, overrides, navigation) in the last
    build: when it changes, no page is reused."""
    kept: dict[str, KeptPage] = field(default_factory=dict)
    fresh: dict[str, KeptPage] = field(default_factory=dict)
    pending: dict[str, str] = field(default_factory=dict)
    """The fingerprints of this build's pages that are rendered anew, until they are remembered."""
    reused: int = 0
    built: bool = False
    """Whether an earlier build succeeded: before, there is nothing to say about reused pages."""

    def start(self, frame: str) -> None:
        """A build begins, whose pages are framed as `frame` says (a fingerprint)."""
        if frame != self.frame:
            self.kept.clear()
        self.frame = frame
        self.fresh = {}
        self.pending = {}
        self.reused = 0

    def page(self, path: str, parts: Iterable[str]) -> KeptPage | None:
        """The page as last built, if what it is made of is the same; else None, and it is rendered anew."""
        page_print = fingerprint([self.frame, path, *parts])
        kept = self.kept.get(path)
        if kept is not None and kept.fingerprint == page_print:
            self.fresh[path] = kept
            self.reused += 1
            return kept
        self.pending[path] = page_print
        return None

    def remember(self, path: str, html: str, anchors: Iterable[str]) -> None:
        """A page rendered anew (`page` said so), as it is written."""
        page_print = self.pending.pop(path, None)
        if page_print is not None:
            self.fresh[path] = KeptPage(page_print, html, frozenset(anchors))

    def succeeded(self) -> None:
        """The build succeeded: its pages are the ones to reuse (pages gone from the site are forgotten)."""
        self.kept, self.fresh, self.pending = self.fresh, {}, {}
        self.built = True

    def failed(self) -> None:
        """The build failed: nothing of it is reused, as its pages may not have been checked."""
        self.fresh, self.pending = {}, {}
