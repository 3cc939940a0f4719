"""Sharing a build's pages between two processes, so that a second core builds half of them.

MkDocs builds pages one after the other, in one process; most of a large site's build is
turning Markdown into HTML and HTML into pages, page by page. On a machine with two cores or
more, the hook forks the build once its pages are known: each process then converts and renders
only its own share of the pages that are not in the navigation (briefings, names, years), and
leaves the other process's pages blank. Once both have converted their Markdown, they swap the
anchors of their pages (`Share.swap`), which is all a page needs of another: MkDocs checks each
link to an anchor against them. The process that started the build does everything else (the
navigation's pages, the theme's files, the sitemap), waits for the second, and fails if the
second did.

Forking copies the process as it is, so the second process starts with every page, the
navigation and the configuration already in memory; each process writes its pages to the site
folder itself. (Reading the briefings and rendering the generated pages, before MkDocs, are
shared the same way by `run_shared`, whose second process sends its results back through a
pipe.) Only `mkdocs build`, `gh-deploy`, `briefkit generate` and `briefkit check` fork:
`mkdocs serve` runs its builds beside a web server's threads, which a fork must not copy.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import signal
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from briefkit.quick_exit import end_now

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

T = TypeVar("T")

WORKERS_VARIABLE = "BRIEFKIT_WORKERS"
"""`BRIEFKIT_WORKERS=1` builds in one process; `2` shares pages between two whatever the site's size."""
SHARED_MINIMUM = 400
"""Below this many pages to share, a second process costs more than it saves."""


def wanted(shared_pages: int) -> bool:
    """Whether to share this build between two processes (by the machine, the setting and the size)."""
    if not hasattr(os, "fork"):
        return False
    setting = os.environ.get(WORKERS_VARIABLE, "").strip()
    if setting:
        return setting != "1"
    return (os.cpu_count() or 1) >= 2 and shared_pages >= SHARED_MINIMUM


def in_order(jobs: Sequence[Callable[[], T]]) -> list[T]:
    """Run `jobs` here, one after the other: what `run_shared` does when there is no second process."""
    return [job() for job in jobs]


def run_shared(jobs: Sequence[Callable[[], T]]) -> list[T]:
    """Run `jobs`, every other one in a forked process; their results, in order.

    The second process sends its results back through a pipe once all are done, so the two
    compute side by side and only the (fast) transfer waits. An error in either is raised here.
    """
    if len(jobs) < 2 or not hasattr(os, "fork"):
        return in_order(jobs)
    read_end, write_end = os.pipe()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    pid = os.fork()
    if pid == 0:  # the second process: compute, send, and end without running anything else
        os.close(read_end)
        status = 0
        try:
            outcome: tuple[bool, object] = (True, in_order(jobs[1::2]))
        except Exception as error:
            outcome, status = (False, f"{type(error).__name__}: {error}"), 1
        _send(write_end, outcome)
        os._exit(status)
    os.close(write_end)
    try:
        mine = in_order(jobs[0::2])
    finally:
        received = _receive(read_end)
        os.waitpid(pid, 0)
    if received is None:
        raise RuntimeError("the second process ended without sending its pages")
    succeeded, theirs = received
    if not succeeded:
        raise RuntimeError(f"the second process failed: {theirs}")
    results: list[T] = []
    for index in range(len(jobs)):
        results.append(mine[index // 2] if index % 2 == 0 else theirs[index // 2])
    return results


def _send(pipe_end: int, value: object) -> bool:
    """Write `value` into a pipe and close it; False if the process at the other end has ended."""
    try:
        with os.fdopen(pipe_end, "wb") as pipe:
            pickle.dump(value, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    except BrokenPipeError:
        return False
    return True


def _receive(pipe_end: int) -> Any:
    """What the other end sent, once it closed the pipe; None if it ended without sending."""
    with os.fdopen(pipe_end, "rb") as pipe:
        received = pipe.read()
    return pickle.loads(received) if received else None


class _Count(logging.Handler):
    """Counts the messages the second process logs at warning level and above."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class Share:
    """This process's part of a build shared between two processes."""

    worker: bool
    """True in the second (forked) process, False in the one that started the build."""
    others: set[str]
    """The pages the other process builds (docs paths): this one leaves them blank."""
    mine: set[str] = field(default_factory=set)
    """The pages this process builds of those the two share: the other leaves them blank."""
    pid: int = 0
    """In the first process, the second's process id."""
    incoming: int = -1
    outgoing: int = -1
    """The pipes of `swap`, one each way (file descriptors)."""
    _count: _Count = field(default_factory=_Count)

    @classmethod
    def fork(cls, shared: list[str], strict: bool) -> Share:
        """Fork the build; the second process takes every other page of `shared`.

        With `strict`, a warning in the second process fails the build, as one in the first does.
        """
        second = set(shared[1::2])
        first = set(shared) - second
        to_second, to_first = os.pipe(), os.pipe()  # (read end, write end) each
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        pid = os.fork()
        if pid == 0:
            os.close(to_second[1])
            os.close(to_first[0])
            share = cls(worker=True, others=first, mine=second, incoming=to_second[0], outgoing=to_first[1])
            if strict:
                logging.getLogger("mkdocs").addHandler(share._count)
            return share
        os.close(to_second[0])
        os.close(to_first[1])
        return cls(worker=False, others=second, mine=first, pid=pid, incoming=to_first[0], outgoing=to_second[1])

    def builds(self, path: str) -> bool:
        return path not in self.others

    def swap(self, mine: dict[str, T]) -> dict[str, T] | None:
        """Send the other process what this one learned of its pages, and receive what it learned of its own.

        Both processes call it once, at the same point of the build; None if the other has ended
        (failed) before. The first sends, then receives; the second receives, then sends: each
        pipe holds only 64 KB, so two processes both sending first would wait on each other.
        """
        if self.worker:
            theirs = _receive(self.incoming)
            return theirs if theirs is not None and _send(self.outgoing, mine) else None
        return _receive(self.incoming) if _send(self.outgoing, mine) else None

    def finish(self, failed: bool = False) -> None:
        """In the second process: end it, telling the first whether it logged a warning or failed."""
        end_now(1 if failed or self._count.count else 0)

    def wait(self) -> bool:
        """In the first process: wait for the second; whether it built its pages without a warning."""
        if not self.pid:
            return True
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        return os.waitstatus_to_exitcode(status) == 0

    def stop(self) -> None:
        """In the first process, when its own build failed: end the second and wait for it."""
        if self.pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            self.wait()
