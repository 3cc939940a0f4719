"""The generated pages handed to MkDocs as files, as if they were in the docs folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File, InclusionLevel

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

    from briefkit.model import GeneratedPage

IN_NAV_BY_DEFAULT = {"index.md", "topics/index.md", "archive/index.md"}
"""The generated pages in the navigation when mkdocs.yml has no `nav:` of its own."""


def add_pages(files: Files, config: Any, pages: list[GeneratedPage], root: Path) -> None:
    """Add `pages` to `files`, replacing any file of the same path (docs/index.md, whose text they hold)."""
    in_nav = nav_paths(config.nav) if config.nav else IN_NAV_BY_DEFAULT
    docs = Path(config.docs_dir)
    climb = "../" * len(docs.resolve().relative_to(root.resolve()).parts)  # from the docs folder up to the project
    for page in pages:
        if page.path in files.src_uris:
            files.remove(files.src_uris[page.path])
        # Markdown with placeholders for the HTML blocks, which the adapter puts back into the HTML:
        # Markdown would otherwise parse every list tag by tag only to pass it through.
        file = File.generated(config, page.path, content=page.markdown)
        if file.is_documentation_page() and page.path not in in_nav:
            # Out of the sidebar, so each page's size does not grow with the number of briefings.
            file.inclusion = InclusionLevel.NOT_IN_NAV
        file.edit_uri = _edit_uri(page.source, page.path, climb, docs)
        files.append(file)


def nav_paths(nav: Any) -> set[str]:
    """The docs paths that mkdocs.yml's `nav:` names, at any depth."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(nav_paths(value) for value in nav.values()))
    if isinstance(nav, list):
        return set().union(*(nav_paths(item) for item in nav))
    return set()


def _edit_uri(source: str | None, path: str, climb: str, docs: Path) -> str | None:
    """The file's path relative to the docs folder, which MkDocs joins to `repo_url` + `edit_uri`."""
    if source is None:
        return path if (docs / path).is_file() else None
    return climb + source
