"""What one build knows, from the moment its pages are generated (`on_files`) to its end."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefkit.mkdocs.buildstats import BuildStats

if TYPE_CHECKING:
    from mkdocs.structure.files import File

    from briefkit.mkdocs.ahead import ConvertedAhead
    from briefkit.mkdocs.once import TemplateParts
    from briefkit.mkdocs.share import Share
    from briefkit.model import GeneratedPage
    from briefkit.search.indexing import Indexing
    from briefkit.site import Site


@dataclass
class BuildState:
    """One build's state: the generated site, and which of the speed mechanisms it uses."""

    site: Site
    pages: dict[str, GeneratedPage]
    """Each generated page by its docs path: its Markdown, its blocks and headings, its date."""
    alone: bool
    """Whether briefkit's hook is the only plugin or hook configured: only then may a mechanism
    change what a plugin would see (share the pages between processes, reuse a preview's pages,
    render the template parts once)."""
    stats: BuildStats = field(default_factory=BuildStats)
    share: Share | None = None
    """The build shared with a second process (`briefkit.mkdocs.share`), if it is."""
    ahead: ConvertedAhead | None = None
    """Briefkit's pages converted ahead by a second process (`briefkit.mkdocs.ahead`), if they are."""
    reusing: bool = False
    """Whether this preview's build reuses the pages of the last (`briefkit.mkdocs.reuse`)."""
    parts: TemplateParts | None = None
    """The template parts rendered once for many pages (`briefkit.mkdocs.once`), if they are."""
    every_page: list[File] = field(default_factory=list)
    """Every documentation page (as of `on_env`): for the audit, and for the sitemap of a shared build,
    in which each process builds only its own."""
    indexing: Indexing | None = None
    """Pagefind indexing the built site, once the pages are written."""
