"""A generated page's headings written as HTML, added to its table of contents as Markdown's would be.

Generated pages write their headings in HTML blocks (see `briefkit.pages.render.Heading`), which
Markdown passes through without seeing. MkDocs checks links to anchors against each page's
anchors, and Material draws the table of contents from the page's; this adds the headings to
both: the page's title (level 1, always first) with the headings Markdown found (a briefing's
own text, which may not have a title of its own) under it, then the others in the order they
come, nested by level. A heading whose id the page's Markdown already gave (a briefing whose
text has a "Sources" heading of its own) takes the next free one, `sources_1`, as Markdown's
`toc` would have numbered it; so does the title, in the rare briefing with a heading of the same
words (Markdown, which saw the title first, gave the text's heading the `_1`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markdown.extensions.toc import unique
from mkdocs.structure.toc import AnchorLink

from briefkit.model import heading_html

if TYPE_CHECKING:
    from collections.abc import Iterable

    from briefkit.model import Heading


def add_headings(page: Any, headings: Iterable[Heading], html: str) -> str:
    """Add `headings` to the MkDocs `page`'s table of contents and anchors; `html`, with any id changed."""
    anchors = set(page.present_anchor_ids or ())
    for heading in headings:
        identifier = unique(heading.id, anchors)  # adds it to `anchors`
        if identifier != heading.id:
            html = html.replace(heading_html(heading), heading_html(heading._replace(id=identifier)), 1)
        if heading.level == 1:  # the page's title, before everything Markdown found
            title = AnchorLink(heading.title, identifier, 1)
            title.children, page.toc.items = page.toc.items, [title]
            continue
        siblings, parent = page.toc.items, None
        while siblings and siblings[-1].level < heading.level:
            parent = siblings[-1]
            siblings = parent.children
        (parent.children if parent is not None else page.toc.items).append(
            AnchorLink(heading.title, identifier, heading.level)
        )
    page.present_anchor_ids = anchors
    return html
