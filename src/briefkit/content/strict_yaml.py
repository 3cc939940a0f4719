"""A YAML reader that refuses YAML's surprises instead of absorbing them.

PyYAML's `safe_load` follows YAML 1.1: `no` becomes False, `1.10` becomes 1.1, `01234` becomes
668, dates become `datetime.date`, duplicate keys keep the last value, and aliases expand
(a few lines can become gigabytes). A briefing is written by a person, often a stranger, so here:

- every plain value is text, except `true`, `false` and an empty value (null);
- a key that appears twice, an anchor (`&name`), an alias (`*name`) or a merge key (`<<`) is an
  error, and a plain value that YAML cut at ` #` is noted;
- nesting deeper than `MAX_DEPTH` is an error, found before the parser sees it;
- each mapping remembers the line of each of its keys, and each list the line of each item,
  so a problem can name its line.

libyaml's C parser is used when PyYAML has it (about ten times faster; `briefkit check` must
read 1,000 briefings in under a second), the pure-Python one otherwise; both give the same nodes,
which are checked and turned into values here.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

MAX_DEPTH = 20
"""Briefings need three levels (sources, a source, its fields); twenty leaves room and stops abuse."""

try:
    from yaml._yaml import CParser as _Parser  # the same nodes as yaml.Composer, from libyaml
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


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


class _StrictResolver(Resolver):
    """Resolves only null and true/false implicitly: every other plain value is text."""


_StrictResolver.yaml_implicit_resolvers = {}
_StrictResolver.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
_StrictResolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|)$"), ["~", "n", ""])


class StrictLoader(_Parser, SafeConstructor, _StrictResolver):
    def __init__(self, stream: str, line_offset: int = 0) -> None:
        _Parser.__init__(self, stream)
        SafeConstructor.__init__(self)
        _StrictResolver.__init__(self)
        self.line_offset = line_offset


def _construct_mapping(loader: StrictLoader, node: MappingNode) -> LineDict:
    mapping = LineDict()
    mapping.line = node.start_mark.line
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line
        key = loader.construct_object(key_node, deep=True)
        if key == "<<" or key_node.tag == "tag:yaml.org,2002:merge":
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


def _refuse_tag(loader: StrictLoader, node: Node) -> None:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    raise StrictYAMLError(node.start_mark.line, f"the tag {tag} is not allowed; remove it and write plain text")


# The stubs only admit PyYAML's own loader classes here; ours is one in all but name.
StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)  # type: ignore[type-var]
StrictLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)  # type: ignore[type-var]
# An explicit `!!timestamp`, `!!set` or `!!python/...` would bring back the surprises or worse.
for _tag in ("timestamp", "set", "omap", "pairs", "binary"):
    StrictLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)  # type: ignore[type-var]
StrictLoader.add_constructor(None, _refuse_tag)  # type: ignore[type-var]


def _flow_depth_exceeded(text: str) -> int | None:
    """The 0-based line where `[`/`{` nesting first passes MAX_DEPTH, if it does.

    Checked before parsing, because a parser nests its own calls as deeply as the text does.
    Brackets inside quotes count too: a value needing twenty open brackets is no briefing.
    """
    depth = 0
    line = 0
    for char in text:
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char == "\n":
            line += 1
    return None


_COMMENT_AFTER = re.compile(r"[ \t]+#")


def _check_anchors(text: str) -> None:
    """Refuse anchors (`&name`), which have no use without aliases and would make a value vanish."""
    if "&" not in text:
        return  # no anchor can be written without one
    for token in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        if isinstance(token, yaml.AnchorToken):
            raise StrictYAMLError(
                token.start_mark.line,
                f"anchors (&{token.value}) are not allowed; remove it, or put the whole value in double quotes",
            )


def _cut_at_comments(root: Node, lines: list[str]) -> list[tuple[int, str]]:
    """Plain values followed on their line by ` #`, which YAML reads as the start of a comment."""
    found = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            end = node.end_mark
            if not node.style and node.value and end.line < len(lines):  # plain: None, or "" from libyaml
                rest = lines[end.line][end.column :]
                if _COMMENT_AFTER.match(rest):
                    found.append(
                        (
                            end.line,
                            f"the value was read as '{node.value}': YAML takes ' #' and what follows as a comment; "
                            "put the whole value in double quotes if the rest belongs to it",
                        )
                    )
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            stack.extend(value for _, value in node.value)
    return sorted(found)


def _check_tree(root: Node) -> None:
    """Refuse aliases (a node reached twice) and nesting deeper than MAX_DEPTH, without expanding."""
    seen: set[int] = set()
    # Each entry: a node, its depth, and the line where it is used (an alias shares its node with
    # the anchor, so the node's own line would point at the anchor, not at the alias).
    stack: list[tuple[Node, int, int]] = [(root, 1, root.start_mark.line)]
    while stack:
        node, depth, used_on = stack.pop()
        if id(node) in seen:
            raise StrictYAMLError(used_on, "anchors and aliases (*name) are not allowed; write the value out in full")
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise StrictYAMLError(
                node.start_mark.line, f"nested more than {MAX_DEPTH} levels deep; a briefing needs three at most"
            )
        # Children go on the stack last-first, so they are visited in document order and the
        # second use of a node (the alias) is the one reported.
        if isinstance(node, SequenceNode):
            stack.extend((child, depth + 1, node.start_mark.line) for child in reversed(node.value))
        elif isinstance(node, MappingNode):
            for key, value in reversed(node.value):
                stack.append((value, depth + 1, key.start_mark.line))
                stack.append((key, depth + 1, key.start_mark.line))
        elif not isinstance(node, ScalarNode):  # pragma: no cover - YAML has no other kind
            raise StrictYAMLError(node.start_mark.line, "unexpected YAML node")


def load(text: str, line_offset: int = 0, notes: list[tuple[int, str]] | None = None) -> Any:
    """Parse one YAML document strictly.

    Raises `StrictYAMLError` with a 0-based line for every kind of bad input, including
    YAML syntax errors, so callers need to catch only that. `line_offset` is the file line
    (0-based) where `text` starts, used only in messages that mention another line. What is
    likely but not surely a mistake (a plain value cut at ` #`) goes to `notes`, with its line.
    """
    deep = _flow_depth_exceeded(text)
    if deep is not None:
        raise StrictYAMLError(deep, f"nested more than {MAX_DEPTH} levels deep; a briefing needs three at most")
    loader = StrictLoader(text, line_offset)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_tree(node)
        _check_anchors(text)
        if notes is not None and "#" in text:
            notes.extend(_cut_at_comments(node, text.split("\n")))
        return loader.construct_document(node)
    except StrictYAMLError:
        raise
    except yaml.MarkedYAMLError as error:
        # An unclosed quote is found where the text ends; the contributor needs where it opened.
        opened = "quoted scalar" in (error.context or "")
        mark = (error.context_mark if opened else None) or error.problem_mark or error.context_mark
        line = mark.line if mark is not None else 0
        raise StrictYAMLError(line, _explain(error, text, line)) from None
    except yaml.YAMLError as error:
        raise StrictYAMLError(0, f"YAML error: {error}") from None
    except RecursionError:
        raise StrictYAMLError(0, "nested too deeply to read") from None
    finally:
        loader.dispose()


def _explain(error: yaml.MarkedYAMLError, text: str, line: int) -> str:
    """A YAML error in our words: the same whichever parser (C or Python) found it."""
    problem = (error.problem or str(error)).strip()
    context = (error.context or "").strip()
    lines = text.split("\n")
    here = lines[line] if 0 <= line < len(lines) else ""
    if "\t" in here or "tab" in problem:
        return "YAML syntax error: a tab character; indent with spaces, not tabs"
    if "found undefined alias" in problem:
        return "anchors and aliases (*name) are not allowed; write the value out in full"
    if "mapping values are not allowed" in problem:
        return "YAML syntax error: ': ' inside a value; put the whole value in double quotes"
    if "quoted scalar" in context or "end of stream" in problem:
        return "YAML syntax error: a quote is not closed; end the value with the same quote it starts with"
    if "expected <block end>" in problem or "did not find expected" in problem:
        return (
            "YAML syntax error: this line does not fit the lines around it; check that the lines of one list "
            "or field are indented alike, and put values that start with [ or { in double quotes"
        )
    return f"YAML syntax error: {problem}; check the indentation and quoting on this line"
