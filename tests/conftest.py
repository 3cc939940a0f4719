"""Helpers to make small real projects in temporary folders and build them with MkDocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

TOPICS = """\
5g-security:
  title: 5G security
  description: Who builds mobile networks.
  aliases: [5G]
us-china-trade:
  title: US–China trade
  description: Tariffs and talks.
export-controls:
  title: Export controls
  description: The Entity List.
"""

MKDOCS_YML = f"""\
site_name: Test briefings
site_url: https://example.org/
hooks:
  - {REPO / "hooks" / "briefings.py"}
nav:
  - Home: index.md
  - Topics: topics/index.md
  - People: people/index.md
  - Organizations: organizations/index.md
  - Places: places/index.md
  - Archive: archive/index.md
theme:
  name: material
  font: false
  custom_dir: {REPO / "docs" / "overrides"}
plugins: []
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
"""


def briefing(
    *,
    title: str = "Huawei offers no-spy deals",
    date: str = "2019-05-14",
    topics: str = "[5g-security]",
    summary: str = "Huawei said it would sign no-spy agreements.",
    extra: str = "",
    body: str = "## What happened\n\nHuawei spoke in London.\n",
) -> str:
    """The text of a valid briefing, with any field replaced; `extra` adds front-matter lines."""
    return (
        f"---\ntitle: {title}\ndate: {date}\nsummary: {summary}\ntopics: {topics}\n{extra}"
        f"sources:\n  - publisher: Reuters\n    title: A report\n---\n\n{body}"
    )


@dataclass
class Project:
    """A small real project in a temporary folder."""

    root: Path

    def add(self, name: str, text: str) -> Path:
        """Write briefings/<name> (such as `2019/2019-05-14-x.md`) and return its path."""
        path = self.root / "briefings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
        return path

    def build(self, *args: str, env: dict[str, str] | None = None) -> Build:
        """Run `mkdocs build --strict` as a maintainer would, in a separate process."""
        # The site's address and edit links come from the environment: only what the test gives counts.
        inherited = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "BRIEFKIT_EDIT_URI")}
        env = {**inherited, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
            cwd=self.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            check=False,
        )
        return Build(result.returncode, result.stdout, self.root / "site")

    def page(self, url_path: str) -> str:
        return (self.root / "site" / url_path / "index.html").read_text(encoding="utf-8")


@dataclass
class Build:
    returncode: int
    log: str
    site: Path


@pytest.fixture
def repo_copy(tmp_path: Path) -> Project:
    """A copy of this repository's site: its mkdocs.yml, docs, briefings and hook."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("docs", "briefings", "hooks"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    # The templates folder is watched by `mkdocs serve`; the copy builds with the installed package.
    config = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("  - src/briefkit/templates\n", "")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return Project(root)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Test briefings\n\nWelcome.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "briefings").mkdir()
    (root / "briefings" / "topics.yml").write_text(TOPICS, encoding="utf-8")
    return Project(root)
