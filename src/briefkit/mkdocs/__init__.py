"""The MkDocs adapter: the only package that imports MkDocs, and its speed mechanisms."""
