"""The MkDocs adapter: each MkDocs event of a build, handed to the library.

`hooks/briefings.py` wires MkDocs' events to one `Adapter`, which lives as long as the process
(MkDocs loads a hook once and never reloads it under `mkdocs serve`); each build's state is a
`BuildState`, made in `on_files`.

What the adapter does, in the order of a build: it generates every page (`briefkit.site`) and
hands them to MkDocs as files (`on_files`); puts each page's HTML blocks and headings back into
its HTML before any other plugin sees it (`on_page_content`); and once the site is written, has
Pagefind index it and audits it against the briefings (`on_post_build`).

Its speed mechanisms, each in a module of its own, never change what MkDocs, another plugin or
another hook sees: one Markdown converter for all pages (`converter`), template bytecode kept
between builds, the last search index kept for Pagefind to write over (`kept_index`), and, only
when briefkit's hook is the only plugin or hook configured, the template parts rendered once for
many pages (`once`), a preview's unchanged pages reused (`reuse`) and the pages shared with a
second process (`share`); when other plugins listen, the generated pages' Markdown converted
ahead by a second process (`ahead`), used only where it is the very text MkDocs would convert.
`BRIEFKIT_PLAIN=1` turns every one of them off: the build is then
MkDocs' own, which the tests compare with.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import jinja2
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from briefkit.audit import audit_site
from briefkit.content.load import Layout
from briefkit.content.problems import Severity, plural
from briefkit.mkdocs import kept_index
from briefkit.mkdocs.ahead import ConvertedAhead, unknown_extension
from briefkit.mkdocs.buildstats import BuildStats, peak_mb
from briefkit.mkdocs.converter import FITS, Converter
from briefkit.mkdocs.generated_files import add_pages
from briefkit.mkdocs.headings import add_headings
from briefkit.mkdocs.once import TemplateParts, material_fits
from briefkit.mkdocs.reuse import PageReuse, fingerprint, folder_state
from briefkit.mkdocs.share import FAILED, Share
from briefkit.mkdocs.state import BuildState
from briefkit.model import Masthead, fill_blocks
from briefkit.pages.template_cache import use_template_cache
from briefkit.search.indexing import Indexing, SearchIndexError, completed
from briefkit.site import build_site
from briefkit.workers import SecondProcessEnded, wanted

log = get_plugin_logger("briefings")

PLAIN_VARIABLE = "BRIEFKIT_PLAIN"
"""`BRIEFKIT_PLAIN=1`: no speed mechanism at all, MkDocs' own way of building (for comparisons)."""
SHARED_COMMANDS = {"build", "gh-deploy"}
"""Builds that may share their pages with a second process; not `serve`, whose server runs threads."""
REUSE_TEMPLATE = "briefkit-reuse.html"
"""Renders a page as the preview's last build wrote it (see `briefkit.mkdocs.reuse`)."""


class Adapter:
    """MkDocs' events of every build in this process, handed to the library."""

    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.plain = False
        self.build: BuildState | None = None
        self.reuse = PageReuse()
        """Lives as long as the process: across the rebuilds of one `mkdocs serve`."""
        self.converter = Converter()
        self.kept_index = False
        self.site_dir = Path("site")
        self.indexing: Indexing | None = None
        """Pagefind at work on this build's site, or still on a preview's last."""

    def on_startup(self, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    def on_config(self, config: Any) -> None:
        self.build = None
        self.plain = os.environ.get(PLAIN_VARIABLE, "").strip() == "1"
        self._stop_indexing()  # a preview's last index, if still being written: this build empties the folder
        if not config.use_directory_urls:
            raise PluginError("briefkit needs 'use_directory_urls: true' (MkDocs' default) in mkdocs.yml")

    def on_pre_build(self, config: Any) -> None:
        self.site_dir = Path(config.site_dir)
        keeping = self.command in SHARED_COMMANDS and not self.dirty and not self.plain
        self.kept_index = keeping and kept_index.set_aside(Path(config.site_dir))

    def on_files(self, files: Files, config: Any) -> Files:
        started = time.monotonic()
        root = Path(config.config_file_path).parent
        docs = Path(config.docs_dir).resolve().relative_to(root.resolve())
        masthead = Masthead(config.site_name, config.site_url or "http://127.0.0.1:8000/", config.site_author or "")
        shared = self.command in SHARED_COMMANDS and not self.plain
        # Drafts show under `mkdocs serve` so that their authors can preview them, never in a build.
        try:
            site = build_site(
                Layout(root, docs.as_posix()), include_drafts=self.command == "serve", masthead=masthead, shared=shared
            )
        except SecondProcessEnded as ended:
            raise PluginError(str(ended)) from None
        for problem in site.content.problems:
            (log.error if problem.severity is Severity.ERROR else log.info)(str(problem))
        if not site.ok:
            raise PluginError(
                f"{plural(site.content.errors, 'problem')} in briefings (listed above); fix them and build again"
            )
        others = _others_listening(config, self)
        if others and not self.plain:
            # Said once a build, so that a site owner who adds a plugin knows why the build got slower.
            log.info(f"one process: {others} configured, and must see every page as MkDocs alone builds it")
        self.build = BuildState(
            site,
            {page.path: page for page in site.pages},
            alone=not others and not self.plain,
            stats=BuildStats.since(started),
        )
        self.build.stats.lap("generate")
        add_pages(files, config, site.pages, root)
        return files

    def on_nav(self, nav: Any, config: Any, files: Files) -> Any:
        build = self.build
        if build is None or not build.alone:
            if build is not None and FITS and not self.plain and self.command in SHARED_COMMANDS:
                self._convert_ahead(build, config, files)
            return nav
        build.reusing = self.command == "serve"
        if build.reusing:
            self.reuse.start(_frame(nav, config))
        # From here on, MkDocs converts and renders page after page: share those out of the
        # navigation with a second process; the navigation's pages stay with this one.
        shared = sorted(
            file.src_uri
            for file in files.documentation_pages()
            if file.inclusion is InclusionLevel.NOT_IN_NAV and file.src_uri in build.pages
        )
        if self.command in SHARED_COMMANDS and wanted(len(shared)):
            log.info(f"building {len(shared)} of the pages in two processes")
            # The sitemap's date is its newest page's: the first process, which writes it, builds that page.
            newest = max(shared, key=lambda path: (build.pages[path].updated or _EARLIEST, path))
            build.share = Share.fork(shared, strict=bool(config.strict), first_keeps=newest)
            if build.share.worker:  # the theme's files and pages (sitemap, 404) are the first process's
                config.theme.static_templates.clear()
                config.extra_templates = []
        return nav

    def _convert_ahead(self, build: BuildState, config: Any, files: Files) -> None:
        pages = [file for file in files.documentation_pages() if file.src_uri in build.pages]
        # A fork copies only the thread that makes it: another plugin's threads would be missing.
        # A --dirty build converts only the pages that changed, which the second could not know.
        if not wanted(len(pages)) or threading.active_count() > 1 or self.dirty:
            return
        unknown = unknown_extension(config.markdown_extensions)
        if unknown:
            log.info(f"every page converted in one process: the Markdown extension {unknown} may keep what it sees")
            return
        log.info(f"converting {len(pages) // 2} pages' Markdown ahead in a second process")
        build.ahead = ConvertedAhead.start(pages, config, files, self.converter.render)

    def _render(self, page: Any, config: Any, files: Files) -> None:
        ahead = self.build.ahead if self.build is not None else None
        if ahead is None or not ahead.take(page, config, files):
            self.converter.render(page, config, files)

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        build = self.build
        generated = build.pages.get(page.file.src_uri) if build is not None else None
        if build is None or generated is None:
            return markdown
        if generated.updated is not None:
            # The sitemap's lastmod: when the page's content last changed, not when the site was built,
            # so two builds of the same briefings are byte-identical whatever the day.
            page.update_date = generated.updated.isoformat()
        if build.share is not None and not build.share.builds(generated.path):
            # The other process converts it, and sends its anchors (on_env).
            page.render = partial(_render_nothing, page)
            return ""
        if build.reusing and page.file.inclusion is InclusionLevel.NOT_IN_NAV:
            parts = [page.file.content_string, *generated.blocks, page.file.url, page.file.edit_uri or ""]
            if self.reuse.page(generated.path, parts) is not None:
                page.meta["template"] = REUSE_TEMPLATE
                return ""  # nothing to convert: the page is written as it was (on_env)
        if FITS and not self.plain:
            page.render = partial(self._render, page)
        return markdown

    def on_env(self, env: jinja2.Environment, config: Any, files: Files) -> jinja2.Environment:
        build = self.build
        if build is None:
            return env
        build.every_page = list(files.documentation_pages())
        if build.ahead is not None:  # every page is converted by now
            build.ahead.stop()
            build.stats.pages["converted ahead"] = build.ahead.used
        if not self.plain:
            use_template_cache(env, Path(config.config_file_path).parent)
        if build.alone and material_fits():
            build.parts = env.globals["briefkit_once"] = TemplateParts(files)
            env.globals["briefkit_once_fits"] = build.parts.fits
        if build.reusing:
            env.globals["briefkit_reused"] = lambda page: Markup(self.reuse.fresh[page.file.src_uri].html)
            assert env.loader is not None
            reused = jinja2.DictLoader({REUSE_TEMPLATE: "{{ briefkit_reused(page) }}"})
            env.loader = jinja2.ChoiceLoader([reused, env.loader])
        if build.share is not None:
            self._swap_anchors(build.share, files, build)
        return env

    def _swap_anchors(self, share: Share, files: Files, build: BuildState) -> None:
        """Each process has converted its pages: links to anchors are checked against every page's,
        so each hands the other the anchors of its pages; then each leaves the other's out."""
        pages = {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None}
        theirs = share.swap({path: pages[path].present_anchor_ids for path in share.mine if path in pages})
        if theirs is None:
            if share.worker:
                raise PluginError("the first build process ended before the pages' anchors were swapped")
            raise PluginError(share.wait() or FAILED)
        for path, anchors in theirs.items():
            pages[path].present_anchor_ids = anchors
        for file in files:
            if file.src_uri in share.others or (share.worker and not file.is_documentation_page()):
                # Out of this process's build, and so out of its writing. The first process copies
                # the theme's and the docs' other files.
                file.inclusion = InclusionLevel.EXCLUDED

    def on_template_context(self, context: Any, template_name: str, config: Any) -> Any:
        build = self.build
        if build is not None and build.share is not None:
            context["pages"] = build.every_page  # the sitemap lists the other process's pages too
        return context

    @event_priority(100)  # before any other plugin: the page's whole HTML is what they see
    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        build = self.build
        generated = build.pages.get(page.file.src_uri) if build is not None else None
        if generated is None:
            return html
        if page.meta.get("template") == REUSE_TEMPLATE:
            # Links from other pages are checked against these.
            page.present_anchor_ids = set(self.reuse.fresh[generated.path].anchors)
            return html
        if generated.blocks:
            html = fill_blocks(html, generated.blocks)
        return add_headings(page, generated.headings, html) if generated.headings else html

    def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        # A briefing's edit link climbs out of the docs folder (`.../docs/../briefings/x.md`); GitHub wants it plain.
        if page.edit_url and "/../" in page.edit_url:
            parts = urlsplit(page.edit_url)
            page.edit_url = urlunsplit(parts._replace(path=posixpath.normpath(parts.path)))
        return context

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        if self.build is not None and self.build.reusing and page.meta.get("template") != REUSE_TEMPLATE:
            self.reuse.remember(page.file.src_uri, output, page.present_anchor_ids or ())
        return output

    def on_post_build(self, config: Any) -> None:
        build = self.build
        if build is None:
            return
        share = build.share
        if share is not None and share.worker:
            share.finish()  # the second process ends here; the first indexes and audits the whole site
        failure = share.wait() if share is not None else None
        if failure:
            raise PluginError(failure)
        stats = build.stats
        stats.lap("pages")
        stats.peak_mb["second process"] = peak_mb(children=True)
        site_dir = Path(config.site_dir)
        if self.kept_index:
            kept_index.put_back(site_dir)
            self.kept_index = False
        indexing = self.indexing = Indexing(site_dir)
        previewing = self.command == "serve"

        def search_index() -> set[str] | None:
            stats.lap("audit")  # the part of the audit that ran beside Pagefind
            if previewing:
                # The preview is served without waiting for its search index, which follows a few seconds later.
                indexing.in_background(
                    lambda error: log.warning(f"the preview's search index could not be built: {error}")
                )
                return None
            try:
                urls, stats.peak_mb["search"] = completed(indexing, log.info)
            except SearchIndexError as error:
                raise PluginError(f"the search index could not be built: {error}") from None
            stats.lap("search")
            return urls

        output_of = {file.src_uri: file.dest_uri for file in build.every_page}
        try:
            audit = audit_site(site_dir, build.site.catalog, output_of.__getitem__, search_index)
        finally:
            if not previewing:
                self._stop_indexing()  # if the audit failed before it waited for Pagefind
        stats.peak_mb["build"] = peak_mb()
        log.debug(stats.summary())
        stats.write_if_asked()
        for sentence in audit.missing:
            log.error(sentence)
        if not audit.ok:
            raise PluginError(f"the built site lost {plural(len(audit.missing), 'entry')} (listed above)")
        catalog = build.site.catalog
        log.info(
            f"{plural(len(catalog.briefings), 'briefing')}, {plural(len(catalog.topics), 'topic')}, "
            f"{plural(audit.pages, 'page')}"
        )
        if build.reusing:
            if self.reuse.built:
                log.info(f"{plural(self.reuse.reused, 'page')} unchanged since the last build, written as they were")
            self.reuse.succeeded()

    def on_build_error(self, error: Exception) -> None:
        if self.kept_index:
            self.kept_index = False
            # Nothing was written there: the next build keeps it as this one would have.
            kept_index.put_back(self.site_dir)
        self.reuse.failed()
        if self.build is not None and self.build.ahead is not None:
            self.build.ahead.stop()
        share = self.build.share if self.build is not None else None
        if share is None:
            return
        self.build = None
        if share.worker:
            share.fail(error)
        share.stop()

    def on_shutdown(self) -> None:
        self._stop_indexing()

    def _stop_indexing(self) -> None:
        if self.indexing is not None:
            self.indexing.stop()
            self.indexing = None


_EARLIEST = dt.date.min


def _others_listening(config: Any, adapter: Adapter) -> str:
    """The plugins and hooks in mkdocs.yml besides the one that wires `adapter`, in words ("" when none)."""
    plugins = [name for name in config.plugins if name not in config.hooks]
    hooks = [
        name
        for name, module in config.hooks.items()
        if getattr(getattr(module, "on_files", None), "__self__", None) is not adapter
    ]
    words = [f"the {name} plugin" for name in plugins] + [f"the hook {name}" for name in hooks]
    if not words:
        return ""
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return f"{listed} {'is' if len(words) == 1 else 'are'}"


def _frame(nav: Any, config: Any) -> str:
    """What every page shows besides its own text: the configuration, the theme's overrides, the navigation."""
    config_file = Path(config.config_file_path)
    overrides = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    return fingerprint(
        [
            config_file.read_text(encoding="utf-8") if config_file.is_file() else "",
            str(config.site_url),
            str(config.edit_uri),
            *(folder_state(overrides) if overrides else ()),
            *(f"{page.title} {page.url}" for page in nav.pages),
        ]
    )


def _render_nothing(page: Any, config: Any, files: Files) -> None:
    """`Page.render` for the other process's pages: MkDocs' own would set up a Markdown converter,
    with every extension, to convert no text."""
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()
