"""Search with Pagefind: indexing in its own process, the index in parts and its merge, filters."""
