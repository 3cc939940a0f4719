"""An MkDocs hook of a site owner's own, for the tests: it changes a Markdown extension's option mid-build.

From the tenth briefing whose Markdown comes by, the table of contents' permalink sign becomes "§"
for every page converted after it, changed in place in mkdocs.yml's settings, as a plugin that
tunes extensions page by page would. MkDocs reads the settings afresh for each page it converts.
"""

from __future__ import annotations

from typing import Any

seen: list[str] = []


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if page.file.src_uri.startswith("briefings/"):
        seen.append(page.file.src_uri)
    if len(seen) == 10 and seen[-1] == page.file.src_uri:
        config.mdx_configs["toc"]["permalink"] = "§"
    return markdown
