"""The search index's files, written over the last build's so that Pagefind writes only what changed.

Pagefind names most of its files (a fragment per page, the index chunks, the metadata) by a hash
of their content, and does not write such a file again when one of that name exists. The build
keeps the last build's site folder to write over (briefkit.mkdocs.site_folder), the index included,
which spares Pagefind compressing and creating thousands of files: at 5,000 briefings, about
9.7 s became 4.5 s on this project's machine.

Two things are then done (by briefkit.search.indexer), as a kept index holds files of pages that changed
or went away:
- the index is sound: each page it lists (by the metadata) has a fragment naming a page that
  exists in the site, and no two fragments name the same page. Pagefind's names are short
  hashes, so a changed page could, rarely, get the name of a kept fragment of another page and
  be shown with that page's text; a build that finds this indexes again from nothing.
- files no page or chunk of the new index refers to are deleted (`prune`).
"""

from __future__ import annotations

import gzip
import json
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

BUNDLE = "pagefind"
HASHED = {"fragment": ".pf_fragment", "index": ".pf_index", "filter": ".pf_filter"}
"""Pagefind's folders of files named by hash, and their suffixes."""
SIGNATURE = b"pagefind_dcd"
"""Begins each of Pagefind's index files, once unzipped; then comes CBOR, or a fragment's JSON."""


def _metadata_files(bundle: Path) -> list[Path] | None:
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        return [bundle / f"pagefind.{language['hash']}.pf_meta" for language in entry["languages"].values()]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def live_names(site: Path) -> set[str] | None:
    """The hashes the index's metadata refers to (pages, chunks, filters); None if it cannot be read.

    Taken as every text in the metadata: a text that is not a hash names no file, so taking it too
    keeps nothing by mistake, and this does not depend on the metadata's layout.
    """
    import cbor2  # noqa: PLC0415 - only the indexing process reads the metadata: the build starts without it

    metadata = _metadata_files(site / BUNDLE)
    if metadata is None:
        return None
    names: set[str] = set()
    for file in metadata:
        try:
            value = cbor2.loads(gzip.decompress(file.read_bytes()).removeprefix(SIGNATURE))
        except (OSError, ValueError, EOFError):
            return None
        names.update(_texts(value))
    return names


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def fragments(site: Path) -> Iterator[dict[str, Any]]:
    """The record of each page in the index: its URL, text, title and more."""
    folder = site / BUNDLE / "fragment"
    files = sorted(folder.glob("*.pf_fragment"))
    names = live_names(site)
    if names is not None:
        files = [file for file in files if file.name.removesuffix(".pf_fragment") in names]
    for file in files:
        yield _record(file)


def _record(file: Path) -> dict[str, Any]:
    """A fragment's page record: the file is gzipped, a short signature then JSON."""
    return dict(json.loads(gzip.decompress(file.read_bytes()).removeprefix(SIGNATURE)))


def fragment_url(site: Path, name: str) -> str | None:
    """The URL of the page the fragment `name` holds; None if it cannot be read."""
    try:
        url = _record(site / BUNDLE / "fragment" / f"{name}.pf_fragment").get("url")
    except (OSError, ValueError, EOFError):
        return None
    return url if isinstance(url, str) else None


def sound(site: Path, urls: list[str | None]) -> set[str] | None:
    """The index's pages' URLs (each fragment's, as `fragment_url` gives them), if sound (see the module's note)."""
    found: set[str] = set()
    for url in urls:
        if url is None or url in found or not any(page_exists(site, path) for path in (url, unquote(url))):
            return None
        found.add(url)
    return found


def page_exists(site: Path, url: str) -> bool:
    """Whether `site` has the page at `url` (Pagefind 1.5 writes paths as they are, `unquote` covers encoding)."""
    page = site / url.lstrip("/")
    return (page / "index.html" if url.endswith("/") else page).is_file()


def prune(site: Path, names: set[str] | None) -> int:
    """Delete the hashed files the index (whose `live_names` are `names`) no longer refers to; how many.

    Nothing when it cannot tell (`names` is None).
    """
    bundle = site / BUNDLE
    metadata = _metadata_files(bundle)
    if names is None or metadata is None:
        return 0
    stale = [file for file in bundle.glob("pagefind.*.pf_meta") if file not in metadata]
    for folder, suffix in HASHED.items():
        stale += [file for file in (bundle / folder).glob(f"*{suffix}") if file.name[: -len(suffix)] not in names]
    for file in stale:
        file.unlink()
    return len(stale)
