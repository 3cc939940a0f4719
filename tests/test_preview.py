"""`mkdocs serve`: the preview is served without waiting for its search index, which follows."""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

from preview import Preview

if TYPE_CHECKING:
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


def test_the_preview_is_served_and_its_search_index_follows_each_build(repo_copy: Project) -> None:
    preview = Preview(repo_copy.root)
    try:
        preview.wait_for(re.compile("Serving on"), timeout=120)
        first = index_other_than(preview, None)
        edited = repo_copy.root / BRIEFING
        edited.write_text(edited.read_text(encoding="utf-8") + "\nA sentence added in the preview.\n", "utf-8")
        preview.rebuilt(timeout=120)
        page = preview.fetch("briefings/2019-05-14-huawei-offers-no-spy-agreements/")
        assert page is not None
        assert "A sentence added in the preview." in page
        # The rebuild cleaned the site folder; the new index holds the new sentence, so it differs.
        index_other_than(preview, first)
    finally:
        preview.stop()
    # The server logs each request it could not answer; the polls above ask before the index is there.
    problems = [line for line in preview.log if line.startswith(("WARNING", "ERROR")) and '"GET /' not in line]
    assert problems == []
    assert not any("Traceback" in line for line in preview.log)
