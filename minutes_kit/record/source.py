"""Safe YAML loading that remembers where every value came from.

Records are parsed into plain Python data together with a map from each
field path to its line and column, so that every later problem (a pydantic
type error, an unknown person, a duplicate reference) can point at the line
a secretariat has to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from minutes_kit.errors import RecordSyntaxError, SourcePosition

FieldPath = tuple[str | int, ...]


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same results, ten times faster


class _RecordLoader(_BaseLoader):
    """SafeLoader with the YAML 1.1 surprises removed.

    YAML 1.1 reads ``10:30`` as the number 630 (base 60) and ``no`` or ``off``
    as false. In meeting records those are times and words, so only the
    unambiguous forms of booleans, numbers, dates and null are resolved.
    """

    yaml_implicit_resolvers: dict = {}


_RecordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_RecordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), list("-+0123456789")
)
_RecordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789"),
)
_RecordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_RecordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:timestamp", re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), list("0123456789")
)


@dataclass
class SourceDocument:
    """Where each value of one YAML file is written.

    Positions are worked out, by parsing the text again, only when a problem
    asks for one: most records are valid, and a series holds hundreds of them,
    whose parse trees would otherwise stay in memory (and slow the garbage
    collector down as they pile up).
    """

    path: Path
    text: str
    duplicate_keys: list[tuple[FieldPath, SourcePosition]] = field(default_factory=list)
    _positions: dict[FieldPath, tuple[int, int]] | None = field(default=None, repr=False)

    @property
    def positions(self) -> dict[FieldPath, tuple[int, int]]:
        """Line and column (from 1) of every field path: a mapping value at its key, a list entry at itself."""
        if self._positions is None:
            self._positions = {}
            loader = _RecordLoader(self.text)
            try:
                root = loader.get_single_node()
            finally:
                loader.dispose()
            if root is not None:
                _record_positions(root, (), self._positions)
        return self._positions

    def position(self, path: FieldPath) -> SourcePosition:
        """Where `path` is written, or its nearest written ancestor when it is missing."""
        for length in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:length]))
            if found is not None:
                return SourcePosition(self.path, *found)
        return SourcePosition(self.path, 1, 1)


def _record_positions(node: yaml.Node, at: FieldPath, positions: dict[FieldPath, tuple[int, int]]) -> None:
    positions.setdefault(at, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = at + (str(key_node.value),)
            positions[key] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _record_positions(value_node, key, positions)
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            _record_positions(child, at + (index,), positions)


def load_source(path: Path) -> tuple[Any, SourceDocument]:
    """Parse a YAML file safely: its data, and where each value is written."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RecordSyntaxError(
            SourcePosition(path, 1, 1), f"the file is not UTF-8 text ({exc.reason})"
        ) from exc
    return parse_source(text, path)


def parse_source(text: str, path: Path) -> tuple[Any, SourceDocument]:
    loader = _RecordLoader(text)
    document = SourceDocument(path=path, text=text)
    data = None
    try:
        root = loader.get_single_node()
        if root is not None:
            data = _build(root, (), document, loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise RecordSyntaxError(SourcePosition(path, line, column), _syntax_message(exc, text, line, column)) from exc
    except yaml.YAMLError as exc:
        raise RecordSyntaxError(SourcePosition(path, 1, 1), str(exc)) from exc
    finally:
        loader.dispose()
    return data, document


def _syntax_message(exc: yaml.MarkedYAMLError, text: str, line: int, column: int) -> str:
    problem = exc.problem or "invalid YAML"
    lines = text.splitlines()
    culprit = lines[line - 1][column - 1 : column] if line <= len(lines) else ""
    if "cannot start any token" in problem and culprit in {"@", "`"}:
        return (
            f"YAML syntax error: the character '{culprit}' cannot start a value; "
            "text that starts with @person must be put in quotes, for example \"@ab opened the meeting.\""
        )
    if "mapping values are not allowed" in problem:
        return (
            f"YAML syntax error: {problem}; "
            "check the indentation, and put text containing ': ' in quotes or write it as a block (text: >)"
        )
    return f"YAML syntax error: {problem}"


def _position(path: Path, node: yaml.Node) -> SourcePosition:
    return SourcePosition(path, node.start_mark.line + 1, node.start_mark.column + 1)


_PLAIN_COLLECTION_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_STRING_TAG = "tag:yaml.org,2002:str"


def _build(node: yaml.Node, at: FieldPath, document: SourceDocument, loader: _BaseLoader) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, loader)
    if node.tag not in _PLAIN_COLLECTION_TAGS:
        raise yaml.constructor.ConstructorError(
            None, None, f"the tag {node.tag} is not allowed in a record", node.start_mark
        )
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, at + (index,), document, loader) for index, child in enumerate(node.value)]
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = str(_scalar(key_node, loader))
        if key in result:
            document.duplicate_keys.append((at + (key,), _position(document.path, key_node)))
        result[key] = _build(value_node, at + (key,), document, loader)
    return result


def _scalar(node: yaml.Node, loader: _BaseLoader) -> Any:
    if node.tag == _STRING_TAG:
        return node.value
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:
        # An impossible date such as 2026-02-30: keep the text so validation names the field.
        return node.value
