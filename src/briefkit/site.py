"""The one code path from a project folder to generated pages, used by the hook and the CLI."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from briefkit.catalog import Catalog
from briefkit.content.load import Content, Layout, config_settings, load_content
from briefkit.content.problems import Problem
from briefkit.content.redirects import problems_with
from briefkit.model import GeneratedPage, Masthead
from briefkit.outputs.feeds import atom_feed, corrections_feed, opml
from briefkit.outputs.opendata import BRIEFINGS_JSON, TOPICS_JSON, briefings_json, topics_json
from briefkit.outputs.schema_json import SCHEMA_PATH, json_schema_text
from briefkit.pages.generate import all_pages
from briefkit.pages.redirects import redirect_pages
from briefkit.pages.render import PageRenderer
from briefkit.pages.template_cache import use_template_cache
from briefkit.paths import (
    CORRECTIONS_FEED,
    OPML_PATH,
    ROBOTS_PATH,
    SITE_FEED,
    SITEMAP_PATH,
    site_path,
    topic_feed_path,
    topic_path,
)
from briefkit.workers import in_order, run_shared, wanted


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

    @property
    def updated(self) -> dict[str, date]:
        """Docs path -> the day its content last changed, for the pages made of briefings."""
        return {page.path: page.updated for page in self.pages if page.updated is not None}


def build_site(
    project: Layout | Path,
    *,
    include_drafts: bool = False,
    today: date | None = None,
    masthead: Masthead | None = None,
    shared: bool = False,
    links_from_source: bool = False,
) -> Site:
    """Load a project's briefings and render every generated page and file.

    `project` is its layout, or its root folder (whose mkdocs.yml names the docs folder).

    With `shared`, a large site's pages are rendered by this process and a forked one side by
    side (`briefkit.workers`); the pages are the same. With `links_from_source`, links between
    generated pages are written for engines that resolve them against the Markdown file (Zensical).

    Pages are rendered only when the content has no errors: a site with a briefing missing
    is never produced, the caller reports `content.problems` instead.
    """
    info = masthead or Masthead()
    layout = project if isinstance(project, Layout) else Layout.of(project)
    content = load_content(layout, today=today, shared=shared)
    catalog = Catalog(content.visible(include_drafts), content.topics, content.names)
    pages: list[GeneratedPage] = []
    if content.errors == 0:
        welcome_file = layout.docs_dir / "index.md"
        welcome = welcome_file.read_text(encoding="utf-8") if welcome_file.is_file() else ""
        renderer = PageRenderer(catalog, info, list(content.topics.values()), links_from_source)
        use_template_cache(renderer.environment, layout.root)
        two = shared and wanted(len(catalog.briefings) + len(catalog.name_kind))
        # The data files too are rendered beside the pages: briefings.json alone took a second at 5,000.
        own_robots = (layout.docs_dir / ROBOTS_PATH).is_file()
        files = partial(data_files, catalog, info, content, robots=not own_robots)
        pages = all_pages(renderer, welcome, run=run_shared if two else in_order, more=[files])
        content.problems.extend(_overwritten(layout, pages))
        if content.redirects:  # every page's address is worked out only when there is a redirect to check
            shown = layout.shown(layout.redirects_file)
            content.problems.extend(problems_with(content.redirects, _addresses(layout, pages), shown))
            redirected = redirect_pages(content.redirects, info)
            content.problems.extend(_overwritten(layout, redirected))
            pages += redirected
        if content.errors:
            pages = []
    return Site(layout, content, catalog, pages)


def _addresses(layout: Layout, pages: list[GeneratedPage]) -> set[str]:
    """The address of every page of the site: the generated ones and the docs folder's own."""
    generated = {site_path(page.path) for page in pages if page.path.endswith(".md")}
    docs = layout.docs_dir
    written = {site_path(path.relative_to(docs).as_posix()) for path in docs.rglob("*.md")} if docs.is_dir() else set()
    return generated | written


def _overwritten(layout: Layout, pages: list[GeneratedPage]) -> list[Problem]:
    """A hand-written page in docs/ that a generated page would silently replace is an error.

    docs/index.md is the exception: it holds the home page's welcome text, by design.
    """
    return [
        Problem(
            layout.shown(layout.docs_dir / page.path),
            1,
            "file",
            "has the path of a generated page, which would replace it; rename or move it",
        )
        for page in pages
        if page.path != "index.md" and (layout.docs_dir / page.path).exists()
    ]


def data_files(catalog: Catalog, info: Masthead, content: Content, *, robots: bool = True) -> list[GeneratedPage]:
    """The files for machines: feeds, the OPML list, the open data, the front-matter schema and,
    unless the site has its own (`robots` false), robots.txt."""
    absolute = info.absolute
    files = [
        GeneratedPage(
            SITE_FEED,
            atom_feed(
                catalog.briefings,
                catalog,
                title=info.name,
                subtitle=f"The latest briefings of {info.name}",
                feed_path=SITE_FEED,
                page_path="",
                site=info,
            ),
        ),
        GeneratedPage(
            CORRECTIONS_FEED,
            corrections_feed(catalog.corrections(), title=f"Corrections · {info.name}", site=info),
        ),
        GeneratedPage(OPML_PATH, opml(catalog, info.name, absolute)),
        GeneratedPage(BRIEFINGS_JSON, briefings_json(catalog, absolute)),
        GeneratedPage(TOPICS_JSON, topics_json(catalog, absolute)),
        GeneratedPage(SCHEMA_PATH, json_schema_text(content.topics)),
    ]
    if robots:
        files.append(GeneratedPage(ROBOTS_PATH, robots_txt(info)))
    for topic in catalog.topics.values():
        files.append(
            GeneratedPage(
                topic_feed_path(topic),
                atom_feed(
                    catalog.by_topic[topic.key],
                    catalog,
                    title=f"{topic.title} · {info.name}",
                    subtitle=topic.description,
                    feed_path=topic_feed_path(topic),
                    page_path=site_path(topic_path(topic)),
                    site=info,
                ),
            )
        )
    return files


def robots_txt(info: Masthead) -> str:
    """Every crawler may read everything, and is told where the sitemap is (RFC 9309; sitemaps.org)."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {info.absolute(SITEMAP_PATH)}\n"


def masthead_from_config(root: Path, name: str | None = None, url: str | None = None) -> Masthead:
    """The site's name and address: `name` and `url` if given, else `$SITE_URL` for the address, else
    mkdocs.yml's, so that the outlets without MkDocs (`generate`, Zensical) name the site as MkDocs' build does."""
    settings = config_settings(root / "mkdocs.yml")
    name = name or settings.get("site_name")
    url = url or os.environ.get("SITE_URL") or settings.get("site_url")
    return Masthead(str(name or Masthead.name), str(url or Masthead.url), str(settings.get("site_author") or ""))
