"""The one code path from a project folder to generated pages, used by the hook and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefkit.catalog import Catalog
from briefkit.content import Content, Layout, load_content
from briefkit.pages import GeneratedPage, PageRenderer

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path


@dataclass
class Site:
    """A project's content, its indexes and its generated pages."""

    layout: Layout
    content: Content
    catalog: Catalog
    pages: list[GeneratedPage]

    @property
    def ok(self) -> bool:
        return self.content.errors == 0


def build_site(root: Path, include_drafts: bool = False, today: date | None = None) -> Site:
    """Load `root`'s briefings and render every generated page.

    Pages are rendered only when the content has no errors: a site with a briefing missing
    is never produced, the caller reports `content.problems` instead.
    """
    layout = Layout(root)
    content = load_content(layout, today=today)
    catalog = Catalog(content.visible(include_drafts), content.topics)
    pages: list[GeneratedPage] = []
    if content.errors == 0:
        welcome_file = layout.docs_dir / "index.md"
        welcome = welcome_file.read_text(encoding="utf-8") if welcome_file.is_file() else ""
        pages = PageRenderer(catalog, list(content.topics.values())).all_pages(welcome)
    return Site(layout, content, catalog, pages)
