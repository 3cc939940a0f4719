"""briefkit: curated, sourced briefings turned into a cross-linked static site.

The library knows nothing of MkDocs events: it loads briefings into small typed objects
(`briefkit.model`), checks them (`briefkit.content.schema`), indexes them once (`briefkit.catalog`)
and renders the generated pages from template files (`briefkit.pages.render`). The MkDocs hook in
`hooks/briefings.py` and the `briefkit generate` command are two outlets of that one path.
"""

from __future__ import annotations

__version__ = "0.1.0"
