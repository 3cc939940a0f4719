"""The last search index, kept while MkDocs empties the site folder, so that Pagefind writes over it.

Pagefind names each file of its index by a hash of its content, and does not write again a file
that is there already, so indexing over the last build's index costs it about half of indexing
into an empty folder (see docs/scale.md). MkDocs empties the site folder before every build. So,
before it does, the adapter moves the index into a hidden folder, which MkDocs leaves alone
(`set_aside`), and moves it back once every page is written, just before Pagefind runs
(`put_back`). Pagefind then deletes the files its new index does not use
(`briefkit.search.files.prune`): the index is the one an empty folder would have got.

Only the index is kept: every page is written into the emptied folder, as MkDocs writes it, so
what other plugins find there is what MkDocs alone would give them.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from briefkit.search.files import BUNDLE

if TYPE_CHECKING:
    from pathlib import Path

KEPT = ".briefkit-kept-index"
"""The last build's index, while MkDocs empties the site folder and writes the pages."""


def set_aside(site: Path) -> bool:
    """Before MkDocs empties `site`: move its search index aside. Whether there was one to keep."""
    kept = site / KEPT
    if kept.is_dir() and not kept.is_symlink():  # left by a build that ended before it put it back
        shutil.rmtree(kept)
    index = site / BUNDLE
    if not index.is_dir() or index.is_symlink():
        return False
    try:
        index.rename(kept)
    except OSError:  # such as a file held open on Windows: MkDocs empties the folder as usual
        return False
    return True


def put_back(site: Path) -> None:
    """The kept index back in `site`, in place of anything the build wrote there (nothing, normally)."""
    kept = site / KEPT
    if not kept.is_dir():
        return
    index = site / BUNDLE
    if index.is_dir() and not index.is_symlink():
        shutil.rmtree(index)
    elif index.exists() or index.is_symlink():
        index.unlink()
    kept.rename(index)
