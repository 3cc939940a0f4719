"""`make bench`: the full site against a plain MkDocs baseline, at 1,000 and 5,000 briefings (10,000 with --large).

For each size N, a synthetic corpus (bench/corpus.py, fixed seed) is written to a temporary
folder and built twice, in separate processes, on the same machine in the same run:

- full: the project's own site (mkdocs.yml, docs/, the hook), as `make build` builds it;
- baseline: the same N bodies as plain MkDocs pages kept out of the nav, no hook, same theme.

It prints wall time, processor time (user and system, of every process of the build) and peak
memory of each, their ratios, the site's size, its largest HTML page, and what a reader
downloads for a first search. Targets (issue 5): full/baseline at most
1.2 in time and 1.3 in memory; the 5,000 build at most 5.5 times the 1,000 build. Then both are
built again with Material's search plugin added (issue 27: at most 1.6 times the baseline with
search, and every briefing in the plugin's index). The run fails (exit 1) when a page of the full
site is over 200 KB, one of its internal links resolves to nothing, a build takes over 1 GB, or
the search plugin's index misses a briefing: `--topics 1 --years 1` builds the corpus that tests
the splitting of long lists hardest.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

from corpus import TOPIC_COUNT, write_corpus

from briefkit.mkdocs.buildstats import STATS_VARIABLE as STATS
from briefkit.pages.listing import PAGE_BYTES

from linkcheck import broken_links

REPO = Path(__file__).resolve().parent.parent
MEASURE = textwrap.dedent(
    """
    import resource, subprocess, sys, time
    started = time.perf_counter()
    code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    if code.returncode:
        sys.stderr.write(code.stderr[-3000:])
        sys.exit(code.returncode)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
    """
)


@dataclass
class Run:
    wall: float
    cpu: float
    """Processor seconds, user and system, of every process of the build."""
    peak_mb: float
    site_mb: float
    largest_kb: float
    largest: str
    search_kb: float


def measure(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, float]:
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise SystemExit(f"build failed in {cwd}:\n{result.stderr}")
    wall, peak_kb, cpu = result.stdout.split()
    return float(wall), int(peak_kb) / 1024, float(cpu)


def site_facts(site: Path) -> tuple[float, float, str, float]:
    sizes = [(p.stat().st_size, p) for p in site.rglob("*") if p.is_file()]
    html = [(size, p) for size, p in sizes if p.suffix == ".html"]
    largest_size, largest = max(html)
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        # A first search loads the entry file, the script, the wasm, and the index chunks it needs;
        # the browser benchmark measures the real bytes, this counts an upper bound of one chunk each.
        entry = json.loads((pagefind / "pagefind-entry.json").read_text(encoding="utf-8"))
        language = next(iter(entry["languages"].values()))
        meta = pagefind / f"pagefind.{language['hash']}.pf_meta"
        chunks = sorted((p.stat().st_size for p in (pagefind / "index").glob("*.pf_index")), reverse=True)
        wasm = next(pagefind.glob("wasm.*.pagefind"), None)
        search = (
            sum(
                p.stat().st_size
                for p in (pagefind / "pagefind.js", pagefind / "pagefind-entry.json", meta)
                if p.is_file()
            )
            + (wasm.stat().st_size if wasm else 0)
            + (chunks[0] if chunks else 0)
        )
    else:
        index = site / "search" / "search_index.json"
        search = index.stat().st_size if index.is_file() else 0
    return (sum(size for size, _ in sizes) / 2**20, largest_size / 1024, str(largest.relative_to(site)), search / 1024)


def baseline_project(root: Path, corpus: Path) -> None:
    """The same bodies as plain pages under docs/briefings/, out of the nav, with the same theme."""
    docs = root / "docs" / "briefings"
    docs.mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Briefings\n", encoding="utf-8")
    for file in sorted((corpus / "briefings").glob("*/*.md")):
        text = file.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        title = next(line for line in front.splitlines() if line.startswith("title: "))[7:]
        (docs / file.name).write_text(f"# {title}\n\n{body}", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Baseline\nsite_url: http://127.0.0.1:8000/\nnav:\n  - Home: index.md\n"
        # No plugins, as the full site has none: MkDocs would otherwise add its search plugin.
        "not_in_nav: |\n  /briefings/\nplugins: []\ntheme:\n  name: material\n  font: false\n"
        "markdown_extensions:\n  - attr_list\n  - md_in_html\n  - tables\n  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )


def full_project(root: Path, corpus: Path) -> None:
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(corpus / "briefings", root / "briefings")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("  - src/briefkit/pages/templates\n", "")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")


Measured = tuple[float, float, float, dict[str, dict[str, float]] | None]
"""One build: wall seconds, peak MB, processor seconds, and the parts the hook timed (if any)."""


def build_once(root: Path, after: list[list[str]]) -> Measured:
    """One build: wall seconds, peak MB, processor seconds, and the parts the hook timed (if any)."""
    stats_file = root / "build-stats.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764000000", STATS: str(stats_file)}
    env.pop("SITE_URL", None)
    if hasattr(os, "sync"):
        # The last build's pages may still be going to disk; each build starts on a quiet disk instead.
        os.sync()
    wall, peak, cpu = measure([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], root, env)
    for command in after:  # steps of the same build, such as indexing for search
        more_wall, more_peak, more_cpu = measure(command, root, env)
        wall, peak, cpu = wall + more_wall, max(peak, more_peak), cpu + more_cpu
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.is_file() else None
    return wall, peak, cpu, stats


def summarize(root: Path, runs: list[Measured]) -> tuple[Run, dict[str, dict[str, float]]]:
    """The median of the runs, and the median of each part the hook timed (if any)."""
    wall = statistics.median(r[0] for r in runs)
    peak = statistics.median(r[1] for r in runs)
    cpu = statistics.median(r[2] for r in runs)
    stats = [r[3] for r in runs if r[3] is not None]
    parts = {
        group: {key: statistics.median(run[group][key] for run in stats) for key in stats[0][group]}
        for group in (stats[0] if stats else {})
    }
    return Run(wall, cpu, peak, *site_facts(root / "site")), parts


def describe(parts: dict[str, dict[str, float]], baseline: Run) -> str:
    """The hook's parts of the full build, and each process's peak memory against the baseline's."""
    seconds = ", ".join(f"{part} {value:.1f} s" for part, value in parts.get("seconds", {}).items())
    peaks = ", ".join(
        f"{process} {value:.0f} MB ({value / baseline.peak_mb:.2f})"
        for process, value in parts.get("peak_mb", {}).items()
    )
    return f"         parts: {seconds}\n         peaks: {peaks}"


MEMORY_MB = 1024
"""The most a build may take at any size measured (issue 27's target at 10,000 briefings)."""


def measure_pair(
    base_root: Path, full_root: Path, repeat: int, after: list[list[str]]
) -> tuple[Run, Run, dict[str, dict[str, float]], str]:
    """Both builds `repeat` times, alternated: their medians, the hook's parts, and each pair's time ratio."""
    base_runs, full_runs = [], []
    for _ in range(repeat):
        # Alternated, so that the machine slowing down or speeding up (this one's timings
        # wander by a third from one minute to the next) weighs on both builds alike.
        base_runs.append(build_once(base_root, []))
        full_runs.append(build_once(full_root, after))
    base, _ = summarize(base_root, base_runs)
    full, parts = summarize(full_root, full_runs)
    pairs = ", ".join(f"{f[0] / b[0]:.2f}" for b, f in zip(base_runs, full_runs, strict=True))
    return base, full, parts, pairs


def report(n: int, base: Run, full: Run, pairs: str, targets: str) -> None:
    for label, run in (("baseline", base), ("full", full)):
        print(
            f"{n:>6} {label:>8} {run.wall:>8.1f} {run.cpu:>8.1f} {run.peak_mb:>8.0f} {run.site_mb:>8.1f} "
            f"{run.largest_kb:>10.0f} {run.search_kb:>10.0f}  {run.largest}"
        )
    print(
        f"{n:>6} {'ratio':>8} {full.wall / base.wall:>8.2f} {full.cpu / base.cpu:>8.2f} "
        f"{full.peak_mb / base.peak_mb:>8.2f}   ({targets})"
    )
    print(f"         time ratio of each pair of builds run one after the other: {pairs}")
    print("         (the first pair builds into an empty site folder, the others over the last build's)")


def add_search_plugin(config: Path) -> None:
    text = config.read_text(encoding="utf-8")
    if "plugins: []" in text:
        text = text.replace("plugins: []", "plugins:\n  - search")
    else:
        text += "plugins:\n  - search\n"
    config.write_text(text, encoding="utf-8")


def briefings_in_search_plugin(site: Path) -> int:
    """How many briefing pages Material's search plugin indexed (its entries for whole pages)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return sum(1 for doc in index["docs"] if doc["location"].startswith("briefings/") and "#" not in doc["location"])


def site_failures(n: int, full: Run, site: Path, *, check_links: bool) -> list[str]:
    """What fails the run in the full site of `n` briefings: a page over 200 KB, a broken link, over 1 GB."""
    failures = []
    if full.largest_kb * 1024 > PAGE_BYTES:
        failures.append(f"at {n:,} briefings, {full.largest} is {full.largest_kb:.0f} KB, over 200 KB")
    if check_links:
        broken = broken_links(site)
        print(f"         {len(broken)} broken internal links in the full site")
        failures += [f"at {n:,} briefings, a broken link: {link}" for link in broken[:20]]
    if full.peak_mb > MEMORY_MB:
        failures.append(f"at {n:,} briefings, the build's peak memory is {full.peak_mb:.0f} MB, over 1 GB")
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--large", action="store_true", help="also 10,000 briefings")
    parser.add_argument("--repeat", type=int, default=3, help="builds per measurement; the median is kept")
    parser.add_argument("--sizes", type=int, nargs="*", help="sizes to measure instead of 1,000 and 5,000")
    parser.add_argument("--names", type=int, default=600, help="how many distinct names the corpus draws from")
    parser.add_argument("--topics", type=int, default=TOPIC_COUNT, help="how many topics the corpus has")
    parser.add_argument("--years", type=int, default=8, help="how many years the corpus's dates span")
    parser.add_argument(
        "--no-search-plugin", action="store_true", help="skip the second comparison, with Material's search plugin"
    )
    parser.add_argument("--no-link-check", action="store_true", help="skip checking the full site's links (slow)")
    args = parser.parse_args()
    failures: list[str] = []
    sizes = args.sizes or ([1000, 5000, 10000] if args.large else [1000, 5000])
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform()}"
    )
    print(
        f"{'N':>6} {'build':>8} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'site MB':>8} {'largest KB':>10} "
        f"{'search KB':>10}  largest page"
    )
    results: dict[int, tuple[Run, Run]] = {}
    after = (
        [
            line.split()
            for line in (REPO / "bench" / "after-build.txt").read_text().splitlines()
            if line.strip() and not line.startswith("#")
        ]
        if (REPO / "bench" / "after-build.txt").is_file()
        else []
    )
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as folder:
            corpus = Path(folder) / "corpus"
            write_corpus(corpus, n, names_in_all=args.names, topic_count=args.topics, years=args.years)
            base_root, full_root = Path(folder) / "baseline", Path(folder) / "full"
            baseline_project(base_root, corpus)
            full_project(full_root, corpus)
            started = time.perf_counter()
            base, full, parts, pairs = measure_pair(base_root, full_root, args.repeat, after)
            results[n] = (base, full)
            report(n, base, full, pairs, f"targets: 1.20 and 1.30; measured in {time.perf_counter() - started:.0f} s")
            if parts:
                print(describe(parts, base))
            failures += site_failures(n, full, full_root / "site", check_links=not args.no_link_check)
            if not args.no_search_plugin:
                # The most common plugin there is, added to both sides: the build must stay complete.
                for root in (base_root, full_root):
                    add_search_plugin(root / "mkdocs.yml")
                started = time.perf_counter()
                base, full, parts, pairs = measure_pair(base_root, full_root, args.repeat, after)
                print("         with Material's search plugin on both sides:")
                report(n, base, full, pairs, f"target: 1.60; measured in {time.perf_counter() - started:.0f} s")
                indexed = briefings_in_search_plugin(full_root / "site")
                print(f"         {indexed:,} of {n:,} briefings in the search plugin's index")
                if indexed != n:
                    failures.append(f"at {n:,} briefings, the search plugin's index holds {indexed:,} briefings")
    if 1000 in results and 5000 in results:
        growth = results[5000][1].wall / results[1000][1].wall
        print(f"growth: the 5,000 build takes {growth:.2f} times the 1,000 build (target: at most 5.5)")
    if failures:
        sys.exit("FAILED:\n" + "\n".join(failures))


if __name__ == "__main__":
    main()
