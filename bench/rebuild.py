"""`make bench-serve`: how long `mkdocs serve` takes to rebuild after a briefing is edited.

Writes the synthetic corpus (bench/corpus.py) of 1,000 briefings, starts `mkdocs serve` on it,
waits for the first build, then edits one briefing at a time and times the rebuild, from the
moment the file is saved to the end of the rebuild ("Reloading browsers"), and checks that the
served page shows the edit. In the same run it times plain `mkdocs build`s of the same site and of the
baseline (the same bodies as plain MkDocs pages; see bench/run.py). Target (issue 5): a rebuild
takes at most 1.2 times a plain build. Each figure is the median of --repeat measurements.
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import write_corpus
from run import baseline_project, full_project

SERVING = re.compile(r"Serving on http")
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
RELOADED = re.compile(r"Reloading browsers")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764000000"}


def plain_build(root: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=ENV, check=True, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """`mkdocs serve` in the background, its log read line by line."""

    def __init__(self, root: Path) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=root,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.reported: float | None = None
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line)

    def built(self, timeout: float = 600) -> float | None:
        """Wait for the next build to end; the seconds MkDocs reports, if it did.

        A rebuild ends with "Reloading browsers". MkDocs drops a message it has logged before, so
        "Documentation built in N seconds" is missing when two builds took as long to the hundredth.
        """
        self.reported = None
        self.wait_for(RELOADED, timeout)
        return self.reported

    def wait_for(self, pattern: re.Pattern[str], timeout: float = 600) -> re.Match[str]:
        """Wait for a line of the log that matches `pattern`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                if self.process.poll() is not None:
                    raise SystemExit("mkdocs serve stopped") from None
                continue
            if "ERROR" in line or "WARNING" in line:
                print(line.rstrip(), file=sys.stderr)
            if match := BUILT.search(line):
                self.reported = float(match[1])
            if match := pattern.search(line):
                return match
        raise SystemExit(f"mkdocs serve did not log {pattern.pattern!r} in time")

    def fetch(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
            return str(response.read().decode("utf-8"))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as folder:
        corpus = Path(folder) / "corpus"
        files = write_corpus(corpus, args.size)
        base_root, full_root = Path(folder) / "baseline", Path(folder) / "full"
        baseline_project(base_root, corpus)
        full_project(full_root, corpus)
        # Alternated, so that the machine's speed drifting weighs on both alike.
        plain = [(plain_build(base_root), plain_build(full_root)) for _ in range(args.repeat)]
        baseline = statistics.median(b for b, _ in plain)
        full = statistics.median(f for _, f in plain)
        server = Server(full_root)
        try:
            server.wait_for(BUILT)  # the first build (a message never logged before)
            server.wait_for(SERVING)  # changes are watched from then on
            walls, reported = [], []
            for number, original in enumerate(sorted(files)[: args.repeat]):
                edited = full_root / "briefings" / original.relative_to(corpus / "briefings")
                marker = f"Edited for the benchmark, number {number}."
                started = time.perf_counter()
                with edited.open("a", encoding="utf-8") as briefing:
                    briefing.write(f"\n{marker}\n")
                reported.append(server.built())
                walls.append(time.perf_counter() - started)
                key = edited.stem
                if marker not in server.fetch(f"briefings/{key}/"):
                    raise SystemExit(f"the served page of {key} does not show the edit")
        finally:
            server.stop()
    rebuild = statistics.median(walls)
    print(f"{args.size} briefings; medians of {args.repeat}")
    print(f"plain build, baseline:          {baseline:6.1f} s")
    print(f"plain build, full site:         {full:6.1f} s")
    said = [seconds for seconds in reported if seconds is not None]
    mkdocs = f"MkDocs reports {statistics.median(said):.1f} s" if said else "MkDocs' own figure was not logged"
    print(f"serve, rebuild after an edit:   {rebuild:6.1f} s ({mkdocs})")
    print(f"rebuild / full site's build:    {rebuild / full:6.2f}")
    print(f"rebuild / baseline's build:     {rebuild / baseline:6.2f}   (target: at most 1.2)")


if __name__ == "__main__":
    main()
