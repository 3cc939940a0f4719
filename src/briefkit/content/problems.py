"""Problems found in content, reported the way compilers do: `path:line: field: message`.

Every problem a contributor can cause is one of these, never an exception: loading collects
all of them, so a build or a check reports every problem of every file at once.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, with the line and field it is about and how to fix it."""

    path: str
    """The file, relative to the project folder, with forward slashes."""
    line: int
    """1-based line in the file; 1 when the problem concerns the whole file."""
    field: str
    """The front-matter field (`sources[2].url`), or `file` / `front-matter` for the whole."""
    message: str
    """What is wrong, then `; ` and how to fix it."""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "" if self.severity is Severity.ERROR else "warning: "
        return f"{self.path}:{self.line}: {prefix}{self.field}: {self.message}"

    def github_annotation(self) -> str:
        """The line GitHub Actions turns into an annotation on the pull request's diff."""
        title = f"{self.field}"
        message = _escape_workflow_data(self.message)
        return (
            f"::{self.severity.value} file={_escape_workflow_property(self.path)},"
            f"line={self.line},title={_escape_workflow_property(title)}::{message}"
        )


def _escape_workflow_data(text: str) -> str:
    # GitHub's workflow-command syntax: these three would end or split the command.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_workflow_property(text: str) -> str:
    return _escape_workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to `word` (the same but for case, or a near spelling), or None."""
    lowered = {choice.lower(): choice for choice in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    matches = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` did you mean 'x'?` when a choice is close to `word`, else an empty string."""
    choice = closest(word, choices)
    return f" did you mean '{choice}'?" if choice is not None else ""


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in the order a reader fixes them: by file, then by line."""
    return sorted(problems, key=lambda p: (p.path, p.line, p.field, p.message))


def count_errors(problems: Iterable[Problem]) -> int:
    return sum(1 for problem in problems if problem.severity is Severity.ERROR)


def plural(count: int, word: str) -> str:
    """`1 problem`, `2 problems`."""
    if count == 1:
        return f"1 {word}"
    return f"{count} {word[:-1] + 'ies' if word.endswith('y') else word + 's'}"
