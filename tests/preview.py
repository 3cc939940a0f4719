"""`mkdocs serve` on a project, in the background, its log read line by line (tests and bench/rebuild.py)."""

from __future__ import annotations

import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from typing import TYPE_CHECKING

from environment import build_environment

if TYPE_CHECKING:
    from pathlib import Path

BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
RELOADED = re.compile(r"Reloading browsers")
"""The end of a rebuild. MkDocs drops any message it has logged before, so "Documentation built
in N seconds" is missing when a rebuild takes as long, to the hundredth, as an earlier build."""


MKDOCS = (
    "import runpy, signal, sys\n"
    # A process started in the background by a shell without job control (`make test &`, some CI
    # runners) inherits SIGINT ignored, and Python then never raises KeyboardInterrupt: `stop`
    # would wait for a server that cannot hear it (and a build test for a build that cannot).
    "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
    "sys.argv = ['mkdocs', *sys.argv[1:]]\n"
    "runpy.run_module('mkdocs', run_name='__main__', alter_sys=True)\n"
)
"""`python -m mkdocs` with Ctrl-C heard, whatever the process that started the tests ignores."""


class Preview:
    def __init__(self, root: Path, env: dict[str, str] | None = None) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self.process = subprocess.Popen(
            [sys.executable, "-c", MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=root,
            env=build_environment(env),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        self.reported: float | None = None
        """The seconds MkDocs reported for the last build, if it did."""
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line)

    def wait_for(self, pattern: re.Pattern[str], timeout: float = 600) -> re.Match[str]:
        """Wait for a line of the log that matches `pattern`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                if self.process.poll() is not None:
                    raise AssertionError("mkdocs serve stopped:\n" + "\n".join(self.log)) from None
                continue
            self.log.append(line.rstrip())
            if match := BUILT.search(line):
                self.reported = float(match[1])
            if match := pattern.search(line):
                return match
        raise AssertionError(f"mkdocs serve did not log {pattern.pattern!r} in time:\n" + "\n".join(self.log))

    def rebuilt(self, timeout: float = 600) -> float | None:
        """Wait for the next rebuild to end; the seconds MkDocs reports, if it did."""
        self.reported = None
        self.wait_for(RELOADED, timeout)
        return self.reported

    def fetch(self, path: str) -> str | None:
        """The served file at `path`, or None if there is none."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
                return str(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise

    def stop(self) -> None:
        """Stop the server as a maintainer's Ctrl-C would, and keep the rest of its log."""
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise
        self.reader.join(timeout=10)
        assert self.process.stderr is not None
        self.process.stderr.close()
        while not self.lines.empty():
            self.log.append(self.lines.get().rstrip())
