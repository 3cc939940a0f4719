"""Reading a registry file (topics.yml, names.yml): one mapping of entries, strictly parsed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefkit.content import strict_yaml
from briefkit.content.problems import Problem
from briefkit.content.schema import describe
from briefkit.content.strict_yaml import LineDict

if TYPE_CHECKING:
    from pathlib import Path


def read_registry(file: Path, shown_path: str, what: str) -> tuple[LineDict | None, list[Problem]]:
    """The file's entries (an empty file has none), or None and the problem that stopped the reading.

    `what` names the entries in messages, such as 'topic key'.
    """
    try:
        data = strict_yaml.load(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return None, [Problem(shown_path, 1, "file", "is not UTF-8 text; save it as UTF-8")]
    except strict_yaml.StrictYAMLError as error:
        return None, [Problem(shown_path, error.line + 1, error.field, error.message)]
    if data is None:
        empty = LineDict()
        empty.key_lines = {}
        return empty, []
    if not isinstance(data, LineDict):
        message = f"expected one entry per {what}, got {describe(data)}; see the example in the contributor guide"
        return None, [Problem(shown_path, 1, "file", message)]
    return data, []
