"""Pure work shared with a forked second process, so that a second core does half of it.

Reading the briefings, rendering the generated pages and merging the search index's parts are
lists of independent jobs with picklable results: `run_shared` runs every other job in a forked
process, which sends its results back through a pipe, so the results are the ones one process
would have computed, in the same order. `BRIEFKIT_WORKERS` chooses (see `wanted`); the MkDocs
build's own pages are shared by `briefkit.mkdocs.share`, under stricter conditions.
Only `mkdocs build`, `gh-deploy`, `briefkit generate` and `briefkit check` fork: `mkdocs serve`
runs its builds beside a web server's threads, which a fork must not copy.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

T = TypeVar("T")

WORKERS_VARIABLE = "BRIEFKIT_WORKERS"
"""`BRIEFKIT_WORKERS=1` builds in one process; `2` shares pages between two whatever the site's size."""
PR_SET_PDEATHSIG = 1
"""Linux's prctl option: the signal a process gets when its parent ends (linux/prctl.h)."""
SHARED_MINIMUM = 400
"""Below this many pages to share, a second process costs more than it saves."""
ONE_PROCESS = f"build again, or in one process with {WORKERS_VARIABLE}=1"
"""What to do when the second process was ended from outside (the kernel, a person, a crash)."""


class SecondProcessEnded(RuntimeError):
    """The second process ended before it sent its results; the message says how, and what to do."""


def how_it_ended(code: int) -> str:
    """How a process ended, in words ("was killed by SIGKILL (...)"), from its exit code as `subprocess`
    gives it: the signal's number, negative, if a signal ended it (`os.waitstatus_to_exitcode`)."""
    if code >= 0:
        return f"exited with status {code}"
    try:
        name = signal.Signals(-code).name
    except ValueError:
        name = f"signal {-code}"
    if -code == signal.SIGKILL:
        return f"was killed by {name} (as the kernel does when the machine runs out of memory)"
    return f"was killed by {name}"


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
    compute side by side and only the (fast) transfer waits. An error in either is raised here;
    a second process that ended without a word (killed, say) raises `SecondProcessEnded`.
    """
    if len(jobs) < 2 or not hasattr(os, "fork"):
        return in_order(jobs)
    pid, pipe_end = fork_with_pipe()
    if pid == 0:  # the second process: compute, send, and end without running anything else
        status = 0
        try:
            outcome: tuple[bool, object] = (True, in_order(jobs[1::2]))
        except Exception as error:
            outcome, status = (False, f"{type(error).__name__}: {error}"), 1
        send(pipe_end, outcome)
        os._exit(status)
    try:
        mine = in_order(jobs[0::2])
    finally:
        received = receive(pipe_end)
        code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    if received is None:
        raise SecondProcessEnded(f"the second process {how_it_ended(code)} before it finished its work; {ONE_PROCESS}")
    succeeded, theirs = received
    if not succeeded:
        raise RuntimeError(f"the second process failed: {theirs}")
    results: list[T] = []
    for index in range(len(jobs)):
        results.append(mine[index // 2] if index % 2 == 0 else theirs[index // 2])
    return results


def fork_with_pipe() -> tuple[int, int]:
    """Fork, with a pipe from the second process to the first.

    In the second process: (0, the pipe's write end); in the first: (the second's id, its read end).
    """
    read_end, write_end = os.pipe()
    pid = fork()
    if pid == 0:
        os.close(read_end)
        return 0, write_end
    os.close(write_end)
    return pid, read_end


def fork() -> int:
    """`os.fork`, with Python's buffered output written out first, so that neither process writes it
    again, and the second process set up by `start_second_process`."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    first = os.getpid()
    pid = os.fork()
    if pid == 0:
        start_second_process(first)
    return pid


def start_second_process(first: int) -> None:
    """In a forked process: it ends at once on Ctrl-C, and when the process `first` ends.

    Python turns Ctrl-C into KeyboardInterrupt, which in a fork would unwind through the code of
    the first process it was copied from, up through MkDocs' command line, which would print
    "Aborted!" once for each process. A terminal interrupts both; the first reports it. Where
    Ctrl-C is ignored (a build started in the background), it stays ignored.

    A first process killed outright (by `kill`, `timeout` or the kernel) cannot end the second,
    which would go on writing its share of the pages into a site folder that the next build may
    be writing: on Linux the kernel ends it with its parent.
    """
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    if sys.platform != "linux":
        return
    try:
        import ctypes  # noqa: PLC0415 - only a forked process on Linux needs it

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # no C library to ask: the second ends at its next exchange
        return
    if os.getppid() != first:  # the first ended before the kernel was asked
        os._exit(1)


def send(pipe_end: int, value: object) -> bool:
    """Write `value` into a pipe and close it; False if the process at the other end has ended."""
    try:
        with os.fdopen(pipe_end, "wb") as pipe:
            pickle.dump(value, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    except BrokenPipeError:
        return False
    return True


def receive(pipe_end: int) -> Any:
    """What the other end sent, once it closed the pipe; None if it ended without sending."""
    with os.fdopen(pipe_end, "rb") as pipe:
        received = pipe.read()
    return pickle.loads(received) if received else None
