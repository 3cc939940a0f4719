"""The content as small typed values: a briefing, its sources, a topic.

These are plain, immutable values. How briefings relate to topics and names lives in
`briefkit.catalog`, built once from a list of these.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any, NamedTuple


class NameKind(Enum):
    """The three kinds of names a briefing can list, in the order pages show them."""

    PERSON = "people"
    ORGANIZATION = "organizations"
    PLACE = "places"

    @property
    def label(self) -> str:
        return {"people": "People", "organizations": "Organizations", "places": "Places"}[self.value]

    @property
    def singular(self) -> str:
        """`person`, `organization` or `place`: one name of this kind, as search filters and pages say it."""
        return {"people": "person", "organizations": "organization", "places": "place"}[self.value]


@dataclass(frozen=True)
class Source:
    """Where the facts of a briefing come from."""

    publisher: str
    title: str
    date: dt.date | None = None
    url: str | None = None
    """An http or https address, or None: a URL is left out rather than guessed."""
    id: str | None = None
    """The name the text cites it by, as `[@id]` (`briefkit.content.citations`), or None."""


@dataclass(frozen=True)
class Update:
    """One entry of a briefing's update log: when it changed in substance, and how."""

    date: dt.date
    note: str
    correction: bool = False
    """Whether the change corrects an error: shown before the text and on the corrections page."""


@dataclass(frozen=True)
class Briefing:
    """One short, sourced account of one development."""

    key: str
    """The file name without `.md`, such as `2019-05-14-huawei-offers-no-spy-deals`; unique."""
    path: str
    """The source file relative to the project folder, such as `briefings/2019/2019-05-14-x.md`."""
    title: str
    date: dt.date
    summary: str
    topics: tuple[str, ...]
    """Topic keys, canonical (aliases already resolved), in the order the briefing gives them."""
    sources: tuple[Source, ...]
    body: str
    """The Markdown after the front-matter, as written."""
    body_line: int = 1
    """The file line on which the body starts, so checks of the body can point at lines."""
    people: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    updated: dt.date | None = None
    """The day it last changed in substance: its `updated` field, else its latest update's date."""
    updates: tuple[Update, ...] = ()
    """Its update log, oldest first."""
    draft: bool = False
    name_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    """The file line on which each name is written, for messages about names."""

    def names(self, kind: NameKind) -> tuple[str, ...]:
        return {
            NameKind.PERSON: self.people,
            NameKind.ORGANIZATION: self.organizations,
            NameKind.PLACE: self.places,
        }[kind]

    @cached_property  # read for every candidate of every related-briefings list
    def all_names(self) -> tuple[str, ...]:
        return self.people + self.organizations + self.places

    @property
    def corrections(self) -> tuple[Update, ...]:
        return tuple(update for update in self.updates if update.correction)

    @property
    def last_changed(self) -> dt.date:
        return self.updated or self.date


@dataclass(frozen=True)
class Topic:
    """A subject readers follow, such as "5G security"; defined in `briefings/topics.yml`."""

    key: str
    title: str
    description: str
    aliases: tuple[str, ...] = field(default=())
    line: int = field(default=1, compare=False)
    """Its line in the registry, for messages."""

    @property
    def spoken_aliases(self) -> tuple[str, ...]:
        """The aliases a reader would write ("5G"), not those shaped like keys ("trade-war")."""
        return tuple(alias for alias in self.aliases if "-" not in alias)


@dataclass(frozen=True)
class Masthead:
    """The site's name and address, as pages and feeds show them (from mkdocs.yml or `briefkit generate`).

    `author` is who answers for the site: the feeds' author and the articles' author and publisher
    (mkdocs.yml's `site_author`; the site's name when that is unset).
    """

    name: str = "Briefings"
    url: str = "http://127.0.0.1:8000/"
    author: str = ""

    @property
    def publisher(self) -> str:
        return self.author or self.name

    def absolute(self, path: str) -> str:
        return self.url.rstrip("/") + "/" + path.lstrip("/")


# Generated pages: what briefkit hands MkDocs or writes to a folder.

BLOCK_TOKEN = secrets.token_hex(8)
"""Unguessable, so that no briefing's text can pass for a block's placeholder."""
_PLACEHOLDER = re.compile(f"<!--bk:{BLOCK_TOKEN}:([0-9]+)-->")
_PLACEHOLDERS = re.compile(f"{_PLACEHOLDER.pattern}(?:\\s*{_PLACEHOLDER.pattern})*")
_NUMBER = re.compile(f"(?<=<!--bk:{BLOCK_TOKEN}:)[0-9]+")


class Heading(NamedTuple):
    """A heading a template writes, as HTML in a block (the `heading` filter), not as Markdown.

    Headings cost a list page most of its Markdown conversion (the table of contents' pass, the
    attribute lists, the inline patterns), and a briefing's page a fifth of its own, for text that
    is never Markdown; the hook adds them to the page's table of contents and anchors, as
    Markdown's `toc` would have (`briefkit.mkdocs.headings`). So is the title of a generated page
    that has no hand-written text but a briefing's.
    """

    level: int
    id: str
    title: str
    """Its text, as HTML (escaped)."""


def heading_html(heading: Heading) -> str:
    """A heading as Markdown's `toc` writes it with mkdocs.yml's settings (`permalink: true`).

    Other `toc` settings would give hand-written headings another permalink than generated ones;
    a test compares the two, so that changing the settings means changing this too.
    """
    link = f'<a class="headerlink" href="#{heading.id}" title="Permanent link">&para;</a>'
    return f'<h{heading.level} id="{heading.id}">{heading.title}{link}</h{heading.level}>'


class Rendered(NamedTuple):
    """A rendered template: Markdown in which each HTML block is a placeholder, and the blocks.

    Markdown would parse a block of HTML tag by tag only to pass it through unchanged, and for
    list pages that parse cost more than everything else; the hook hands MkDocs the placeholders
    and puts the blocks back into the HTML (`fill_blocks`). Blocks with only blank lines between
    them are joined into one. The headings the templates write after a page's title are blocks too
    (`Heading`).
    """

    markdown: str
    blocks: tuple[str, ...] = ()
    headings: tuple[Heading, ...] = ()


def fill_blocks(text: str, blocks: tuple[str, ...]) -> str:
    """`text` with each placeholder replaced by its block (in Markdown or in the HTML made of it)."""
    if not blocks:
        return text
    return _PLACEHOLDER.sub(lambda match: blocks[int(match[1])], text)


def join_blocks(markdown: str, blocks: list[str]) -> tuple[str, tuple[str, ...]]:
    """Blocks with only blank lines between them joined into one, each a placeholder less to convert."""
    joined: list[str] = []

    def join(match: re.Match[str]) -> str:
        numbers = [int(number) for number in _NUMBER.findall(match[0])]
        joined.append("\n".join(blocks[number] for number in numbers))
        return f"<!--bk:{BLOCK_TOKEN}:{len(joined) - 1}-->"

    return _PLACEHOLDERS.sub(join, markdown), tuple(joined)


@dataclass(frozen=True)
class GeneratedPage:
    """One page made at build time: where it goes in the docs tree, and its Markdown.

    A few generated files are not Markdown (the JSON Schema); MkDocs copies those as they are.
    """

    path: str
    """Its path in the docs tree, such as `topics/5g-security.md`."""
    markdown: str
    """Its Markdown, with a placeholder for each of `blocks`."""
    source: str | None = None
    """The content file it shows (for "Edit this briefing" links), relative to the project."""
    updated: dt.date | None = None
    """When what it shows last changed (the sitemap's lastmod); None for pages not made of briefings."""
    blocks: tuple[str, ...] = ()
    """Its HTML blocks, which pass through Markdown unchanged (see `Rendered`)."""
    headings: tuple[Heading, ...] = ()
    """The headings its blocks hold, in order: for its table of contents (see `Heading`)."""

    @classmethod
    def of(cls, path: str, rendered: Rendered, **more: Any) -> GeneratedPage:
        return cls(path, rendered.markdown, blocks=rendered.blocks, headings=rendered.headings, **more)

    @property
    def content(self) -> str:
        """The whole file, blocks in place: what `briefkit generate` writes."""
        return fill_blocks(self.markdown, self.blocks)


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def day(value: dt.date) -> str:
    """`14 May 2019`: unambiguous for readers everywhere (and in English whatever the machine's locale)."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
