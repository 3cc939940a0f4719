"""One name, one page: the optional names registry, aliases, and near-duplicate names.

`briefings/names.yml` gives a name's canonical form, its kind, its aliases and a one-line
description:

```yaml
United Kingdom:
  kind: place
  aliases: [UK, Britain]
  description: The country of England, Scotland, Wales and Northern Ireland.
```

A briefing may use any alias; its page links to the canonical name's page. Names written the
same way but for case, punctuation, spacing or accents are one name written twice (an error
with a did-you-mean); names one letter apart are likely misspellings (a warning).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from briefkit.content.problems import Problem, Severity
from briefkit.content.registry_file import read_registry
from briefkit.content.schema import describe
from briefkit.content.strict_yaml import LineDict
from briefkit.model import Briefing, NameKind

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path

KINDS = {"person": NameKind.PERSON, "organization": NameKind.ORGANIZATION, "place": NameKind.PLACE}
NAME_FIELDS = ("kind", "aliases", "description")
SLUG_MAX = 60
NEAR_MIN_LENGTH = 6
"""Shorter names are too often one letter apart by right (ZTE, NTT)."""


@dataclass(frozen=True)
class Name:
    """A person, organization or place as the registry knows it."""

    name: str
    kind: NameKind
    aliases: tuple[str, ...] = ()
    description: str = ""
    line: int = field(default=1, compare=False)


def fold(name: str) -> str:
    """A name's letters and digits only, lowercase and without accents: 'U.K.' and 'uk' fold alike."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed.casefold() if char.isalnum())


def name_slug(name: str) -> str:
    """The name as a path segment: lowercase words joined by hyphens, letters of any script kept.

    A long name is cut at 60 characters and given a short digest of the whole, so file names stay
    within what file systems allow (255 bytes) and distinct names keep distinct pages.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    slug = re.sub(r"[\W_]+", "-", plain.casefold()).strip("-") or "name"
    if len(slug) > SLUG_MAX:
        digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
        slug = f"{slug[: SLUG_MAX - 11].rstrip('-')}-{digest}"
    return slug


def load_names(file: Path, shown_path: str) -> tuple[dict[str, Name], list[Problem]]:
    """The registry's names (missing file: none), and every problem in it."""
    problems: list[Problem] = []

    def report(line: int, where: str, message: str) -> None:
        problems.append(Problem(shown_path, line, where, message))

    if not file.is_file():
        return {}, problems
    data, problems = read_registry(file, shown_path, "name")
    if data is None:
        return {}, problems
    names: dict[str, Name] = {}
    for key, entry in data.items():
        line = data.key_lines[key] + 1
        if not isinstance(entry, LineDict):
            report(line, key, f"expected kind, aliases and description, got {describe(entry)}")
            continue
        for unknown in (f for f in entry if f not in NAME_FIELDS):
            report(
                entry.key_lines[unknown] + 1,
                f"{key}.{unknown}",
                f"unknown field; the fields are {', '.join(NAME_FIELDS)}",
            )
        kind = KINDS.get(entry.get("kind") or "")
        if kind is None:
            report(
                line,
                f"{key}.kind",
                "is missing or unknown; write 'kind: person', 'kind: organization' or 'kind: place'",
            )
            continue
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            report(line, f"{key}.aliases", "expected a list of names, like 'aliases: [UK, Britain]'")
            aliases = []
        description = entry.get("description") or ""
        if not isinstance(description, str):
            report(line, f"{key}.description", f"expected one line of text, got {describe(description)}")
            description = ""
        names[key] = Name(key, kind, tuple(a.strip() for a in aliases), " ".join(description.split()), line)
    spelled: dict[str, str] = {}
    for name in names.values():
        for spelling in (name.name, *name.aliases):
            other = spelled.setdefault(fold(spelling), name.name)
            if other != name.name:
                report(name.line, name.name, f"'{spelling}' is also a spelling of '{other}'; keep it under one name")
    return names, problems


@dataclass
class NameResolver:
    """Turns the names written in briefings into canonical names, and finds near-duplicates."""

    registry: dict[str, Name]
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._canonical: dict[str, str] = {}
        for name in self.registry.values():
            self._canonical[name.name] = name.name
            for alias in name.aliases:
                self._canonical[alias] = name.name
        self._with_commas = {written for written in self._canonical if ", " in written}

    def canonical(self, written: str) -> str:
        return self._canonical.get(written, written)

    def kind_of(self, name: str) -> NameKind | None:
        entry = self.registry.get(name)
        return entry.kind if entry else None

    def resolve(self, briefings: Iterable[Briefing]) -> list[Briefing]:
        """`briefings` with every name canonical, and a problem for each name written two ways."""
        resolved = [self._resolve_one(b) for b in briefings]
        self.problems.extend(self._duplicates(resolved))
        return resolved

    def _resolve_one(self, briefing: Briefing) -> Briefing:
        changes: dict[str, tuple[str, ...]] = {}
        for kind in NameKind:
            written = briefing.names(kind)
            self._split_at_commas(briefing, kind, written)
            canonical = tuple(dict.fromkeys(self.canonical(name) for name in written))
            for name in canonical:
                known = self.kind_of(name)
                if known is not None and known is not kind:
                    self.problems.append(
                        Problem(
                            briefing.path,
                            briefing.name_lines.get(name, 1),
                            kind.value,
                            f"'{name}' is one of the {known.value} in briefings/names.yml; move it to '{known.value}:'",
                        )
                    )
            if canonical != written:
                changes[kind.value] = canonical
        return replace(briefing, **changes) if changes else briefing  # type: ignore[arg-type]

    def _split_at_commas(self, briefing: Briefing, kind: NameKind, written: tuple[str, ...]) -> None:
        """A registered name with commas, written unquoted in a list, which YAML reads as several names."""
        if not self._with_commas or len(written) < 2:
            return
        for start in range(len(written)):
            for end in range(start + 2, len(written) + 1):
                whole = ", ".join(written[start:end])
                if whole in self._with_commas:
                    parts = [f"'{part}'" for part in written[start:end]]
                    self.problems.append(
                        Problem(
                            briefing.path,
                            briefing.name_lines.get(written[start], 1),
                            kind.value,
                            f"{', '.join(parts[:-1])} and {parts[-1]} are one name, '{whole}', split at its "
                            f'commas; put it in quotes: ["{whole}"]',
                        )
                    )

    def _duplicates(self, briefings: list[Briefing]) -> list[Problem]:
        uses: Counter[str] = Counter()
        first_use: dict[str, Briefing] = {}
        for briefing in briefings:
            for name in briefing.all_names:
                uses[name] += 1
                first_use.setdefault(name, briefing)
        for name in self.registry:
            uses[name] += 1_000_000  # the registry's spelling is always the one suggested
        preferred = _prefer(uses)
        problems: list[Problem] = []
        by_fold: dict[str, list[str]] = defaultdict(list)
        for name in uses:
            by_fold[fold(name)].append(name)
        for spellings in by_fold.values():
            if len(spellings) < 2:
                continue
            best = preferred(spellings)
            for name in spellings:
                if name != best and name in first_use:
                    problems.append(
                        Problem(
                            first_use[name].path,
                            first_use[name].name_lines.get(name, 1),
                            "names",
                            f"'{name}' is written '{best}' "
                            f"elsewhere; did you mean '{best}'? (or add it to briefings/names.yml "
                            "as an alias)",
                        )
                    )
        for group in _one_letter_apart([spellings[0] for spellings in by_fold.values()]):
            best = preferred(group)
            for name in group:
                if name != best and name in first_use:
                    problems.append(
                        Problem(
                            first_use[name].path,
                            first_use[name].name_lines.get(name, 1),
                            "names",
                            f"'{name}' is one letter from '{best}'; did you mean '{best}'?",
                            Severity.WARNING,
                        )
                    )
        return problems


_DIGITS = re.compile(r"\d")


def _prefer(uses: Counter[str]) -> Callable[[Iterable[str]], str]:
    def best(spellings: Iterable[str]) -> str:
        return min(spellings, key=lambda s: (-uses[s], s))

    return best


def _one_letter_apart(names: list[str]) -> list[list[str]]:
    """Groups of names one edit apart (a letter added, dropped, changed or two swapped).

    Each folded name is indexed under itself and under each single-letter deletion of it: two
    names one edit apart share an entry, so no pair of names is ever compared by brute force.
    Names that differ only in digits ('Person 1', 'Person 2') are different by right.
    """
    index: dict[str, set[str]] = defaultdict(set)
    folded = {name: key for name in names if len(key := fold(name)) >= NEAR_MIN_LENGTH}
    for name, key in folded.items():
        index[key].add(name)
        for position in range(len(key)):
            index[key[:position] + key[position + 1 :]].add(name)
    letters = {name: _DIGITS.sub("", key) for name, key in folded.items()}
    groups: dict[frozenset[str], None] = {}
    for members in index.values():
        # A group whose names all differ only in digits is no group; otherwise each of its names
        # differs in letters from another. (Once a pair of names each: 1.4 s at 5,000 names.)
        if len(members) > 1 and len({letters[name] for name in members}) > 1:
            groups[frozenset(members)] = None
    return [sorted(group) for group in groups]
