"""The search index's own process: Pagefind over the site in parts, one after the other, then merged.

`python -m briefkit.search.indexer SITE URLS` indexes the built site in SITE into SITE/pagefind/, checks
the index, prunes it (see briefkit.search.files), and writes the URLs of its pages to URLS. Pagefind's
memory grows with the pages one run indexes, three times faster than MkDocs' own (see
briefkit.search.merge), so a site of twice `PART_MINIMUM` pages or more is indexed in two runs,
and one of `THREE_PARTS` pages or more in `PARTS`, each over every second (or third) page in path
order, so that each run has its share of briefings and of lighter pages; the runs' indexes are
merged into the one index Pagefind would have written. A reader's browser sees no difference;
the build's peak memory falls by half or more. The process exits 1 with one line of why, if
Pagefind fails.

Pagefind names each page's fragment by a short hash of it, and does not write a file whose name
exists, so two pages of different runs whose fragments' short hashes match would share the first
one's (the names have fewer values than their seven hex digits suggest: at 15,000 pages some such
pair comes up in nearly every build). The
merge finds such pages; they are indexed again on their own, and their fragments are given
longer names, as Pagefind does within a run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from briefkit.search import files as index_files
from briefkit.search.facets import canonical
from briefkit.search.files import BUNDLE
from briefkit.search.indexing import NOTE, PARTS_VARIABLE, ended
from briefkit.search.merge import CannotMerge, entry, merge, page_names

if TYPE_CHECKING:
    from collections.abc import Callable

PARTS = 3
PART_MINIMUM = 500
"""Pages; a part of fewer would save less memory than the run's start costs time."""
THREE_PARTS = 2_400
"""Pages; below this, two parts of a site's pages take Pagefind no more memory than the merge itself."""
PART_MAXIMUM = 4_000
"""Pages; more parts for a larger site, so that each part's pattern stays short (see `Share.glob`)."""
GLOB_LIMIT = 100_000
"""Bytes; a command line takes 128 KB an argument (on Linux), and Pagefind fails on much longer patterns."""
GLOB_SPECIAL = set("{}[]*?!,\\")
TESTED_PAGEFIND = ("1.5.2",)
"""The Pagefind versions whose index format `briefkit.search.merge` writes, tested; others index in one run."""
ANEW = "the search index kept from the last build does not fit this one: indexing anew"


class IndexingFailed(Exception):
    """Pagefind failed or could not start; the message says why, in one line or Pagefind's own words."""


@cache
def pagefind() -> list[str]:
    """The command that starts Pagefind: its binary, found as `python -m pagefind` finds it."""
    try:
        from pagefind.service import get_executable  # noqa: PLC0415 - imports asyncio, which only this needs
    except ImportError:  # then the module's own message says what is missing
        executable = None
    else:
        executable = get_executable()
    return [str(executable)] if executable is not None else [sys.executable, "-m", "pagefind"]


def run(site: Path, output: Path, share: Share | None = None) -> dict[str, Any]:
    """Index the `share` of `site` (all of it if None) into `output`; the entry file Pagefind wrote."""
    command = [
        *pagefind(),
        "--site",
        str(site),
        "--output-path",
        str(output),
        "--quiet",
        # The headings' permalink signs (¶) would otherwise show in every result's headings.
        "--exclude-selectors",
        ".headerlink",
        # Only the article is indexed (data-pagefind-body) either way, but from this root Pagefind does
        # not walk the navigation repeated on every page: a quarter less of its processor time.
        "--root-selector",
        "[data-pagefind-body]",
    ]
    if share is not None:
        command += ["--glob", share.glob]
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    except OSError as error:  # such as PAGEFIND_BINARY_PATH naming no program
        raise IndexingFailed(f"Pagefind could not be started ({command[0]}): {error.strerror}") from None
    if done.returncode != 0:  # Pagefind says why, unless something ended it from outside
        raise IndexingFailed(done.stdout.strip()[-2000:] or f"Pagefind {ended(done.returncode)}")
    return entry(output)


def site_pages(site: Path) -> list[str]:
    """The site's HTML files, as paths from `site`, in order; the index's own folder left out."""
    found = []
    for folder, subfolders, files in os.walk(site):
        if folder == str(site):
            subfolders[:] = [name for name in subfolders if name != BUNDLE]
        relative = Path(folder).relative_to(site)
        found += [(relative / name).as_posix() for name in files if name.endswith(".html")]
    return sorted(found)


@dataclass
class Share:
    """The pages one run indexes, as paths from the site's folder."""

    pages: list[str]

    @property
    def glob(self) -> str:
        """Pagefind's pattern for exactly these pages: their names, grouped by folder.

        Names, not wildcards: Pagefind walks the site once per wildcard alternative, and tries to read
        any folder a pattern matches. Grouped, a share of 4,000 briefings' pages takes some 100 KB,
        within what a command line takes (128 KB an argument on Linux).
        """
        groups: dict[tuple[str, str], list[str]] = {}
        for page in self.pages:
            folder, _, name = page.rpartition("/")
            end = ""
            if name == "index.html" and folder:  # a page's own folder: briefings/{a,b}/index.html
                folder, _, name = folder.rpartition("/")
                end = "/index.html"
            groups.setdefault((folder, end), []).append(name)
        patterns = [
            (f"{folder}/" if folder else "") + (names[0] if len(names) == 1 else "{" + ",".join(names) + "}") + end
            for (folder, end), names in groups.items()
        ]
        return "{" + ",".join(patterns) + "}"


def parts(pages: list[str], wanted: int | None = None) -> list[Share] | None:
    """The pages (in order) in even shares, one per run; None to index them in one run."""
    if pagefind_version() not in TESTED_PAGEFIND:
        return None  # a format the merge was not written for: Pagefind indexes the whole site itself
    if wanted is not None:
        count = wanted
    else:
        fewest = 1 if len(pages) < 2 * PART_MINIMUM else 2 if len(pages) < THREE_PARTS else PARTS
        count = max(fewest, -(-len(pages) // PART_MAXIMUM))
    if count < 2 or len(pages) < count or any(GLOB_SPECIAL.intersection(page) for page in pages):
        return None  # a name Pagefind's pattern would read as more than a name is indexed in one run
    while True:
        # Every count-th page: in path order, pages alike are together (briefings, then names), and
        # a part of briefings alone took Pagefind twice the memory and time of a part of names.
        shares = [Share(pages[start::count]) for start in range(count)]
        if count == len(pages) or all(len(share.glob) <= GLOB_LIMIT for share in shares):
            return shares
        count += 1  # long paths: more, smaller shares


def pagefind_version() -> str:
    """The installed Pagefind's version, as its Python package gives it."""
    try:
        return metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        return ""


def index(site: Path, say: Callable[[str], None] = print) -> set[str]:
    """Index `site` into `site/pagefind/`, in parts when it is large; the URL paths of the pages in the index.

    An index written over the last build's that does not fit this build (see briefkit.search.files)
    is written again from nothing, and `say` hears of it; then the files of the last build's index
    that the new one does not use are deleted.
    """
    urls = _index(site)
    if urls is None:
        say(ANEW)
        shutil.rmtree(site / BUNDLE, ignore_errors=True)
        urls = _index(site)
        if urls is None:
            raise IndexingFailed("the search index, written from nothing, has two fragments for one page")
    index_files.prune(site, index_files.live_names(site))
    return urls


def _index(site: Path) -> set[str] | None:
    """Index `site`; the URL paths of its pages in the index, or None if the index is not sound."""
    bundle = site / BUNDLE
    wanted = os.environ.get(PARTS_VARIABLE)
    shares = parts(site_pages(site), int(wanted) if wanted and wanted.isdigit() else None)
    known: dict[str, str | None] = {}  # fragment name: the URL of the page it holds
    if shares is None:
        run(site, bundle)
        _in_order(bundle)
    else:
        entries: list[dict[str, Any]] = []
        # Each part's fragments are read (for the soundness check) while Pagefind indexes the next part.
        # The thread is done before the merge, which forks: a fork copies only the thread that forks.
        with ThreadPoolExecutor(max_workers=1) as reader:
            read: list[Future[dict[str, str | None]]] = []
            for share in shares:
                if entries:
                    read.append(reader.submit(_urls_of, site, page_names(bundle, entries[-1])))
                entries.append(run(site, bundle, share))
            read_urls = [done.result() for done in read]
        for urls in read_urls:
            known.update(urls)
        with tempfile.TemporaryDirectory(prefix="briefkit-index-") as scratch:

            def alone(part: int, names: set[str]) -> Path:
                """The pages of the part whose fragments are named `names`, indexed again on their own.

                Those fragments may hold another part's page, so the pages are the part's pages that
                none of its other fragments holds; a few pages, a run of a fraction of a second.
                """
                urls = read_urls[part] if part < len(read_urls) else _urls_of(site, page_names(bundle, entries[part]))
                held = {form for name, url in urls.items() if name not in names and url for form in (url, unquote(url))}
                pages = [page for page in shares[part].pages if _page_url(page) not in held]
                output = Path(scratch) / str(part)
                run(site, output, Share(pages or shares[part].pages))
                return output

            try:
                merge(bundle, entries, alone)
            except CannotMerge as reason:
                print(f"indexing in one run: {reason}")  # shown by the build if Pagefind then fails
                shutil.rmtree(bundle, ignore_errors=True)
                run(site, bundle)
                _in_order(bundle)
                known = {}
    names = page_names(bundle, entry(bundle))
    return index_files.sound(
        site, [known[name] if name in known else index_files.fragment_url(site, name) for name in names]
    )


def _in_order(bundle: Path) -> None:
    """One run's filters written in a fixed order (`merge.canonical`): a merge writes them so already."""
    try:
        canonical(bundle)
    except CannotMerge as reason:  # an index of another shape: it works, but may differ from run to run
        print(f"the index's filters are left in Pagefind's order: {reason}")


def _urls_of(site: Path, names: list[str]) -> dict[str, str | None]:
    return {name: index_files.fragment_url(site, name) for name in names}


def _page_url(page: str) -> str:
    """The URL Pagefind gives the page at `page` (a path from the site's folder), as `fragment_url` reads it."""
    if page == "index.html" or page.endswith("/index.html"):
        page = page.removesuffix("index.html")
    return "/" + page


def main() -> int:
    """`python -m briefkit.search.indexer SITE URLS`: index SITE; write the URLs it indexed to URLS (JSON).

    What the build should log comes out as lines that begin with `NOTE`.
    """
    try:
        urls = index(Path(sys.argv[1]), lambda note: print(f"{NOTE}{note}", flush=True))
        Path(sys.argv[2]).write_text(json.dumps(sorted(urls)), encoding="utf-8")
    except IndexingFailed as error:
        print(error)  # the build's error message
        return 1
    except OSError as error:  # such as a full disk, while the parts are merged
        print(f"the search index could not be written: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
