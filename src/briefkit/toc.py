"""A generated page's headings written as HTML, added to its table of contents as Markdown's would be.

List pages write their headings in HTML blocks (see `briefkit.pages.Heading`), which Markdown
passes through without seeing. MkDocs checks links to anchors against each page's anchors, and
Material draws the table of contents from the page's; this adds the headings to both, nested by
level after the headings Markdown found (a list page's title), in the order they come.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.structure.toc import AnchorLink

if TYPE_CHECKING:
    from collections.abc import Iterable

    from briefkit.pages import Heading


def add_headings(page: Any, headings: Iterable[Heading]) -> None:
    """Add `headings` to the MkDocs `page`'s table of contents and anchors (after its Markdown is converted)."""
    anchors = set(page.present_anchor_ids or ())
    for heading in headings:
        siblings, parent = page.toc.items, None
        while siblings and siblings[-1].level < heading.level:
            parent = siblings[-1]
            siblings = parent.children
        (parent.children if parent is not None else page.toc.items).append(
            AnchorLink(heading.title, heading.id, heading.level)
        )
        anchors.add(heading.id)
    page.present_anchor_ids = anchors
