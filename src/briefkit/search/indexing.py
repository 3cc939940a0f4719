"""The site's search index, built with Pagefind after MkDocs has written the pages.

Pagefind splits its index into chunks and fragments, so a reader's first search downloads only
the parts it needs, however many pages the site has; Material's built-in search sends its whole
index (about 5 MB at 1,000 briefings) on the first search.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefkit.search.files import fragments
from briefkit.workers import how_it_ended

if TYPE_CHECKING:
    from collections.abc import Callable

NOTE = "note: "
"""Begins each line of the indexing process's output that the build logs."""
PARTS_VARIABLE = "BRIEFKIT_INDEX_PARTS"
"""`BRIEFKIT_INDEX_PARTS=1` indexes in one run; `3` in three parts whatever the site's size (for tests)."""
JEMALLOC_SETTINGS = "_RJEM_MALLOC_CONF"
"""How Pagefind's allocator (tikv-jemallocator, whose variables carry this prefix) is tuned."""


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message says why."""


def ended(code: int) -> str:
    """How Pagefind or the indexing process ended, when it could not say; and what to do if memory ran out."""
    how = how_it_ended(code)
    if code == -signal.SIGKILL:
        how += f"; indexing in more parts takes less memory: build again with {PARTS_VARIABLE}=4"
    return how


class Indexing:
    """Pagefind indexing a built site into `site/pagefind/`, in its own process, started at once.

    The build goes on meanwhile (the audit reads the pages while Pagefind indexes them): `wait` waits
    for the index, `in_background` lets it finish on its own, `stop` ends it early.
    """

    def __init__(self, site: Path) -> None:
        # Its own Python process (briefkit.search.indexer) runs Pagefind, in parts on a large site, and merges them.
        handle, urls = tempfile.mkstemp(prefix="briefkit-indexed-", suffix=".json")
        os.close(handle)
        self.urls_file = Path(urls)
        self.notes: list[str] = []
        command = [
            sys.executable,
            "-m",
            "briefkit.search.indexer",
            str(site),
            urls,
        ]
        # Pagefind allocates with jemalloc, which keeps freed memory for reuse for ten seconds; returning
        # it at once lowers Pagefind's peak, the build's highest, by a quarter (742 to 535 MB at 5,000
        # briefings) for about 5% more of its time. Another allocator would just ignore the variable.
        environment = {JEMALLOC_SETTINGS: "dirty_decay_ms:0,muzzy_decay_ms:0", **os.environ}
        self.output = tempfile.TemporaryFile("w+")  # noqa: SIM115 - it outlives this call; wait and stop close it
        # In a session of its own, so that `stop` ends Pagefind with it.
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=self.output,
            stderr=subprocess.STDOUT,
            text=True,
            env=environment,
            start_new_session=True,
        )
        self.stopped = False
        self.watcher: threading.Thread | None = None

    def wait(self) -> float:
        """Wait for the index to be written; Pagefind's peak memory, in MB.

        The peak is measured where the system reports a child's own (on Unix); elsewhere it is 0.
        """
        with self.output:
            if hasattr(os, "wait4"):
                # wait4 gives this child's own usage (with its children's), apart from the build's other processes.
                _, status, usage = os.wait4(self.process.pid, 0)
                self.process.returncode, peak = os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024
            else:
                self.process.wait()
                peak = 0.0
            self.output.seek(0)
            said = self.output.read()
            if self.process.returncode != 0:
                self.urls_file.unlink(missing_ok=True)
                code = self.process.returncode
                # The indexing process says why it failed; ended from outside (by a signal) it could not.
                raise SearchIndexError(f"the indexing process {ended(code)}" if code < 0 else said.strip()[-2000:])
        self.notes = [line.removeprefix(NOTE) for line in said.splitlines() if line.startswith(NOTE)]
        return peak

    def urls(self) -> set[str]:
        """The URL paths of the pages in the index, once `wait` has returned."""
        try:
            return set(json.loads(self.urls_file.read_text(encoding="utf-8")))
        finally:
            self.urls_file.unlink(missing_ok=True)

    def in_background(self, on_failure: Callable[[str], None]) -> None:
        """Let Pagefind finish on its own (for `mkdocs serve`); `on_failure` hears why it failed, if it does."""

        def watch() -> None:
            try:
                self.wait()
            except SearchIndexError as error:
                if not self.stopped:
                    on_failure(str(error))
            finally:
                self.urls_file.unlink(missing_ok=True)  # the preview does not need the list of indexed pages

        self.watcher = threading.Thread(target=watch, name="pagefind", daemon=True)
        self.watcher.start()

    def stop(self) -> None:
        """End Pagefind if it still runs: the build failed before waiting for it, or another began."""
        self.stopped = True
        if self.process.returncode is None:
            # Not `Popen.kill`, which polls first, and so could reap the process under the watcher.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                if hasattr(os, "killpg"):
                    os.killpg(self.process.pid, signal.SIGKILL)  # the indexer and the Pagefind it runs
                else:
                    os.kill(self.process.pid, signal.SIGTERM)
        if self.watcher is not None:
            self.watcher.join()
        elif self.process.returncode is None:
            self.process.wait()
        self.output.close()
        self.urls_file.unlink(missing_ok=True)


def completed(indexing: Indexing, say: Callable[[str], None]) -> tuple[set[str], float]:
    """Wait for `indexing`: the URL paths of the pages in the index, and its peak memory in MB.

    The index is checked by the indexing process (briefkit.search.indexer), which writes it anew if the
    index kept from the last build does not fit; `say` hears what it tells.
    """
    peak = indexing.wait()
    for note in indexing.notes:
        say(note)
    return indexing.urls(), peak


def index_site(site: Path) -> float:
    """Index the built site in `site` into `site/pagefind/`, and wait; Pagefind's peak memory, in MB."""
    return Indexing(site).wait()


def indexed_pages(site: Path) -> dict[str, dict[str, Any]]:
    """Every page in the search index, by URL path (like `/briefings/key/`), with what was indexed of it."""
    return {record["url"]: record for record in fragments(site)}


def indexed_urls(site: Path) -> set[str]:
    """The URL paths of the pages in the search index.

    Record by record, keeping only the URL: the records hold each page's whole text, and holding
    them all at once was the build process's peak (45 MB more at 5,000 briefings).
    """
    return {record["url"] for record in fragments(site)}
