"""Rendering the generated pages from the template files in `briefkit/templates/`.

The templates are Markdown with Jinja. Every value they print is escaped by default (see
`briefkit.escape`); only values marked safe here (links we build, the briefing's body)
pass through as they are. Links between generated pages are relative `.md` links, so MkDocs
checks them and rewrites them, and other engines read them just as well.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from briefkit.charts import year_chart
from briefkit.escape import code, inline_text, meta_value
from briefkit.feeds import OPML_PATH, SITE_FEED, topic_feed_path
from briefkit.mentions import Target, link_first_mentions
from briefkit.mistakes import MISTAKES
from briefkit.model import NameKind
from briefkit.paths import briefing_path, kind_index_path, name_path, site_path, topic_path, year_path
from briefkit.schema import BRIEFING_FIELDS, SOURCE_FIELDS

if TYPE_CHECKING:
    from jinja2.runtime import Context

    from briefkit.catalog import Catalog
    from briefkit.model import Briefing, Topic

TEMPLATES = Path(__file__).parent / "templates"
HOME_LATEST = 10
SINGULAR = {NameKind.PERSON: "person", NameKind.ORGANIZATION: "organization", NameKind.PLACE: "place"}
REFERENCE_PATH = "contributing/reference.md"


@dataclass(frozen=True)
class GeneratedPage:
    """One page made at build time: where it goes in the docs tree, and its Markdown.

    A few generated files are not Markdown (the JSON Schema); MkDocs copies those as they are.
    """

    path: str
    """Its path in the docs tree, such as `topics/5g-security.md`."""
    content: str
    source: str | None = None
    """The content file it shows (for "Edit this briefing" links), relative to the project."""
    updated: date | None = None
    """When what it shows last changed (the sitemap's lastmod); None for pages not made of briefings."""


@dataclass(frozen=True)
class SiteInfo:
    """What pages need to know about the site itself."""

    name: str = "Briefings"
    url: str = "http://127.0.0.1:8000/"

    def absolute(self, path: str) -> str:
        return self.url.rstrip("/") + "/" + path.lstrip("/")


def day(value: date) -> str:
    """`14 May 2019`: unambiguous for readers everywhere."""
    return f"{value.day} {value:%B %Y}"


@pass_context
def _link(context: Context, target: str, anchor: str = "") -> Markup:
    here = posixpath.dirname(context["page_path"])
    relative = posixpath.relpath(target, here or ".")
    return Markup(relative + (f"#{anchor}" if anchor else ""))


def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        finalize=inline_text,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # `finalize` escapes for Markdown and HTML at once, which autoescape cannot
    )
    environment.globals.update(
        link=_link,
        briefing_path=briefing_path,
        topic_path=topic_path,
        year_path=year_path,
        name_kinds=list(NameKind),
    )
    environment.filters.update(day=day, meta=meta_value, code=code, verbatim=Markup, month=lambda d: f"{d:%B %Y}")
    return environment


class PageRenderer:
    """Renders every generated page of a catalog."""

    def __init__(self, catalog: Catalog, site: SiteInfo, all_topics: list[Topic] | None = None) -> None:
        self.catalog = catalog
        self.site = site
        self.all_topics = all_topics if all_topics is not None else list(catalog.topics.values())
        """Every topic of the registry, used or not, for the format reference."""
        self.environment = _environment()
        self.environment.globals.update(
            structured_data=self.structured_data,
            year_chart=year_chart,
            name_link=self.name_link,
            feed_path=topic_feed_path,
            site_feed=SITE_FEED,
            opml_path=OPML_PATH,
            site_name=site.name,
        )

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

    def render(self, template: str, page_path: str, **values: Any) -> str:
        return self.environment.get_template(template).render(page_path=page_path, catalog=self.catalog, **values)

    def structured_data(self, briefing: Briefing) -> Markup:
        """JSON-LD describing `briefing` as a NewsArticle, as a script element safe inside HTML."""
        absolute = self.site.absolute
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": briefing.title,
            "description": briefing.summary,
            "datePublished": briefing.date.isoformat(),
            "dateModified": briefing.last_changed.isoformat(),
            "url": absolute(site_path(briefing_path(briefing))),
            "mainEntityOfPage": absolute(site_path(briefing_path(briefing))),
            "about": [
                {
                    "@type": "Thing",
                    "name": self.catalog.topics[key].title,
                    "url": absolute(site_path(topic_path(self.catalog.topics[key]))),
                }
                for key in briefing.topics
            ],
            "citation": [
                {
                    "@type": "CreativeWork",
                    "name": source.title,
                    "publisher": source.publisher,
                    **({"datePublished": source.date.isoformat()} if source.date else {}),
                    **({"url": source.url} if source.url else {}),
                }
                for source in briefing.sources
            ],
            "publisher": {"@type": "Organization", "name": self.site.name},
        }
        text = json.dumps(data, ensure_ascii=False)
        # Inside <script>, only "</" (or "<!--") could end the element early; \u escapes keep it JSON.
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return Markup(f'<script type="application/ld+json">{text}</script>')

    def all_pages(self, welcome: str = "") -> list[GeneratedPage]:
        """The home page, the topic pages, the archive and a page per briefing."""
        catalog = self.catalog
        newest = _newest(catalog.briefings)
        pages = [
            GeneratedPage(
                "index.md",
                self.render("home.md.j2", "index.md", welcome=Markup(welcome), latest=catalog.briefings[:HOME_LATEST]),
                updated=newest,
            ),
            GeneratedPage("topics/index.md", self.render("topics.md.j2", "topics/index.md"), updated=newest),
            GeneratedPage("archive/index.md", self.render("archive.md.j2", "archive/index.md"), updated=newest),
            GeneratedPage(
                REFERENCE_PATH,
                self.render(
                    "reference.md.j2",
                    REFERENCE_PATH,
                    fields=BRIEFING_FIELDS,
                    source_fields=SOURCE_FIELDS,
                    all_topics=self.all_topics,
                    mistakes=[(mistake, mistake.problems()) for mistake in MISTAKES],
                ),
            ),
        ]
        for topic in catalog.topics.values():
            path = topic_path(topic)
            pages.append(
                GeneratedPage(
                    path, self.render("topic.md.j2", path, topic=topic), updated=_newest(catalog.by_topic[topic.key])
                )
            )
        for year, briefings in catalog.by_year():
            path = year_path(year)
            pages.append(
                GeneratedPage(
                    path,
                    self.render("archive-year.md.j2", path, year=year, briefings=briefings),
                    updated=_newest(briefings),
                )
            )
        for kind in NameKind:
            path = kind_index_path(kind)
            pages.append(
                GeneratedPage(
                    path,
                    self.render("names-index.md.j2", path, kind=kind, kind_singular=SINGULAR[kind]),
                    updated=newest,
                )
            )
        for name, kind in catalog.name_kind.items():
            path = name_path(kind, name)
            content = self.render("name.md.j2", path, name=name, kind_label=SINGULAR[kind].capitalize())
            pages.append(GeneratedPage(path, content, updated=_newest(catalog.by_name[name])))
        for briefing in catalog.briefings:
            path = briefing_path(briefing)
            content = self.render(
                "briefing.md.j2",
                path,
                briefing=briefing,
                body=Markup(link_first_mentions(briefing.body, self.mention_targets(briefing))),
                topics=[catalog.topics[key] for key in briefing.topics],
                related=catalog.related(briefing),
                neighbours=catalog.neighbours(briefing),
            )
            pages.append(GeneratedPage(path, content, source=briefing.path, updated=briefing.last_changed))
        return pages


def _newest(briefings: list[Briefing]) -> date | None:
    return max((briefing.last_changed for briefing in briefings), default=None)
