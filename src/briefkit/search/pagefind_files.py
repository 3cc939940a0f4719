"""Pagefind's index files (version 1.5), read and written as Pagefind does: each gzipped, a signature,
then CBOR, named by a hash of its content. Used by the merge of an index's parts and by the
filters' and sorts' handling (`briefkit.search.merge`, `briefkit.search.facets`).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from typing import TYPE_CHECKING, Any

import cbor2

from briefkit.search.files import SIGNATURE

if TYPE_CHECKING:
    from pathlib import Path

ENTRY = "pagefind-entry.json"


class CannotMerge(Exception):
    """The runs' indexes are not of a shape this module merges; the message says what."""


def read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise CannotMerge(f"{path.name} is not one of Pagefind's index files")
    return cbor2.loads(data[len(SIGNATURE) :])


def encode(value: Any) -> bytes:
    """CBOR as Pagefind writes it (cbor2's shortest forms are minicbor's)."""
    return cbor2.dumps(value)


def holds(path: Path, encoded: bytes) -> bool:
    """Whether `path` is already this file, as after a build whose index was the same there.

    Unzipping it costs a fraction of zipping it again (0.2 s against 1 s for 25 MB).
    """
    try:
        return gzip.decompress(path.read_bytes()) == SIGNATURE + encoded
    except (OSError, EOFError, gzip.BadGzipFile):
        return False


def write(path: Path, encoded: bytes) -> None:
    path.write_bytes(zipped(encoded))


def zipped(encoded: bytes) -> bytes:
    # mtime=0 as Pagefind's own files: the same index gives the same bytes.
    return gzip.compress(SIGNATURE + encoded, compresslevel=6, mtime=0)


def short_name(language: str, encoded: bytes, length: int) -> str:
    """A file's name as Pagefind makes it: SHA-1, each byte in hex without its leading zero."""
    digest = hashlib.sha1(encoded).digest()  # Pagefind's names: not for security
    return f"{language}_{''.join(f'{byte:x}' for byte in digest)[:length]}"


def entry(bundle: Path) -> dict[str, Any]:
    """The entry file a run left in `bundle`: its version and, per language, its metadata's name."""
    value = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    if not isinstance(value, dict) or not isinstance(value.get("languages"), dict):
        raise CannotMerge(f"{ENTRY} is not of the shape this build knows")
    return value


def page_names(bundle: Path, written: dict[str, Any]) -> list[str]:
    """The names of the fragments of the pages in the index whose entry file is `written`, in every language."""
    return [page[0] for item in written["languages"].values() for page in metadata(bundle, item["hash"])[1]]


def metadata(bundle: Path, name: str) -> list[Any]:
    meta = read(bundle / f"pagefind.{name}.pf_meta")
    if not (isinstance(meta, list) and len(meta) == 6 and all(isinstance(part, list) for part in meta[1:])):
        raise CannotMerge("the metadata is not of the shape this build knows")
    return meta
