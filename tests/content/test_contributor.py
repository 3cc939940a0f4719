"""A contributor's path, end to end, in a temporary copy of the repository."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from briefkit.cli import main

from built_pages import timeline, titles_in_order
from conftest import briefing

if TYPE_CHECKING:
    from conftest import Project

EDIT = "https://github.com/example/briefings/edit/main/docs/"
BODY = """
## What happened

The Example Authority published its test rules for 5G suppliers.

## Why it matters

Suppliers must now prove their equipment meets the rules.

## Background

The rules were first proposed a year earlier.

## What to watch

Whether other authorities adopt them.
"""


def run(root: str, *args: str) -> int:
    return main(["--root", root, *args])


def test_new_check_build(repo_copy: Project, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(repo_copy.root)
    assert (
        run(root, "new", "Example Authority sets 5G test rules", "--topic", "5g-security", "--date", "2021-03-01") == 0
    )
    written = capsys.readouterr().out.strip()
    assert written == "briefings/2021/2021-03-01-example-authority-sets-5g-test-rules.md"
    path = repo_copy.root / written

    # Left as scaffolded, the briefing does not pass: placeholders never reach the site.
    assert run(root, "check") == 1
    assert capsys.readouterr().out.splitlines()[:4] == [
        f"{written}:5: summary: is empty; fill it in, like 'summary: Huawei's chairman said the company would sign "
        "no-spy agreements with governments.'",
        f"{written}:11: sources[1].publisher: is empty; fill it in, like 'publisher: Reuters'",
        f"{written}:12: sources[1].title: is empty; fill it in, like 'title: Huawei willing to sign no-spy agreements'",
        f"{written}:16: body: has headings but no text; write the account under them",
    ]

    text = path.read_text(encoding="utf-8")
    text = text.replace("summary:\n", "summary: The Example Authority published test rules for 5G suppliers.\n")
    text = text.replace("  - publisher:\n    title:\n", "  - publisher: Example Gazette\n    title: Test rules\n")
    text = text[: text.index("## What happened")] + BODY.lstrip()
    path.write_text(text, encoding="utf-8")
    assert run(root, "check") == 0

    build = repo_copy.build(env={"BRIEFKIT_EDIT_URI": EDIT})
    assert build.returncode == 0, build.log
    key = "2021-03-01-example-authority-sets-5g-test-rules"
    title = "Example Authority sets 5G test rules"
    assert title in titles_in_order(timeline(repo_copy.page("topics/5g-security")))
    assert title in titles_in_order(repo_copy.page("archive/2021"))
    assert titles_in_order(repo_copy.page(""))[0] == title
    page = repo_copy.page(f"briefings/{key}")
    assert (
        f'<a href="https://github.com/example/briefings/edit/main/{written}" class="md-content__button bk-edit" '
        'rel="edit">'
    ) in page
    assert "Edit this briefing" in page


def test_new_refuses_unknown_topics_and_overwriting(repo_copy: Project, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(repo_copy.root)
    assert run(root, "new", "A title", "--topic", "5g-securty", "--date", "2020-01-01") == 1
    assert capsys.readouterr().err == (
        "briefkit new: unknown topic '5g-securty'; did you mean '5g-security'? the topics are: "
        "5g-security, us-china-trade, export-controls, sanctions\n"
    )
    assert run(root, "new", "A title", "--topic", "5G", "--date", "2020-01-01") == 0
    assert capsys.readouterr().out == "briefings/2020/2020-01-01-a-title.md\n"
    assert "topics: [5g-security]" in (repo_copy.root / "briefings/2020/2020-01-01-a-title.md").read_text("utf-8")
    assert run(root, "new", "A title!", "--topic", "5G", "--date", "2020-01-01") == 1
    assert capsys.readouterr().err == (
        "briefkit new: briefings/2020/2020-01-01-a-title.md already exists; choose another title, or edit that file\n"
    )


def test_every_page_of_the_site_has_an_edit_link_to_its_own_file(repo_copy: Project) -> None:
    repo_copy.add("2019/2019-05-14-x.md", briefing(topics="[5g-security]"))
    build = repo_copy.build(env={"BRIEFKIT_EDIT_URI": EDIT})
    assert build.returncode == 0, build.log
    assert f'href="{EDIT}about.md"' in repo_copy.page("about")
    assert 'href="https://github.com/example/briefings/edit/main/briefings/2019/2019-05-14-x.md"' in repo_copy.page(
        "briefings/2019-05-14-x"
    )


def test_run_bare_in_a_terminal_it_asks_for_title_date_and_topics(repo_copy: Project) -> None:
    """A real pseudo-terminal, so `briefkit new` sees a terminal and asks its questions."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "briefkit.cli", "--root", str(repo_copy.root), "new"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        close_fds=True,
    )
    os.close(follower)
    transcript = b""

    def answer_after(prompt: bytes, reply: bytes) -> None:
        nonlocal transcript
        while prompt not in transcript:
            ready, _, _ = select.select([leader], [], [], 10)
            assert ready, f"no prompt {prompt!r} in {transcript!r}"
            transcript += os.read(leader, 1024)
        os.write(leader, reply)

    answer_after(b"Title: ", b"Example talks resume\n")
    answer_after(b"(YYYY-MM-DD)", b"14 May\n")
    answer_after(b"write the date as YYYY-MM-DD", b"2020-11-02\n")
    answer_after(b"Topics (keys, separated by commas): ", b"us-china-trade, 5G\n")
    assert process.wait(timeout=10) == 0
    while True:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if not ready:
            break
        try:
            chunk = os.read(leader, 1024)
        except OSError:
            break
        if not chunk:
            break
        transcript += chunk
    os.close(leader)
    assert b"briefings/2020/2020-11-02-example-talks-resume.md" in transcript
    written = (repo_copy.root / "briefings/2020/2020-11-02-example-talks-resume.md").read_text(encoding="utf-8")
    assert "topics: [us-china-trade, 5g-security]" in written
    assert 'title: "Example talks resume"' in written
