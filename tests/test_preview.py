"""`mkdocs serve`: the preview is served without waiting for its search index, which follows."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Project

BRIEFING = "briefings/2019/2019-05-14-huawei-offers-no-spy-agreements.md"


class Preview:
    """`mkdocs serve` on a project, its log read line by line."""

    def __init__(self, project: Project) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project.root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line)

    def wait_for(self, text: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                assert self.process.poll() is None, "\n".join(self.log)
                continue
            self.log.append(line.rstrip())
            if text in line:
                return
        raise AssertionError(f"{text!r} never logged:\n" + "\n".join(self.log))

    def fetch(self, path: str) -> str | None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=10) as response:
                return str(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise

    def index_other_than(self, previous: str | None, timeout: float = 60) -> str:
        """The search index's entry file, once there and not `previous`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            entry = self.fetch("pagefind/pagefind-entry.json")
            if entry is not None and entry != previous:
                return entry
            time.sleep(0.2)
        raise AssertionError("the search index was not written:\n" + "\n".join(self.log))

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)  # as a maintainer's Ctrl-C
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        self.reader.join(timeout=10)
        assert self.process.stderr is not None
        self.process.stderr.close()
        while not self.lines.empty():
            self.log.append(self.lines.get().rstrip())


def test_the_preview_is_served_and_its_search_index_follows_each_build(repo_copy: Project) -> None:
    preview = Preview(repo_copy)
    try:
        preview.wait_for("Serving on")
        first = preview.index_other_than(None)
        edited = repo_copy.root / BRIEFING
        edited.write_text(edited.read_text(encoding="utf-8") + "\nA sentence added in the preview.\n", "utf-8")
        # Not "Documentation built in N seconds": MkDocs drops a message it has logged before, as
        # it is when two builds take as long to the hundredth of a second.
        preview.wait_for("Reloading browsers")
        page = preview.fetch("briefings/2019-05-14-huawei-offers-no-spy-agreements/")
        assert page is not None
        assert "A sentence added in the preview." in page
        # The rebuild cleaned the site folder; the new index holds the new sentence, so it differs.
        preview.index_other_than(first)
    finally:
        preview.stop()
    # The server logs each request it could not answer; the polls above ask before the index is there.
    problems = [line for line in preview.log if line.startswith(("WARNING", "ERROR")) and '"GET /' not in line]
    assert problems == []
    assert not any("Traceback" in line for line in preview.log)
