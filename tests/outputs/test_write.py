"""briefkit.outputs.write: the folder `briefkit generate` writes, and what it refuses to touch."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from briefkit.model import GeneratedPage
from briefkit.outputs.write import MARKER, write_pages

if TYPE_CHECKING:
    from pathlib import Path


def test_pages_are_written_under_folders_that_did_not_exist(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b" / "generated"
    pages = [GeneratedPage("index.md", "# Home\n"), GeneratedPage("topics/5g-security/2019.md", "# 2019\n")]
    assert write_pages(pages, out) == 2
    assert (out / "topics" / "5g-security" / "2019.md").read_text(encoding="utf-8") == "# 2019\n"
    assert (out / MARKER).read_text(encoding="utf-8") == (
        "Written by `briefkit generate`; the whole folder is replaced on the next run.\n"
    )


def test_a_folder_someone_else_wrote_is_refused_with_the_fix(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.md").write_text("keep me", encoding="utf-8")
    expected = f"{out} exists and was not written by briefkit generate; choose an empty folder"
    with pytest.raises(FileExistsError, match=f"^{re.escape(expected)}$"):
        write_pages([GeneratedPage("index.md", "# Home\n")], out)
    assert (out / "notes.md").read_text(encoding="utf-8") == "keep me"


def test_a_page_that_would_land_outside_the_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    expected = f"refusing to write outside {out}: ../escaped.md"
    with pytest.raises(ValueError, match=f"^{re.escape(expected)}$"):
        write_pages([GeneratedPage("../escaped.md", "x")], out)
    assert not (tmp_path / "escaped.md").exists()
