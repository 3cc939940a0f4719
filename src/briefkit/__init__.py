"""briefkit: curated, sourced briefings turned into a cross-linked static site.

A map for a newcomer, in the order a build goes through it:

- `briefkit.model`: the vocabulary. Briefing, Source, Update, Topic, the kinds of names,
  Masthead (the site's name and address) and GeneratedPage (a page's Markdown, blocks, headings).
- `briefkit.content`: reading and checking what contributors write. Strict YAML, the fields
  (`fields`) and their checks (`schema`), the body policy, citations, the loader, the topic and
  names registries, problems (`path:line: field: message`), the scaffold of `briefkit new`.
- `briefkit.catalog`: the indexes, built once: by topic, by name, by year, neighbours, related.
- `briefkit.pages`: pages for people. The renderer and its templates, first mentions,
  citations, charts, structured data, escaping, the mistakes table of the format reference.
- `briefkit.outputs`: files for machines. Atom feeds, open data, the JSON Schema, and the
  folder `briefkit generate` writes.
- `briefkit.site`: the one code path from a project folder to every generated page and file.
- `briefkit.search`: Pagefind. Indexing in its own process, the index in parts and its merge,
  filters and sorts, the index files.
- `briefkit.audit`: the account after a build; every briefing where it belongs, or the build fails.
- `briefkit.mkdocs`: the only package that imports MkDocs. The adapter that `hooks/briefings.py`
  wires to MkDocs' events, and its speed mechanisms, each in a module of its own.
- `briefkit.engines`: `briefkit build` with MkDocs, ProperDocs or Zensical.
- `briefkit.cli`: the `briefkit` command. `briefkit.workers`: pure work shared with a second
  process. `briefkit.paths`: where each generated page goes.

The MkDocs hook, `briefkit generate` and the Zensical build are outlets of the same path.
"""

from __future__ import annotations

__version__ = "0.1.0"
