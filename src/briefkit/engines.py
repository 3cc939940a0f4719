"""`briefkit build`: the whole site with a named engine, MkDocs, ProperDocs or Zensical.

MkDocs and ProperDocs (a maintained fork of MkDocs 1.x) run the project's hook, which does the
rest. Zensical runs no hooks, so for it this module does what the hook does: it writes the
generated pages into a copy of the project's docs folder (never into `docs/`), runs Zensical on
the copy, then has Pagefind index the site and audits it against the briefings, as the hook does
after MkDocs. Each engine is run as a program of its own; an engine that fails is reported in one
line, after its own messages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from briefkit.audit import audit_site
from briefkit.content.load import Layout
from briefkit.content.problems import Severity, plural
from briefkit.outputs.write import MARKER, write_pages
from briefkit.paths import site_path
from briefkit.search.indexing import Indexing, SearchIndexError, completed
from briefkit.site import build_site, masthead_from_config

CONFIG = "mkdocs.yml"


@dataclass(frozen=True)
class Outcome:
    """How a build ended: its exit code, and the line to print last (empty when the engine said it)."""

    code: int
    account: str = ""


def build(root: Path, engine: str, site_dir: Path | None, strict: bool) -> Outcome:
    """Build the project at `root` with `engine` into `site_dir` (the configuration's, if None)."""
    if engine == "zensical":
        return _zensical(root, site_dir)
    command = [_program(engine), "build", "-f", str(root / CONFIG)]
    if site_dir is not None:
        command += ["-d", str(site_dir.resolve())]
    if strict:
        command.append("--strict")
    code = _run(command, root)
    return Outcome(code, "" if code == 0 else f"briefkit build: {engine} failed (exit {code}); see its messages above")


def _program(engine: str) -> str:
    """The engine's command, installed beside this Python (`pip install -e '.[properdocs]'`, `.[zensical]`)."""
    beside = Path(sys.executable).parent / engine
    if beside.is_file():
        return str(beside)
    found = shutil.which(engine)
    if found is None:
        raise EngineMissing(f"{engine} is not installed; install it with pip install -e '.[{engine}]'")
    return found


class EngineMissing(Exception):
    """The named engine is not installed; the message says how to install it."""


def _run(command: list[str], cwd: Path) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=cwd, env=env, check=False).returncode


def _zensical(root: Path, site_dir: Path | None) -> Outcome:
    layout = Layout.of(root)
    site = build_site(layout, masthead=masthead_from_config(root), links_from_source=True)
    for problem in site.content.problems:
        print(problem, file=sys.stderr if problem.severity is Severity.ERROR else sys.stdout)
    if not site.ok:
        return Outcome(1, f"briefkit build: {plural(site.content.errors, 'problem')} in briefings; nothing built")
    target = (site_dir or root / "site").resolve()
    with tempfile.TemporaryDirectory(prefix="briefkit-zensical-") as scratch:
        # The project as Zensical reads it: its configuration, its docs folder with the generated
        # pages written in, and the folders the configuration names beside them.
        project = Path(scratch)
        shutil.copy(root / CONFIG, project / CONFIG)
        docs = project / layout.docs_dir.relative_to(layout.root)
        shutil.copytree(layout.docs_dir, docs)
        write_pages(site.pages, project / "generated")
        shutil.copytree(project / "generated", docs, dirs_exist_ok=True, ignore=shutil.ignore_patterns(MARKER))
        code = _run([_program("zensical"), "build", "-f", str(project / CONFIG)], project)
        if code != 0:
            return Outcome(code, f"briefkit build: zensical failed (exit {code}); see its messages above")
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(project / "site", target)
    indexing = Indexing(target)
    try:
        audit = audit_site(target, site.catalog, _output_of, lambda: completed(indexing, print)[0])
    except SearchIndexError as error:
        return Outcome(1, f"briefkit build: the search index could not be built: {error}")
    finally:
        indexing.stop()
    for sentence in audit.missing:
        print(sentence, file=sys.stderr)
    if not audit.ok:
        return Outcome(1, f"briefkit build: the built site lost {plural(len(audit.missing), 'entry')} (listed above)")
    catalog = site.catalog
    return Outcome(
        0,
        f"{plural(len(catalog.briefings), 'briefing')}, {plural(len(catalog.topics), 'topic')}, "
        f"{plural(audit.pages, 'page')}",
    )


def _output_of(page: str) -> str:
    """Where a docs page is written (directory URLs, as MkDocs and Zensical write them)."""
    return site_path(page) + "index.html"
