"""MkDocs hook: hands the pages that briefkit generates to MkDocs. All the work is in `briefkit`.

Listed under `hooks:` in mkdocs.yml. MkDocs loads this file once per process and never
reloads it under `mkdocs serve`, so state is reset in `on_config`.
"""

from __future__ import annotations

import logging
import posixpath
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import jinja2
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from briefkit import site_folder
from briefkit.buildstats import BuildStats, peak_mb
from briefkit.converter import REUSABLE, Converter
from briefkit.index_files import BUNDLE
from briefkit.integrity import audit_site
from briefkit.pages import SiteInfo, fill_blocks
from briefkit.problems import Severity, plural
from briefkit.quick_exit import exit_if_done
from briefkit.reuse import PageReuse, fingerprint, folder_state
from briefkit.search import Indexing, SearchIndexError, completed
from briefkit.site import Site, build_site
from briefkit.template_cache import use_template_cache
from briefkit.toc import add_headings
from briefkit.workers import Share, wanted

log = get_plugin_logger("briefings")
IN_NAV_BY_DEFAULT = {"index.md", "topics/index.md", "archive/index.md"}
SHARED_COMMANDS = {"build", "gh-deploy"}
"""Builds that may share their work with a second process; not `serve`, whose server runs threads."""
SKIP_TEMPLATE = "briefkit-skip.html"
"""Renders nothing, and MkDocs writes no file for a page that renders nothing: the other process's pages."""
REUSE_TEMPLATE = "briefkit-reuse.html"
"""Renders a page as the preview's last build wrote it (see briefkit.reuse)."""
_reuse = PageReuse()
"""Lives as long as the process: across the rebuilds of one `mkdocs serve`."""
_converter = Converter()
"""One Markdown converter per process, for every page it converts (see briefkit.converter)."""
_state: dict[str, Any] = {"command": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command
    _state["dirty"] = dirty


def on_config(config: Any) -> None:
    _state.pop("site", None)
    _state.pop("share", None)
    _state.pop("reusing", None)
    _stop_indexing()  # a preview's last index, if still being written: this build cleans the site folder first


def on_pre_build(config: Any) -> None:
    # Out of MkDocs' way as it empties the site folder, back before pages are written (briefkit.site_folder).
    _state["site_dir"] = config.site_dir
    keeping = _state["command"] in SHARED_COMMANDS and not _state.get("dirty")
    _state["kept_site"] = keeping and site_folder.set_aside(Path(config.site_dir))
    # Only when no other plugin may read or change pages after this hook (see on_post_page).
    _state["unchanged"] = 0 if _state["kept_site"] and set(config.plugins) <= set(config.hooks) else None
    if _state["unchanged"] is not None:
        logging.getLogger("mkdocs.commands.build").addFilter(_quiet_skips)


def on_shutdown() -> None:
    _stop_indexing()
    # Only `build`: `gh-deploy` deploys after this event, and `serve`'s server may still have work.
    if _state.get("command") == "build":
        exit_if_done()


def _stop_indexing() -> None:
    indexing: Indexing | None = _state.pop("indexing", None)
    if indexing is not None:
        indexing.stop()


def on_files(files: Files, config: Any) -> Files:
    root = Path(config.config_file_path).parent
    if not config.use_directory_urls:
        raise PluginError("briefkit needs 'use_directory_urls: true' (MkDocs' default) in mkdocs.yml")
    info = SiteInfo(config.site_name, config.site_url or "http://127.0.0.1:8000/")
    # Drafts show under `mkdocs serve` so their authors can preview them, never in a build.
    shared = _state["command"] in SHARED_COMMANDS
    stats = _state["stats"] = BuildStats()
    site = build_site(root, include_drafts=_state["command"] == "serve", info=info, shared=shared)
    stats.lap("generate")
    for problem in site.content.problems:
        if problem.severity is Severity.ERROR:
            log.error(str(problem))
        else:
            log.info(str(problem))
    if not site.ok:
        found = plural(site.content.errors, "problem")
        raise PluginError(f"{found} in briefings (listed above); fix them and build again")
    _state["site"] = site
    _state["updated"] = site.updated
    _state["outputs"] = {}
    _state["blocks"] = {}
    _state["headings"] = {}
    _state["fingerprints"] = {}
    in_nav = _nav_paths(config.nav) if config.nav else IN_NAV_BY_DEFAULT
    docs = Path(config.docs_dir)
    climb = "../" * len(docs.resolve().relative_to(root.resolve()).parts)  # from docs/ up to the project
    for page in site.pages:
        if page.path in files.src_uris:
            files.remove(files.src_uris[page.path])
        # Markdown with placeholders for the HTML blocks, which on_page_content puts back: Markdown
        # would otherwise parse every list tag by tag only to pass it through.
        file = File.generated(config, page.path, content=page.markdown)
        if page.blocks:
            _state["blocks"][page.path] = page.blocks
        if page.headings:
            _state["headings"][page.path] = page.headings
        if file.is_documentation_page() and page.path not in in_nav:
            # Out of the sidebar, so each page's size does not grow with the number of briefings.
            file.inclusion = InclusionLevel.NOT_IN_NAV
        file.edit_uri = _edit_uri(page.source, page.path, climb, docs)
        files.append(file)
        _state["outputs"][page.path] = file.dest_uri
    return files


def _nav_paths(nav: Any) -> set[str]:
    """The docs paths that mkdocs.yml's `nav:` names, at any depth."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(_nav_paths(value) for value in nav.values()))
    if isinstance(nav, list):
        return set().union(*(_nav_paths(item) for item in nav))
    return set()


def _edit_uri(source: str | None, path: str, climb: str, docs: Path) -> str | None:
    """The file's path relative to the docs folder, which MkDocs joins to `repo_url` + `edit_uri`."""
    if source is None:
        return path if (docs / path).is_file() else None
    return climb + source


def on_nav(nav: Any, config: Any, files: Files) -> Any:
    if _state.get("kept_site"):  # MkDocs writes nothing before on_env: the last build's files, to write over
        theme_pages = [*config.theme.static_templates, "sitemap.xml.gz"]
        written = [file.abs_dest_path for file in files] + [str(Path(config.site_dir, page)) for page in theme_pages]
        site_folder.put_back(Path(config.site_dir), written)
    # From here on, MkDocs converts and renders page after page: share them with a second process
    # (see briefkit.workers). The pages in the navigation stay with this one, which renders them.
    shared = sorted(
        file.src_uri
        for file in files.documentation_pages()
        if file.inclusion is InclusionLevel.NOT_IN_NAV and file.src_uri in _state.get("outputs", {})
    )
    _state["reusing"] = _state["command"] == "serve" and set(config.plugins) <= set(config.hooks)
    if _state["reusing"]:
        # Another plugin might change pages after they are rendered, or read them as they are: then
        # every page is rendered again.
        _reuse.start(_site_fingerprint(nav, config))
    if _state["command"] in SHARED_COMMANDS and wanted(len(shared)):
        log.info(f"building {len(shared)} of the pages in two processes")
        share = Share.fork(shared, strict=bool(config.strict))
        _state["share"] = share
        logging.getLogger("mkdocs.commands.build").addFilter(_quiet_skips)
        if share.worker:  # the theme's files and pages (sitemap, 404) are the first process's
            config.theme.static_templates.clear()
            config.extra_templates = []
    return nav


def _site_fingerprint(nav: Any, config: Any) -> str:
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


def _quiet_skips(record: logging.LogRecord) -> bool:
    """Drops MkDocs' note on each page left to the other process, or left as the last build wrote it."""
    return not str(record.msg).startswith("Page skipped:")


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    # The sitemap's lastmod: when the page's content last changed, not when the site was built,
    # so two builds of the same briefings are byte-identical whatever the day.
    updated = _state.get("updated", {}).get(page.file.src_uri)
    if updated is not None:
        page.update_date = updated.isoformat()
    share: Share | None = _state.get("share")
    if share is not None and not share.builds(page.file.src_uri):
        # Nothing to convert: the other process converts it, and sends its anchors (see on_env).
        page.meta["template"] = SKIP_TEMPLATE
        page.render = partial(_render_nothing, page)  # MkDocs would set up Markdown to convert ""
        return ""
    path = page.file.src_uri
    if _state.get("reusing") and path in _state["outputs"] and page.file.inclusion is InclusionLevel.NOT_IN_NAV:
        blocks = _state["blocks"].get(path, [])
        parts = [page.file.content_string, *blocks, page.file.url, page.file.edit_uri or ""]
        _state["fingerprints"][path], rendered = _reuse.page(path, parts)
        if rendered is not None:
            page.meta["template"] = REUSE_TEMPLATE
            return ""  # nothing to convert: the page is written as it was (see on_env)
    if REUSABLE:
        page.render = partial(_converter.render, page)
    return markdown


def _render_nothing(page: Any, config: Any, files: Files) -> None:
    """`Page.render` for the other process's pages, whose anchors come from it (on_env).

    MkDocs' own render sets up a Markdown converter and its extensions for each page, even for
    no text: at 1,000 briefings, each process's 816 pages of the other's took 0.26 s, now 0.19 s.
    """
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()


def on_env(env: jinja2.Environment, config: Any, files: Files) -> jinja2.Environment:
    once = env.globals["briefkit_once"] = _Once(files)
    env.globals["briefkit_once_fits"] = once.fits
    env.globals["briefkit_reused"] = lambda page: Markup(_reuse.fresh[page.file.src_uri].html)
    assert env.loader is not None
    templates = {SKIP_TEMPLATE: "", REUSE_TEMPLATE: "{{ briefkit_reused(page) }}"}
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader(templates), env.loader])
    use_template_cache(env, Path(config.config_file_path).parent)
    share: Share | None = _state.get("share")
    if _state.get("site") is not None and (share is None or not share.worker):
        # The search index's process starts now, beside the pages being written, and indexes them
        # once they all are (on_post_build): Python's start and imports, 0.1 s, are then not added to the build's.
        _state["indexing"] = Indexing(Path(config.site_dir), when_told=True)
    if share is None:
        return env
    # Each process has converted its pages' Markdown; links to anchors are checked against every
    # page's, so each hands the other the anchors of the pages the other left blank.
    pages = {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None}
    theirs = share.swap({path: pages[path].present_anchor_ids for path in share.mine if path in pages})
    if theirs is None:
        raise PluginError("the other build process failed on its share of the pages (see the messages above)")
    for path, anchors in theirs.items():
        pages[path].present_anchor_ids = anchors
    if share.worker:  # the first process copies the theme's and the docs' other files
        for file in files:
            if not file.is_documentation_page():
                file.inclusion = InclusionLevel.EXCLUDED
    return env


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    if page.meta.get("template") == REUSE_TEMPLATE:
        # Links from other pages are checked against these.
        page.present_anchor_ids = set(_reuse.fresh[page.file.src_uri].anchors)
        return html
    blocks = _state.get("blocks", {}).get(page.file.src_uri)
    if blocks:
        html = fill_blocks(html, blocks)
    headings = _state.get("headings", {}).get(page.file.src_uri)
    return add_headings(page, headings, html) if headings else html


def on_post_page(output: str, page: Any, config: Any) -> str:
    path = page.file.src_uri
    page_fingerprint = _state.get("fingerprints", {}).get(path)
    if page_fingerprint is not None and page.meta.get("template") != REUSE_TEMPLATE:
        _reuse.remember(path, page_fingerprint, output, page.present_anchor_ids or ())
    if _state.get("unchanged") is not None and output.strip() and _holds(page, output):
        _state["unchanged"] += 1
        return ""  # MkDocs writes nothing for a page that renders nothing
    return output


def _holds(page: Any, output: str) -> bool:
    """Whether the page's file, kept from the last build, holds it already: then it is left as it is."""
    return site_folder.holds(page.file.abs_dest_path, output.encode("utf-8", errors="xmlcharrefreplace"))


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    # A briefing's edit link climbs out of docs/ (`.../docs/../briefings/x.md`); GitHub wants it plain.
    if page.edit_url and "/../" in page.edit_url:
        page.edit_url = _normalize_url(page.edit_url)
    return context


def _normalize_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=posixpath.normpath(parts.path)))


class _Once:
    """Renders a part of a page (the tabs, the navigation) once for all pages that would get the same.

    Out of the navigation, no item is active, so the part depends only on its links, each made
    relative to the page: pages whose links to every page of the navigation (and to the assets)
    read the same get the same part.
    """

    def __init__(self, files: Files) -> None:
        self.targets = [
            "",
            "assets/",
            *(file.url for file in files.documentation_pages() if file.inclusion is not InclusionLevel.NOT_IN_NAV),
        ]
        self.parts: dict[tuple[str, ...], str] = {}

    @staticmethod
    def fits(page: Any) -> bool:
        """Whether `page`'s parts are rendered once for all (the theme's overrides ask, before each part).

        Not a page in the navigation, whose own item is active, nor one that hides parts of itself.
        """
        return bool(page and page.file and not page.file.inclusion.is_in_nav() and not page.meta.get("hide"))

    def __call__(self, name: str, page: Any, caller: Any) -> str:
        key = (name, *(get_relative_url(target, page.url) for target in self.targets))
        part = self.parts.get(key)
        if part is None:
            part = self.parts[key] = caller()
        return part


def on_post_build(config: Any) -> None:
    site: Site | None = _state.get("site")
    if site is None:
        return
    share: Share | None = _state.get("share")
    if _state.get("unchanged"):
        log.debug(f"{plural(_state['unchanged'], 'page')} unchanged since the last build, left as they were")
    if share is not None and share.worker:
        share.finish()  # the second process ends here; the first indexes and audits the whole site
    site_dir = Path(config.site_dir)
    indexing: Indexing = _state.get("indexing") or Indexing(site_dir, when_told=True)
    _state["indexing"] = indexing
    if share is not None and not share.wait():
        raise PluginError("the second build process failed on its share of the pages (see the messages above)")
    outputs: dict[str, str] = _state["outputs"]
    stats: BuildStats = _state["stats"]
    stats.lap("pages")
    stats.peak_mb["second process"] = peak_mb(children=True)
    previewing = _state["command"] == "serve"
    if _state.get("kept_site"):
        # What this build did not write; the search index, which Pagefind writes over, is pruned after it.
        site_folder.sweep(site_dir, spare={BUNDLE})
    indexing.begin()

    def search_index() -> set[str] | None:
        stats.lap("audit")  # the part of the audit that ran beside Pagefind
        if previewing:
            # The preview is served without waiting for its search index, which follows a few seconds later.
            indexing.in_background(lambda error: log.warning(f"the preview's search index could not be built: {error}"))
            return None
        try:
            urls, stats.peak_mb["search"] = completed(indexing, log.info)
        except SearchIndexError as error:
            raise PluginError(f"the search index could not be built: {error}") from None
        stats.lap("search")  # what Pagefind took beyond it
        return urls

    try:
        audit = audit_site(site_dir, site.catalog, outputs.__getitem__, search_index)
    finally:
        if not previewing:
            indexing.stop()  # if the audit failed before it waited for Pagefind
    stats.peak_mb["build"] = peak_mb()
    log.debug(stats.summary())
    stats.write_if_asked()
    for sentence in audit.missing:
        log.error(sentence)
    if not audit.ok:
        raise PluginError(f"the built site lost {plural(len(audit.missing), 'entry')} (listed above)")
    log.info(
        f"{plural(len(site.catalog.briefings), 'briefing')}, {plural(len(site.catalog.topics), 'topic')}, "
        f"{plural(audit.pages, 'page')}"
    )
    if _state.get("reusing"):
        if _reuse.built:
            log.info(f"{plural(_reuse.reused, 'page')} unchanged since the last build, written as they were")
        _reuse.succeeded()


def on_build_error(error: Exception) -> None:
    if _state.pop("kept_site", False):  # no-op if on_nav put them back already
        site_folder.put_back(Path(_state["site_dir"]))
    _reuse.failed()
    share: Share | None = _state.pop("share", None)
    if share is None:
        return
    if share.worker:
        share.finish(failed=True)
    share.stop()
