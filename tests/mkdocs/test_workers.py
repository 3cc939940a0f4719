"""A build shared between two processes (briefkit.workers) makes the same site, and fails as one would."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import pytest

from briefkit.workers import SecondProcessEnded, run_shared

from built_pages import files_of
from conftest import REPO, Project, briefing, copy_repo
from environment import build_environment
from preview import MKDOCS

TWO = {"BRIEFKIT_WORKERS": "2"}
ONE = {"BRIEFKIT_WORKERS": "1"}
ONE_AS_MKDOCS = {**ONE, "BRIEFKIT_PLAIN": "1"}


def test_a_shared_build_writes_the_same_bytes_as_a_single_one(tmp_path: Path) -> None:
    # The single build is MkDocs' own (BRIEFKIT_PLAIN=1): a converter per page, every template part
    # rendered for every page. No speed mechanism may change a byte (briefkit.mkdocs.plugin).
    single, shared = copy_repo(tmp_path / "single"), copy_repo(tmp_path / "shared")
    one, two = single.build(env=ONE_AS_MKDOCS), shared.build(env=TWO)
    assert one.returncode == 0, one.log
    assert two.returncode == 0, two.log
    assert "in two processes" not in one.log
    shared_count = re.search(r"briefings: building (\d+) of the pages in two processes", two.log)
    assert shared_count is not None, two.log
    assert int(shared_count[1]) > 60  # every page out of the navigation: briefings, names, topics
    assert "Page skipped" not in two.log
    single_files, shared_files = files_of(one.site), files_of(two.site)
    assert len(shared_files) > 200
    assert sorted(single_files) == sorted(shared_files)
    assert [name for name in single_files if single_files[name] != shared_files[name]] == []


def test_a_warning_in_either_process_fails_the_build_and_is_shown_once(project: Project) -> None:
    # A link to an anchor that the other briefing does not have: MkDocs warns, and strict fails.
    # Half of them are built by the other process, which sends their anchors: only #nowhere warns.
    for day in range(10, 16):
        following = day + 1 if day < 15 else 10
        project.add(
            f"2019/2019-05-{day}-b{day}.md",
            briefing(
                title=f"Briefing {day}",
                date=f"2019-05-{day}",
                body=f"## What happened\n\nSee [the other](2019-05-{following}-b{following}.md#nowhere), "
                f"[its sources](2019-05-{following}-b{following}.md#sources) and [its start]"
                f"(2019-05-{following}-b{following}.md#what-happened).\n",
            ),
        )
    build = project.build(env=TWO)
    assert build.returncode == 1
    assert "in two processes" in build.log
    assert "Traceback" not in build.log
    warned = sorted(line.split("'")[1] for line in build.log.splitlines() if "#nowhere" in line)
    assert warned == [f"briefings/2019-05-{day}-b{day}.md" for day in range(10, 16)]
    assert "#sources" not in build.log
    assert "#what-happened" not in build.log
    assert "the second build process failed on its share of the pages" in build.log


def test_pages_out_of_the_navigation_share_a_navigation_whose_links_fit_each(repo_copy: Project) -> None:
    """The tabs and sidebar are rendered once per set of links (hooks/briefings.py, `_Once`)."""
    build = repo_copy.build()
    assert build.returncode == 0, build.log
    tabs = re.compile(r'<a href="([^"]*)" class="md-tabs__link')

    def topics_tab(url_path: str) -> str:
        return str(tabs.findall(repo_copy.page(url_path))[1])

    assert topics_tab("topics/5g-security") == "../"
    assert topics_tab("briefings/2019-05-14-huawei-offers-no-spy-agreements") == "../../topics/"
    assert topics_tab("organizations/huawei") == "../../topics/"
    assert topics_tab("topics") == "./"
    # Out of the navigation, no tab is active; on the topics index, its tab is.
    assert "md-tabs__item--active" not in repo_copy.page("topics/5g-security")
    assert "md-tabs__item--active" in repo_copy.page("topics")

    # The header and the scripts' settings too, but for each page's own title.
    def header(url_path: str) -> tuple[str, str, str]:
        page = repo_copy.page(url_path)
        logo = re.search(r'<a href="([^"]*)" title="[^"]*" class="md-header__button md-logo"', page)
        topic = re.search(r'data-md-component="header-topic">\s*<span class="md-ellipsis">\s*([^<]*?)\s*</span>', page)
        base = re.search(r'<script id="__config" type="application/json">\{[^<]*?"base": "([^"]*)"', page)
        assert logo and topic and base, url_path
        return logo[1], topic[1], base[1]

    assert header("briefings/2019-05-14-huawei-offers-no-spy-agreements") == (
        "../..",
        "Huawei offers governments &quot;no-spy&quot; agreements",
        "../..",
    )
    assert header("organizations/huawei") == ("../..", "Huawei", "../..")
    assert header("topics/5g-security") == ("../..", "5G security", "../..")
    assert header("topics") == ("..", "Topics", "..")


def test_briefings_read_by_two_processes_report_the_same_problems(project: Project) -> None:
    for day in range(10, 16):
        project.add(f"2019/2019-05-{day}-b{day}.md", briefing(title=f"Briefing {day}", date=f"2019-05-{day}"))
    project.add("2019/2019-05-20-bad.md", briefing(title="Bad", date="2019-05-21"))
    project.add("2019/2019-05-22-worse.md", briefing(title="Worse", date="2019-05-22", topics="[no-such-topic]"))

    def problems(env: dict[str, str]) -> list[str]:
        build = project.build(env=env)
        assert build.returncode == 1
        assert "Traceback" not in build.log
        return [line for line in build.log.splitlines() if "briefings/2019/2019-05-2" in line]

    alone = problems(ONE)
    assert len(alone) == 2, alone
    assert problems(TWO) == alone


def test_one_briefing_s_link_references_do_not_reach_the_next_page(project: Project) -> None:
    # Each process converts its pages with one Markdown converter (briefkit.mkdocs.converter), reset between
    # pages: a reference one briefing defines must not resolve in a page converted after it. Each
    # of the two uses the other's, whichever is converted first.
    project.add(
        "2019/2019-05-14-a.md",
        briefing(body="## What happened\n\nSee [the filing][a]; not [b][b].\n\n[a]: https://filings.example.net/a\n"),
    )
    project.add(
        "2019/2019-05-15-b.md",
        briefing(
            title="A later briefing",
            date="2019-05-15",
            body="## What happened\n\nSee [the ruling][b]; not [a][a].\n\n[b]: https://filings.example.net/b\n",
        ),
    )
    result = project.build(env=ONE)
    assert result.returncode == 0, result.log
    for path, own, other in (("briefings/2019-05-14-a", "a", "b"), ("briefings/2019-05-15-b", "b", "a")):
        page = project.page(path)
        assert f'href="https://filings.example.net/{own}"' in page
        assert f"not [{other}][{other}]." in page
        assert f"filings.example.net/{other}" not in page


def test_the_overrides_copy_materials_blocks_but_for_the_wrapped_includes() -> None:
    # docs/overrides/main.html replaces two of Material's blocks to render their includes once
    # (briefkit.mkdocs.once); a page is byte-identical to Material's only while the copy is exact.
    import material  # noqa: PLC0415

    base = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    ours = (REPO / "docs" / "overrides" / "main.html").read_text(encoding="utf-8")
    fits = "{% set once = briefkit_once_fits is defined and briefkit_once_fits(page) %}"
    for name, include in (("tabs", "partials/tabs.html"), ("site_nav", "partials/nav.html")):
        plain = f'{{% include "{include}" %}}'
        wrapped = (
            f'{{% if once %}}{{% call briefkit_once("{name.removeprefix("site_")}", page) %}}{plain}'
            f"{{% endcall %}}{{% else %}}{plain}{{% endif %}}"
        )
        pattern = rf"{{% block {name} %}}(.*?){{% endblock %}}"
        copy = re.search(pattern, ours, re.S)
        original = re.search(pattern, base, re.S)
        assert copy is not None and original is not None, name
        assert copy[1].removeprefix(fits).replace(wrapped, plain) == original[1], (
            f"Material's block {name} changed: copy it again into docs/overrides/main.html"
        )


def process_stat(stat: Path) -> list[str]:
    """A Linux /proc/PID/stat's fields after the process's name (state, parent, group, ...); [] once
    the process has ended, zombies (ended, not yet waited for) included."""
    try:
        fields = stat.read_text(encoding="utf-8").rpartition(")")[2].split()
    except OSError:
        return []
    return fields if fields[0] != "Z" else []


def processes_in_group(group: int) -> list[int]:
    """The running processes of process group `group`."""
    return [
        int(stat.parent.name)
        for stat in Path("/proc").glob("[0-9]*/stat")
        if (fields := process_stat(stat)) and int(fields[2]) == group
    ]


def test_ctrl_c_ends_both_processes_and_is_reported_once(repo_copy: Project) -> None:
    # A terminal's Ctrl-C reaches every process of the build's group: the second must end at once
    # and quietly, leaving the first to say "Aborted!" once, as MkDocs alone does.
    with subprocess.Popen(
        [sys.executable, "-c", MKDOCS, "build", "--strict"],
        cwd=repo_copy.root,
        env=build_environment(TWO),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own group, as a terminal gives a command
    ) as build:
        assert build.stdout is not None
        log = []
        for line in build.stdout:
            log.append(line)
            if "in two processes" in line:  # logged just before the fork
                break
        deadline = time.monotonic() + 60
        while len(processes_in_group(build.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.005)
        assert len(processes_in_group(build.pid)) == 2, "".join(log)
        os.killpg(build.pid, signal.SIGINT)
        log += build.stdout.readlines()
        assert build.wait(timeout=60) == 1
        assert "".join(log).count("Aborted!") == 1, "".join(log)
        assert "Traceback" not in "".join(log)
        assert processes_in_group(build.pid) == []


LEFT_ALONE = """
import os, sys, time
from briefkit.mkdocs.share import Share
from briefkit.workers import fork_with_pipe

if sys.argv[1] == "pipe":
    second, _ = fork_with_pipe()
else:
    second = Share.fork(["a.md", "b.md"], strict=False).pid
if second == 0:  # the second process: it would outlive the first by a minute
    os.close(1)
    os.close(2)
    time.sleep(60)
    os._exit(0)
print(second, flush=True)
os._exit(0)  # as if killed: the first neither stops nor waits for the second
"""


def running(pid: int) -> bool:
    return process_stat(Path(f"/proc/{pid}/stat")) != []


@pytest.mark.parametrize("fork", ["pipe", "share"])
def test_a_second_process_ends_when_the_first_is_killed(fork: str) -> None:
    # Killed outright, the first cannot stop the second, which would go on writing its pages into a
    # site folder the next build may be writing. Both ways of forking (workers.fork_with_pipe, the
    # build's Share.fork) ask the kernel to end the second with the first.
    first = subprocess.run(
        [sys.executable, "-c", LEFT_ALONE, fork],
        env=build_environment(None),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert first.returncode == 0, first.stderr
    second = int(first.stdout)
    deadline = time.monotonic() + 10
    while running(second) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not running(second)


BREAKS_IN_SECOND = """
import os, signal
from markdown import Extension
from markdown.preprocessors import Preprocessor
from mkdocs.exceptions import PluginError


class Breaks(Preprocessor):
    def run(self, lines):
        second = os.getppid() != int(os.environ["TEST_RUNNER"])  # the first is the test runner's child
        if second and any("BREAK HERE" in line for line in lines):
            if os.environ["TEST_BREAK"] == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            if os.environ["TEST_BREAK"] == "bug":
                raise ValueError("a bug in the second process")
            raise PluginError("the test extension refuses this page")
        return lines


class BreaksInSecond(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(Breaks(md), "breaks", 100)


def makeExtension(**options):
    return BreaksInSecond(**options)
"""


def break_in_second(project: Project, how: str) -> str:
    """Build `project` in two processes, with an extension that breaks its second `how`; the log."""
    (project.root / "breaks_in_second.py").write_text(BREAKS_IN_SECOND, encoding="utf-8")
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "markdown_extensions:\n", "markdown_extensions:\n  - breaks_in_second\n"
        ),
        encoding="utf-8",
    )
    for day in range(10, 16):  # every briefing: the second process builds some of them
        project.add(
            f"2019/2019-05-{day}-b{day}.md",
            briefing(title=f"Briefing {day}", date=f"2019-05-{day}", body="BREAK HERE\n"),
        )
    build = project.build(env={**TWO, "TEST_RUNNER": str(os.getpid()), "TEST_BREAK": how})
    assert build.returncode == 1, build.log
    assert "in two processes" in build.log
    return build.log


def test_an_error_in_the_second_process_is_shown_as_in_one(project: Project) -> None:
    # MkDocs reports a build error after its `on_build_error` event, which the second process does
    # not outlive: the adapter reports it there, in MkDocs' words.
    log = break_in_second(project, "error")
    assert log.count("the test extension refuses this page") == 1, log
    assert "the second build process failed on its share of the pages (see the messages above)" in log
    assert "Traceback" not in log


def test_a_bug_in_the_second_process_is_shown_with_its_trace(project: Project) -> None:
    log = break_in_second(project, "bug")
    assert "Traceback (most recent call last)" in log
    assert "ValueError: a bug in the second process" in log
    assert "the second build process failed on its share of the pages (see the messages above)" in log


def test_a_second_process_killed_from_outside_is_named(project: Project) -> None:
    # Killed, the second cannot say why: the first says how it ended, and what to do.
    log = break_in_second(project, "kill")
    assert (
        "the second build process was killed by SIGKILL (as the kernel does when the machine runs out of memory) "
        "before it finished its share of the pages; build again, or in one process with BRIEFKIT_WORKERS=1"
    ) in log
    assert "see the messages above" not in log
    assert "Traceback" not in log


def _ends_itself() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def test_shared_work_whose_second_process_is_killed_says_how() -> None:
    # Reading the briefings and rendering the generated pages (workers.run_shared): every other job
    # runs in the second process, here one that is killed as the kernel kills for want of memory.
    with pytest.raises(SecondProcessEnded) as ended:
        run_shared([lambda: 1, _ends_itself])
    assert str(ended.value) == (
        "the second process was killed by SIGKILL (as the kernel does when the machine runs out of memory) "
        "before it finished its work; build again, or in one process with BRIEFKIT_WORKERS=1"
    )


def test_shared_work_gives_the_results_of_one_process_in_order() -> None:
    jobs = [partial(pow, n, 2) for n in range(7)]
    assert run_shared(jobs) == [n * n for n in range(7)]
