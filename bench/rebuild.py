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
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

from corpus import write_corpus
from run import baseline_project, full_project

from preview import BUILT, Preview

SERVING = re.compile(r"Serving on http")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764000000"}


def plain_build(root: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=ENV, check=True, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - started


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
        server = Preview(full_root, ENV)
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
                reported.append(server.rebuilt())
                walls.append(time.perf_counter() - started)
                key = edited.stem
                if marker not in (server.fetch(f"briefings/{key}/") or ""):
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
