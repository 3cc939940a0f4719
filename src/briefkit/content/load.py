"""Loading a whole project's content: the topic registry and every briefing, all problems at once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from briefkit.content.loader import Expectations, read_briefing
from briefkit.content.names import Name, NameResolver, load_names
from briefkit.content.problems import Problem, Severity, count_errors, sort_problems
from briefkit.content.redirects import Redirect, load_redirects
from briefkit.content.topics import load_topics, topic_spellings
from briefkit.model import Briefing, NameKind, Topic
from briefkit.workers import in_order, run_shared, wanted

REGISTRY_FILES = ("topics.yml", "names.yml", "redirects.yml")
"""Files that belong in briefings/ beside the year folders."""


@dataclass(frozen=True)
class Layout:
    """Where a project keeps things, all relative to its root folder (the one with mkdocs.yml)."""

    root: Path
    docs: str = "docs"
    """The docs folder, relative to the root: mkdocs.yml's `docs_dir` (see `Layout.of`)."""

    @classmethod
    def of(cls, root: Path) -> Layout:
        """The layout of the project in `root`, its docs folder as its mkdocs.yml names it."""
        return cls(root, docs_dir_setting(root / "mkdocs.yml"))

    @property
    def briefings_dir(self) -> Path:
        return self.root / "briefings"

    @property
    def topics_file(self) -> Path:
        return self.briefings_dir / "topics.yml"

    @property
    def names_file(self) -> Path:
        return self.briefings_dir / "names.yml"

    @property
    def redirects_file(self) -> Path:
        return self.briefings_dir / "redirects.yml"

    @property
    def docs_dir(self) -> Path:
        return self.root / self.docs

    def shown(self, path: Path) -> str:
        """A path as messages show it: relative to the root, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


class _AnyTags(yaml.SafeLoader):
    """Reads mkdocs.yml's own tags (`!ENV`, `!relative`, Python names) as plain values, unresolved."""


_AnyTags.add_multi_constructor("", lambda loader, suffix, node: None)


def config_settings(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml's settings, read without MkDocs for the commands; empty when it is missing or unreadable."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_AnyTags)
    except (OSError, yaml.YAMLError):
        return {}
    return config if isinstance(config, dict) else {}


def docs_dir_setting(config_file: Path) -> str:
    """`docs_dir` as mkdocs.yml sets it, or MkDocs' default."""
    setting = config_settings(config_file).get("docs_dir")
    return setting if isinstance(setting, str) and setting.strip() else "docs"


@dataclass
class Content:
    """Everything read from briefings/: topics, briefings (drafts included), and problems."""

    topics: dict[str, Topic]
    briefings: list[Briefing]
    problems: list[Problem] = field(default_factory=list)
    names: dict[str, Name] = field(default_factory=dict)
    """The names registry (briefings/names.yml), empty when there is none."""
    redirects: list[Redirect] = field(default_factory=list)
    """Old addresses and the pages they lead to (briefings/redirects.yml)."""

    @property
    def errors(self) -> int:
        return count_errors(self.problems)

    def visible(self, include_drafts: bool) -> list[Briefing]:
        return [b for b in self.briefings if include_drafts or not b.draft]


def load_content(
    layout: Layout, today: date | None = None, only: list[Path] | None = None, shared: bool = False
) -> Content:
    """Read the registry and the briefings; nothing raises for bad content, everything is a Problem.

    `only` limits the briefings read (for `briefkit check PATHS`); the cross-file checks then
    still compare them against every other briefing. With `shared`, a forked process reads every
    other file of a large site (`briefkit.workers`); the content is the same.
    """
    topics, problems = load_topics(layout.topics_file, layout.shown(layout.topics_file))
    expect = Expectations(topic_spellings(topics), today or date.today())
    briefings: list[Briefing] = []
    files = _candidate_files(layout, problems)
    jobs = [partial(read_briefing, file, layout.shown(file), expect) for file in files]
    run = run_shared if shared and wanted(len(jobs)) else in_order
    for briefing, found in run(jobs):
        problems.extend(found)
        if briefing is not None:
            briefings.append(briefing)
    registry, name_problems = load_names(layout.names_file, layout.shown(layout.names_file))
    problems.extend(name_problems)
    resolver = NameResolver(registry)
    briefings = resolver.resolve(briefings)
    problems.extend(resolver.problems)
    problems.extend(_cross_checks(briefings, topics))
    problems.extend(_kinds_disagree(briefings, registry))
    redirects, redirect_problems = load_redirects(layout.redirects_file, layout.shown(layout.redirects_file))
    problems.extend(redirect_problems)
    if only is not None:
        asked = {layout.shown(path.resolve()) for path in only}
        registries = {layout.shown(layout.briefings_dir / name) for name in REGISTRY_FILES}
        # The registries' errors concern every briefing; their warnings only someone who asked about them.
        problems = [p for p in problems if p.path in asked or (p.path in registries and p.severity is Severity.ERROR)]
    briefings.sort(key=lambda b: (b.date, b.key), reverse=True)
    return Content(topics, briefings, sort_problems(problems), registry, redirects)


def _candidate_files(layout: Layout, problems: list[Problem]) -> list[Path]:
    root = layout.briefings_dir
    if not root.is_dir():
        problems.append(Problem(layout.shown(root), 1, "folder", "is missing; create briefings/ with topics.yml"))
        return []
    files: list[Path] = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue  # .gitkeep, editors' swap files
        if path.is_symlink():
            problems.append(Problem(layout.shown(path), 1, "file", "is a symbolic link; put the file itself here"))
        elif path.is_dir():
            continue
        elif path.suffix == ".md" and relative.as_posix() != "README.md":
            files.append(path)
        elif relative.as_posix() not in (*REGISTRY_FILES, "README.md"):
            problems.append(
                Problem(
                    layout.shown(path),
                    1,
                    "file",
                    "is not a briefing; briefings/ holds topics.yml "
                    "and briefings as YYYY/YYYY-MM-DD-slug.md; move or remove this file",
                )
            )
    return files


def _kinds_disagree(briefings: list[Briefing], registry: dict[str, Name]) -> list[Problem]:
    """A name that is not in the registry, listed as one kind in one briefing and another kind in another.

    The site gives it the kind its newest briefing gives it (`briefkit.catalog`); each briefing that
    disagrees is told so.
    """
    first: dict[str, tuple[NameKind, Briefing]] = {}
    problems: list[Problem] = []
    for briefing in sorted(briefings, key=lambda b: (b.date, b.key), reverse=True):
        for kind in NameKind:
            for name in briefing.names(kind):
                if name in registry:
                    continue
                seen = first.setdefault(name, (kind, briefing))
                if seen[0] is not kind:
                    problems.append(
                        Problem(
                            briefing.path,
                            briefing.name_lines.get(name, 1),
                            kind.value,
                            f"'{name}' is listed under {seen[0].value} in {seen[1].path}, as the site shows it; "
                            "list it under one kind everywhere, or give it a kind in briefings/names.yml",
                            Severity.WARNING,
                        )
                    )
    return problems


def _cross_checks(briefings: list[Briefing], topics: dict[str, Topic]) -> list[Problem]:
    problems: list[Problem] = []
    by_key: dict[str, list[Briefing]] = defaultdict(list)
    by_title_day: dict[tuple[str, date], list[Briefing]] = defaultdict(list)
    for briefing in briefings:
        by_key[briefing.key.lower()].append(briefing)
        by_title_day[(briefing.title.casefold(), briefing.date)].append(briefing)
    for same in by_key.values():
        for briefing in same[1:]:
            problems.append(
                Problem(
                    briefing.path,
                    1,
                    "file",
                    f"would have the same address as {same[0].path}; give one of them another slug",
                )
            )
    for same in by_title_day.values():
        for briefing in same[1:]:
            problems.append(
                Problem(
                    briefing.path,
                    1,
                    "title",
                    f"the same title on the same day as {same[0].path}, "
                    "likely a double submission; remove one or retitle it",
                )
            )
    used = {key for briefing in briefings for key in briefing.topics}
    for key, topic in topics.items():
        if key not in used:
            problems.append(
                Problem(
                    "briefings/topics.yml",
                    topic.line,
                    key,
                    "no briefing uses this topic yet; it gets no page until one does",
                    Severity.WARNING,
                )
            )
    return problems
