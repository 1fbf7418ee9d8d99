"""Just enough of a PDF reader, in the standard library, to answer an accessibility check.

The check needs a handful of facts: the catalog's /MarkInfo, /Lang and /StructTreeRoot, the
document information's /Title, the XMP metadata and the structure tree. pikepdf reads them
better, but it is not a dependency of the toolkit; poppler's `pdfinfo` prints neither /Lang nor
a figure's /Alt. So this reads objects: classic cross-reference tables and cross-reference
streams (PDF 1.5), object streams, incremental updates, and, when the cross-reference is damaged,
every `N G obj` in the file. It reads no page content.

A PDF is a file from anywhere, so every cost is bounded: the file's size, each decompressed
stream, the nesting of arrays and dictionaries, the chain of updates. A file past a bound, or
one that cannot be read, raises `InputUnreadable` with the reason.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from minutes_kit.errors import InputUnreadable

MIB = 1024 * 1024
MAX_FILE_SIZE = 512 * MIB
MAX_STREAM_SIZE = 64 * MIB
"""What one decoded stream (a cross-reference or object stream, the XMP metadata) may hold."""
MAX_DECODED_TOTAL = 256 * MIB
"""What all the streams one file has decoded may hold together."""
INFLATE_CHUNK = 64 * 1024
MAX_NESTING = 128
MAX_UPDATES = 1000
"""Cross-reference sections followed through /Prev: one per incremental update."""
MAX_PREDICTED_SIZE = 16 * MIB
"""What a stream with a PNG predictor (undone byte by byte, in Python) may hold: cross-reference
streams, the only streams read here that use one, are far smaller."""
MAX_REFERENCE_CHAIN = 32
"""A reference that resolves to a reference that resolves to ...: none in a sane file."""

WHITESPACE = b"\x00\t\n\x0c\r "
DELIMITERS = b"()<>[]{}/%"
_WS = rb"[\x00\t\n\x0c\r ]"
_TOKEN_END = rb"(?=[\x00\t\n\x0c\r ()<>\[\]{}/%]|$)"
NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)" + _TOKEN_END)
REFERENCE = re.compile(rb"(\d+)" + _WS + rb"+(\d+)" + _WS + rb"+R" + _TOKEN_END)
REGULAR = re.compile(rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]*")
OBJECT_HEADER = re.compile(rb"(\d+)" + _WS + rb"+(\d+)" + _WS + rb"+obj" + _TOKEN_END)
ANY_OBJECT_HEADER = re.compile(rb"(?<![0-9])(\d{1,10})" + _WS + rb"+(\d{1,5})" + _WS + rb"+obj" + _TOKEN_END)
SUBSECTION = re.compile(rb"(\d+)" + _WS + rb"+(\d+)" + _WS + rb"*[\r\n]")
XREF_ENTRY = re.compile(rb"(\d{10})" + _WS + rb"(\d{5})" + _WS + rb"([nf])")
HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
OCTAL = re.compile(rb"[0-7]{1,3}")
ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f",
           ord("("): b"(", ord(")"): b")", ord("\\"): b"\\"}


class Ref(NamedTuple):
    number: int
    generation: int


class Name(str):
    """A PDF name, without its slash: `Name("Table")` is /Table. A string is `bytes`."""


@dataclass(frozen=True)
class Stream:
    dictionary: dict
    raw: bytes


PdfValue = None | bool | int | float | bytes | Name | Ref | list | dict | Stream


@dataclass(frozen=True)
class _InStream:
    """An object stored in an object stream: the stream's number and the object's index in it."""

    stream: int
    index: int


class PdfReader:
    """The objects of one PDF file. `trailer` is the newest trailer dictionary; `get` resolves
    references; `catalog` and `info` are the document catalog and information dictionary."""

    def __init__(self, data: bytes, label: str):
        self.label = label
        self._data = data
        self._offsets: dict[int, int | _InStream] = {}
        self._cache: dict[int, PdfValue] = {}
        self._object_streams: dict[int, tuple[bytes, dict[int, int]]] = {}
        """Each object stream read: its decoded data, and where each of its objects starts in it."""
        self._resolving: set[int] = set()
        self._decoded = 0
        try:
            self.trailer = self._read_cross_references()
        except (InputUnreadable, ValueError, IndexError, KeyError, TypeError, zlib.error):
            self.trailer = self._reconstruct()
        if "Encrypt" in self.trailer:
            raise InputUnreadable(f"{label} is encrypted, so its accessibility cannot be checked; "
                                  "save a copy without a password and check that")

    @classmethod
    def open(cls, path: Path) -> PdfReader:
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_FILE_SIZE + 1)
        except OSError as exc:
            raise InputUnreadable(f"cannot read {path}: {exc.strerror or exc}") from exc
        if len(data) > MAX_FILE_SIZE:
            raise InputUnreadable(f"{path} is refused: it is larger than {MAX_FILE_SIZE // MIB} MiB")
        return cls(data, str(path))

    # Objects.

    def get(self, value: PdfValue) -> PdfValue:
        """`value` with references followed (None for an object that is not there, as the standard says)."""
        for _ in range(MAX_REFERENCE_CHAIN):
            if not isinstance(value, Ref):
                return value
            value = self.object(value.number)
        raise self._unreadable("a reference leads to itself")

    def object(self, number: int) -> PdfValue:
        if number in self._cache:
            return self._cache[number]
        if number in self._resolving:
            raise self._unreadable(f"object {number} is defined through itself")
        self._resolving.add(number)
        try:
            value = self._load(number)
        finally:
            self._resolving.discard(number)
        self._cache[number] = value
        return value

    def dictionary(self, value: PdfValue) -> dict:
        """`value` followed to a dictionary (a stream's dictionary), or an empty one."""
        value = self.get(value)
        if isinstance(value, Stream):
            return value.dictionary
        return value if isinstance(value, dict) else {}

    @property
    def catalog(self) -> dict:
        return self.dictionary(self.trailer.get("Root"))

    @property
    def info(self) -> dict:
        return self.dictionary(self.trailer.get("Info"))

    def stream_data(self, stream: Stream) -> bytes:
        """The stream's bytes with its filters undone (Flate with PNG predictors, ASCIIHex, ASCII85)."""
        filters = self.get(stream.dictionary.get("Filter"))
        parameters = self.get(stream.dictionary.get("DecodeParms"))
        filters = filters if isinstance(filters, list) else [] if filters is None else [filters]
        parameters = parameters if isinstance(parameters, list) else [parameters] * len(filters)
        data = stream.raw
        for position, name in enumerate(self.get(item) for item in filters):
            given = self.get(parameters[position]) if position < len(parameters) else None
            data = self._decode(data, name, given if isinstance(given, dict) else {})
        return data

    # Cross-references.

    def _read_cross_references(self) -> dict:
        at = self._data.rfind(b"startxref")
        if at < 0:
            raise self._unreadable("it has no startxref")
        match = re.compile(_WS + rb"*(\d+)").match(self._data, at + len(b"startxref"))
        if match is None:
            raise self._unreadable("its startxref gives no offset")
        offset: int | None = int(match.group(1))
        newest: dict | None = None
        seen: set[int] = set()
        while offset is not None:
            if offset in seen or len(seen) >= MAX_UPDATES:
                break
            seen.add(offset)
            trailer = self._cross_reference_section(offset)
            if newest is None:
                newest = trailer
            hybrid = trailer.get("XRefStm")
            if isinstance(hybrid, int) and hybrid not in seen:
                seen.add(hybrid)
                self._cross_reference_section(hybrid)
            previous = trailer.get("Prev")
            offset = previous if isinstance(previous, int) else None
        if newest is None or "Root" not in newest:
            raise self._unreadable("its trailer names no catalog")
        return newest

    def _cross_reference_section(self, offset: int) -> dict:
        """Record the section's entries that no newer section gave, and return its trailer."""
        at = skip_whitespace(self._data, offset)
        if self._data.startswith(b"xref", at):
            return self._cross_reference_table(at + len(b"xref"))
        header = OBJECT_HEADER.match(self._data, at)
        if header is None:
            raise self._unreadable(f"no cross-reference at offset {offset}")
        stream, _ = self._parse_indirect(header.end(), int(header.group(1)))
        if not isinstance(stream, Stream) or stream.dictionary.get("Type") != "XRef":
            raise self._unreadable(f"no cross-reference stream at offset {offset}")
        self._cross_reference_stream(stream)
        return stream.dictionary

    def _cross_reference_table(self, at: int) -> dict:
        while True:
            at = skip_whitespace(self._data, at)
            if self._data.startswith(b"trailer", at):
                trailer, _ = self._parse(at + len(b"trailer"))
                if not isinstance(trailer, dict):
                    raise self._unreadable("its trailer is not a dictionary")
                return trailer
            subsection = SUBSECTION.match(self._data, at)
            if subsection is None:
                raise self._unreadable("its cross-reference table is damaged")
            first, count = int(subsection.group(1)), int(subsection.group(2))
            at = subsection.end()
            for number in range(first, first + count):
                entry = XREF_ENTRY.match(self._data, skip_whitespace(self._data, at))
                if entry is None:
                    raise self._unreadable("its cross-reference table is damaged")
                at = entry.end()
                if entry.group(3) == b"n":
                    self._offsets.setdefault(number, int(entry.group(1)))
                else:
                    self._offsets.setdefault(number, -1)

    def _cross_reference_stream(self, stream: Stream) -> None:
        widths = [self.get(width) for width in self.get(stream.dictionary.get("W")) or []]
        if len(widths) != 3 or not all(isinstance(width, int) and 0 <= width <= 8 for width in widths):
            raise self._unreadable("its cross-reference stream has no valid /W")
        size = self.get(stream.dictionary.get("Size"))
        index = self.get(stream.dictionary.get("Index")) or [0, size]
        data = self.stream_data(stream)
        row = sum(widths)
        at = 0
        for first, count in zip(index[0::2], index[1::2]):
            for number in range(first, first + count):
                if at + row > len(data):
                    return
                fields = []
                for width in widths:
                    fields.append(int.from_bytes(data[at:at + width], "big"))
                    at += width
                kind = fields[0] if widths[0] else 1
                if kind == 1:
                    self._offsets.setdefault(number, fields[1])
                elif kind == 2:
                    self._offsets.setdefault(number, _InStream(fields[1], fields[2]))
                else:
                    self._offsets.setdefault(number, -1)

    def _reconstruct(self) -> dict:
        """Every `N G obj` in the file, the last definition of each winning, as readers repair a
        file whose cross-reference is damaged; the trailer is the last one with a /Root."""
        self._offsets, self._cache, self._object_streams = {}, {}, {}
        trailer: dict = {}
        for match in ANY_OBJECT_HEADER.finditer(self._data):
            self._offsets[int(match.group(1))] = match.start()
        for number in list(self._offsets):
            try:
                value = self.object(number)
            except (InputUnreadable, ValueError, IndexError, KeyError, TypeError, zlib.error):
                continue
            if isinstance(value, Stream) and value.dictionary.get("Type") == "ObjStm":
                try:
                    _, starts = self._object_stream(number)
                except (InputUnreadable, ValueError, IndexError, KeyError, TypeError, zlib.error):
                    continue
                for index, member in enumerate(starts):
                    self._offsets.setdefault(member, _InStream(number, index))
            if isinstance(value, Stream) and value.dictionary.get("Type") == "XRef" and "Root" in value.dictionary:
                trailer = value.dictionary
        for match in re.finditer(rb"trailer" + _WS + rb"*<<", self._data):
            try:
                candidate, _ = self._parse(match.start() + len(b"trailer"))
            except (InputUnreadable, ValueError, IndexError):
                continue
            if isinstance(candidate, dict) and "Root" in candidate:
                trailer = candidate
        if "Root" not in trailer:
            catalog = next((number for number in self._offsets if self._is_catalog(number)), None)
            if catalog is None:
                raise self._unreadable("it has no document catalog")
            trailer = {"Root": Ref(catalog, 0)}
        return trailer

    def _is_catalog(self, number: int) -> bool:
        try:
            return self.dictionary(Ref(number, 0)).get("Type") == "Catalog"
        except (InputUnreadable, ValueError, IndexError, KeyError, TypeError, zlib.error):
            return False

    def _load(self, number: int) -> PdfValue:
        where = self._offsets.get(number)
        if where is None or where == -1:
            return None
        if isinstance(where, _InStream):
            # The stream's own table says where the object is; the index the cross-reference gave
            # is only a hint.
            data, starts = self._object_stream(where.stream)
            if number not in starts:
                return None
            value, _ = _Parser(data, self).value(starts[number])
            return value
        header = OBJECT_HEADER.match(self._data, skip_whitespace(self._data, where))
        if header is None or int(header.group(1)) != number:
            raise self._unreadable(f"object {number} is not where its cross-reference says")
        value, _ = self._parse_indirect(header.end(), number)
        return value

    def _object_stream(self, number: int) -> tuple[bytes, dict[int, int]]:
        """Object stream `number`: its decoded data, and where each of its objects starts in it."""
        if number not in self._object_streams:
            stream = self.object(number)
            if not isinstance(stream, Stream):
                raise self._unreadable(f"object stream {number} is missing")
            data = self.stream_data(stream)
            count, first = self.get(stream.dictionary.get("N")), self.get(stream.dictionary.get("First"))
            if not isinstance(count, int) or not isinstance(first, int) or not 0 <= first <= len(data):
                raise self._unreadable(f"object stream {number} has no valid /N or /First")
            table = [int(token) for token in data[:first].split()][:2 * count]
            starts = {table[i]: first + table[i + 1] for i in range(0, len(table) - 1, 2)}
            self._object_streams[number] = (data, starts)
        return self._object_streams[number]

    # Syntax.

    def _parse(self, at: int) -> tuple[PdfValue, int]:
        return _Parser(self._data, self).value(at)

    def _parse_indirect(self, at: int, number: int) -> tuple[PdfValue, int]:
        value, at = self._parse(at)
        if not isinstance(value, dict):
            return value, at
        keyword = skip_whitespace(self._data, at)
        if not self._data.startswith(b"stream", keyword):
            return value, at
        start = keyword + len(b"stream")
        if self._data.startswith(b"\r\n", start):
            start += 2
        elif self._data[start:start + 1] in (b"\n", b"\r"):
            start += 1
        length = value.get("Length")
        if isinstance(length, Ref) and length.number != number:
            length = self.get(length)
        end = start + length if isinstance(length, int) and length >= 0 else -1
        if end < 0 or end > len(self._data) or self._data.find(b"endstream", end, end + 64) < 0:
            end = self._data.find(b"endstream", start)
            if end < 0:
                raise self._unreadable(f"the stream of object {number} has no end")
            end = len(self._data[start:end].rstrip(b"\r\n")) + start
        return Stream(value, self._data[start:end]), end

    def _decode(self, data: bytes, name: PdfValue, parameters: dict) -> bytes:
        if name in ("FlateDecode", "Fl"):
            return _unpredict(self._inflate(data), parameters, self)
        if name in ("ASCIIHexDecode", "AHx"):
            digits = bytes(byte for byte in data.split(b">")[0] if byte not in WHITESPACE)
            return self._count(binascii.unhexlify(digits + b"0" * (len(digits) % 2)))
        if name in ("ASCII85Decode", "A85"):
            body = bytes(byte for byte in data.split(b"~>")[0] if byte not in WHITESPACE)
            return self._count(base64.a85decode(body.removeprefix(b"<~")))
        raise self._unreadable(f"it uses a compression ({name}) this check cannot read")

    def _inflate(self, data: bytes) -> bytes:
        """Flate-decoded `data`, refused past `MAX_STREAM_SIZE`. Writers sometimes end a stream
        badly; what inflated before the damage is kept, as PDF readers do."""
        inflater, pieces, size = zlib.decompressobj(), [], 0
        for at in range(0, len(data), INFLATE_CHUNK):
            try:
                piece = inflater.decompress(data[at:at + INFLATE_CHUNK], MAX_STREAM_SIZE + 1 - size)
            except zlib.error:
                break
            size += len(piece)
            if inflater.unconsumed_tail or size > MAX_STREAM_SIZE:
                raise InputUnreadable(f"{self.label} is refused: a stream inflates past "
                                      f"{MAX_STREAM_SIZE // MIB} MiB")
            pieces.append(piece)
            if inflater.eof:
                break
        return self._count(b"".join(pieces))

    def _count(self, decoded: bytes) -> bytes:
        self._decoded += len(decoded)
        if self._decoded > MAX_DECODED_TOTAL:
            raise InputUnreadable(f"{self.label} is refused: its streams inflate past "
                                  f"{MAX_DECODED_TOTAL // MIB} MiB together")
        return decoded

    def _unreadable(self, reason: str) -> InputUnreadable:
        return InputUnreadable(f"{self.label} cannot be read as a PDF: {reason}")


def _unpredict(data: bytes, parameters: dict, reader: PdfReader) -> bytes:
    """Undo a PNG predictor (/Predictor 10-15), as cross-reference streams use."""
    predictor = reader.get(parameters.get("Predictor", 1))
    if not isinstance(predictor, int) or predictor < 10:
        if predictor not in (None, 1):
            raise reader._unreadable(f"it uses a predictor ({predictor}) this check cannot read")
        return data
    columns = reader.get(parameters.get("Columns", 1))
    colors = reader.get(parameters.get("Colors", 1))
    bits = reader.get(parameters.get("BitsPerComponent", 8))
    if not all(isinstance(value, int) and 0 < value <= MAX_PREDICTED_SIZE for value in (columns, colors, bits)):
        raise reader._unreadable("a stream's predictor parameters are not valid")
    if len(data) > MAX_PREDICTED_SIZE:
        raise InputUnreadable(f"{reader.label} is refused: a predicted stream is larger than "
                              f"{MAX_PREDICTED_SIZE // MIB} MiB")
    pixel = max(1, (colors * bits + 7) // 8)
    width = (colors * bits * columns + 7) // 8
    rows, previous = [], bytearray(width)
    for at in range(0, len(data) - width, width + 1):
        kind, row = data[at], bytearray(data[at + 1:at + 1 + width])
        for i in range(width):
            left = row[i - pixel] if i >= pixel else 0
            up = previous[i]
            corner = previous[i - pixel] if i >= pixel else 0
            if kind == 1:
                row[i] = (row[i] + left) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + up) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                distances = (abs(estimate - left), abs(estimate - up), abs(estimate - corner))
                row[i] = (row[i] + (left, up, corner)[distances.index(min(distances))]) & 0xFF
        rows.append(bytes(row))
        previous = row
    return b"".join(rows)


class _Parser:
    """Reads one value of PDF syntax from `data`."""

    def __init__(self, data: bytes, reader: PdfReader):
        self.data = data
        self.reader = reader

    def value(self, at: int, depth: int = 0) -> tuple[PdfValue, int]:
        if depth > MAX_NESTING:
            raise self.reader._unreadable(f"arrays or dictionaries nest deeper than {MAX_NESTING}")
        data = self.data
        at = skip_whitespace(self.data, at)
        if at >= len(data):
            raise self.reader._unreadable("it ends in the middle of an object")
        byte = data[at]
        if data.startswith(b"<<", at):
            return self._dictionary(at + 2, depth)
        if byte == ord("["):
            items, at = [], at + 1
            while True:
                at = skip_whitespace(self.data, at)
                if data.startswith(b"]", at):
                    return items, at + 1
                item, at = self.value(at, depth + 1)
                items.append(item)
        if byte == ord("("):
            return self._literal(at + 1)
        if byte == ord("<"):
            end = data.find(b">", at)
            if end < 0:
                raise self.reader._unreadable("a hexadecimal string has no end")
            digits = bytes(c for c in data[at + 1:end] if c not in WHITESPACE)
            try:
                return binascii.unhexlify(digits + b"0" * (len(digits) % 2)), end + 1
            except binascii.Error as exc:
                raise self.reader._unreadable("a hexadecimal string is damaged") from exc
        if byte == ord("/"):
            match = REGULAR.match(data, at + 1)
            name = HEX_ESCAPE.sub(lambda hit: bytes([int(hit.group(1), 16)]), match.group(0))
            return Name(name.decode("utf-8", "replace")), match.end()
        reference = REFERENCE.match(data, at)
        if reference:
            return Ref(int(reference.group(1)), int(reference.group(2))), reference.end()
        number = NUMBER.match(data, at)
        if number:
            text = number.group(0)
            return (float(text) if b"." in text else int(text)), number.end()
        word = REGULAR.match(data, at)
        keyword = word.group(0)
        if keyword == b"true":
            return True, word.end()
        if keyword == b"false":
            return False, word.end()
        if keyword == b"null":
            return None, word.end()
        raise self.reader._unreadable(f"unexpected {keyword[:20]!r} at offset {at}")

    def _dictionary(self, at: int, depth: int) -> tuple[dict, int]:
        data, found = self.data, {}
        while True:
            at = skip_whitespace(self.data, at)
            if data.startswith(b">>", at):
                return found, at + 2
            key, at = self.value(at, depth + 1)
            if not isinstance(key, Name):
                raise self.reader._unreadable(f"a dictionary key is not a name at offset {at}")
            at = skip_whitespace(self.data, at)
            if data.startswith(b">>", at):
                found[str(key)] = None
                return found, at + 2
            found[str(key)], at = self.value(at, depth + 1)

    def _literal(self, at: int) -> tuple[bytes, int]:
        data, out, depth = self.data, bytearray(), 1
        while at < len(data):
            byte = data[at]
            if byte == ord("\\"):
                following = data[at + 1:at + 2]
                if not following:
                    break
                if following[0] in ESCAPES:
                    out += ESCAPES[following[0]]
                    at += 2
                elif following in (b"\r", b"\n"):
                    at += 3 if data.startswith(b"\r\n", at + 1) else 2
                else:
                    octal = OCTAL.match(data, at + 1)
                    if octal:
                        out.append(int(octal.group(0), 8) & 0xFF)
                        at = octal.end()
                    else:
                        at += 1
                continue
            if byte == ord("("):
                depth += 1
            elif byte == ord(")"):
                depth -= 1
                if depth == 0:
                    return bytes(out), at + 1
            if byte == ord("\r"):
                out += b"\n"
                at += 2 if data.startswith(b"\r\n", at) else 1
                continue
            out.append(byte)
            at += 1
        raise self.reader._unreadable("a string has no end")



def skip_whitespace(data: bytes, at: int) -> int:
    """The position of the next token at or after `at`: past white space and comments."""
    while at < len(data):
        if data[at] in WHITESPACE:
            at += 1
        elif data[at] == ord("%"):
            while at < len(data) and data[at] not in b"\r\n":
                at += 1
        else:
            break
    return at


def text_string(value: PdfValue) -> str | None:
    """A PDF text string as text: UTF-16 or UTF-8 with their byte-order marks, else PDFDocEncoding
    (read as Latin-1, which differs only in characters an emptiness check does not care about)."""
    if not isinstance(value, bytes):
        return None
    if value.startswith((b"\xfe\xff", b"\xff\xfe")):
        return value.decode("utf-16", "replace")
    if value.startswith(b"\xef\xbb\xbf"):
        return value[3:].decode("utf-8", "replace")
    return value.decode("latin-1")
