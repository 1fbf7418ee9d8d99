"""Every text a PDF holds besides its pages' text, read from the file's bytes.

pdftotext reads what the pages show. A tagged PDF holds more text than that, on no page: the
document information (/Title, /Subject, /Author, /Keywords), the XMP metadata, the bookmarks'
titles, the structure tree's alternative and replacement text (/Alt, /ActualText, /E, /T),
annotations (/Contents, a link's /URI) and form fields. Readers show all of it: the title in the
window's title bar, the bookmarks in a side panel, the /Alt aloud through a screen reader.

This does not follow the cross-reference table to the objects a viewer would reach, as a PDF
reader does; it reads every byte of the file, so an object of an older revision, or one nothing
refers to, is read too. Each stream (the bytes between `stream` after a dictionary and
`endstream`) is decoded (FlateDecode, ASCIIHexDecode, ASCII85Decode) within a bound for each
stream and one for the file; every string, literal or hex, is read from the file outside its
streams and from each decoded stream, object streams included, and decoded as the standard says
(UTF-16BE or UTF-8 after a byte order mark, PDFDocEncoding otherwise). A string is named by the
dictionary that holds it, when that dictionary says what it is (the document information, a
bookmark, a structure element, an annotation, a form field), and by the key it is the value of.
The XMP metadata is parsed as XML and read element by element. Names written with #-escapes are
read decoded. As a catch-all, the decoded streams and the file's bytes are searched as UTF-8 text.

Left to pdftotext are the strings a page's content shows (the operands of Tj, TJ, ' and "),
whose glyph codes only the font's encoding makes text of. Images' samples are not text, and
are not decoded.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from minutes_kit.archive import parse_xml
from minutes_kit.errors import ArchiveUnsafe, InputUnreadable, VerifyUnavailable
from minutes_kit.verify.extract import SEPARATOR, WINDOW, XML_NAMESPACE, Extraction, split_name, value_readings, windows

__all__ = ["MAX_DECODED_TOTAL", "MAX_PDF_SIZE", "MAX_STREAM_SIZE", "PART", "pdf_extractions", "pdf_strings",
           "read_pdf"]

MIB = 1024 * 1024
MAX_PDF_SIZE = 512 * MIB
MAX_STREAM_SIZE = 64 * MIB
"""What one decoded stream may hold."""
MAX_DECODED_TOTAL = 256 * MIB
"""What all the streams of one file may hold together, decoded."""
# Compressed input is fed a piece at a time, so that a stream damaged part-way keeps what it
# decoded before the damage.
INFLATE_PIECE = 16 * 1024
MAX_NESTING = 256
# How much of a dictionary is read to tell what it is: its keys, past any long array in it.
MAX_DICTIONARY = MIB

PART = "PDF"
DOCUMENT_INFORMATION = "document information"
XMP_METADATA = "XMP metadata"
BOOKMARK = "bookmark"
STRUCTURE = "structure"
ANNOTATION = "annotation"
FORM_FIELD = "form field"
STRING = "PDF string"
STRINGS = "PDF strings"
NAMES = "PDF names"
DECODED_STREAMS = "decoded streams"
RAW_BYTES = "raw bytes"
# Where a string is prose a reader meets, a withheld number written bare counts; in the document
# information, the metadata and strings of no known place, only its telling forms ("£900") do.
PROSE = {BOOKMARK, STRUCTURE, ANNOTATION, FORM_FIELD}
# Keys whose strings are the structure's text wherever they stand (in a page's marked content too).
STRUCTURE_KEYS = {b"Alt", b"ActualText", b"E"}

WHITESPACE = b"\x00\t\n\x0c\r "
_WS = rb"[\x00\t\n\x0c\r ]"
_REGULAR = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]"
_END = rb"(?=[\x00\t\n\x0c\r ()<>\[\]{}/%]|$)"
STREAM = re.compile(rb">>" + _WS + rb"*stream(?:\r\n|\n|\r)")
ENDSTREAM = b"endstream"
OBJECT_HEADER = re.compile(rb"(?<![0-9])(\d{1,10})" + _WS + rb"+\d{1,5}" + _WS + rb"+obj" + _END)
INFO_REFERENCE = re.compile(rb"/Info" + _WS + rb"*(\d{1,10})" + _WS + rb"+\d{1,5}" + _WS + rb"+R" + _END)
ENCRYPT = re.compile(rb"/Encrypt" + _WS + rb"*(?:\d|<<)")
LENGTH = re.compile(rb"/Length" + _WS + rb"*(\d{1,12})(?!\d)(?!" + _WS + rb"+\d+" + _WS + rb"+R)")
FILTER = re.compile(rb"/Filter" + _WS + rb"*(\[[^\]]*\]|/" + _REGULAR + rb"+)")
FILTER_NAME = re.compile(rb"/(" + _REGULAR + rb"+)")
FIRST = re.compile(rb"/First" + _WS + rb"*(\d{1,12})" + _END)
INTEGER = re.compile(rb"\d{1,12}")
NAME = re.compile(_REGULAR + rb"+")
HEX_NAME = re.compile(rb"/" + _REGULAR + rb"*#[0-9A-Fa-f]{2}" + _REGULAR + rb"*")
HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
NOT_HEX = re.compile(rb"[^0-9A-Fa-f]")
LANGUAGE_ESCAPE = re.compile("\x1b[^\x1b]{0,8}\x1b")
# What the scan of strings stops at: a string, a dictionary, an array or a comment.
SPECIAL = re.compile(rb"[()<>\[\]%]")
IN_LITERAL = re.compile(rb"[()\\]")
OCTAL = re.compile(rb"[0-7]{1,3}")
END_OF_LINE = re.compile(rb"[\r\n]")
ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f",
           ord("("): b"(", ord(")"): b")", ord("\\"): b"\\"}
# The operators that show a string on the page: after a string, or after an array of them (TJ).
SHOWS_STRING = re.compile(_WS + rb"*(?:Tj|'|\")" + _END)
SHOWS_ARRAY = re.compile(_WS + rb"*TJ" + _END)


def _has(key: bytes, value: bytes = rb"") -> re.Pattern[bytes]:
    return re.compile(rb"/" + key + _END + (_WS + rb"*" + value if value else b""))


OBJECT_STREAM = _has(rb"Type", rb"/ObjStm" + _END)
CROSS_REFERENCE_STREAM = _has(rb"Type", rb"/XRef" + _END)
METADATA = re.compile(_has(rb"Type", rb"/Metadata" + _END).pattern + rb"|" + _has(rb"Subtype", rb"/XML" + _END).pattern)
IMAGE = _has(rb"Subtype", rb"/Image" + _END)
BINARY = re.compile(rb"/Length[123]" + _END + rb"|/Subtype" + _WS + rb"*/(?:Type1C|CIDFontType0C|OpenType)" + _END
                    + rb"|" + _has(rb"Type", rb"/EmbeddedFile" + _END).pattern)
STRUCTURE_ELEMENT = _has(rb"Type", rb"/StructElem" + _END)
STRUCTURE_TYPE = _has(rb"S", rb"/")
PARENT = _has(rb"P", rb"\d+" + _WS + rb"+\d+" + _WS + rb"+R")
RECTANGLE = _has(rb"Rect", rb"\[")
FIELD_TYPE = _has(rb"FT", rb"/")
FIELD_NAME = _has(rb"T", rb"[(<]")
FIELD_PARENT = _has(rb"Parent")
ANNOTATION_TYPE = _has(rb"Type", rb"/Annot" + _END)
OUTLINES_TYPE = _has(rb"Type", rb"/Outlines" + _END)
TITLE = _has(rb"Title")
XMP_OPENINGS = (b"<?xpacket", b"<x:xmpmeta", b"<rdf:RDF")
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

# PDFDocEncoding where it is not Latin-1 (ISO 32000-1, annex D).
PDF_DOC_ENCODING = {
    0x18: "\u02d8", 0x19: "\u02c7", 0x1A: "\u02c6", 0x1B: "\u02d9", 0x1C: "\u02dd", 0x1D: "\u02db",
    0x1E: "\u02da", 0x1F: "\u02dc", 0x80: "\u2022", 0x81: "\u2020", 0x82: "\u2021", 0x83: "\u2026",
    0x84: "\u2014", 0x85: "\u2013", 0x86: "\u0192", 0x87: "\u2044", 0x88: "\u2039", 0x89: "\u203a",
    0x8A: "\u2212", 0x8B: "\u2030", 0x8C: "\u201e", 0x8D: "\u201c", 0x8E: "\u201d", 0x8F: "\u2018",
    0x90: "\u2019", 0x91: "\u201a", 0x92: "\u2122", 0x93: "\ufb01", 0x94: "\ufb02", 0x95: "\u0141",
    0x96: "\u0152", 0x97: "\u0160", 0x98: "\u0178", 0x99: "\u017d", 0x9A: "\u0131", 0x9B: "\u0142",
    0x9C: "\u0153", 0x9D: "\u0161", 0x9E: "\u017e", 0xA0: "\u20ac",
}


def read_pdf(path: Path) -> bytes:
    """The bytes of the PDF at `path`; a file past `MAX_PDF_SIZE` is refused unread."""
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_PDF_SIZE + 1)
    except OSError as exc:
        raise InputUnreadable(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > MAX_PDF_SIZE:
        raise ArchiveUnsafe(f"{path} is refused: it is larger than {MAX_PDF_SIZE // MIB} MiB, more than a "
                            "release plausibly needs, so it cannot all be checked")
    return data


def pdf_extractions(data: bytes, label: str) -> list[Extraction]:
    """Every text in the PDF `data` outside its pages' text, as part `PART`: the strings, by
    where they stand, the XMP metadata and #-escaped names first; the catch-all readings of the
    decoded streams and the raw bytes last."""
    reading = _Reading(data, label)
    return [*reading.precise(), *reading.catch_all()]


def pdf_strings(data: bytes) -> list[str]:
    """Every string in `data` (a PDF's bytes outside its streams, or a decoded stream), decoded,
    but for those a page's content shows: what the check reads, for tests and for a look."""
    return [_text(string.raw) for string in _scan(data, [(0, len(data))], [])]


@dataclass(eq=False)
class _Dictionary:
    """A dictionary met in the scan: where it starts and ends, the key it is the value of, and,
    for an object's own dictionary, the object's number."""

    start: int
    key: bytes | None
    number: int | None
    end: int | None = None


@dataclass(frozen=True)
class _String:
    raw: bytes
    key: bytes | None
    # The dictionaries it is in, the innermost last.
    within: tuple[_Dictionary, ...]


@dataclass(frozen=True)
class _Stream:
    dictionary: bytes
    start: int
    end: int


class _Reading:
    """One PDF's bytes, its streams found and decoded once."""

    def __init__(self, data: bytes, label: str):
        self.data = data
        self.label = label
        self.streams = _streams(data)
        self.segments = _between(self.streams, len(data))
        if any(ENCRYPT.search(data, start, end) for start, end in self.segments):
            raise VerifyUnavailable(f"cannot check {label}: it is encrypted, so the text outside its pages "
                                    "(metadata, bookmarks, tags) cannot be read; save it without encryption")
        self.info_numbers = {int(match.group(1)) for start, end in self.segments
                             for match in INFO_REFERENCE.finditer(data, start, end)}
        self.decoded_total = 0
        # Each stream decoded, its dictionary, and how it is read (`_kind_of_stream`).
        self.decoded: list[tuple[bytes, bytes, str]] = []
        for stream in self.streams:
            decoded = self._decode(stream)
            if decoded is not None:
                self.decoded.append((decoded, stream.dictionary, _kind_of_stream(stream.dictionary, decoded)))

    def precise(self) -> Iterator[Extraction]:
        strings: dict[str, list[str]] = {}
        names: list[str] = []
        objects = [(match.end(), int(match.group(1))) for start, end in self.segments
                   for match in OBJECT_HEADER.finditer(self.data, start, end)]
        self._gather(self.data, self.segments, objects, strings, names)
        for decoded, dictionary, kind in self.decoded:
            if kind == "xmp":
                yield from _xmp_extractions(decoded)
            elif kind == "objects":
                start, objects = _object_stream_layout(decoded, dictionary)
                self._gather(decoded, [(start, len(decoded))], objects, strings, names)
            elif kind == "content":
                self._gather(decoded, [(0, len(decoded))], [], strings, names)
        for location, texts in strings.items():
            yield Extraction(PART, location, SEPARATOR.join(value_readings(SEPARATOR.join(texts))),
                             bare_numbers=location.split(" /")[0] in PROSE)
        if names:
            yield Extraction(PART, NAMES, SEPARATOR.join(value_readings(SEPARATOR.join(names))), bare_numbers=False)

    def catch_all(self) -> Iterator[Extraction]:
        """The decoded streams, a few together, then the file's bytes, as UTF-8 text."""
        batch: list[bytes] = []
        size = 0
        for decoded, _, _ in self.decoded:
            if size + len(decoded) > WINDOW and batch:
                yield _catch_all(DECODED_STREAMS, b"\0".join(batch))
                batch, size = [], 0
            if len(decoded) > WINDOW:
                yield from (_catch_all(DECODED_STREAMS, window) for window in windows(decoded))
            else:
                batch.append(decoded)
                size += len(decoded) + 1
        if batch:
            yield _catch_all(DECODED_STREAMS, b"\0".join(batch))
        yield from (_catch_all(RAW_BYTES, window) for window in windows(self.data))

    def _gather(self, data: bytes, segments: list[tuple[int, int]], objects: list[tuple[int, int]],
                strings: dict[str, list[str]], names: list[str]) -> None:
        kinds: dict[_Dictionary, str | None] = {}
        for string in _scan(data, segments, objects):
            location = _location(string, self._kind_of_dictionary(data, string, kinds))
            strings.setdefault(location, []).append(_text(string.raw))
        for start, end in segments:
            names += (_name_text(match.group()) for match in HEX_NAME.finditer(data, start, end))

    def _kind_of_dictionary(self, data: bytes, string: _String, kinds: dict[_Dictionary, str | None]) -> str | None:
        """What the innermost dictionary around `string` that says what it is says."""
        for dictionary in reversed(string.within):
            if dictionary not in kinds:
                end = min(dictionary.end or len(data), dictionary.start + MAX_DICTIONARY)
                kinds[dictionary] = _kind_of(data[dictionary.start : end], dictionary, self.info_numbers)
            if kinds[dictionary] is not None:
                return kinds[dictionary]
        return None

    def _decode(self, stream: _Stream) -> bytes | None:
        """The stream's data with its filters undone; None for an image, a cross-reference stream,
        a filter not undone here, or data that does not decode."""
        dictionary = stream.dictionary
        if IMAGE.search(dictionary) or CROSS_REFERENCE_STREAM.search(dictionary):
            return None
        data: bytes | None = self.data[stream.start : stream.end]
        for name in _filters(dictionary):
            if name in (b"FlateDecode", b"Fl"):
                data = self._inflate(data)
            elif name in (b"ASCIIHexDecode", b"AHx"):
                data = _unhex(data)
            elif name in (b"ASCII85Decode", b"A85"):
                data = _ascii85(data)
            else:
                return None
            if data is None:
                return None
        return data

    def _inflate(self, data: bytes) -> bytes | None:
        """`data` inflated, within what is left of the bounds. The checksum is not checked (as
        viewers do not), and a stream damaged part-way keeps what it decoded before the piece
        holding the damage."""
        limit = min(MAX_STREAM_SIZE, MAX_DECODED_TOTAL - self.decoded_total)
        has_header = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        output = bytearray()
        for offset in range(2 if has_header else 0, len(data), INFLATE_PIECE):
            try:
                output += inflater.decompress(data[offset : offset + INFLATE_PIECE], limit - len(output) + 1)
            except zlib.error:
                break
            if len(output) > limit:
                what = (f"a stream in it decodes to more than {MAX_STREAM_SIZE // MIB} MiB" if limit == MAX_STREAM_SIZE
                        else f"its streams decode to more than {MAX_DECODED_TOTAL // MIB} MiB together")
                raise ArchiveUnsafe(f"{self.label} is refused: {what}, so it cannot all be checked")
            if inflater.eof:
                break
        if not output:
            return None
        self.decoded_total += len(output)
        return bytes(output)


def _streams(data: bytes) -> list[_Stream]:
    """Every stream in the file, in order, each found after the end of the one before."""
    streams = []
    position = 0
    while (match := STREAM.search(data, position)) is not None:
        header = data.rfind(b"obj", position, match.start())
        dictionary = data[header + 3 if header >= 0 else max(position, match.start() - 4096) : match.start() + 2]
        start = match.end()
        end = _stream_end(data, start, dictionary)
        streams.append(_Stream(dictionary, start, end))
        position = max(end, start)
    return streams


def _stream_end(data: bytes, start: int, dictionary: bytes) -> int:
    """Where the stream's data ends: after /Length bytes when `endstream` follows there, else at
    the next `endstream` (or the end of the file)."""
    length = LENGTH.search(dictionary)
    if length is not None:
        end = start + int(length.group(1))
        if end <= len(data) and data[end : end + 32].lstrip(WHITESPACE).startswith(ENDSTREAM):
            return end
    end = data.find(ENDSTREAM, start)
    return len(data) if end < 0 else end


def _between(streams: list[_Stream], size: int) -> list[tuple[int, int]]:
    """The spans of the file outside the streams' data."""
    starts = [0, *(stream.end for stream in streams)]
    ends = [*(stream.start for stream in streams), size]
    return list(zip(starts, ends, strict=True))


def _filters(dictionary: bytes) -> list[bytes]:
    found = FILTER.search(dictionary)
    return [] if found is None else [name.group(1) for name in FILTER_NAME.finditer(found.group(1))]


def _unhex(data: bytes) -> bytes:
    digits = NOT_HEX.sub(b"", data.partition(b">")[0])
    return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))


def _ascii85(data: bytes) -> bytes | None:
    body = data.translate(None, WHITESPACE).removeprefix(b"<~").partition(b"~>")[0]
    try:
        return base64.a85decode(body)
    except (ValueError, binascii.Error):
        return None


def _kind_of_stream(dictionary: bytes, decoded: bytes) -> str:
    """How a decoded stream is read: "objects" (an object stream), "xmp", "content" (for its
    strings: page content, forms, character maps) or "binary" (fonts, attachments: only as text)."""
    if OBJECT_STREAM.search(dictionary):
        return "objects"
    if METADATA.search(dictionary) or decoded.lstrip(WHITESPACE)[:16].startswith(XMP_OPENINGS):
        return "xmp"
    if BINARY.search(dictionary):
        return "binary"
    return "content"


def _object_stream_layout(decoded: bytes, dictionary: bytes) -> tuple[int, list[tuple[int, int]]]:
    """Where an object stream's objects start, and each one's place and number."""
    first = FIRST.search(dictionary)
    start = int(first.group(1)) if first is not None else 0
    numbers = [int(number) for number in INTEGER.findall(decoded, 0, min(start, len(decoded)))]
    objects = sorted((start + offset, number) for number, offset in zip(numbers[::2], numbers[1::2], strict=False))
    return min(start, len(decoded)), objects


def _scan(data: bytes, segments: Iterable[tuple[int, int]], objects: list[tuple[int, int]]) -> list[_String]:
    """Every string in the `segments` of `data` but those shown by a page's content, with the key
    it is the value of and the dictionaries it is in. `objects` are (where, number) of the objects
    in `data`, in order: an object's own dictionary is named by its number."""
    starts = [where for where, _ in objects]
    # Open dictionaries, and for each open array the number of strings found before it opened.
    stack: list[_Dictionary | int] = []
    found: list[_String] = []
    for start, end in segments:
        position = start
        while (match := SPECIAL.search(data, position, end)) is not None:
            at = match.start()
            character = data[at]
            if character == 0x28:  # (
                raw, position = _literal(data, at, end)
                if SHOWS_STRING.match(data, position, end) is None:
                    found.append(_String(raw, _key_before(data, at, start), _dictionaries(stack)))
            elif character == 0x3C:  # <
                if data[at + 1 : at + 2] == b"<":
                    position = at + 2
                    if len(stack) < MAX_NESTING:
                        number = None
                        if not any(isinstance(item, _Dictionary) for item in stack):
                            number = _object_at(data, objects, starts, at)
                        stack.append(_Dictionary(at, _key_before(data, at, start), number))
                    continue
                raw, position = _hex(data, at, end)
                if raw is not None and SHOWS_STRING.match(data, position, end) is None:
                    found.append(_String(raw, _key_before(data, at, start), _dictionaries(stack)))
            elif character == 0x3E:  # >
                position = at + 1
                if data[at + 1 : at + 2] == b">":
                    position = at + 2
                    _close(stack, _Dictionary, position)
            elif character == 0x5B:  # [
                position = at + 1
                shown = _shown_array_end(data, at, end)
                if shown is not None:  # most of a page's content: not read a string at a time
                    position = shown
                elif len(stack) < MAX_NESTING:
                    stack.append(len(found))
            elif character == 0x5D:  # ]
                position = at + 1
                opened = _close(stack, int, position)
                if opened is not None and SHOWS_ARRAY.match(data, position, end) is not None:
                    del found[opened:]
            elif character == 0x25:  # % to the end of the line is a comment
                line_end = END_OF_LINE.search(data, at, end)
                position = end if line_end is None else line_end.end()
            else:  # a ")" that closes nothing
                position = at + 1
    for item in stack:  # a dictionary left open ends where the data does
        if isinstance(item, _Dictionary):
            item.end = len(data)
    return found


def _shown_array_end(data: bytes, start: int, end: int) -> int | None:
    """Where the TJ after the array opening at `start` ends, when the array's first "]" closes it
    and TJ shows it; None otherwise (the array is then read string by string)."""
    close = data.find(b"]", start + 1, end)
    if close < 0 or data.find(b"[", start + 1, close) >= 0:
        return None
    shows = SHOWS_ARRAY.match(data, close + 1, end)
    return None if shows is None else shows.end()


def _close(stack: list[_Dictionary | int], kind: type, end: int) -> _Dictionary | int | None:
    """Close the innermost open dictionary or array (`kind`), and what is open inside it; nothing
    when none is open."""
    for depth in range(len(stack) - 1, -1, -1):
        if isinstance(stack[depth], kind):
            closed = stack[depth]
            for item in stack[depth:]:
                if isinstance(item, _Dictionary):
                    item.end = end
            del stack[depth:]
            return closed
    return None


def _dictionaries(stack: list[_Dictionary | int]) -> tuple[_Dictionary, ...]:
    return tuple(item for item in stack if isinstance(item, _Dictionary))


def _object_at(data: bytes, objects: list[tuple[int, int]], starts: list[int], at: int) -> int | None:
    """The number of the object whose own dictionary starts at `at`: of the object begun last
    before it, unless that object has ended (the trailer comes after the last object)."""
    index = bisect_right(starts, at) - 1
    if index < 0 or data.find(b"endobj", starts[index], at) >= 0:
        return None
    return objects[index][1]


def _literal(data: bytes, start: int, end: int) -> tuple[bytes, int]:
    """The literal string whose "(" is at `start`, unescaped, and where it ends: at its balancing
    ")" (or at `end`, unclosed)."""
    output = bytearray()
    depth = 1
    position = start + 1
    while (match := IN_LITERAL.search(data, position, end)) is not None:
        at = match.start()
        output += data[position:at]
        character = data[at]
        if character == 0x5C:  # \
            position = _escape(data, at + 1, end, output)
            continue
        position = at + 1
        depth += 1 if character == 0x28 else -1
        if depth == 0:
            return bytes(output), position
        output.append(character)
    output += data[position:end]
    return bytes(output), end


def _escape(data: bytes, at: int, end: int, output: bytearray) -> int:
    """Undo the escape whose backslash is just before `at`; where the string goes on."""
    if at >= end:
        return end
    character = data[at]
    if character in ESCAPES:
        output += ESCAPES[character]
        return at + 1
    if 0x30 <= character <= 0x37:
        digits = OCTAL.match(data, at, min(end, at + 3))
        output.append(int(digits.group(), 8) & 0xFF)
        return digits.end()
    if character == 0x0D:  # a line continued: the end of line is no part of the string
        return at + 2 if data[at + 1 : at + 2] == b"\n" and at + 1 < end else at + 1
    if character != 0x0A:
        output.append(character)  # an unknown escape stands for the character itself
    return at + 1


def _hex(data: bytes, start: int, end: int) -> tuple[bytes | None, int]:
    """The hex string whose "<" is at `start` and where it ends; None when what follows is not
    hex digits (binary, or a PostScript function)."""
    close = data.find(b">", start + 1, end)
    position = end if close < 0 else close + 1
    digits = data[start + 1 : position - 1 if close >= 0 else end].translate(None, WHITESPACE)
    if NOT_HEX.search(digits):
        return None, start + 1
    return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii")), position


def _key_before(data: bytes, at: int, floor: int) -> bytes | None:
    """The name just before `at` (the key whose value starts there), if one is."""
    before = data[max(floor, at - 128) : at].rstrip(WHITESPACE)
    slash = before.rfind(b"/")
    if slash < 0:
        return None
    name = before[slash + 1 :]
    return _unescape_name(name) if NAME.fullmatch(name) else None


def _unescape_name(name: bytes) -> bytes:
    return HEX_ESCAPE.sub(lambda escape: bytes.fromhex(escape.group(1).decode("ascii")), name)


def _name_text(name: bytes) -> str:
    """A name with its #-escapes undone: UTF-8 as the standard advises, else Latin-1."""
    raw = _unescape_name(name[1:])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _text(raw: bytes) -> str:
    """A string's bytes as text: UTF-16 or UTF-8 after its byte order mark, PDFDocEncoding
    otherwise; UTF-16's language markers (ESC, a language code, ESC) taken out."""
    if raw.startswith(b"\xfe\xff"):
        return LANGUAGE_ESCAPE.sub("", raw[2:].decode("utf-16-be", errors="ignore"))
    if raw.startswith(b"\xff\xfe"):
        return LANGUAGE_ESCAPE.sub("", raw[2:].decode("utf-16-le", errors="ignore"))
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="ignore")
    return raw.decode("latin-1").translate(PDF_DOC_ENCODING)


def _kind_of(text: bytes, dictionary: _Dictionary, info_numbers: set[int]) -> str | None:
    """What a dictionary (`text` is all of it) is, as far as its keys tell."""
    if dictionary.number in info_numbers or dictionary.key == b"Info":
        return DOCUMENT_INFORMATION
    annotation = ANNOTATION_TYPE.search(text) or RECTANGLE.search(text)
    if STRUCTURE_ELEMENT.search(text) or (not annotation and STRUCTURE_TYPE.search(text) and PARENT.search(text)):
        return STRUCTURE
    if FIELD_TYPE.search(text) or (FIELD_NAME.search(text) and FIELD_PARENT.search(text)):
        return FORM_FIELD
    if annotation:
        return ANNOTATION
    if OUTLINES_TYPE.search(text) or (TITLE.search(text) and FIELD_PARENT.search(text)):
        return BOOKMARK
    return None


def _location(string: _String, kind: str | None) -> str:
    key = string.key
    if kind is None and key in STRUCTURE_KEYS:
        kind = STRUCTURE
    shown_key = f" /{key.decode('latin-1')}" if key is not None else ""
    if kind is not None:
        return f"{kind}{shown_key}"
    return f"{STRING}{shown_key}" if key is not None else STRINGS


def _xmp_extractions(data: bytes) -> Iterator[Extraction]:
    """The XMP metadata, each property's values by the property's name ("dc:title")."""
    try:
        root = parse_xml(data.lstrip(WHITESPACE))
    except etree.XMLSyntaxError:
        yield Extraction(PART, XMP_METADATA, data.decode("utf-8", errors="ignore"), bare_numbers=False)
        return
    by_name: dict[str, list[str]] = {}
    for element in root.iter(etree.Element):
        named = element
        while split_name(named.tag)[0] == RDF and named.getparent() is not None:
            named = named.getparent()  # rdf:Alt, rdf:li: the values of the property around them
        if element.text and element.text.strip():
            by_name.setdefault(_qualified(named, named.tag), []).append(element.text)
        for key, value in element.attrib.items():
            by_name.setdefault(_qualified(element, key), []).append(value)
    for comment in root.iter(etree.Comment):
        by_name.setdefault("comment", []).append(comment.text or "")
    for name, values in by_name.items():
        yield Extraction(PART, f"{XMP_METADATA} {name}", SEPARATOR.join(values), bare_numbers=False)


def _qualified(element: etree._Element, clark: str) -> str:
    namespace, localname = split_name(clark)
    if namespace == XML_NAMESPACE:
        return f"xml:{localname}"
    prefix = next((prefix for prefix, uri in element.nsmap.items() if uri == namespace), None) if namespace else None
    return f"{prefix}:{localname}" if prefix else localname


def _catch_all(location: str, data: bytes | memoryview) -> Extraction:
    return Extraction(PART, location, bytes(data).decode("utf-8", errors="ignore"), fallback=True,
                      marks_meaningful=False, bare_numbers=False)
