"""A successful `mkdocs build` ends without Python's teardown (briefkit.quick_exit), and nothing else does."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

from conftest import briefing

if TYPE_CHECKING:
    from conftest import Project


def run(project: Project, *command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, *command], cwd=project.root, capture_output=True, text=True, env=env, check=False
    )


def test_a_build_ends_with_its_last_message_and_exit_code(project: Project) -> None:
    project.add("2019/2019-05-14-huawei.md", briefing())
    done = run(project, "-m", "mkdocs", "build", "--strict")
    assert done.returncode == 0, done.stderr
    # Everything the build said is out before the process ends.
    assert "Documentation built in" in done.stderr.rstrip().splitlines()[-1], done.stderr
    assert (project.root / "site" / "briefings" / "2019-05-14-huawei" / "index.html").is_file()

    # A failed build still ends as MkDocs ends it.
    project.add("2019/2019-05-15-broken.md", briefing(title="Broken", date="2019-05-15", body="[x](missing.md)\n"))
    failed = run(project, "-m", "mkdocs", "build", "--strict")
    assert failed.returncode == 1, failed.stderr
    assert "Aborted with 1 warnings in strict mode!" in failed.stdout + failed.stderr


def test_a_program_that_runs_mkdocs_goes_on_after_the_build(project: Project) -> None:
    project.add("2019/2019-05-14-huawei.md", briefing())
    program = (
        "from mkdocs.__main__ import cli\n"
        "try:\n    cli(['build', '--strict'])\nexcept SystemExit as end:\n    print('after the build:', end.code)\n"
    )
    done = run(project, "-c", program)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "after the build: 0"


def test_gh_deploy_goes_on_to_deploy_after_the_build(project: Project) -> None:
    # Not a git repository: MkDocs builds, then refuses to deploy, and says so.
    project.add("2019/2019-05-14-huawei.md", briefing())
    done = run(project, "-m", "mkdocs", "gh-deploy")
    assert "Documentation built in" in done.stderr
    assert "does not appear to be a git repository" in done.stderr
    assert done.returncode == 1
