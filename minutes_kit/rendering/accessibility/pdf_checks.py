"""The accessibility of a PDF, read from its catalog, metadata and structure tree.

Tagged: /MarkInfo /Marked true and a /StructTreeRoot (PDF/UA-1 7.1). Language: the catalog's
/Lang. Title: /Title in the document information dictionary or dc:title in the XMP metadata.
Headings H1-H6 in the structure tree's order, never more than one level deeper than the one
before. Each /Table with at least one /TH header cell. Each /Figure with /Alt (or /ActualText).
Structure types are read through the tree's /RoleMap, as LibreOffice maps its paragraph styles
(/Title to /P, "/Table Text" to /P) and Word its own names.
"""

from __future__ import annotations

import binascii
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from minutes_kit.archive import parse_xml
from minutes_kit.errors import InputUnreadable
from minutes_kit.rendering.accessibility.findings import Finding
from minutes_kit.rendering.accessibility.pdf_reader import (
    Name,
    PdfReader,
    PdfValue,
    Ref,
    Stream,
    text_string,
)

MAX_ELEMENTS = 1_000_000
MAX_PAGES = 100_000
MAX_ROLE_CHAIN = 16
HEADINGS = {f"H{level}": level for level in range(1, 7)}
STANDARD_TYPES = frozenset({
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", *HEADINGS, "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD",
    "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot",
    "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form",
})
XMP_TITLE = ".//{http://purl.org/dc/elements/1.1/}title"


@dataclass
class Element:
    """A structure element: its standard type (after the role map), its page, and whether it
    carries a text alternative (/Alt or /ActualText)."""

    kind: str
    page: int | None
    alternative: bool = False
    children: list[Element] = field(default_factory=list)


def check_pdf(path: Path) -> list[Finding]:
    """Every accessibility finding in the PDF at `path`."""
    try:
        return _PdfCheck(PdfReader.open(path)).findings()
    except (ValueError, TypeError, IndexError, KeyError, OverflowError, zlib.error, binascii.Error) as exc:
        raise InputUnreadable(f"{path} cannot be read as a PDF: it is damaged ({type(exc).__name__}: {exc})") from exc


class _PdfCheck:
    def __init__(self, reader: PdfReader):
        self.reader = reader
        self.catalog = reader.catalog

    def findings(self) -> list[Finding]:
        found = []
        structure = self.reader.dictionary(self.catalog.get("StructTreeRoot"))
        mark_info = self.reader.dictionary(self.catalog.get("MarkInfo"))
        missing = []
        if self.reader.get(mark_info.get("Marked")) is not True:
            missing.append("no /MarkInfo /Marked true")
        if not structure:
            missing.append("no structure tree")
        if missing:
            found.append(Finding(f"PDF is not tagged: {', '.join(missing)}", "document"))
        if not (text_string(self.reader.get(self.catalog.get("Lang"))) or "").strip():
            found.append(Finding("no document language: no /Lang", "document"))
        if not self._title():
            found.append(Finding("no document title: no /Title in the document information or XMP metadata",
                                 "document"))
        if structure:
            elements = list(_pre_order(self._tree(structure)))
            found += _heading_findings(elements)
            found += _table_findings(elements)
            found += _figure_findings(elements)
        return found

    def _title(self) -> str:
        title = (text_string(self.reader.get(self.reader.info.get("Title"))) or "").strip()
        if title:
            return title
        metadata = self.reader.get(self.catalog.get("Metadata"))
        if not isinstance(metadata, Stream):
            return ""
        try:
            root = parse_xml(self.reader.stream_data(metadata).strip(b"\x00\t\n\r "))
        except (etree.XMLSyntaxError, InputUnreadable):
            return ""
        return " ".join(" ".join("".join(element.itertext()).split()) for element in root.iterfind(XMP_TITLE)).strip()

    def _pages(self) -> dict[Ref, int]:
        """Each page object's number, 1 upwards, in the page tree's order."""
        pages: dict[Ref, int] = {}
        stack: list[PdfValue] = [self.catalog.get("Pages")]
        seen: set[Ref] = set()
        while stack and len(pages) < MAX_PAGES:
            node = stack.pop()
            if isinstance(node, Ref):
                if node in seen:
                    continue
                seen.add(node)
            dictionary = self.reader.dictionary(node)
            kids = self.reader.get(dictionary.get("Kids"))
            if isinstance(kids, list) and dictionary.get("Type") != "Page":
                stack.extend(reversed(kids))
            elif isinstance(node, Ref):
                pages[node] = len(pages) + 1
        return pages

    def _tree(self, structure: dict) -> Element:
        """The structure tree, as `Element`s with their standard types and pages."""
        role_map = self.reader.dictionary(structure.get("RoleMap"))
        pages = self._pages()
        root = Element("StructTreeRoot", None)
        stack: list[tuple[PdfValue, Element]] = [(structure.get("K"), root)]
        seen: set[Ref] = set()
        count = 0
        while stack:
            value, parent = stack.pop()
            if isinstance(value, Ref):
                if value in seen:
                    continue  # an element reached twice, or a cycle
                seen.add(value)
            value = self.reader.get(value)
            if isinstance(value, list):
                stack.extend((item, parent) for item in reversed(value))
                continue
            if not isinstance(value, dict):
                continue  # a marked-content identifier: page content, not structure
            page = pages.get(value.get("Pg")) if isinstance(value.get("Pg"), Ref) else None
            if "S" not in value or value.get("Type") in ("MCR", "OBJR"):
                # Marked content or an object in a page: it tells its parent's page, if that was unknown.
                if parent.page is None:
                    parent.page = page
                continue
            count += 1
            if count > MAX_ELEMENTS:
                raise InputUnreadable(f"{self.reader.label} is refused: its structure tree has more than "
                                      f"{MAX_ELEMENTS:,} elements")
            alternatives = (text_string(self.reader.get(value.get(key))) for key in ("Alt", "ActualText"))
            element = Element(self._standard_type(self.reader.get(value.get("S")), role_map),
                              page if page is not None else parent.page,
                              any((text or "").strip() for text in alternatives))
            parent.children.append(element)
            stack.append((value.get("K"), element))
        return root

    def _standard_type(self, kind: PdfValue, role_map: dict) -> str:
        for _ in range(MAX_ROLE_CHAIN):
            if not isinstance(kind, Name) or kind in STANDARD_TYPES:
                break
            mapped = self.reader.get(role_map.get(kind))
            if not isinstance(mapped, Name):
                break
            kind = mapped
        return str(kind) if isinstance(kind, Name) else ""


def _pre_order(root: Element) -> Iterator[Element]:
    """Every element below `root`, in document order, without recursion (a tree can be deep)."""
    stack = list(reversed(root.children))
    while stack:
        element = stack.pop()
        yield element
        stack.extend(reversed(element.children))


def _at(label: str, number: int, element: Element) -> str:
    return f"{label} {number}" + (f", page {element.page}" if element.page is not None else "")


def _heading_findings(elements: list[Element]) -> list[Finding]:
    found, previous, number = [], 0, 0
    for element in elements:
        level = HEADINGS.get(element.kind)
        if level is None:
            continue
        number += 1
        if level > previous + 1:
            after = f"after H{previous}" if previous else "is the first heading"
            found.append(Finding(f"heading level skipped: H{level} {after}", _at("heading", number, element)))
        previous = level
    return found


def _table_findings(elements: list[Element]) -> list[Finding]:
    found = []
    tables = [element for element in elements if element.kind == "Table"]
    for number, table in enumerate(tables, start=1):
        if not any(cell.kind == "TH" for cell in _own_cells(table)):
            found.append(Finding("table has no header cells /TH", _at("table", number, table)))
    return found


def _own_cells(table: Element) -> Iterator[Element]:
    """The elements of `table`, not those of a table inside it."""
    stack = list(table.children)
    while stack:
        element = stack.pop()
        yield element
        if element.kind != "Table":
            stack.extend(element.children)


def _figure_findings(elements: list[Element]) -> list[Finding]:
    found = []
    figures = [element for element in elements if element.kind == "Figure"]
    for number, figure in enumerate(figures, start=1):
        if not figure.alternative:
            found.append(Finding("figure has no alt text /Alt", _at("figure", number, figure)))
    return found
