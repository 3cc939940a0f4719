"""A `mkdocs build` shared between two processes: each converts and renders half of the pages.

MkDocs builds pages one after the other, in one process. On a machine with two cores or more,
the adapter forks the build once its pages are known (`on_nav`): each process then converts and
renders only its own share of the pages that are not in the navigation (briefings, names,
years), and leaves the other's out of its build. Once both have converted their Markdown, they
swap the anchors of their pages (`Share.swap`), which is all a page needs of another: MkDocs
checks each link to an anchor against them. The process that started the build does everything
else (the navigation's pages, the theme's files, the sitemap), waits for the second, and fails
if the second did.

Another plugin or hook would see only half of the pages in each process, so the adapter shares
a build only when briefkit's hook is the only one configured (`briefkit.mkdocs.plugin`); a test
builds a site both ways and compares every file. `mkdocs serve` never forks: its builds run
beside a web server's threads, which a fork must not copy.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import traceback
from dataclasses import dataclass, field
from typing import NoReturn, TypeVar

from mkdocs.exceptions import BuildError

from briefkit.workers import ONE_PROCESS, fork, how_it_ended, receive, send

T = TypeVar("T")

FAILED = "the second build process failed on its share of the pages (see the messages above)"


def end_now(status: int) -> NoReturn:
    """End the second process with `status`, once its logs are out: it must not go on into MkDocs' build."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(status)


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
    """The pages the other process builds (docs paths): this one leaves them out of its build."""
    mine: set[str] = field(default_factory=set)
    """The pages this process builds of those the two share."""
    pid: int = 0
    """In the first process, the second's process id."""
    incoming: int = -1
    outgoing: int = -1
    """The pipes of `swap`, one each way (file descriptors)."""
    _count: _Count = field(default_factory=_Count)

    @classmethod
    def fork(cls, shared: list[str], strict: bool, first_keeps: str | None = None) -> Share:
        """Fork the build; the second process takes every other page of `shared`, but `first_keeps`.

        With `strict`, a warning in the second process fails the build, as one in the first does.
        """
        second = set(shared[1::2]) - {first_keeps}
        first = set(shared) - second
        to_second, to_first = os.pipe(), os.pipe()  # (read end, write end) each
        pid = fork()
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
            theirs = receive(self.incoming)
            return theirs if theirs is not None and send(self.outgoing, mine) else None
        return receive(self.incoming) if send(self.outgoing, mine) else None

    def fail(self, error: Exception) -> NoReturn:
        """In the second process, when its build failed: report `error` as MkDocs would, and end.

        MkDocs reports a build's error after its `on_build_error` event, which the second process
        does not outlive: a build error in a line, anything else with its traceback.
        """
        text = str(error) if isinstance(error, BuildError) else "".join(traceback.format_exception(error))
        logging.getLogger("mkdocs.commands.build").error(text.rstrip())
        self.finish(failed=True)

    def finish(self, failed: bool = False) -> NoReturn:
        """In the second process: end it, telling the first whether it logged a warning or failed."""
        end_now(1 if failed or self._count.count else 0)

    def wait(self) -> str | None:
        """In the first process: wait for the second; None if it built its pages without a warning, else why not.

        A second process that failed said why itself (`finish`); one killed from outside could not,
        so this says how it ended.
        """
        if not self.pid:
            return None
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        if status == 0:
            return None
        code = os.waitstatus_to_exitcode(status)
        if code == 1:
            return FAILED
        return f"the second build process {how_it_ended(code)} before it finished its share of the pages; {ONE_PROCESS}"

    def stop(self) -> None:
        """In the first process, when its own build failed: end the second and wait for it."""
        if self.pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            self.wait()
