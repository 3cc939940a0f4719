"""Filters and sorts in Pagefind's index: merged over the parts of an index, and written in a fixed order.

A filter file: [filter, [[value, pages]]], pages by number; a sort: [key, pages], page numbers in
the key's order, kept in the metadata. Pagefind writes a filter's values, and the list of
filters, in an order that changes from run to run; `canonical` writes them in order, so the
same site gives the same index, byte for byte.
"""

from __future__ import annotations

import gzip
import json
from typing import TYPE_CHECKING, Any

from briefkit.search.files import SIGNATURE
from briefkit.search.pagefind_files import (
    ENTRY,
    CannotMerge,
    encode,
    entry,
    holds,
    metadata,
    read,
    short_name,
    write,
    zipped,
)

if TYPE_CHECKING:
    from pathlib import Path


def merge_filters(bundle: Path, language: str, metas: list[list[Any]]) -> list[list[str]]:
    """Each filter's values over every part, each with its pages renumbered, in a file of its own; [filter, name]."""
    values: dict[str, dict[str, list[int]]] = {}
    offset = 0
    for meta in metas:
        for key, name in meta[3]:
            content = read(bundle / "filter" / f"{name}.pf_filter")
            if not (isinstance(content, list) and len(content) == 2 and content[0] == key):
                raise CannotMerge(f"the filter file {name} is not of the shape this build knows")
            for value, numbers in content[1]:
                values.setdefault(key, {}).setdefault(value, []).extend(offset + number for number in numbers)
        offset += len(meta[1])
    return _write_filters(bundle, language, values)


def _write_filters(bundle: Path, language: str, values: dict[str, dict[str, list[int]]]) -> list[list[str]]:
    """Each filter's file, its values in order (Pagefind's own order changes from run to run); [filter, name]."""
    written: list[list[str]] = []
    for key in sorted(values):
        encoded = encode([key, [[value, values[key][value]] for value in sorted(values[key])]])
        length = 7
        name = short_name(language, encoded, length)
        while (bundle / "filter" / f"{name}.pf_filter").is_file() and not holds(
            bundle / "filter" / f"{name}.pf_filter", encoded
        ):
            length += 1  # a part's file of another filter took the short name
            name = short_name(language, encoded, length)
        # Written even over Pagefind's own file of the same content: its compression differs from run to run.
        path = bundle / "filter" / f"{name}.pf_filter"
        if not (path.is_file() and path.read_bytes() == zipped(encoded)):
            write(path, encoded)
        written.append([key, name])
    return written


def canonical(bundle: Path) -> None:
    """Write one run's filters in a fixed order, so that the same site gives the same index, byte for byte.

    Pagefind lists a filter's values, and the filters themselves, in an order that changes from one
    run to the next; the files, named by a hash of their content, then change too, and with them the
    metadata and the entry file. This writes them again in order (the files they replace are left for
    `briefkit.search.files.prune`); an index without filters is left as it is.
    """
    written = entry(bundle)
    changed = False
    for language, item in written["languages"].items():
        meta = metadata(bundle, item["hash"])
        if not meta[3]:
            continue
        values: dict[str, dict[str, list[int]]] = {}
        for key, name in meta[3]:
            content = read(bundle / "filter" / f"{name}.pf_filter")
            if not (isinstance(content, list) and len(content) == 2 and content[0] == key):
                raise CannotMerge(f"the filter file {name} is not of the shape this build knows")
            values[key] = dict(content[1])
        ordered = [*meta[:3], _write_filters(bundle, language, values), *meta[4:]]
        if ordered == meta:
            continue
        encoded = encode(ordered)
        name = short_name(language, encoded, len(language) + 8)
        write(bundle / f"pagefind.{name}.pf_meta", encoded)
        item["hash"] = name
        changed = True
    if changed:
        (bundle / ENTRY).write_text(json.dumps(written, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def merge_sorts(bundle: Path, metas: list[list[Any]]) -> list[list[Any]]:
    """Each sort key's pages over every part, in its order; [key, page numbers].

    Pagefind keeps a sort's order, not its values, so a page's value is read from its fragment's
    metadata of the same name (briefkit writes a briefing's date as both); a sort key that is not
    also metadata cannot be merged. As Pagefind does, values are compared as numbers when every one
    is a number, as text otherwise, and equal values keep the pages' order.
    """
    values: dict[str, list[tuple[str, int]]] = {}
    offset = 0
    for meta in metas:
        for key, numbers in meta[4]:
            for number in numbers:
                record = _fragment(bundle, meta[1][number][0])
                value = record.get("meta", {}).get(key)
                if not isinstance(value, str):
                    raise CannotMerge(f"the sort key {key!r} is not also a metadata field of every page it sorts")
                values.setdefault(key, []).append((value, offset + number))
        offset += len(meta[1])
    merged: list[list[Any]] = []
    for key, pairs in values.items():
        numeric = all(_number(value) is not None for value, _ in pairs)
        pairs.sort(key=lambda pair: (_number(pair[0]) if numeric else pair[0], pair[1]))
        merged.append([key, [number for _, number in pairs]])
    return merged


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _fragment(bundle: Path, name: str) -> dict[str, Any]:
    data = gzip.decompress((bundle / "fragment" / f"{name}.pf_fragment").read_bytes())
    record = json.loads(data[len(SIGNATURE) :])
    if not isinstance(record, dict):
        raise CannotMerge(f"the fragment {name} is not of the shape this build knows")
    return record
