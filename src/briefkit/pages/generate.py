"""Which pages the site has: every page made from the briefings, rendered from the templates.

Long lists are split (see `briefkit.pages.listing`), so the number of pages grows with the archive but
the size of each does not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from itertools import groupby
from typing import TYPE_CHECKING

from markupsafe import Markup

from briefkit.commands import reference
from briefkit.content.fields import BRIEFING_FIELDS, SOURCE_FIELDS, UPDATE_FIELDS
from briefkit.model import GeneratedPage, NameKind
from briefkit.pages.citations import render_citations
from briefkit.pages.listing import (
    LATEST_ON_SPLIT,
    LIST_BYTES,
    archive_months,
    in_parts,
    most_named,
    name_bytes,
    timeline_years,
)
from briefkit.pages.mentions import link_first_mentions
from briefkit.pages.mistakes import MISTAKES
from briefkit.pages.render import PageRenderer, newest
from briefkit.paths import (
    CORRECTIONS_FEED,
    CORRECTIONS_PATH,
    SEARCH_PATH,
    briefing_path,
    kind_index_path,
    name_path,
    relative_url,
    topic_path,
    year_path,
)
from briefkit.workers import in_order

if TYPE_CHECKING:
    from briefkit.model import Briefing
    from briefkit.pages.listing import Month

HOME_LATEST = 10
REFERENCE_PATH = "contributing/reference.md"
COMMANDS_PATH = "owners/commands.md"


Job = Callable[[], list[GeneratedPage]]
"""Renders some of the pages; jobs are independent of one another, so they may run in any process."""


def all_pages(
    renderer: PageRenderer,
    welcome: str = "",
    run: Callable[[Sequence[Job]], list[list[GeneratedPage]]] = in_order,
    more: Sequence[Job] = (),
) -> list[GeneratedPage]:
    """The home page, indexes, topic, name and archive pages, the format reference, and each briefing.

    `run` runs the rendering jobs and returns their pages in order: one after the other by
    default, or shared between processes (`briefkit.workers.run_shared`). The pages of `more`,
    jobs run the same way (such as the data files), come last.
    """
    catalog = renderer.catalog
    jobs: list[Job] = [
        partial(front_pages, renderer, welcome),
        partial(archive_pages, renderer),
        partial(corrections_page, renderer),
    ]
    for topic in catalog.topics.values():
        jobs.append(
            partial(
                timeline_pages,
                renderer,
                "topic.md.j2",
                topic_path(topic),
                topic.title,
                catalog.by_topic[topic.key],
                topic=topic,
                search_kind="topic",
            )
        )
    jobs.append(partial(name_indexes, renderer))
    jobs += [partial(name_page, renderer, name, kind) for name, kind in catalog.name_kind.items()]
    jobs += [partial(briefing_page, renderer, briefing) for briefing in catalog.briefings]
    jobs += more
    return [page for pages in run(jobs) for page in pages]


def front_pages(renderer: PageRenderer, welcome: str) -> list[GeneratedPage]:
    """The home page, the topics index, the search page and the format reference."""
    catalog = renderer.catalog
    latest = newest(catalog.briefings)
    return [
        GeneratedPage.of(
            "index.md",
            renderer.render("home.md.j2", "index.md", welcome=Markup(welcome), latest=catalog.briefings[:HOME_LATEST]),
            updated=latest,
        ),
        GeneratedPage.of("topics/index.md", renderer.render("topics.md.j2", "topics/index.md"), updated=latest),
        # Its text is the same whatever the briefings: dated as the site's content, not the build.
        GeneratedPage.of(SEARCH_PATH, renderer.render("search.md.j2", SEARCH_PATH), updated=latest),
        GeneratedPage.of(
            REFERENCE_PATH,
            renderer.render(
                "reference.md.j2",
                REFERENCE_PATH,
                fields=BRIEFING_FIELDS,
                source_fields=SOURCE_FIELDS,
                update_fields=UPDATE_FIELDS,
                all_topics=renderer.all_topics,
                mistakes=[(m, m.problems()) for m in MISTAKES],
            ),
        ),
        GeneratedPage.of(COMMANDS_PATH, renderer.render("commands.md.j2", COMMANDS_PATH, **_commands())),
    ]


def _commands() -> dict[str, object]:
    options, commands = reference()
    return {"options": options, "commands": commands}


def corrections_page(renderer: PageRenderer) -> list[GeneratedPage]:
    """Every correction of every briefing, newest first."""
    corrections = renderer.catalog.corrections()
    content = renderer.render("corrections.md.j2", CORRECTIONS_PATH, corrections=corrections, feed=CORRECTIONS_FEED)
    # With no correction, the page changes with nothing: dated as the site's content, not the build.
    latest = corrections[0][0].date if corrections else newest(renderer.catalog.briefings)
    return [GeneratedPage.of(CORRECTIONS_PATH, content, updated=latest)]


def timeline_pages(
    renderer: PageRenderer, template: str, path: str, subject: str, briefings: list[Briefing], **values: object
) -> list[GeneratedPage]:
    """A topic's or a name's page, and its year (and month) pages when its timeline is long."""
    years = timeline_years(path, briefings)
    search_kind = values["search_kind"]
    pages = [
        GeneratedPage.of(
            path,
            renderer.render(template, path, years=years, latest_count=LATEST_ON_SPLIT, **values),
            updated=newest(briefings),
        )
    ]
    for year in years:
        content = renderer.render(
            "timeline-year.md.j2",
            year.path,
            subject=subject,
            year=year.year,
            briefings=year.briefings,
            months=year.months,
            parent=path,
            search_kind=search_kind,
        )
        pages.append(GeneratedPage.of(year.path, content, updated=newest(year.briefings)))
        up = [(f"All of {year.year}", year.path), (f"All of {subject}", path)]
        for month in year.months:
            title = f"{subject}: {month.briefings[0].date:%B %Y}"
            description = f"Every briefing of {month.briefings[0].date:%B %Y} on {subject}."
            pages += month_pages(renderer, month, title=title, description=description, up=up, search_kind=search_kind)
    return pages


def month_pages(
    renderer: PageRenderer,
    month: Month,
    *,
    title: str,
    description: str,
    up: list[tuple[str, str]],
    search_kind: object = None,
) -> list[GeneratedPage]:
    """A month of a long year, one page per part, each linking to the others and `up` the list."""
    return [
        GeneratedPage.of(
            part.path,
            renderer.render(
                "list-part.md.j2",
                part.path,
                title=title,
                description=description,
                search_kind=search_kind,
                briefings=part.briefings,
                parts=month.parts,
                number=part.number,
                up=up,
            ),
            updated=newest(part.briefings),
        )
        for part in month.parts
    ]


def archive_pages(renderer: PageRenderer) -> list[GeneratedPage]:
    """The archive's index, a page per year, and a page per month (or part) of the years too long for one."""
    pages = []
    years = []
    for year, briefings in renderer.catalog.by_year():
        path = year_path(year)
        months = archive_months(year, briefings)
        by_month = [(month, list(group)) for month, group in groupby(briefings, key=lambda b: b.date.month)]
        if months:
            index_links = [(m.month, relative_url("archive/index.md", m.path), m.briefings) for m in months]
        else:
            index_links = [
                (month, relative_url("archive/index.md", path, f"month-{month}"), group) for month, group in by_month
            ]
        years.append((year, path, briefings, index_links))
        content = renderer.render("archive-year.md.j2", path, year=year, months=months, by_month=by_month)
        pages.append(GeneratedPage.of(path, content, updated=newest(briefings)))
        up = [(f"All of {year}", path), ("All years", "archive/index.md")]
        for month in months:
            label = month.briefings[0].date.strftime("%B %Y")
            pages += month_pages(
                renderer, month, title=f"Archive: {label}", description=f"Every briefing of {label}.", up=up
            )
    latest = newest(renderer.catalog.briefings)
    index = renderer.render("archive.md.j2", "archive/index.md", years=years)
    return [GeneratedPage.of("archive/index.md", index, updated=latest), *pages]


def name_indexes(renderer: PageRenderer) -> list[GeneratedPage]:
    """An index per kind of name, split into alphabetical parts when long."""
    catalog = renderer.catalog
    latest = newest(catalog.briefings)
    pages = []
    for kind in NameKind:
        path = kind_index_path(kind)
        names = catalog.names_of(kind)
        letters: list[tuple[str, str, int]] = []
        if sum(name_bytes(item) for item in names) > LIST_BYTES:
            # Alphabetical parts, each as long as fits, labelled by their first and last names:
            # bounded whatever the names' initials (a thousand names may share one letter).
            ordered = sorted(names, key=lambda item: (item[0].casefold(), item[0]))
            for number, group in enumerate(in_parts(ordered, name_bytes), start=1):
                label = f"{group[0][0]} – {group[-1][0]}"
                part = f"{kind.value}/all-{number}.md"
                letters.append((label, part, len(group)))
                content = renderer.render(
                    "names-index.md.j2",
                    part,
                    kind=kind,
                    title=f"{kind.label}: {label}",
                    kind_singular=kind.singular,
                    names=group,
                    letters=[],
                    total=len(group),
                )
                pages.append(GeneratedPage.of(part, content, updated=latest))
            names = most_named(names)  # the index keeps the most named, then the parts
        content = renderer.render(
            "names-index.md.j2",
            path,
            kind=kind,
            title=kind.label,
            kind_singular=kind.singular,
            names=names,
            letters=letters,
            total=len(catalog.names_of(kind)),
        )
        pages.insert(0, GeneratedPage.of(path, content, updated=latest))
    return pages


def name_page(renderer: PageRenderer, name: str, kind: NameKind) -> list[GeneratedPage]:
    """A name's page (and its year pages when its timeline is long)."""
    path = name_path(kind, name)
    briefings = renderer.catalog.by_name[name]
    return timeline_pages(
        renderer,
        "name.md.j2",
        path,
        name,
        briefings,
        name=name,
        kind_label=kind.singular.capitalize(),
        search_kind=kind.singular,
    )


def briefing_page(renderer: PageRenderer, briefing: Briefing) -> list[GeneratedPage]:
    catalog = renderer.catalog
    path = briefing_path(briefing)
    body, cited = render_citations(
        link_first_mentions(briefing.body, renderer.mention_targets(briefing)), briefing.sources
    )
    content = renderer.render(
        "briefing.md.j2",
        path,
        briefing=briefing,
        body=Markup(body),
        cited=cited,
        topics=[catalog.topics[key] for key in briefing.topics],
        related=catalog.related(briefing),
        neighbours=catalog.neighbours(briefing),
    )
    return [GeneratedPage.of(path, content, source=briefing.path, updated=briefing.last_changed)]
