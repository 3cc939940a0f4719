"""`mkdocs serve`: the preview is served without waiting for its search index, which follows."""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

from preview import Preview

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Project

BRIEFING = "briefings/2019/2019-05-14-huawei-offers-no-spy-agreements.md"


def index_other_than(preview: Preview, previous: str | None, timeout: float = 60) -> str:
    """The search index's entry file, once it is there and not `previous`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        entry = preview.fetch("pagefind/pagefind-entry.json")
        if entry is not None and entry != previous:
            return entry
        time.sleep(0.2)
    raise AssertionError("the search index was not written:\n" + "\n".join(preview.log))


REUSED = re.compile(r"(\d+) pages? unchanged since the last build, written as they were")
TOTAL = re.compile(r"briefings, \d+ topics?, (\d+) pages")
UNRELATED = "briefings/2020-01-29-eu-5g-toolbox-endorsed/"


def left_in(folder: Path, pattern: str, timeout: float = 10) -> list[Path]:
    """The files matching `pattern` in `folder`, once there are none or `timeout` has passed."""
    deadline = time.monotonic() + timeout
    while (found := sorted(folder.glob(pattern))) and time.monotonic() < deadline:
        time.sleep(0.2)
    return found


def test_the_preview_is_served_and_its_search_index_follows_each_build(repo_copy: Project, tmp_path: Path) -> None:
    temporary = tmp_path / "temporary"
    temporary.mkdir()
    preview = Preview(repo_copy.root, env={"TMPDIR": str(temporary)})
    try:
        preview.wait_for(re.compile("Serving on"), timeout=120)
        first = index_other_than(preview, None)
        edited = repo_copy.root / BRIEFING
        text = edited.read_text(encoding="utf-8").replace('no-spy" agreements\n', 'no-spy" pacts\n', 1)
        edited.write_text(text + "\nA sentence added in the preview.\n", "utf-8")
        total = int(preview.wait_for(TOTAL, timeout=120)[1])
        reused = int(preview.wait_for(REUSED, timeout=120)[1])
        preview.rebuilt(timeout=120)
        page = preview.fetch("briefings/2019-05-14-huawei-offers-no-spy-agreements/")
        assert page is not None
        assert "A sentence added in the preview." in page
        # The pages that list the briefing are rendered again; most others are reused as they were.
        assert "&#34;no-spy&#34; pacts" in (preview.fetch("topics/5g-security/") or "")
        assert "&#34;no-spy&#34; pacts" in (preview.fetch("organizations/huawei/") or "")
        assert 0 < reused < total - 10, preview.log
        # The rebuild cleaned the site folder; the new index holds the new sentence, so it differs.
        index_other_than(preview, first)
        # Each index's list of pages, which only `mkdocs build` reads, is deleted once the index is written.
        assert left_in(temporary, "briefkit-indexed-*") == []

        # A change to the theme's overrides shows on every page: none is reused.
        template = repo_copy.root / "docs" / "overrides" / "main.html"
        marked = template.read_text(encoding="utf-8").replace(
            "<div data-pagefind-body>", "<div data-pagefind-body data-edited>"
        )
        template.write_text(marked, encoding="utf-8")
        assert preview.wait_for(REUSED, timeout=120)[1] == "0"
        preview.rebuilt(timeout=120)
        assert "data-edited" in (preview.fetch(UNRELATED) or "")
    finally:
        preview.stop()
    # The server logs each request it could not answer; the polls above ask before the index is there.
    problems = [line for line in preview.log if line.startswith(("WARNING", "ERROR")) and '"GET /' not in line]
    assert problems == []
    assert not any("Traceback" in line for line in preview.log)


def served_pages(preview: Preview) -> dict[str, str]:
    """Every page in the preview's sitemap, its address and live-reload script made the same for any server."""
    sitemap = preview.fetch("sitemap.xml") or ""
    pages = {}
    for url in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        path = url.split(f":{preview.port}/", 1)[1]
        page = preview.fetch(path) or ""
        page = page.replace(f":{preview.port}/", ":PORT/")
        pages[path] = re.sub(r"livereload\(\d+, \d+\)", "livereload()", page)
    return pages


def test_a_reused_page_is_the_page_a_new_preview_renders(repo_copy: Project) -> None:
    first = Preview(repo_copy.root)
    try:
        first.wait_for(re.compile("Serving on"), timeout=120)
        edited = repo_copy.root / BRIEFING
        edited.write_text(edited.read_text(encoding="utf-8").replace("no-spy", "no-spying"), "utf-8")
        assert int(first.wait_for(REUSED, timeout=120)[1]) > 0
        first.rebuilt(timeout=120)
        reused = served_pages(first)
    finally:
        first.stop()
    second = Preview(repo_copy.root)  # renders every page: it has no earlier build
    try:
        second.wait_for(re.compile("Serving on"), timeout=120)
        rendered = served_pages(second)
    finally:
        second.stop()
    assert len(rendered) > 50
    assert reused.keys() == rendered.keys()
    assert [path for path in rendered if reused[path] != rendered[path]] == []
