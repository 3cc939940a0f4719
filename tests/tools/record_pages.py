"""An MkDocs hook of a site owner's own, for the tests: it records every page it is shown.

Each event appends `event<TAB>output path<TAB>characters of HTML` to the file named by
`RECORD_PAGES`, from whichever process MkDocs runs it in. It also changes the Markdown of every
third briefing it is shown (a sentence at the end), as a plugin that rewrites pages would, and
once the site is written, rewrites the About page's file (a sentence in its indexed text), as a
plugin that post-processes the written site would.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

CHANGED = "\n\nThis page went through the owner's hook.\n"
REWRITTEN = "<div data-pagefind-body><p>Rewritten after the build by the owner's hook.</p>"


def _record(event: str, page: Any, html: str | None) -> None:
    with Path(os.environ["RECORD_PAGES"]).open("a", encoding="utf-8") as record:
        record.write(f"{event}\t{page.file.dest_uri}\t{len(html or '')}\n")


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    name = page.file.src_uri
    if name.startswith("briefings/") and sum(name.encode("utf-8")) % 3 == 0:
        return markdown + CHANGED
    return markdown


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    _record("context", page, page.content)
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    _record("post", page, output)
    return output


@event_priority(100)  # before briefkit's: as a plugin listed under `plugins` would run
def on_post_build(config: Any) -> None:
    about = Path(config.site_dir) / "about" / "index.html"
    text = about.read_text(encoding="utf-8")
    about.write_text(text.replace("<div data-pagefind-body>", REWRITTEN, 1), encoding="utf-8")
