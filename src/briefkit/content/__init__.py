"""Reading and checking what contributors write: strict YAML, fields, registries, problems, the scaffold."""
