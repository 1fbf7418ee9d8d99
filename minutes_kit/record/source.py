"""Safe YAML loading that remembers where every value came from.

Records are parsed into plain Python data together with a map from each
field path to its line and column, so that every later problem (a pydantic
type error, an unknown person, a duplicate reference) can point at the line
a secretariat has to fix.

The data is built straight from libyaml's event stream, one event at a time
and without recursion, so that any input costs time and memory in proportion
to its size: an alias (``*name``) is refused where it is written, before
anything is copied (an alias bomb costs nothing), nesting deeper than
`MAX_DEPTH` is refused at the collection that goes too deep, and a key that
is not text (``~``, ``1``, ``[a]``) is refused at its own line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from minutes_kit.errors import RecordSyntaxError, SourcePosition

FieldPath = tuple[str | int, ...]

MAX_DEPTH = 64
"""How many lists and sets of fields may be nested inside each other; a record needs fewer than ten."""


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
    whose positions would otherwise stay in memory (and slow the garbage
    collector down as they pile up).
    """

    path: Path
    text: str
    duplicate_keys: list[tuple[FieldPath, SourcePosition]] = field(default_factory=list)
    _positions: dict[FieldPath, tuple[int, int]] | None = field(default=None, repr=False)
    _comma_splits: dict[FieldPath, tuple[str, str]] | None = field(default=None, repr=False)

    @property
    def positions(self) -> dict[FieldPath, tuple[int, int]]:
        """Line and column (from 1) of every field path: a mapping value at its key, a list entry at itself."""
        if self._positions is None:
            positions: dict[FieldPath, tuple[int, int]] = {}
            _read(self.text, self.path, None, positions)
            self._positions = positions
        return self._positions

    def position(self, path: FieldPath) -> SourcePosition:
        """Where `path` is written, or its nearest written ancestor when it is missing."""
        for length in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:length]))
            if found is not None:
                return SourcePosition(self.path, *found)
        return SourcePosition(self.path, 1, 1)

    def comma_split(self, path: FieldPath) -> tuple[str, str] | None:
        """When the key at `path` is text that a comma split off the value before it in a set of fields
        written in braces (``{date: 2026-10-20, location: Board Room, Trust Headquarters}`` makes a key
        'Trust Headquarters' with no value): the field whose value it was, and that value whole
        (``location``, ``Board Room, Trust Headquarters``). None for any other key.
        """
        if self._comma_splits is None:  # worked out once, when the first unknown field asks
            self._comma_splits = _comma_splits(self.text)
        return self._comma_splits.get(tuple(path))


def _comma_splits(text: str) -> dict[FieldPath, tuple[str, str]]:
    """Every key of `text` that a comma split off a value in braces, with the field and its value whole.

    A split-off part is a plain key with no colon of its own, written after a comma; the parts after
    the first that one value lost are split-off parts too, and all join that value.
    """
    # The pure-Python composer, whose marks count characters of `text` (libyaml's count bytes). It reads
    # only text that loaded already, so nothing here is aliased or nested deeper than MAX_DEPTH.
    found: dict[FieldPath, tuple[str, str]] = {}
    stack: list[tuple[FieldPath, yaml.Node]] = [((), yaml.compose(text, Loader=yaml.SafeLoader))]
    while stack:
        at, node = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            stack.extend((at + (index,), child) for index, child in enumerate(node.value))
            continue
        if not isinstance(node, yaml.MappingNode):
            continue
        pairs = [(key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)]
        stack.extend((at + (key.value,), value) for key, value in pairs)
        if not node.flow_style:
            continue
        runs: list[tuple[str | None, list[str]]] = []  # a field with text: its value, then the parts split off it
        for key, value in pairs:
            if runs and runs[-1][0] is not None and _split_off(text, key, value):
                runs[-1][1].append(key.value)
            elif isinstance(value, yaml.ScalarNode) and value.style is None and value.tag == _STRING_TAG:
                runs.append((key.value, [value.value]))
            else:
                runs.append((None, []))  # a date, a number, a quoted value: not what a stray comma splits
        for name, parts in runs:
            whole = ", ".join(parts)
            found.update((at + (part,), (str(name), whole)) for part in parts[1:])
    return found


def _split_off(text: str, key: yaml.ScalarNode, value: yaml.Node) -> bool:
    """A plain key with no value and no colon of its own, written after a comma."""
    return (key.style is None and isinstance(value, yaml.ScalarNode) and value.style is None and value.value == ""
            and _character_before(text, value.start_mark.index) != ":"
            and _character_before(text, key.start_mark.index) == ",")


def _character_before(text: str, index: int) -> str:
    """The last character before `index` that is not a space or a line end ("" at the start)."""
    while index > 0 and text[index - 1] in " \t\n":
        index -= 1
    return text[index - 1] if index > 0 else ""


def load_source(path: Path) -> tuple[Any, SourceDocument]:
    """Parse a YAML file safely: its data, and where each value is written."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordSyntaxError(
            _byte_position(path, raw, exc.start),
            f"the file is not UTF-8 text: the byte 0x{raw[exc.start]:02x} here cannot be read ({exc.reason}); "
            "save the file as UTF-8",
        ) from exc
    # Line ends as Path.read_text reads them, so that positions and messages see one kind of line.
    return parse_source(text.replace("\r\n", "\n").replace("\r", "\n"), path)


def parse_source(text: str, path: Path) -> tuple[Any, SourceDocument]:
    document = SourceDocument(path=path, text=text)
    return _read(text, path, document, None), document


def _read(
    text: str, path: Path, document: SourceDocument | None, positions: dict[FieldPath, tuple[int, int]] | None
) -> Any:
    """The data of `text`, noting duplicate keys in `document` and, when asked, every position in `positions`."""
    loader = None
    try:
        loader = _RecordLoader(text)  # the pure-Python reader checks every character here
        return _read_stream(loader, path, document, positions)
    except yaml.reader.ReaderError as exc:
        raise RecordSyntaxError(_reader_position(path, text, exc.position), _reader_message(exc)) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise RecordSyntaxError(SourcePosition(path, line, column), _syntax_message(exc, text, line, column)) from exc
    except yaml.YAMLError as exc:
        raise RecordSyntaxError(SourcePosition(path, 1, 1), str(exc)) from exc
    finally:
        if loader is not None:
            loader.dispose()


class _Open:
    """A list or set of fields being read: its path, and for a set of fields the key whose value comes next."""

    __slots__ = ("at", "key", "value")

    def __init__(self, value: list | dict, at: FieldPath):
        self.value = value
        self.at = at
        self.key: str | None = None


def _read_stream(
    loader: _BaseLoader, path: Path, document: SourceDocument | None, positions: dict[FieldPath, tuple[int, int]] | None
) -> Any:
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        return None
    start = loader.get_event()  # document start
    data = _read_document(loader, path, document, positions)
    loader.get_event()  # document end
    if not loader.check_event(yaml.StreamEndEvent):
        raise yaml.composer.ComposerError(
            "expected a single document in the stream", start.start_mark,
            "but found another document", loader.get_event().start_mark,
        )
    return data


def _read_document(
    loader: _BaseLoader, path: Path, document: SourceDocument | None, positions: dict[FieldPath, tuple[int, int]] | None
) -> Any:
    """The document's root value, built from the events with a stack of the open collections: no recursion."""
    stack: list[_Open] = []
    while True:
        event = loader.get_event()
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            closed = stack.pop()
            if not stack:
                return closed.value
            continue
        if isinstance(event, yaml.AliasEvent):
            raise RecordSyntaxError(
                _position(path, event),
                f"YAML aliases (*name) are not allowed in records; write the value out in place of *{event.anchor}",
            )
        parent = stack[-1] if stack else None
        if parent is not None and parent.key is None and isinstance(parent.value, dict):
            key = _key(event, loader, path)
            if key in parent.value and document is not None:
                document.duplicate_keys.append((parent.at + (key,), _position(path, event)))
            parent.key = key
            if positions is not None:
                positions[parent.at + (key,)] = _line_column(event)
            continue
        if parent is None:
            at: FieldPath = ()
        elif isinstance(parent.value, list):
            at = parent.at + (len(parent.value),)
        else:
            at = parent.at + (parent.key,)
        if positions is not None:
            positions.setdefault(at, _line_column(event))
        if isinstance(event, yaml.ScalarEvent):
            value: Any = _scalar(event, loader)
        else:
            if event.tag not in (None, "!") and event.tag not in _PLAIN_COLLECTION_TAGS:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the tag {event.tag} is not allowed in a record", event.start_mark
                )
            if len(stack) >= MAX_DEPTH:
                raise RecordSyntaxError(
                    _position(path, event),
                    f"lists and sets of fields are nested more than {MAX_DEPTH} deep here; "
                    "a record needs only a few levels",
                )
            value = [] if isinstance(event, yaml.SequenceStartEvent) else {}
        if parent is None:
            if isinstance(event, yaml.ScalarEvent):
                return value
        elif isinstance(parent.value, list):
            parent.value.append(value)
        else:
            parent.value[parent.key] = value
            parent.key = None
        if not isinstance(event, yaml.ScalarEvent):
            stack.append(_Open(value, at))


_KINDS = {
    "tag:yaml.org,2002:null": "nothing (null)",
    "tag:yaml.org,2002:bool": "true/false",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
}


def _key(event: yaml.Event, loader: _BaseLoader, path: Path) -> str:
    """A mapping key, which must be text: the names of fields, people and codes are."""
    if not isinstance(event, yaml.ScalarEvent):
        found = "a list" if isinstance(event, yaml.SequenceStartEvent) else "a set of fields"
        raise RecordSyntaxError(
            _position(path, event), f"a key must be text, not {found}; write a field name before the colon"
        )
    tag = _tag(event, loader)
    if tag == _STRING_TAG:
        return event.value
    _scalar(event, loader)  # refuses a tag no record may use, before saying the key is not text
    if tag == "tag:yaml.org,2002:null" and event.value == "":
        raise RecordSyntaxError(_position(path, event), "a key is missing: write a field name before the colon")
    raise RecordSyntaxError(
        _position(path, event),
        f"a key must be text, but {event.value} is read as {_KINDS.get(tag, f'a value tagged {tag}')}; "
        f"put it in quotes if it is meant as text, for example \"{event.value}\"",
    )


def _tag(event: yaml.ScalarEvent, loader: _BaseLoader) -> str:
    if event.tag is None or event.tag == "!":
        return loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    return event.tag


def _scalar(event: yaml.ScalarEvent, loader: _BaseLoader) -> Any:
    tag = _tag(event, loader)
    if tag == _STRING_TAG:
        return event.value
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:
        # An impossible date such as 2026-02-30, or an integer too long to convert:
        # keep the text so validation names the field.
        return event.value
    finally:
        loader.constructed_objects.pop(node, None)


_PLAIN_COLLECTION_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_STRING_TAG = "tag:yaml.org,2002:str"


def _line_column(event: yaml.Event) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def _position(path: Path, event: yaml.Event) -> SourcePosition:
    return SourcePosition(path, *_line_column(event))


def _byte_position(path: Path, raw: bytes, offset: int) -> SourcePosition:
    """The line and column (in characters, from 1) of the byte at `offset`: lines end with \\n, \\r\\n or \\r."""
    before = raw[:offset]
    line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
    line_start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return SourcePosition(path, line, column)


def _reader_position(path: Path, text: str, position: int) -> SourcePosition:
    # libyaml counts the offset in bytes of the UTF-8 text, the pure-Python reader in characters.
    if _BaseLoader is yaml.SafeLoader:
        position = len(text[:position].encode("utf-8"))
    return _byte_position(path, text.encode("utf-8"), position)


def _reader_message(exc: yaml.reader.ReaderError) -> str:
    character = exc.character if isinstance(exc.character, int) else ord(exc.character)
    return f"the character U+{character:04X} cannot be used in a record ({exc.reason}); delete it or retype the text"


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
