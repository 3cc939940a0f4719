"""Helpers to make small real projects in temporary folders and build them with MkDocs."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from hypothesis import settings

from browsing import CHROMIUM, CHROMIUM_ARGS, Reader
from environment import build_environment
from serve import serve

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parent.parent

TODAY = date(2026, 11, 28)
"""The day tests that check dates in the future take as today, so that they never age."""

# Property tests: no deadline anywhere (a slow machine is not a failure); under CI, the same
# examples on every run (a fixed seed, no example database), so that a red run can be rerun.
settings.register_profile("ci", deadline=None, derandomize=True, database=None)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")


@contextmanager
def stops_if_hung(seconds: int = 60) -> Iterator[None]:
    """Fail the test if what it runs has not finished after `seconds`: a guard against a hung suite,
    not a measure (nothing is timed; the test asserts on what happened)."""

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


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
        env = build_environment(env)
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


def copy_repo(target: Path) -> Project:
    """A copy of this repository's site in `target`: its mkdocs.yml, docs, briefings and hook."""
    target.mkdir(parents=True)
    for name in ("docs", "briefings", "hooks"):
        shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    # The templates folder is watched by `mkdocs serve`; the copy builds with the installed package.
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("  - src/briefkit/pages/templates\n", "")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return Project(target)


@pytest.fixture
def repo_copy(tmp_path: Path) -> Project:
    return copy_repo(tmp_path / "repo")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Test briefings\n\nWelcome.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "briefings").mkdir()
    (root / "briefings" / "topics.yml").write_text(TOPICS, encoding="utf-8")
    return Project(root)


# --- The site as a reader meets it: built once, served on 127.0.0.1, driven in headless Chromium.
# Playwright cannot download its own browser here, so the system's Chromium is launched. Without
# it the browser tests are skipped on a developer's machine, but fail under CI=true: CI must run
# them (.ci/run installs Chromium when it is missing).


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once for the whole session."""
    project = copy_repo(tmp_path_factory.mktemp("reader") / "repo")
    build = project.build()
    assert build.returncode == 0, build.log
    return build.site


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    with serve(site_dir) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"{CHROMIUM} is missing: CI must run the browser tests (.ci/run installs chromium; "
                "BRIEFKIT_CHROMIUM names another browser)"
            )
        pytest.skip(
            f"{CHROMIUM} is missing: apt-get install chromium (or set BRIEFKIT_CHROMIUM) to run the browser tests"
        )
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - only when a browser is there

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def reader(browser: Browser, site_url: str) -> Iterator[Reader]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    host = urlsplit(site_url).netloc
    tab = Reader(page, host)

    def on_request(request: object) -> None:
        url = request.url  # type: ignore[attr-defined]
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc != host:
            tab.problems.append(f"asked another host: {url}")

    page.on("request", on_request)

    def on_failure(request: object) -> None:
        reason = request.failure or ""  # type: ignore[attr-defined]
        # ERR_ABORTED is the browser dropping a request because the reader moved on to another page.
        if "ERR_ABORTED" not in reason:
            tab.problems.append(f"failed: {request.url} ({reason})")  # type: ignore[attr-defined]

    page.on("requestfailed", on_failure)
    page.on("response", lambda r: tab.problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: tab.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda error: tab.problems.append(f"page error: {error}"))
    yield tab
    context.close()
