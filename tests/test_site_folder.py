"""A build writes over the last build's site folder and deletes what it did not write (briefkit.site_folder)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefkit import site_folder
from briefkit.site_folder import KEPT, STARTED

if TYPE_CHECKING:
    from conftest import Project

REMOVED = "briefings/2018/2018-07-06-us-tariffs-on-34bn-take-effect.md"
REMOVED_PAGE = "briefings/2018-07-06-us-tariffs-on-34bn-take-effect"
UNCHANGED_PAGE = "briefings/2020-01-29-eu-5g-toolbox-endorsed/index.html"


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_a_rebuild_over_the_last_site_gives_the_site_an_empty_folder_would(repo_copy: Project, tmp_path: Path) -> None:
    first = repo_copy.build()
    assert first.returncode == 0, first.log
    site = first.site
    unchanged_file = (site / UNCHANGED_PAGE).stat().st_ino
    # Left over from earlier builds, or in the way of this one's files.
    (site / "stray.txt").write_text("old", encoding="utf-8")
    (site / "old-page").mkdir()
    (site / "old-page" / "index.html").write_text("old", encoding="utf-8")
    (site / ".hidden-note").write_text("MkDocs leaves hidden entries alone", encoding="utf-8")
    shutil.rmtree(site / "about")
    (site / "about").write_text("a file where a folder goes", encoding="utf-8")
    (site / "archive" / "index.html").unlink()
    (site / "archive" / "index.html").mkdir()  # a folder where a page goes
    (repo_copy.root / REMOVED).unlink()

    second = repo_copy.build("-v")
    assert second.returncode == 0, second.log
    assert (site / UNCHANGED_PAGE).stat().st_ino == unchanged_file  # written over, not made anew
    # Pages whose files hold them already are not written again (briefkit.site_folder.holds).
    unchanged = [int(count) for count in re.findall(r"(\d+) pages unchanged since the last build", second.log)]
    assert unchanged, second.log
    assert sum(unchanged) > 40  # of some 80 pages: the removed briefing changed its topic, names, lists
    assert (site / ".hidden-note").is_file()
    for gone in ("stray.txt", "old-page", REMOVED_PAGE, KEPT, STARTED):
        assert not (site / gone).exists(), gone

    # The same files, byte for byte, as a build of the same project into an empty folder.
    fresh = tmp_path / "fresh"
    shutil.copytree(repo_copy.root, fresh, ignore=shutil.ignore_patterns("site"))
    from conftest import Project as FreshProject  # noqa: PLC0415

    third = FreshProject(fresh).build()
    assert third.returncode == 0, third.log
    rebuilt, anew = files_of(site), files_of(third.site)
    rebuilt.pop(".hidden-note")
    assert sorted(rebuilt) == sorted(anew)
    assert [path for path in anew if rebuilt[path] != anew[path]] == []


def test_a_build_that_fails_leaves_the_last_site_and_the_next_one_builds(repo_copy: Project) -> None:
    first = repo_copy.build()
    assert first.returncode == 0, first.log
    broken = repo_copy.add("2021/2021-01-01-broken.md", "---\ntitle: No date\n---\n\nText.\n")
    failed = repo_copy.build()
    assert failed.returncode == 1
    assert (failed.site / "index.html").is_file()
    assert not (failed.site / KEPT).exists()
    broken.unlink()
    again = repo_copy.build()
    assert again.returncode == 0, again.log
    assert not (again.site / STARTED).exists()


def test_a_site_that_cannot_be_set_aside_is_left_for_mkdocs_to_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("a", encoding="utf-8")
    (site / "b.txt").write_text("b", encoding="utf-8")
    rename = Path.rename

    def held_open(self: Path, target: Path) -> Path:  # as Windows refuses to move a file in use
        if self.name == "b.txt":
            raise PermissionError(13, "in use", str(self))
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", held_open)
    assert site_folder.set_aside(site) is False
    assert sorted(entry.name for entry in site.iterdir()) == ["a", "b.txt"]
    assert (site / "a" / "index.html").read_text(encoding="utf-8") == "a"
