"""Old addresses that lead to today's pages: `briefings/redirects.yml`, for renamed or removed briefings.

A briefing's address comes from its file name, so renaming the file (or removing it) would break
every link to it. Each line of the file keeps an old address working:

    briefings/2019-05-14-huawei-no-spy/: briefings/2019-05-14-huawei-offers-no-spy-agreements/

Both sides are site addresses, relative to the site's root. Whether each side is (or is not) a page
of the site is checked once the pages are known (`problems_with`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefkit.content.problems import Problem
from briefkit.content.registry_file import read_registry

if TYPE_CHECKING:
    from collections.abc import Collection
    from pathlib import Path

EXAMPLE = "briefings/2019-05-14-old-name/: briefings/2019-05-14-new-name/"
_ADDRESS = re.compile(r"[\w.~-]+(/[\w.~-]+)*")


@dataclass(frozen=True)
class Redirect:
    old: str
    """A site path that is no longer a page, such as `briefings/2019-05-14-old-name/`."""
    new: str
    """The site path it leads to (`""` for the home page)."""
    line: int


def address(text: str) -> str | None:
    """`text` as a site path (`a/b/`, or `""` for the root), or None when it cannot be one of ours."""
    stripped = text.strip().strip("/")
    if not stripped:
        return ""
    if not _ADDRESS.fullmatch(stripped) or any(part in {".", ".."} for part in stripped.split("/")):
        return None
    return stripped + "/"


def load_redirects(file: Path, shown_path: str) -> tuple[list[Redirect], list[Problem]]:
    """The file's redirects (missing file: none), and every problem in its form."""
    if not file.is_file():
        return [], []
    data, problems = read_registry(file, shown_path, "old address")
    if data is None:
        return [], problems
    redirects = []
    for key, value in data.items():
        line = data.key_lines[key] + 1
        old = address(str(key))
        new = address(value) if isinstance(value, str) else None
        if not old:
            problems.append(
                Problem(shown_path, line, str(key), f"is not an address of this site; write it like '{EXAMPLE}'")
            )
        elif new is None:
            problems.append(
                Problem(shown_path, line, str(key), f"leads to no address of this site; write it like '{EXAMPLE}'")
            )
        else:
            redirects.append(Redirect(old, new, line))
    return redirects, problems


def problems_with(redirects: list[Redirect], pages: Collection[str], shown_path: str) -> list[Problem]:
    """Redirects that would hide a page of the site, or lead to none; `pages` are the site's addresses."""
    problems = []
    for redirect in redirects:
        if redirect.old in pages:
            problems.append(
                Problem(
                    shown_path,
                    redirect.line,
                    redirect.old,
                    "is the address of a page of the site; remove this line, or rename the page",
                )
            )
        elif redirect.new not in pages:
            problems.append(
                Problem(
                    shown_path,
                    redirect.line,
                    redirect.old,
                    f"leads to {redirect.new or '/'}, which is no page of the site; give the page's address "
                    "as it is now, such as 'briefings/2019-05-14-huawei-offers-no-spy-agreements/'",
                )
            )
    return problems
