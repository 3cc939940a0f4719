"""Each build writes its search index over the last build's, whose unchanged files Pagefind keeps."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from briefkit.search.files import BUNDLE, live_names
from briefkit.search.indexing import Indexing, indexed_pages

from built_pages import fragment_record
from conftest import briefing

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Project

BRIEFING = "briefings/2019/2019-05-14-huawei-offers-no-spy-agreements.md"
HUAWEI = "/briefings/2019-05-14-huawei-offers-no-spy-agreements/"
UNCHANGED = "/briefings/2020-01-29-eu-5g-toolbox-endorsed/"


def fragment_files(site: Path) -> dict[str, Path]:
    """Every fragment file in the index's folder, by the URL of the page it holds."""
    files = {}
    for file in sorted((site / BUNDLE / "fragment").glob("*.pf_fragment")):
        files[fragment_record(file)["url"]] = file
    return files


def test_a_rebuild_keeps_the_index_files_of_unchanged_pages_and_deletes_the_others(repo_copy: Project) -> None:
    first = repo_copy.build()
    assert first.returncode == 0, first.log
    before = fragment_files(first.site)
    unchanged_written = before[UNCHANGED].stat().st_mtime_ns
    edited = repo_copy.root / BRIEFING
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA sentence added since.\n", encoding="utf-8")

    second = repo_copy.build()
    assert second.returncode == 0, second.log
    after = fragment_files(second.site)
    # Pagefind did not write the unchanged page's fragment again: it is the last build's file.
    assert after[UNCHANGED] == before[UNCHANGED]
    assert after[UNCHANGED].stat().st_mtime_ns == unchanged_written
    # The edited page has a new fragment; its old one, which nothing refers to now, is gone.
    assert after[HUAWEI] != before[HUAWEI]
    assert not before[HUAWEI].exists()
    assert "A sentence added since." in indexed_pages(second.site)[HUAWEI]["content"]
    names = live_names(second.site)
    assert names is not None
    for folder in ("fragment", "index"):
        files = {file.name.split(".")[0] for file in (second.site / BUNDLE / folder).iterdir()}
        assert files <= names, folder
    assert len(list((second.site / BUNDLE).glob("pagefind.*.pf_meta"))) == 1


def test_a_kept_index_that_does_not_fit_the_new_build_is_written_anew(repo_copy: Project) -> None:
    first = repo_copy.build()
    assert first.returncode == 0, first.log
    files = fragment_files(first.site)
    # As if a page's new short hash were the name of another page's kept fragment (Pagefind
    # would not write it, the file existing): the Huawei page would be searched as another.
    files[HUAWEI].write_bytes(files[UNCHANGED].read_bytes())

    second = repo_copy.build()
    assert second.returncode == 0, second.log
    assert "the search index kept from the last build does not fit this one: indexing anew" in second.log
    pages = indexed_pages(second.site)
    assert pages[HUAWEI]["meta"]["title"] == 'Huawei offers governments "no-spy" agreements'
    assert pages[UNCHANGED]["url"] == UNCHANGED


def test_pages_at_non_ascii_paths_keep_the_index(project: Project) -> None:
    project.add("2019/2019-05-14-moscow.md", briefing(extra="places: [Москва]\n"))
    first = project.build()
    assert first.returncode == 0, first.log
    assert "/places/москва/" in indexed_pages(first.site)
    second = project.build()
    assert second.returncode == 0, second.log
    assert "indexing anew" not in second.log


def test_the_indexing_process_indexes_a_built_site(project: Project) -> None:
    project.add("2019/2019-05-14-huawei.md", briefing())
    built = project.build()
    assert built.returncode == 0, built.log
    shutil.rmtree(built.site / BUNDLE)
    indexing = Indexing(built.site)
    indexing.wait()
    assert "/briefings/2019-05-14-huawei/" in indexing.urls()
    assert "/briefings/2019-05-14-huawei/" in indexed_pages(built.site)
