"""A briefing's citations, `[@id]`, rendered as numbers that link to its sources and back.

Each citation becomes the numbers of the sources it names, as they stand in the Sources list,
each linking to its entry (`#source-<id>`); the first citation of a source carries the id
`cite-<id>`, which its entry links back to. Citations are found by `briefkit.content.citations`,
the code that checked them, so only checked citations are rendered. Ids are `[a-z0-9-]`; the
source's publisher and title, shown on hover, are escaped for HTML and Markdown both
(`briefkit.pages.escape.inline_text`): Markdown reads inside an attribute before it sees the tag.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefkit.content.citations import find_citations
from briefkit.pages.escape import inline_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefkit.model import Source


def render_citations(body: str, sources: Sequence[Source]) -> tuple[str, set[str]]:
    """`body` with each citation in HTML; and the ids cited, whose entries link back."""
    numbered = {source.id: (number, source) for number, source in enumerate(sources, 1) if source.id}
    citations = find_citations(body)
    if not citations:
        return body, set()
    lines = body.split("\n")
    cited: set[str] = set()
    rendered: list[str] = []
    for citation in citations:
        links = []
        for source_id in citation.ids:
            number, source = numbered[source_id]
            anchor = "" if source_id in cited else f' id="cite-{source_id}"'
            cited.add(source_id)
            hover = inline_text(f"{source.publisher}: {source.title}")
            links.append(f'<a href="#source-{source_id}"{anchor} title="{hover}">{number}</a>')
        rendered.append(f'<sup class="bk-cite">&#91;{", ".join(links)}&#93;</sup>')
    # Right to left, so that each citation's place on its line still holds.
    for citation, html in reversed(list(zip(citations, rendered, strict=True))):
        line = lines[citation.line]
        lines[citation.line] = line[: citation.start] + html + line[citation.end :]
    return "\n".join(lines), cited
