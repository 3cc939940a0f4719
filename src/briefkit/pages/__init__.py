"""Pages for people: the renderer, its templates, mentions, citations, charts, structured data, escaping."""
