"""Writing generated pages to a folder, for engines that read Markdown files rather than hooks."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from briefkit.model import GeneratedPage

MARKER = ".briefkit-generated"
"""Marks a folder as ours, so that running `generate` again may empty it without losing anyone's work."""


def write_pages(pages: Sequence[GeneratedPage], out: Path) -> int:
    """Write `pages` under `out`, replacing what an earlier run wrote there; return how many.

    Refuses (FileExistsError) to touch a non-empty folder that an earlier run did not make.
    """
    if out.exists():
        if not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file()):
            raise FileExistsError(f"{out} exists and was not written by briefkit generate; choose an empty folder")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MARKER).write_text("Written by `briefkit generate`; the whole folder is replaced on the next run.\n")
    root = out.resolve()
    for page in pages:
        target = (out / page.path).resolve()
        if root not in target.parents:  # page paths come from safe keys; this guards the guarantee
            raise ValueError(f"refusing to write outside {out}: {page.path}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
    return len(pages)
