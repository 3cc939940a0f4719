"""A YAML reader that refuses YAML's surprises instead of absorbing them.

PyYAML's `safe_load` follows YAML 1.1: `no` becomes False, `1.10` becomes 1.1, `01234` becomes
668, dates become `datetime.date`, duplicate keys keep the last value, and aliases expand
(a few lines can become gigabytes). A briefing is written by a person, often a stranger, so here:

- every plain value is text, except `true`, `false` and an empty value (null);
- a key that appears twice, an alias (`*name`) or a merge key (`<<`) is an error;
- nesting deeper than `MAX_DEPTH` is an error;
- each mapping remembers the line of each of its keys, and each list the line of each item,
  so a problem can name its line.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_DEPTH = 20
"""Briefings need three levels (sources, a source, its fields); twenty leaves room and stops abuse."""


class StrictYAMLError(Exception):
    """A problem in the YAML text itself, with its 0-based line inside that text."""

    def __init__(self, line: int, message: str, field: str = "front-matter") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.field = field
        """The key the problem is about, when there is one; else the whole front-matter."""


class LineDict(dict[str, Any]):
    """A mapping that knows the 0-based line of each key."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A list that knows the 0-based line of each item."""

    line: int = 0
    item_lines: list[int]


class StrictLoader(yaml.SafeLoader):
    """SafeLoader with only null and true/false resolved implicitly, and no aliases."""

    def __init__(self, stream: str, line_offset: int = 0) -> None:
        super().__init__(stream)
        self._depth = 0
        self.line_offset = line_offset

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise StrictYAMLError(
                event.start_mark.line,
                "anchors and aliases (*name) are not allowed; write the value out in full",
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise StrictYAMLError(
                    event.start_mark.line,
                    f"nested more than {MAX_DEPTH} levels deep; a briefing needs three at most",
                )
            node: Node | None = super().compose_node(parent, index)
            return node
        finally:
            self._depth -= 1


# Drop YAML 1.1's implicit typing: keep null and the two spellings of a boolean JSON also knows.
StrictLoader.yaml_implicit_resolvers = {}
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|)$"), ["~", "n", ""])


def _construct_mapping(loader: StrictLoader, node: MappingNode) -> LineDict:
    mapping = LineDict()
    mapping.line = node.start_mark.line
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line
        if isinstance(key_node, ScalarNode) and key_node.tag == "tag:yaml.org,2002:merge":
            raise StrictYAMLError(line, "merge keys (<<) are not allowed; write each field out")
        key = loader.construct_object(key_node, deep=True)
        if key == "<<":
            raise StrictYAMLError(line, "merge keys (<<) are not allowed; write each field out")
        if not isinstance(key, str):
            raise StrictYAMLError(line, f"the key {key!r} is not text; field names are words like 'title'")
        if key in mapping:
            first = mapping.key_lines[key] + 1 + loader.line_offset
            raise StrictYAMLError(line, f"appears twice (also on line {first}); keep one of them", key)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


def _construct_sequence(loader: StrictLoader, node: SequenceNode) -> LineList:
    items = LineList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line
    items.item_lines = [child.start_mark.line for child in node.value]
    return items


StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def _refuse_tag(loader: StrictLoader, node: Node) -> None:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    raise StrictYAMLError(node.start_mark.line, f"the tag {tag} is not allowed; remove it and write plain text")


# An explicit `!!timestamp`, `!!set` or `!!python/...` would bring back the surprises or worse.
for _tag in ("timestamp", "set", "omap", "pairs", "binary"):
    StrictLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)
StrictLoader.add_constructor(None, _refuse_tag)


def load(text: str, line_offset: int = 0) -> Any:
    """Parse one YAML document strictly.

    Raises `StrictYAMLError` with a 0-based line for every kind of bad input, including
    YAML syntax errors, so callers need to catch only that. `line_offset` is the file line
    (0-based) where `text` starts, used only in messages that mention another line.
    """
    loader = StrictLoader(text, line_offset)
    try:
        return loader.get_single_data()
    except StrictYAMLError:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line if mark is not None else 0
        raise StrictYAMLError(line, _explain(error)) from None
    except yaml.YAMLError as error:
        raise StrictYAMLError(0, f"YAML error: {error}") from None
    except RecursionError:
        raise StrictYAMLError(0, "nested too deeply to read") from None
    finally:
        loader.dispose()


def _explain(error: yaml.MarkedYAMLError) -> str:
    problem = (error.problem or str(error)).strip()
    hint = "check the indentation and quoting on this line"
    if "mapping values are not allowed" in problem:
        hint = "a value that contains ': ' must be put in double quotes"
    elif "found character '\\t'" in problem or "\\t" in problem:
        hint = "indent with spaces, not tabs"
    elif "found undefined alias" in problem:
        hint = "anchors and aliases are not allowed; write the value out in full"
    elif "expected <block end>" in problem or "did not find expected" in problem:
        hint = "check that the lines of one list or field are indented alike, and quotes are closed"
    return f"YAML syntax error: {problem}; {hint}"
