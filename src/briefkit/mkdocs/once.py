"""Parts of a page (the tabs, the navigation, the header) rendered once for all pages that get the same.

Out of the navigation (briefings, names, years) no item of the tabs or the sidebar is active, so
those parts depend only on their links, each made relative to the page: pages whose links to
every page of the navigation, and to the assets, read the same get the same part. The theme's
overrides (`docs/overrides/main.html`, `partials/header.html`) ask `fits(page)` before each
part and wrap it in `{% call briefkit_once(name, page) %}`.

The overrides copy how Material 9 includes those partials, so parts are shared only with the
Material versions in `TESTED_MATERIAL` (a test fails when another is installed), and only when
briefkit's hook is the only plugin or hook: another might change the navigation from page to
page, which a shared part would not show.
"""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import get_relative_url

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

TESTED_MATERIAL = ("9.8.2",)
"""The Material versions whose partials the overrides wrap, tested."""


def material_fits() -> bool:
    try:
        return metadata.version("mkdocs-material") in TESTED_MATERIAL
    except metadata.PackageNotFoundError:
        return False


class TemplateParts:
    """The parts rendered so far in this build, by name and by the links they hold."""

    def __init__(self, files: Files) -> None:
        self.targets = [
            "",
            "assets/",
            *(file.url for file in files.documentation_pages() if file.inclusion is not InclusionLevel.NOT_IN_NAV),
        ]
        self.parts: dict[tuple[str, ...], str] = {}

    @staticmethod
    def fits(page: Any) -> bool:
        """Whether `page`'s parts are shared: not a page in the navigation, whose own item is active,
        nor one that hides parts of itself."""
        return bool(page and page.file and not page.file.inclusion.is_in_nav() and not page.meta.get("hide"))

    def __call__(self, name: str, page: Any, caller: Any) -> str:
        key = (name, *(get_relative_url(target, page.url) for target in self.targets))
        part = self.parts.get(key)
        if part is None:
            part = self.parts[key] = caller()
        return part
