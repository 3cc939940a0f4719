"""A build keeps the last search index for Pagefind to write over (briefkit.mkdocs.kept_index),
and gives the very files a build into an empty folder gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefkit.mkdocs import kept_index
from briefkit.mkdocs.kept_index import KEPT
from briefkit.search.files import BUNDLE

from built_pages import files_of
from conftest import Project

REMOVED = "briefings/2018/2018-07-06-us-tariffs-on-34bn-take-effect.md"
REMOVED_PAGE = "briefings/2018-07-06-us-tariffs-on-34bn-take-effect"


def test_a_rebuild_over_the_last_site_gives_the_site_an_empty_folder_would(repo_copy: Project, tmp_path: Path) -> None:
    first = repo_copy.build()
    assert first.returncode == 0, first.log
    site = first.site
    kept_file = next(path for path in (site / BUNDLE).rglob("*") if path.is_file())
    kept_inode = kept_file.stat().st_ino
    # Left over from earlier builds: MkDocs empties the folder of them, hidden entries apart.
    (site / "stray.txt").write_text("old", encoding="utf-8")
    (site / "old-page").mkdir()
    (site / "old-page" / "index.html").write_text("old", encoding="utf-8")
    (site / ".hidden-note").write_text("MkDocs leaves hidden entries alone", encoding="utf-8")
    (site / BUNDLE / "fragment" / "en_0000000.pf_fragment").write_bytes(b"an index file no page uses any more")
    (repo_copy.root / REMOVED).unlink()

    second = repo_copy.build()
    assert second.returncode == 0, second.log
    if kept_file.exists():  # Pagefind wrote over the kept index: a file it still uses is the same file
        assert kept_file.stat().st_ino == kept_inode
    assert (site / ".hidden-note").is_file()
    for gone in ("stray.txt", "old-page", REMOVED_PAGE, KEPT, f"{BUNDLE}/fragment/en_0000000.pf_fragment"):
        assert not (site / gone).exists(), gone

    # The same files, byte for byte, as a build of the same project into an empty folder.
    fresh = tmp_path / "fresh"
    shutil.copytree(repo_copy.root, fresh, ignore=shutil.ignore_patterns("site"))
    third = Project(fresh).build()
    assert third.returncode == 0, third.log
    rebuilt, anew = files_of(site), files_of(third.site)
    rebuilt.pop(".hidden-note")
    assert sorted(rebuilt) == sorted(anew)
    assert [path for path in anew if rebuilt[path] != anew[path]] == []


def test_a_build_that_fails_puts_the_index_back_and_the_next_one_builds(repo_copy: Project) -> None:
    first = repo_copy.build()
    assert first.returncode == 0, first.log
    broken = repo_copy.add("2021/2021-01-01-broken.md", "---\ntitle: No date\n---\n\nText.\n")
    failed = repo_copy.build()
    assert failed.returncode == 1
    assert (failed.site / BUNDLE).is_dir()
    assert not (failed.site / KEPT).exists()
    broken.unlink()
    again = repo_copy.build()
    assert again.returncode == 0, again.log
    assert (again.site / BUNDLE / "pagefind.js").is_file()
    assert not (again.site / KEPT).exists()


def test_an_index_that_cannot_be_moved_is_left_for_mkdocs_to_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    (site / BUNDLE).mkdir(parents=True)
    (site / BUNDLE / "pagefind.js").write_text("index", encoding="utf-8")
    rename = Path.rename

    def held_open(self: Path, target: Path) -> Path:  # as Windows refuses to move a folder in use
        if self.name == BUNDLE:
            raise PermissionError(13, "in use", str(self))
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", held_open)
    assert kept_index.set_aside(site) is False
    assert sorted(entry.name for entry in site.iterdir()) == [BUNDLE]
    assert not (site / KEPT).exists()


def test_an_index_set_aside_comes_back_in_place_of_what_was_written_there(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / BUNDLE).mkdir(parents=True)
    (site / BUNDLE / "pagefind.js").write_text("last index", encoding="utf-8")
    assert kept_index.set_aside(site) is True
    assert not (site / BUNDLE).exists()
    (site / BUNDLE).write_text("in the way", encoding="utf-8")
    kept_index.put_back(site)
    assert (site / BUNDLE / "pagefind.js").read_text(encoding="utf-8") == "last index"
    assert not (site / KEPT).exists()
