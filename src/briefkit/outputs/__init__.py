"""Files for machines: Atom feeds, open data, the JSON Schema, and `briefkit generate`'s folder."""
