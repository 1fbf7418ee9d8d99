"""Every text a saved file holds, read without knowing what a Word document is meant to contain.

The sweep edits the parts a Word document is supposed to have; this reads every zip entry as
whatever it turns out to be. Each entry yields its raw bytes decoded every way text hides in
binary (UTF-8, and UTF-16 in both byte orders at both alignments). An entry that parses as XML
also yields its paragraphs (runs joined, so a name split by formatting is whole again), the text
of elements outside paragraphs, comments, processing instructions, every attribute value
(decoded as a URL and as a slug too), and the whole part's text. A PNG yields its text chunks;
a zip inside the file is opened and read the same way.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache, partial
from urllib.parse import unquote, unquote_plus

from lxml import etree

from minutes_kit.archive import DEFAULT_LIMITS, ArchiveLimits, ArchiveSource, parse_xml, read_archive
from minutes_kit.errors import ArchiveUnsafe

MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"

XML_SUFFIXES = (".xml", ".rels")
# How far into an entry to look for the "<" that starts XML, past any leading whitespace.
XML_SNIFF = 1024
BYTE_ORDER_MARKS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
ZIP_SIGNATURE = b"PK\x03\x04"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_NESTING = 3
# Decompressed PNG text past this is refused rather than searched in part.
PNG_TEXT_LIMIT = 16 * 1024 * 1024

# Elements that stand for a character in Word's paragraphs (wherever their namespace).
CHARACTER_ELEMENTS = {"br": "\n", "cr": "\n", "tab": "\t", "noBreakHyphen": "-"}
PARAGRAPH = "p"
PARAGRAPH_REFERENCE = re.compile(r"\s*(\d+(?:\.\d+)+)\.")
# Values are kept apart by a character that is neither a letter nor whitespace, so two values
# never join into one name and a name at the end of one still ends at a word boundary.
SEPARATOR = "\0"
SLUG_SEPARATORS = str.maketrans("_+-", "   ")

WHOLE_PART = "text of the part"
RELATIONSHIP_TARGET = "relationship target"
XML_COMMENT = "XML comment"
PROCESSING_INSTRUCTION = "processing instruction"
PNG_TEXT = "PNG text chunk"
# Raw decodings of binary are searched in windows, so that no decoding of a large image is held
# whole; windows overlap by far more than any name, and start at even offsets so UTF-16 stays aligned.
WINDOW = 16 * 1024 * 1024
WINDOW_OVERLAP = 64 * 1024
RAW_DECODINGS = (("content", "utf-8", 0),
                 ("bytes (UTF-16-LE)", "utf-16-le", 0), ("bytes (UTF-16-LE)", "utf-16-le", 1),
                 ("bytes (UTF-16-BE)", "utf-16-be", 0), ("bytes (UTF-16-BE)", "utf-16-be", 1))


@dataclass(frozen=True)
class Extraction:
    """One text found in the file, and where a reader would look for it."""

    part: str
    location: str
    text: str
    # A catch-all (the whole part, the raw bytes): reported only when nothing more precise in the
    # same part found the same text, so that one name in a paragraph is not reported five times.
    fallback: bool = False
    # Binary decoded as text yields any character by chance, the release's marks included.
    marks_meaningful: bool = True
    # Whether a withheld number written bare ("900" of "£900") counts here. In attribute values,
    # properties and raw bytes numbers are widths, counts and offsets (w:w="900"), so there only
    # the forms that say what the number is ("£900") are sought; in prose every form is.
    bare_numbers: bool = True
    # Set when `text` is many precise readings searched together only to learn whether any holds
    # something: if it does, these readings are searched in its place, and say where.
    narrower: Callable[[], Iterable[Extraction]] | None = None


@dataclass
class Paragraph:
    """A paragraph's own text (a nested text box's paragraphs are their own), numbered from 1 in
    document order within its part."""

    number: int
    in_fallback: bool
    pieces: list[str] = field(default_factory=list)

    @cached_property
    def text(self) -> str:
        """Its pieces joined; asked for only once the part has been read."""
        return "".join(self.pieces)

    @property
    def location(self) -> str:
        reference = PARAGRAPH_REFERENCE.match(self.text)
        return reference.group(1) if reference else f"paragraph {self.number}"


@dataclass(frozen=True)
class Paragraphs:
    """The paragraphs of a part: searched as one text, each hit named by the paragraph it is in."""

    part: str
    paragraphs: list[Paragraph]


@dataclass
class PartText:
    """An XML part's text, gathered in one walk through its nodes."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    elements: dict[str, list[str]] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)
    instructions: list[str] = field(default_factory=list)
    # Every attribute value of the part, in document order.
    attributes: list[str] = field(default_factory=list)
    # Every text node, tails included, in document order.
    stream: list[str] = field(default_factory=list)
    # Each paragraph as one line, every other text node as a line of its own.
    lines: list[str | Paragraph] = field(default_factory=list)
    # The prefix each namespace is written with, learnt as met: asking lxml for an element's
    # namespace map at every element costs more than the rest of the walk.
    prefixes: dict[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True)
class XmlPart:
    """An entry parsed as XML, and its text."""

    root: etree._Element
    text: PartText


class Package:
    """A zip file's entries. Each is parsed as XML when its text is asked for; the readings of
    the entries whose names match `keep` are kept for a second reader, the rest are not held."""

    def __init__(self, entries: dict[str, bytes], keep: re.Pattern[str] | None = None):
        self.entries = entries
        self._keep = keep
        self._kept: dict[str, XmlPart | None] = {}

    def xml(self, name: str) -> XmlPart | None:
        """The entry `name` parsed and read as XML; None when it neither claims nor looks to be
        XML, or does not parse."""
        if name in self._kept:
            return self._kept[name]
        root = _xml_root(name, self.entries[name])
        reading = None if root is None else XmlPart(root, read_part(root))
        if self._keep is not None and self._keep.search(name):
            self._kept[name] = reading
        return reading


class _Budget:
    """What is left of the archive limits once the outer file is read, so that zips nested inside
    it cannot each spend the limits afresh."""

    def __init__(self, limits: ArchiveLimits):
        self.limits = limits

    def spend(self, entries: Mapping[str, bytes]) -> None:
        self.limits = replace(self.limits,
                              max_entries=max(0, self.limits.max_entries - len(entries)),
                              max_total_size=max(0, self.limits.max_total_size - sum(map(len, entries.values()))))


def read_file(path: ArchiveSource, label: str, *,
              keep: re.Pattern[str] | None = None) -> tuple[Package, Iterator[Extraction | Paragraphs]]:
    """The file's entries (with the XML readings of those whose names match `keep`, once the
    texts are read), and every text in them (nested zips included)."""
    budget = _Budget(DEFAULT_LIMITS)
    package = Package(read_archive(path, limits=budget.limits, name=label), keep)
    budget.spend(package.entries)
    return package, _archive_extractions(package, prefix="", label=label, depth=0, budget=budget)


def _archive_extractions(package: Package, *, prefix: str, label: str, depth: int,
                         budget: _Budget) -> Iterator[Extraction | Paragraphs]:
    for name, data in package.entries.items():
        part = f"{prefix}{name}"
        yield from entry_extractions(part, data, package.xml(name))
        if data.startswith(ZIP_SIGNATURE):
            yield from _nested(part, data, label, depth + 1, budget)


def _nested(part: str, data: bytes, label: str, depth: int,
            budget: _Budget) -> Iterator[Extraction | Paragraphs]:
    if depth > MAX_NESTING:
        raise ArchiveUnsafe(f"{label} is refused: {part} nests zip archives more than {MAX_NESTING} deep, "
                            "so it cannot all be checked")
    entries = read_archive(data, limits=budget.limits, name=f"{label}!{part}")
    budget.spend(entries)
    yield from _archive_extractions(Package(entries), prefix=f"{part}!", label=label, depth=depth, budget=budget)


def entry_extractions(part: str, data: bytes, xml: XmlPart | None) -> Iterator[Extraction | Paragraphs]:
    """Every text in one entry (`xml` its reading as XML, if it is XML): its XML reading or PNG
    text chunks first, then its raw bytes."""
    if xml is not None:
        yield from _xml_extractions(part, xml)
    elif data.startswith(PNG_SIGNATURE):
        yield from (Extraction(part, PNG_TEXT, text) for text in _png_texts(part, data))
    for location, encoding, offset in RAW_DECODINGS:
        for window in windows(data):
            yield Extraction(part, location, bytes(window[offset:]).decode(encoding, errors="ignore"),
                             fallback=True, marks_meaningful=xml is not None and encoding == "utf-8",
                             bare_numbers=False)


def windows(data: bytes) -> Iterator[memoryview]:
    """`data` in overlapping windows of at most `WINDOW` bytes, each starting at an even offset."""
    view = memoryview(data)
    start = 0
    while True:
        yield view[start : start + WINDOW]
        if start + WINDOW >= len(data):
            return
        start += WINDOW - WINDOW_OVERLAP


READ_AS_TEXT_NAMESPACES = frozenset({
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "http://schemas.openxmlformats.org/drawingml/2006/chart",
})


def _xml_root(part: str, data: bytes) -> etree._Element | None:
    """The entry parsed as XML when it claims or looks to be XML and parses; else None."""
    opening = data[:XML_SNIFF]
    looks_like_xml = (part.lower().endswith(XML_SUFFIXES) or opening.lstrip()[:1] == b"<"
                      or opening.startswith(BYTE_ORDER_MARKS))
    if not looks_like_xml:
        return None
    try:
        return parse_xml(data)
    except etree.XMLSyntaxError:
        return None  # its raw bytes are still searched


def _xml_extractions(part: str, xml: XmlPart) -> Iterator[Extraction | Paragraphs]:
    text = xml.text
    yield Paragraphs(part, text.paragraphs)
    # A document's title (a PDF viewer shows it) and a chart's cached values are read as text: bare
    # numbers count there, unlike in other elements, where they are sizes and counts.
    read_as_text = etree.QName(xml.root).namespace in READ_AS_TEXT_NAMESPACES
    for name, values in text.elements.items():
        yield Extraction(part, f"element {name}", SEPARATOR.join(values), bare_numbers=read_as_text)
    yield Extraction(part, XML_COMMENT, SEPARATOR.join(text.comments))
    yield Extraction(part, PROCESSING_INSTRUCTION, SEPARATOR.join(text.instructions))
    # Every value read at once: which attribute holds what is worked out only in a part where
    # something is found.
    yield Extraction(part, "attributes", SEPARATOR.join(value_readings(SEPARATOR.join(text.attributes))),
                     bare_numbers=False, narrower=partial(_attribute_extractions, part, xml.root))
    # Two readings of the whole part: every text node run together (a name split between elements
    # is whole again), and a line for each paragraph and each other node. Both are one search,
    # joined by the separator, which no needle holds and no word crosses.
    stream = "".join(text.stream)
    lines = "\n".join(line if isinstance(line, str) else line.text for line in text.lines)
    yield Extraction(part, WHOLE_PART, f"{stream}{SEPARATOR}{lines}", fallback=True, bare_numbers=False)


def _attribute_extractions(part: str, root: etree._Element) -> Iterator[Extraction]:
    """The values of each attribute, by the name the attribute is written with."""
    by_location: dict[str, list[str]] = {}
    prefixes: dict[str, str | None] = {}
    for element in root.iter(etree.Element):
        for key, value in element.attrib.items():
            by_location.setdefault(_attribute_location(prefixes, element, key), []).append(value)
    for location, values in by_location.items():
        yield Extraction(part, location, SEPARATOR.join(value_readings(SEPARATOR.join(values))),
                         bare_numbers=False)


def value_readings(values: str) -> list[str]:
    """Values (one, or several joined by the separator) as written, as a URL or form field would
    decode them, and as a slug ("helen_brackley", "helen-brackley") would read aloud. Each
    decoding of values joined is the join of each value's decoding: the separator is no part of
    an escape."""
    decoded = unquote_plus(values)
    return list(dict.fromkeys((values, unquote(values), decoded, values.translate(SLUG_SEPARATORS),
                               decoded.translate(SLUG_SEPARATORS))))


def read_part(root: etree._Element) -> PartText:
    """The text of the XML tree `root` (and the comments and processing instructions beside it),
    in one walk that needs no recursion however deep the tree."""
    text = PartText()
    for node in reversed(list(root.itersiblings(preceding=True))):
        _add_loose_node(text, node)
    _walk(text, root)
    for node in root.itersiblings():
        _add_loose_node(text, node)
    text.attributes = root.xpath("//@*", smart_strings=False)
    return text


def _walk(text: PartText, root: etree._Element) -> None:
    """Record the text of `root` and everything in it, in document order: each element's own text
    as it opens, its tail as it closes."""
    paragraph: Paragraph | None = None
    in_fallback = False
    # The elements that opened a paragraph or a fallback, with the state from before they did.
    opened: list[tuple[etree._Element, Paragraph | None, bool]] = []
    for event, node in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event == "start":
            if node.tag is not etree.Entity:  # an entity left unexpanded has only a tail
                paragraph, in_fallback = _open_element(text, node, paragraph, in_fallback, opened)
            continue
        if event == "end":
            if opened and opened[-1][0] is node:
                _, paragraph, in_fallback = opened.pop()
        else:
            _add_loose_node(text, node)
        tail = node.tail
        if tail:
            text.stream.append(tail)
            if paragraph is None or tail.strip():
                text.lines.append(tail)


def _open_element(text: PartText, element: etree._Element, paragraph: Paragraph | None, in_fallback: bool,
                  opened: list[tuple[etree._Element, Paragraph | None, bool]]) -> tuple[Paragraph | None, bool]:
    """Record `element`'s own text; the paragraph and fallback state its children inherit."""
    namespace, localname = split_name(element.tag)
    if localname == PARAGRAPH or (localname == "Fallback" and namespace == MARKUP_COMPATIBILITY):
        opened.append((element, paragraph, in_fallback))
        if localname == PARAGRAPH:
            paragraph = Paragraph(len(text.paragraphs) + 1, in_fallback)
            text.paragraphs.append(paragraph)
            text.lines.append(paragraph)
        else:
            in_fallback = True
    own = element.text
    if not own:
        if paragraph is not None and localname in CHARACTER_ELEMENTS:
            paragraph.pieces.append(CHARACTER_ELEMENTS[localname])
        return paragraph, in_fallback
    text.stream.append(own)
    if paragraph is not None:
        # Whitespace between child elements is indentation, not text, except where it is all there is.
        shown = CHARACTER_ELEMENTS.get(localname, own if len(element) == 0 or own.strip() else "")
        paragraph.pieces.append(shown)
    elif own.strip():
        text.elements.setdefault(_qualified(text.prefixes, element, element.tag), []).append(own)
        text.lines.append(own)
    return paragraph, in_fallback


def _add_loose_node(text: PartText, node: etree._Element) -> None:
    """A comment or processing instruction, kept apart as well as in the part's text."""
    if isinstance(node, etree._Comment):
        kept, value = text.comments, node.text or ""
    elif isinstance(node, etree._ProcessingInstruction):
        kept, value = text.instructions, f"{node.target} {node.text or ''}"
    else:
        return
    kept.append(value)
    text.stream.append(value)
    text.lines.append(value)


@lru_cache(maxsize=4096)
def split_name(clark: str) -> tuple[str | None, str]:
    """The namespace and local name of "{uri}name" (or of "name"): what `etree.QName` gives, at a
    dictionary lookup's cost for the few names a part repeats thousands of times."""
    if not clark.startswith("{"):
        return None, clark
    namespace, _, localname = clark[1:].partition("}")
    return namespace, localname


def _attribute_location(prefixes: dict[str, str | None], element: etree._Element, key: str) -> str:
    if key == "Target" and split_name(element.tag)[1] == "Relationship":
        return RELATIONSHIP_TARGET
    return f"attribute {_qualified(prefixes, element, key)}"


def _qualified(prefixes: dict[str, str | None], element: etree._Element, clark: str) -> str:
    """`clark` ("{uri}name") as the document writes it ("w:name"), `prefixes` the prefixes learnt so far."""
    namespace, localname = split_name(clark)
    if namespace is None:
        return localname
    if namespace == XML_NAMESPACE:
        return f"xml:{localname}"
    if namespace not in prefixes:
        for prefix, uri in element.nsmap.items():
            prefixes.setdefault(uri, prefix)
    prefix = prefixes.get(namespace)
    return f"{prefix}:{localname}" if prefix else localname


def _png_texts(part: str, data: bytes) -> Iterator[str]:
    """The text of every tEXt, zTXt and iTXt chunk, walking chunks by their declared lengths."""
    inflater = _Inflater(part)
    position = len(PNG_SIGNATURE)
    while position + 8 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, position)
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"tEXt":
            yield body.decode("latin-1").replace("\0", "\n")
        elif kind == b"zTXt":
            keyword, _, rest = body.partition(b"\0")
            yield f"{keyword.decode('latin-1')}\n{inflater.inflate(rest[1:]).decode('latin-1')}"
        elif kind == b"iTXt":
            yield _international_text(body, inflater)
        elif kind == b"IEND":
            return


def _international_text(body: bytes, inflater: _Inflater) -> str:
    keyword, _, rest = body.partition(b"\0")
    compressed, rest = rest[:1] not in (b"", b"\0"), rest[2:]
    language, _, rest = rest.partition(b"\0")
    translated, _, value = rest.partition(b"\0")
    if compressed:
        value = inflater.inflate(value)
    return "\n".join((keyword.decode("latin-1"), language.decode("latin-1"),
                      translated.decode("utf-8", errors="ignore"), value.decode("utf-8", errors="ignore")))


class _Inflater:
    """Decompresses a PNG's text chunks within one budget for the whole image, so a small chunk
    cannot expand without end."""

    def __init__(self, part: str):
        self.part = part
        self.remaining = PNG_TEXT_LIMIT

    def inflate(self, data: bytes) -> bytes:
        try:
            text = zlib.decompressobj().decompress(data, self.remaining + 1)
        except zlib.error:
            return b""  # no viewer can show a damaged chunk; its raw bytes are still searched
        if len(text) > self.remaining:
            raise ArchiveUnsafe(f"{self.part} is refused: its PNG text expands past {PNG_TEXT_LIMIT:,} bytes")
        self.remaining -= len(text)
        return text
