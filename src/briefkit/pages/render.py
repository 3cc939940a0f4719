"""Rendering the generated pages from the template files in `briefkit/templates/`.

The templates are Markdown with Jinja, and their lists are HTML. Every value they print is
escaped by default (see `briefkit.pages.escape`); only values marked safe here (links we build, the
briefing's body) pass through as they are. Links between generated pages are relative URLs of
the built site (directory URLs, MkDocs' default, which briefkit requires); the links that first
mentions add to a body are `.md` links, which MkDocs checks and rewrites.
"""

from __future__ import annotations

import posixpath
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from briefkit.model import BLOCK_TOKEN, Heading, Masthead, NameKind, Rendered, day, heading_html, join_blocks
from briefkit.pages.charts import year_chart
from briefkit.pages.escape import code, inline_text, meta_value
from briefkit.pages.mentions import Target
from briefkit.pages.structured_data import structured_data
from briefkit.paths import (
    OPML_PATH,
    SITE_FEED,
    briefing_path,
    name_path,
    relative_url,
    topic_feed_path,
    topic_path,
    year_path,
)

if TYPE_CHECKING:
    from jinja2.runtime import Context

    from briefkit.catalog import Catalog
    from briefkit.model import Briefing, Topic

TEMPLATES = Path(__file__).parent / "templates"


def time_tag(value: date) -> Markup:
    """A date as readers see it, in a `<time>` element machines read (a filter: a macro cost 20 times as much)."""
    return Markup(f'<time datetime="{value.isoformat()}">{day(value)}</time>')


@pass_context
def _link(context: Context, target: str, anchor: str = "") -> Markup:
    """A relative `.md` link, for Markdown links that MkDocs checks."""
    here = posixpath.dirname(context["page_path"])
    relative = posixpath.relpath(target, here or ".")
    return Markup(relative + (f"#{anchor}" if anchor else ""))


@pass_context
def _href(context: Context, target: str, anchor: str = "") -> Markup:
    """The URL of another generated page (or file), relative to this one, for HTML links.

    Relative to the page's address (`topics/5g-security/`) for MkDocs, which writes HTML links as
    they are; relative to its file's folder (`topics/`) for engines that resolve HTML links
    against the Markdown file and write them again for the page, as Zensical does.
    """
    here = context["page_path"]
    if context.get("links_from_source") and not (here == "index.md" or here.endswith("/index.md")):
        here = posixpath.join(posixpath.dirname(here), "index.md")
    return Markup(relative_url(here, target, anchor))


@pass_context
def _block(context: Context, html: str) -> Markup:
    """Sets a block of HTML aside for the hook (see `Rendered`) and prints its placeholder."""
    blocks: list[str] = context["_blocks"]
    text = str(html)
    block = text.strip("\n")
    if not block:
        return Markup(text)
    blocks.append(block)
    # The newlines around the block stay in the Markdown, which needs them to see a block.
    before = text[: len(text) - len(text.lstrip("\n"))]
    after = text[len(text.rstrip("\n")) :]
    return Markup(f"{before}<!--bk:{BLOCK_TOKEN}:{len(blocks) - 1}-->{after}")


@pass_context
def _heading(context: Context, text: str, level: int, anchor: str | None = None) -> Markup:
    """A heading as an HTML block (see `Heading`)."""
    heading = _one_of_each(level, str(text), anchor)
    context["_headings"].append(heading)
    return _block(context, Markup(f"\n{heading_html(heading)}\n"))


def _one_of_each(level: int, text: str, anchor: str | None) -> Heading:
    """One `Heading` for all the pages that have it: the hook keeps every page's headings to the end
    of the build, and 10,000 briefings' and 5,000 names' pages have some 75,000 of a few hundred
    kinds (Sources, Timeline, a year), which as separate objects took 17 MB. A title is a page's
    own, so it is not kept for others (the cache would only grow with every title, build after build)."""
    return _new_heading(level, text, anchor) if level == 1 else _shared_heading(level, text, anchor)


def _new_heading(level: int, text: str, anchor: str | None) -> Heading:
    # Markdown's own slugs, as its `toc` gives headings; imported here, as `briefkit check` and the
    # other commands that only read briefings would load Markdown for nothing (15 ms at start).
    from markdown.extensions.toc import slugify  # noqa: PLC0415

    # The text as every value from a briefing is printed (briefkit.pages.escape): inert, line breaks
    # made spaces, bidirectional controls isolated; HTML shows it as Markdown did.
    return Heading(level, str(escape(anchor)) if anchor else slugify(text, "-"), str(inline_text(text)))


_shared_heading = cache(_new_heading)


def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        finalize=inline_text,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # `finalize` escapes every printed value for Markdown and HTML at once (which autoescape alone
        # cannot); autoescape makes macros return markup, so their output is not escaped twice.
        autoescape=True,
    )
    environment.globals.update(
        link=_link,
        href=_href,
        briefing_path=briefing_path,
        topic_path=topic_path,
        year_path=year_path,
        name_kinds=list(NameKind),
    )
    environment.filters.update(
        block=_block,
        heading=_heading,
        day=day,
        time_tag=time_tag,
        meta=meta_value,
        code=code,
        verbatim=Markup,
        month=lambda d: f"{d:%B %Y}",
    )
    return environment


class PageRenderer:
    """Renders every generated page of a catalog."""

    def __init__(
        self,
        catalog: Catalog,
        site: Masthead,
        all_topics: list[Topic] | None = None,
        links_from_source: bool = False,
    ) -> None:
        self.catalog = catalog
        self.site = site
        self.all_topics = all_topics if all_topics is not None else list(catalog.topics.values())
        """Every topic of the registry, used or not, for the format reference."""
        self.environment = _environment()
        self.environment.globals.update(
            structured_data=lambda briefing: structured_data(briefing, catalog, site),
            names_with_paths=self.names_with_paths,
            topics_with_paths=lambda topics: [(topic_path(t), t.title, n) for t, n in topics],
            year_chart=year_chart,
            name_link=self.name_link,
            feed_path=topic_feed_path,
            site_feed=SITE_FEED,
            opml_path=OPML_PATH,
            site_name=site.name,
            links_from_source=links_from_source,
        )

    def names_with_paths(self, names: list[tuple[str, int]]) -> list[tuple[str, str, int]]:
        return [(self.name_link(name), name, count) for name, count in names]

    def name_link(self, name: str) -> str:
        """The docs path of a name's page."""
        return name_path(self.catalog.name_kind[name], name)

    def mention_targets(self, briefing: Briefing) -> list[Target]:
        """What the first-mention links of `briefing`'s body point at, relative to its page."""
        here = posixpath.dirname(briefing_path(briefing))
        targets = []
        for name in briefing.all_names:
            entry = self.catalog.registry.get(name)
            spellings = (name, *(entry.aliases if entry else ()))
            targets.append(Target(spellings, posixpath.relpath(self.name_link(name), here)))
        for key in briefing.topics:
            topic = self.catalog.topics[key]
            # A topic's aliases are often keys ("trade-war"); only those written like words are looked for.
            spellings = (topic.title, *topic.spoken_aliases)
            targets.append(Target(spellings, posixpath.relpath(topic_path(topic), here), ignore_case=True))
        return targets

    def render(self, template: str, page_path: str, **values: Any) -> Rendered:
        blocks: list[str] = []
        headings: list[Heading] = []
        markdown = self.environment.get_template(template).render(
            page_path=page_path, catalog=self.catalog, _blocks=blocks, _headings=headings, **values
        )
        return Rendered(*join_blocks(markdown, blocks), tuple(headings))


def newest(briefings: list[Briefing]) -> date | None:
    return max((briefing.last_changed for briefing in briefings), default=None)
