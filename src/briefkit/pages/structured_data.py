"""JSON-LD describing a briefing as a schema.org NewsArticle, for search engines and link previews."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from markupsafe import Markup

from briefkit.paths import briefing_path, site_path, topic_path

if TYPE_CHECKING:
    from briefkit.catalog import Catalog
    from briefkit.model import Briefing, Masthead


def structured_data(briefing: Briefing, catalog: Catalog, site: Masthead) -> Markup:
    """A `<script type="application/ld+json">` element, safe inside HTML whatever the briefing holds."""
    absolute = site.absolute
    url = absolute(site_path(briefing_path(briefing)))
    # Search engines' article guidelines ask for the author and publisher as objects with a name and
    # a URL; the site answers for its briefings, so it is both.
    site_itself = {"@type": "Organization", "name": site.publisher, "url": absolute("")}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": briefing.title,
        "author": site_itself,
        "description": briefing.summary,
        "datePublished": briefing.date.isoformat(),
        "dateModified": briefing.last_changed.isoformat(),
        "url": url,
        "mainEntityOfPage": url,
        "about": [
            {
                "@type": "Thing",
                "name": catalog.topics[key].title,
                "url": absolute(site_path(topic_path(catalog.topics[key]))),
            }
            for key in briefing.topics
        ],
        "citation": [
            {
                "@type": "CreativeWork",
                "name": source.title,
                "publisher": {"@type": "Organization", "name": source.publisher},
                **({"datePublished": source.date.isoformat()} if source.date else {}),
                **({"url": source.url} if source.url else {}),
            }
            for source in briefing.sources
        ],
        "publisher": site_itself,
    }
    text = json.dumps(data, ensure_ascii=False)
    # Inside <script>, only "</" (or "<!--") could end the element early; \\u escapes keep it JSON.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')
