"""Every command the README and the guides show is one that exists, and the runnable ones run as documented."""

from __future__ import annotations

import re
import shlex
import subprocess
from typing import TYPE_CHECKING

import pytest

from briefkit.cli import main
from briefkit.commands import parser

from conftest import REPO, copy_repo

if TYPE_CHECKING:
    from pathlib import Path

DOCUMENTS = [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]


def shown_commands() -> list[tuple[str, str]]:
    """(document, command) for each line of each shell block, without its comment."""
    found = []
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        for block in re.findall(r"```(?:sh|bash|console)\n(.*?)```", text, re.DOTALL):
            for line in block.splitlines():
                command = line.split("  #", 1)[0].strip()
                if command:
                    found.append((document.relative_to(REPO).as_posix(), command))
    return found


COMMANDS = shown_commands()


def test_the_docs_show_commands() -> None:
    documents = {document for document, _ in COMMANDS}
    assert {"README.md", "docs/owners/index.md"} <= documents
    assert ("README.md", "make test") in COMMANDS


@pytest.mark.parametrize(("document", "command"), COMMANDS)
def test_each_command_shown_exists(document: str, command: str) -> None:
    words = shlex.split(command.replace("[", " [").split(" [", 1)[0])  # usage: up to the first optional part
    if words[0] == "make":
        # The target exists: make works out what it would run, and runs nothing.
        result = subprocess.run(["make", "-n", *words[1:]], cwd=REPO, capture_output=True, text=True, check=False)
        assert result.returncode == 0, f"{document}: {command}: {result.stderr}"
    elif words[0] == "briefkit":
        args = parser().parse_args(words[1:])  # exits (fails the test) on an unknown command or option
        assert args.command == words[1]
    else:
        # Another program's command (MkDocs' gh-deploy): it must at least be installed.
        program = next(word for word in words if "=" not in word)
        assert (REPO / program).is_file(), f"{document}: {command}"


def test_the_runnable_briefkit_commands_run_as_documented(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_repo(tmp_path / "repo")
    assert main(["--root", str(project.root), "check"]) == 0  # "validate; exit 1 on any error"
    assert main(["--root", str(project.root), "schema"]) == 0
    assert '"$schema"' in capsys.readouterr().out
    assert main(["--root", str(project.root), "generate", "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "feed.xml").is_file()
    project.add("2019/2019-05-14-broken.md", "---\ntitle: Broken\n---\n")
    assert main(["--root", str(project.root), "check"]) == 1
