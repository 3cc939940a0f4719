"""Small charts drawn as inline SVG: readable without JavaScript, and described in words for screen readers."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from briefkit.model import Briefing

BAR_WIDTH = 28
GAP = 10
HEIGHT = 60


def year_chart(briefings: list[Briefing]) -> Markup:
    """Bars of briefings per year, every year from the first to the last, as one SVG element."""
    counts = Counter(briefing.date.year for briefing in briefings)
    if not counts:
        return Markup("")
    years = list(range(min(counts), max(counts) + 1))
    tallest = max(counts.values())
    described = ", ".join(f"{year}: {counts[year]}" for year in years)
    width = len(years) * (BAR_WIDTH + GAP)
    bars = []
    for index, year in enumerate(years):
        height = round(HEIGHT * counts[year] / tallest)
        x = index * (BAR_WIDTH + GAP)
        bars.append(
            f'<rect class="bk-chart__bar" x="{x}" y="{HEIGHT - height + 14}" width="{BAR_WIDTH}" height="{height}"/>'
            f'<text class="bk-chart__count" x="{x + BAR_WIDTH // 2}" y="{HEIGHT - height + 10}">{counts[year]}</text>'
            f'<text class="bk-chart__year" x="{x + BAR_WIDTH // 2}" y="{HEIGHT + 28}">{year}</text>'
        )
    # One line: Markdown treats a raw HTML block as ending at the first blank line.
    return Markup(
        f'<figure class="bk-chart"><svg role="img" aria-label="Briefings per year: {described}" '
        f'viewBox="0 0 {width} {HEIGHT + 32}" width="{width}" height="{HEIGHT + 32}">{"".join(bars)}</svg>'
        f"<figcaption>Briefings per year</figcaption></figure>"
    )
