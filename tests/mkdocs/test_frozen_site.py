"""Nothing changes for anyone: today's code builds the frozen site into the very files recorded."""

from __future__ import annotations

from pathlib import Path

import frozen_site


def differences(recorded: dict[str, str], built: dict[str, str]) -> list[str]:
    lines = [f"missing now: {path}" for path in sorted(recorded.keys() - built.keys())]
    lines += [f"new: {path}" for path in sorted(built.keys() - recorded.keys())]
    lines += [f"changed: {path}" for path in sorted(recorded.keys() & built.keys()) if recorded[path] != built[path]]
    return lines


def test_the_frozen_site_builds_into_the_recorded_files_byte_for_byte(tmp_path: Path) -> None:
    recorded = frozen_site.read(frozen_site.LISTING.read_text(encoding="utf-8"))
    built = frozen_site.listing(frozen_site.build(tmp_path / "frozen-site"))
    found = differences(recorded, built)
    assert not found, (
        f"{len(found)} of the frozen site's files differ from tests/fixtures/frozen-site.sha256:\n  "
        + "\n  ".join(found[:30])
        + "\nIf the change is meant to change these pages, run `make frozen-site` and commit the listing with it."
    )


def test_the_listing_covers_every_kind_of_output() -> None:
    # A listing that lost its pages would make the comparison above pass on nothing.
    recorded = frozen_site.read(frozen_site.LISTING.read_text(encoding="utf-8"))
    for path in (
        "index.html",
        "briefings/2019-05-14-huawei-offers-no-spy-agreements/index.html",
        "briefings/2019-05-14-huawei-no-spy/index.html",
        "topics/5g-security/index.html",
        "topics/5g-security/feed.xml",
        "corrections/feed.xml",
        "archive/index.html",
        "feed.xml",
        "briefings.json",
        "sitemap.xml",
        "pagefind/pagefind-entry.json",
    ):
        assert path in recorded, path
    assert len(recorded) > 150


def test_a_changed_file_is_named() -> None:
    recorded = {"index.html": "a", "feed.xml": "b", "old.html": "c"}
    built = {"index.html": "a", "feed.xml": "x", "new.html": "d"}
    assert differences(recorded, built) == ["missing now: old.html", "new: new.html", "changed: feed.xml"]
