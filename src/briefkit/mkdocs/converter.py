"""One Markdown converter for a whole build, reset between pages, where MkDocs sets one up per page.

MkDocs' `Page.render` makes a new `markdown.Markdown`, with every extension of mkdocs.yml, for
each page it converts. Python-Markdown's own advice for many documents is one converter and
`reset()` between them (extensions drop their per-document state in their `reset`); see
docs/scale.md for what it saves.

`render` does what `Page.render` of MkDocs 1.6 does, with MkDocs' own per-page processors (the
anchors a page holds, its links made relative, its title), which are private to MkDocs. So it is
used only with the MkDocs versions in `TESTED_MKDOCS`, against which a test converts every page
of a real site both ways and compares the results; with any other version, or in a plain build
(`BRIEFKIT_PLAIN=1`), pages are rendered by MkDocs itself. A test fails when the installed
MkDocs is not one of those versions, so that an upgrade is checked before it is trusted.
"""

from __future__ import annotations

import logging
from typing import Any

import markdown
from mkdocs.structure.toc import get_toc

import mkdocs

TESTED_MKDOCS = ("1.6.1",)
"""The MkDocs versions whose `Page.render` this copies, tested."""

try:
    from mkdocs.structure.pages import (
        _ExtractAnchorsTreeprocessor,
        _ExtractTitleTreeprocessor,
        _RawHTMLPreprocessor,
        _RelativePathTreeprocessor,
    )
except ImportError:  # another MkDocs: its own render, one converter a page
    FITS = False
else:
    FITS = mkdocs.__version__ in TESTED_MKDOCS

log = logging.getLogger("mkdocs.structure.pages")
"""MkDocs' own logger: links to anchors are kept only when it would keep them."""


def settings(config: Any) -> tuple[list[Any], dict[str, Any]]:
    """The Markdown extensions and each one's options, as MkDocs reads them to set up a page's converter
    (copied: a plugin may change them in place; an option's value is compared as it is)."""
    configs = config["mdx_configs"] or {}
    return list(config["markdown_extensions"]), {name: dict(options) for name, options in configs.items()}


def same_settings(config: Any, then: tuple[list[Any], dict[str, Any]]) -> bool:
    """Whether the Markdown extensions and their options are still `then`, as `settings` read them."""
    return config["markdown_extensions"] == then[0] and (config["mdx_configs"] or {}) == then[1]


class Converter:
    """Converts pages' Markdown with one `markdown.Markdown`, set up again only for other settings."""

    def __init__(self) -> None:
        self._config: Any = None
        self._settings: tuple[list[Any], dict[str, Any]] = ([], {})
        self._markdown: markdown.Markdown | None = None

    def _for(self, config: Any) -> markdown.Markdown:
        # MkDocs reads the settings afresh for each page: a plugin may change them during a build,
        # and `mkdocs serve` reads mkdocs.yml again for each.
        if self._markdown is None or self._config is not config or not same_settings(config, self._settings):
            self._settings = settings(config)
            self._markdown = markdown.Markdown(
                extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {}
            )
            self._config = config
        else:
            self._markdown.reset()
        return self._markdown

    def render(self, page: Any, config: Any, files: Any) -> None:
        """`Page.render`: the page's HTML, table of contents, title from its text, anchors and links to anchors."""
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        converter = self._for(config)
        # MkDocs' processors hold the page they work on: new ones each page, registered under the
        # same names, which puts them in the last page's place.
        raw_html = _RawHTMLPreprocessor()
        raw_html._register(converter)
        anchors = _ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(converter)
        relative_paths = _RelativePathTreeprocessor(page.file, files, config)
        relative_paths._register(converter)
        title = _ExtractTitleTreeprocessor()
        title._register(converter)
        page.content = converter.convert(page.markdown)
        page.toc = get_toc(getattr(converter, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_paths.links_to_anchors
