"""A large site is indexed by Pagefind in parts, whose indexes are merged into the one a single run writes."""

from __future__ import annotations

import gzip
import itertools
import json
import re
import shutil
from typing import TYPE_CHECKING, Any

import pytest

from briefkit.search import indexer
from briefkit.search import merge as index_merge
from briefkit.search.files import BUNDLE
from briefkit.search.indexing import PARTS_VARIABLE
from briefkit.search.merge import read, short_name
from briefkit.workers import WORKERS_VARIABLE

from built_pages import fragment_record

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Project


def record(bundle: Path, name: str) -> dict[str, Any]:
    return fragment_record(bundle / "fragment" / f"{name}.pf_fragment")


def meaning(bundle: Path) -> dict[str, Any]:
    """What a reader's search can find in the index in `bundle`, whatever its files are named.

    Each page's record by URL, and each word's pages by URL, with where the word is on them.
    """
    entry = index_merge.entry(bundle)
    found = {}
    for language, item in entry["languages"].items():
        meta = read(bundle / f"pagefind.{item['hash']}.pf_meta")
        pages = [(record(bundle, name), count) for name, count in meta[1]]
        urls = [page["url"] for page, _ in pages]

        def located(entries: list[list[Any]], urls: list[str] = urls) -> list[tuple[str, str, str]]:
            numbers = itertools.accumulate(entry[0] for entry in entries)  # each a step from the last
            return sorted(
                (urls[number], str(entry[1]), str(entry[2])) for number, entry in zip(numbers, entries, strict=True)
            )

        words = {}
        for chunk in meta[2]:
            for word, entries, variants in read(bundle / "index" / f"{chunk[2]}.pf_index")[0]:
                assert chunk[0] <= word, (chunk, word)
                words[word] = (located(entries), sorted((form, located(more)) for form, more in variants))
        filters = {}
        for key, name in meta[3]:
            content = read(bundle / "filter" / f"{name}.pf_filter")
            assert content[0] == key
            filters[key] = {value: sorted(urls[number] for number in numbers) for value, numbers in content[1]}
        sorts = {}
        for key, numbers in meta[4]:
            # In the key's order; pages of equal value (a day with two briefings) in any order.
            ordered = [(pages[number][0]["meta"][key], urls[number]) for number in numbers]
            assert [value for value, _ in ordered] == sorted(value for value, _ in ordered), key
            sorts[key] = sorted(ordered)
        found[language] = {
            "pages": sorted((json.dumps(page, sort_keys=True), count) for page, count in pages),
            "filters": filters,
            "sorts": sorts,
            "words": words,
            "fields": meta[5],
            "page count": item["page_count"],
        }
        assert len(set(urls)) == len(urls)
    return found


@pytest.fixture
def built(repo_copy: Project) -> Path:
    """The repository's site, built, its index written by one run of Pagefind."""
    build = repo_copy.build()
    assert build.returncode == 0, build.log
    return build.site


def index_in_parts(site: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Index `site` again, from nothing, in three parts merged by two processes; the index's folder."""
    shutil.rmtree(site / BUNDLE)
    monkeypatch.setenv(PARTS_VARIABLE, "3")
    monkeypatch.setenv(WORKERS_VARIABLE, "2")  # the merge's word ranges in two processes, as on a large site
    indexer.index(site)
    return site / BUNDLE


def test_the_index_merged_from_parts_is_the_index_of_one_run(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_run = shutil.copytree(built / BUNDLE, tmp_path / "one-run")
    pages = indexer.site_pages(built)
    assert len(indexer.parts(pages, 3) or []) == 3
    merged = index_in_parts(built, monkeypatch)
    expected, found = meaning(one_run), meaning(merged)
    assert found == expected
    assert len(found["en"]["words"]) > 1000
    # The merged metadata names every page, and the entry file counts them.
    assert found["en"]["page count"] == len(found["en"]["pages"]) > 50
    # Filters and the date sort, whose pages are spread over the parts, come out whole.
    assert {"kind", "topic", "year", "person", "organization", "place"} <= set(found["en"]["filters"])
    assert len(found["en"]["sorts"]["date"]) == len(found["en"]["filters"]["kind"]["briefing"]) > 30


def test_a_merged_chunk_of_one_part_is_the_chunk_pagefind_wrote(built: Path) -> None:
    bundle = built / BUNDLE
    files = {file: gzip.decompress(file.read_bytes()) for file in bundle.glob("**/*.pf_*")}
    entry = index_merge.entry(bundle)
    merged = index_merge.merge(bundle, [entry], lambda part, names: bundle)
    # Merging one part gives back Pagefind's own metadata and chunks, byte for byte once unzipped.
    assert {file: gzip.decompress(file.read_bytes()) for file in bundle.glob("**/*.pf_*")} == files
    assert merged == entry == index_merge.entry(bundle)


def test_pages_of_two_parts_whose_fragments_take_one_name_each_get_their_own(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pagefind names a fragment by seven hex digits of its hash, and does not write a file whose name
    # exists. Here the victim's fragment is given the owner's name, as if their hashes began alike: in a
    # folder where the owner's fragment is, the victim's is not written.
    one_run = shutil.copytree(built / BUNDLE, tmp_path / "one-run")
    names = {record(one_run, name)["url"]: name for name in (p.stem for p in (one_run / "fragment").iterdir())}
    shares = indexer.parts(indexer.site_pages(built), 3)
    assert shares is not None
    part_of = {page: number for number, share in enumerate(shares) for page in share.pages}
    # The owner: a page of the first part; the victim: one of the last part's.
    first, last = (
        sorted(page for page in share.pages if page.endswith("/index.html")) for share in (shares[0], shares[-1])
    )
    assert first and last and part_of[first[0]] < part_of[last[0]]
    owner_url, victim_url = ("/" + page.removesuffix("index.html") for page in (first[0], last[0]))
    owner, victim = names[owner_url], names[victim_url]
    real_run = indexer.run

    def colliding_run(site: Path, output: Path, share: indexer.Share | None = None) -> dict[str, Any]:
        entry = real_run(site, output, share)
        item = entry["languages"]["en"]
        meta_file = output / f"pagefind.{item['hash']}.pf_meta"
        meta = read(meta_file)
        if any(page[0] == victim for page in meta[1]):
            for page in meta[1]:
                if page[0] == victim:
                    page[0] = owner
            written = output / "fragment" / f"{victim}.pf_fragment"
            taken = output / "fragment" / f"{owner}.pf_fragment"
            if taken.exists():
                written.unlink()
            else:
                written.rename(taken)
            encoded = index_merge.encode(meta)
            item["hash"] = short_name("en", encoded, 10)
            index_merge.write(output / f"pagefind.{item['hash']}.pf_meta", encoded)
            (output / index_merge.ENTRY).write_text(json.dumps(entry), encoding="utf-8")
        return entry

    monkeypatch.setattr(indexer, "run", colliding_run)
    merged = index_in_parts(built, monkeypatch)
    assert meaning(merged) == meaning(one_run)
    # The owner kept its file; the victim's fragment has a longer name, as Pagefind gives within a run.
    assert record(merged, owner)["url"] == owner_url
    longer = [
        name for name in (p.stem for p in (merged / "fragment").iterdir()) if record(merged, name)["url"] == victim_url
    ]
    assert len(longer) == 1
    assert longer[0].startswith(owner[:3]) and len(longer[0]) == len(owner) + 1


def test_a_large_site_builds_with_its_index_in_parts(repo_copy: Project) -> None:
    # The build's own audit checks that every page is in the index, once.
    build = repo_copy.build(env={PARTS_VARIABLE: "3"})
    assert build.returncode == 0, build.log
    metadata = list((build.site / BUNDLE).glob("pagefind.*.pf_meta"))
    assert len(metadata) == 1  # the parts' own were pruned


def matched(glob: str, pages: list[str]) -> list[str]:
    """The pages that Pagefind's pattern `glob` matches, for the patterns `Share.glob` writes (names only)."""
    pattern = re.escape(glob).replace(r"\{", "(?:").replace(r"\}", ")").replace(",", "|")
    return [page for page in pages if re.fullmatch(pattern, page)]


def test_pages_are_shared_out_evenly_each_share_named_by_a_short_pattern_of_its_own() -> None:
    pages = sorted(
        [f"briefings/2019-05-{day:02d}-briefing-number-{n}/index.html" for day in range(1, 29) for n in range(60)]
        + [f"people/person-{n}/index.html" for n in range(200)]
        + ["404.html", "index.html", "about/index.html", "archive/2019/05/index.html", "archive/index.html"]
    )
    shares = indexer.parts(pages)
    assert shares is not None
    assert [len(share.pages) for share in shares] == [943, 942]  # 1,885 pages: two parts
    # Every second page: each part has its half of the briefings and of the people.
    assert shares[0].pages == pages[0::2] and shares[1].pages == pages[1::2]
    assert [sum(page.startswith("people/") for page in share.pages) for share in shares] == [100, 100]
    for share in shares:
        assert matched(share.glob, pages) == share.pages
        assert len(share.glob) < 30 * len(share.pages)
    assert shares[0].glob.startswith("{{404.html,index.html},archive/2019/05/index.html,briefings/{")
    assert indexer.parts(pages[:999]) is None  # below two parts' worth, one run
    assert indexer.parts([*pages, "odd{name}/index.html"]) is None  # a name Pagefind's pattern would misread
    larger = sorted([*pages, *(f"places/place-{n}/index.html" for n in range(indexer.THREE_PARTS - len(pages)))])
    assert [len(share.pages) for share in indexer.parts(larger) or []] == [800, 800, 800]


def test_a_site_with_long_paths_is_shared_out_so_that_each_pattern_fits_a_command_line() -> None:
    pages = [f"briefings/{n:05d}-{'a-rather-long-title-for-a-briefing-' * 3}/index.html" for n in range(6000)]
    shares = indexer.parts(pages)
    assert shares is not None
    assert len(shares) > 3
    assert all(len(share.glob) <= indexer.GLOB_LIMIT for share in shares)


def test_lists_of_pages_are_joined_counting_on_from_the_last_page_of_the_part_before() -> None:
    # Page numbers are written as steps: [3, 2] is pages 3 and 5. The second part's pages start at 10.
    first = [[3, [1], []], [2, [4], []]]
    second = [[1, [7], []], [4, [9], []]]
    assert index_merge._join([(0, first), (10, second)]) == [[3, [1], []], [2, [4], []], [6, [7], []], [4, [9], []]]
    assert index_merge._join([(10, second)]) == [[11, [7], []], [4, [9], []]]


def test_an_index_that_cannot_be_merged_is_written_by_one_run(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Such as an index with filters, or the layout of a Pagefind this build does not know.
    one_run = shutil.copytree(built / BUNDLE, tmp_path / "one-run")

    def refuse(*args: object) -> None:
        raise index_merge.CannotMerge("the index has filters or sorts, which are not merged")

    monkeypatch.setattr(indexer, "merge", refuse)
    merged = index_in_parts(built, monkeypatch)
    assert meaning(merged) == meaning(one_run)
    assert len(list(merged.glob("pagefind.*.pf_meta"))) == 1  # the parts' own were deleted with them
    assert "indexing in one run: the index has filters or sorts, which are not merged" in capsys.readouterr().out
