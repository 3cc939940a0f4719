"""The command reference: generated from the parser, and every example in it runs as documented."""

from __future__ import annotations

import html
import shlex
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefkit.cli import main
from briefkit.commands import EXAMPLES, parser

from conftest import copy_repo

if TYPE_CHECKING:
    from conftest import Project


def test_the_command_reference_lists_every_command_and_option(site_dir: Path) -> None:
    page = html.unescape((site_dir / "owners" / "commands" / "index.html").read_text(encoding="utf-8"))
    for command in ("check", "new", "build", "generate", "schema"):
        assert f'<h2 id="{command}">briefkit {command}' in page
    for option in ("--root ROOT", "--format {text,github}", "--topic TOPIC", "-d SITE_DIR, --site-dir SITE_DIR"):
        assert f"<code>{option}</code>" in page
    assert "<code>briefkit check briefings/2019/2019-05-14-huawei-offers-no-spy-agreements.md</code>" in page
    assert set(EXAMPLES) == {"check", "new", "build", "generate", "schema"}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A copy of this repository's site for each example, so that one example's files do not meet another's."""
    return copy_repo(tmp_path / "repo")


# The builds are exercised by test_engines; here, every other example, as a site owner types it.
RUN = [example for examples in EXAMPLES.values() for example in examples if not example.startswith("briefkit build")]


@pytest.mark.parametrize("example", RUN)
def test_each_example_runs(example: str, project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project.root)
    words = shlex.split(example.split(" > ", maxsplit=1)[0])
    assert words[0] == "briefkit"
    assert main(words[1:]) == 0


def test_each_build_example_is_a_valid_command() -> None:
    for example in EXAMPLES["build"]:
        args = parser().parse_args(shlex.split(example)[1:])
        assert args.command == "build"
