"""MkDocs hook: wires MkDocs' events to briefkit's adapter, where all the work is (`briefkit.mkdocs`).

Listed under `hooks:` in mkdocs.yml. MkDocs loads this file once per process and never reloads
it under `mkdocs serve`: the adapter keeps what outlives a build (a preview's pages) and starts
each build afresh in `on_config`.
"""

from __future__ import annotations

from briefkit.mkdocs.plugin import Adapter

_adapter = Adapter()

on_startup = _adapter.on_startup
on_config = _adapter.on_config
on_pre_build = _adapter.on_pre_build
on_files = _adapter.on_files
on_nav = _adapter.on_nav
on_env = _adapter.on_env
on_template_context = _adapter.on_template_context
on_page_markdown = _adapter.on_page_markdown
on_page_content = _adapter.on_page_content
on_page_context = _adapter.on_page_context
on_post_page = _adapter.on_post_page
on_post_build = _adapter.on_post_build
on_build_error = _adapter.on_build_error
on_shutdown = _adapter.on_shutdown
