"""An MkDocs hook of a site owner's own, for the tests: a Markdown extension that keeps what it sees.

Like mkdocs-autorefs, which records every heading it converts for links from other pages, its
extension keeps a note of each page it converts, in this process; at the end of the build the hook
writes how many pages it has notes of to the file named by `KEPT_PAGES`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

kept: list[int] = []


class _Keeper(Treeprocessor):
    def run(self, root: Element) -> None:
        kept.append(len(root))


class KeepingExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Keeper(md), "kept_by_the_owner", 1)


def on_config(config: Any) -> Any:
    kept.clear()
    config.markdown_extensions.append(KeepingExtension())
    return config


def on_post_build(config: Any) -> None:
    Path(os.environ["KEPT_PAGES"]).write_text(str(len(kept)), encoding="utf-8")
