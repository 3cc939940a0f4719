"""One search index out of several Pagefind runs, each over a part of the site.

Pagefind holds a site's whole index in memory until it has written it: about 100 MB per 1,000
briefings, three times what MkDocs needs for the same pages, and so the build's peak. Run over
a part of the pages at a time (a half, a third), one run after the other, it holds that part. Each run writes its
fragments (a page's text, named by a hash of it) where the whole site's run would; this module
then merges the runs' word indexes and metadata into the files one run over the whole site
writes, so that a reader's browser loads one index, whatever the parts.

The files (Pagefind 1.5), each gzipped, and each a signature then CBOR:
- metadata: [version, pages: [[fragment, word count]], chunks: [[from, to, name]], filters,
  sorts, meta fields]; a page's number is its place in `pages`;
- an index chunk: [[[word, pages: [[page number, locations, meta locations]], variants: [[form,
  pages]]], ...]], words in order. A word's pages go up by number, each number written as the
  difference from the one before; a meta location names its field by place in `meta fields`,
  as a negative number.
- a filter file: [filter, [[value, pages]]], pages by number;
- a sort: [key, pages], page numbers in the key's order, kept in the metadata.
Filters are merged value by value; sorts by each page's value, read from its fragment's metadata
of the same name (see `_merge_sorts`). Files of another shape raise `CannotMerge`, and the site
is then indexed in one run.
"""

from __future__ import annotations

import gzip
import heapq
import itertools
import json
from functools import partial
from typing import TYPE_CHECKING, Any

from briefkit.search.facets import merge_filters, merge_sorts
from briefkit.search.files import SIGNATURE
from briefkit.search.pagefind_files import (
    ENTRY,
    CannotMerge,
    encode,
    entry,
    holds,
    metadata,
    page_names,
    read,
    short_name,
    write,
)
from briefkit.workers import in_order, run_shared, wanted

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from pathlib import Path

CHUNK_SIZE = 20_000
"""Pagefind's measure of a chunk (each location, meta location and page counts one), past which a chunk ends."""
Range = tuple[str | None, str | None]
"""Words from the first (if any) up to the second (if any), not included."""


def _mergeable(meta: list[Any]) -> list[Any]:
    if not all(isinstance(item, list) and len(item) == 2 for item in (*meta[3], *meta[4])):
        raise CannotMerge("the filters or sorts are not of the shape this build knows")
    return meta


def _chunk_file(bundle: Path, name: str) -> Path:
    return bundle / "index" / f"{name}.pf_index"


def _words(bundle: Path, meta: list[Any], fields: dict[int, int], words: Range) -> Iterator[list[Any]]:
    """A part's words in `words` in order, its meta locations' fields renumbered by `fields`."""
    low, high = words
    same = all(old == new for old, new in fields.items())
    starts = [chunk[0] for chunk in meta[2]]
    # A chunk holds the words from its start up to the next chunk's start.
    for chunk, after in itertools.zip_longest(meta[2], starts[1:]):
        if (high is not None and chunk[0] >= high) or (low is not None and after is not None and after <= low):
            continue
        for word, pages, variants in read(_chunk_file(bundle, chunk[2]))[0]:
            if (low is not None and word < low) or (high is not None and word >= high):
                continue
            if same:
                yield [word, pages, variants]
            else:
                yield [word, _refield(pages, fields), [[form, _refield(more, fields)] for form, more in variants]]


def _refield(pages: list[list[Any]], fields: dict[int, int]) -> list[list[Any]]:
    return [
        [number, locations, [-fields[-at - 1] - 1 if at < 0 else at for at in meta]] if meta else page
        for page in pages
        for number, locations, meta in (page,)
    ]


def _join(lists: list[tuple[int, list[list[Any]]]]) -> list[list[Any]]:
    """Lists of pages from parts (each with the number of its part's first page) as one list.

    Page numbers go up, each written as the difference from the one before (the first as it is).
    """
    joined: list[list[Any]] = []
    last = 0
    for number, (offset, pages) in enumerate(lists, start=1):
        if pages:
            joined.append([offset + pages[0][0] - last, *pages[0][1:]])
            joined += pages[1:]
            if number < len(lists):
                last = offset + sum(page[0] for page in pages)
    return joined


def _together(same: list[tuple[int, list[Any]]]) -> list[Any]:
    """One word's entries from parts (each with its first page's number), as one entry.

    Its pages in the parts' order; its variants (the same word with other diacritics) by form.
    """
    if len(same) == 1 and same[0][0] == 0:
        return same[0][1]
    variants: dict[str, list[tuple[int, list[list[Any]]]]] = {}
    for offset, found in same:
        for form, pages in found[2]:
            variants.setdefault(form, []).append((offset, pages))
    return [
        same[0][1][0],
        _join([(offset, entry[1]) for offset, entry in same]),
        [[form, _join(lists)] for form, lists in variants.items()],
    ]


def _chunks(words: Iterable[list[Any]]) -> Iterator[list[list[Any]]]:
    """Words into chunks as Pagefind cuts them."""
    chunk: list[list[Any]] = []
    size = 0
    for word in words:
        chunk.append(word)
        size += sum(len(page[1]) + len(page[2]) + 1 for page in word[1])
        if size >= CHUNK_SIZE:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _prefixes(last: str, first: str) -> tuple[str, str]:
    """The shortest beginnings that still tell the end of one chunk from the start of the next."""
    common = len(list(itertools.takewhile(lambda pair: pair[0] == pair[1], zip(first, last, strict=False))))
    return last[: common + 1], first[: common + 1]


def merge(bundle: Path, parts: list[dict[str, Any]], alone: Callable[[int, set[str]], Path]) -> dict[str, Any]:
    """Merge the parts' indexes (each run's entry, in the order the runs went) into one; its entry.

    Each part's metadata and chunks must still be in `bundle`; they are left for the caller to
    prune. Each run wrote its own fragments, but where pages of different parts have fragments
    of the same name, `alone(part, names)` gives a folder where the part's pages whose fragments are
    named `names` are indexed on their own, from which each of those pages gets its own fragment,
    under a longer name if it needs one.
    """
    languages = sorted({language for part in parts for language in part["languages"]})
    merged = {**parts[-1], "languages": {}}
    for language in languages:
        numbers = [number for number, part in enumerate(parts) if language in part["languages"]]
        own = [parts[number]["languages"][language] for number in numbers]
        metas = [_mergeable(metadata(bundle, item["hash"])) for item in own]
        if len({meta[0] for meta in metas}) != 1:
            raise CannotMerge("the parts were indexed by different versions of Pagefind")
        _separate(bundle, language, [(number, meta[1]) for number, meta in zip(numbers, metas, strict=True)], alone)
        merged["languages"][language] = {**own[-1], **_merge_language(bundle, language, metas)}
    (bundle / ENTRY).write_text(json.dumps(merged, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return merged


def _separate(
    bundle: Path, language: str, pages: list[tuple[int, list[list[Any]]]], alone: Callable[[int, set[str]], Path]
) -> None:
    """Give each page whose fragment's name another part's page has too a fragment of its own.

    `pages`: each part's number and its pages ([fragment, word count]), renamed in place.
    """
    holders: dict[str, list[tuple[int, list[Any]]]] = {}
    for number, part_pages in pages:
        for page in part_pages:
            holders.setdefault(page[0], []).append((number, page))
    shared_names = {name: shared for name, shared in holders.items() if len({number for number, _ in shared}) > 1}
    if not shared_names:
        return
    by_part: dict[int, set[str]] = {}
    for name, shared in shared_names.items():
        for number, _ in shared:
            by_part.setdefault(number, set()).add(name)
    folders = {number: alone(number, names) for number, names in sorted(by_part.items())}
    taken = set(holders)
    for name, shared in shared_names.items():
        kept = False
        for number, page in shared:
            own = (folders[number] / "fragment" / f"{name}.pf_fragment").read_bytes()
            record = gzip.decompress(own)[len(SIGNATURE) :]
            target = bundle / "fragment" / f"{name}.pf_fragment"
            if not kept and target.is_file() and gzip.decompress(target.read_bytes()) == gzip.decompress(own):
                kept = True  # the file is this page's: it keeps the name
                continue
            length = len(name) - len(language)
            while page[0] in taken:
                page[0] = short_name(language, record, length)
                length += 1
            taken.add(page[0])
            (bundle / "fragment" / f"{page[0]}.pf_fragment").write_bytes(own)


def _spelling(item: tuple[int, list[Any]]) -> str:
    return str(item[1][0])


def _merge_language(bundle: Path, language: str, metas: list[list[Any]]) -> dict[str, Any]:
    fields = sorted({field for meta in metas for field in meta[5]})
    pages = [page for meta in metas for page in meta[1]]
    # Shared like the build's pages (briefkit.workers): the words before a middle one in a second process.
    split = _middle(bundle, metas) if wanted(len(pages)) else None
    ranges: list[Range] = [(None, None)] if split is None else [(None, split), (split, None)]
    jobs = [partial(_write_chunks, bundle, language, metas, fields, words) for words in ranges]
    try:
        chunks = [chunk for written in (run_shared(jobs) if split else in_order(jobs)) for chunk in written]
    except RuntimeError as error:  # the second process failed, and says how
        raise CannotMerge(str(error)) from None
    if len({chunk[2] for chunk in chunks}) < len(chunks):
        raise CannotMerge("two chunks of the index were given one name")
    for before, after in itertools.pairwise(chunks):
        end, start = _prefixes(before[1], after[0])
        if end >= before[0]:  # a shorter end that would sort before the chunk's start would hide it
            before[1] = end
        after[0] = start
    meta = [metas[0][0], pages, chunks, merge_filters(bundle, language, metas), merge_sorts(bundle, metas), fields]
    encoded = encode(meta)
    name = short_name(language, encoded, len(language) + 8)
    write(bundle / f"pagefind.{name}.pf_meta", encoded)
    return {"hash": name, "page_count": len(pages)}


def _middle(bundle: Path, metas: list[list[Any]]) -> str | None:
    """A word that halves the parts' chunks by size; None if there are none."""
    sizes: list[tuple[str, int]] = sorted(
        (str(chunk[0]), _chunk_file(bundle, chunk[2]).stat().st_size) for meta in metas for chunk in meta[2]
    )
    half = sum(size for _, size in sizes) / 2
    total = 0
    for start, size in sizes:
        total += size
        if total >= half:
            return start
    return None


def _write_chunks(
    bundle: Path, language: str, metas: list[list[Any]], fields: list[str], words: Range
) -> list[list[str]]:
    """Merge the parts' words in the range `words` into chunks, written to `bundle`; their [first, last, name]."""
    streams = []
    offset = 0
    for meta in metas:
        mapping = {old: fields.index(field) for old, field in enumerate(meta[5])}
        streams.append(zip(itertools.repeat(offset), _words(bundle, meta, mapping, words)))
        offset += len(meta[1])
    # heapq.merge keeps the parts' order among equal words, and so their pages' order.
    merged = (
        _together(list(same)) for _, same in itertools.groupby(heapq.merge(*streams, key=_spelling), key=_spelling)
    )
    chunks: list[list[str]] = []
    taken: set[str] = set()
    # The parts' own chunks are read while the merged ones are written beside them: a merged chunk
    # may take a part's name only if it is that chunk, byte for byte (as when one part holds all).
    theirs = {chunk[2] for meta in metas for chunk in meta[2]}
    for chunk in _chunks(merged):
        encoded = encode([chunk])
        length = 7
        name = short_name(language, encoded, length)
        while name in taken or (name in theirs and encode(read(_chunk_file(bundle, name))) != encoded):
            length += 1  # as Pagefind does: a longer name for a chunk whose short one is taken
            name = short_name(language, encoded, length)
        taken.add(name)
        if name not in theirs and not holds(_chunk_file(bundle, name), encoded):
            write(_chunk_file(bundle, name), encoded)
        chunks.append([chunk[0][0], chunk[-1][0], name])
    return chunks


__all__ = ["ENTRY", "CannotMerge", "encode", "entry", "merge", "page_names", "read", "short_name", "write"]
