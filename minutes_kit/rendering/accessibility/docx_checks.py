"""The accessibility of a Word document, read from its parts.

Title: dc:title in the core properties (LibreOffice and Word carry it to the PDF). Language:
w:lang in the styles' document defaults or on the default paragraph style (Normal). Headings:
paragraphs whose style is a heading ("heading 1" to "heading 9" by name, or a style with an
outline level) or the Title, never more than one level deeper than the heading before.
Tables: the first row repeated as a header row (w:tblHeader), which is what makes its cells
header cells for a screen reader and /TH in a tagged PDF. Images: wp:docPr with a description
or a title, unless marked decorative.

The package is read through `Package`, so through the guarded archive reader and `parse_xml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from minutes_kit.errors import InputUnreadable
from minutes_kit.ooxml.constants import (
    CT_CORE_PROPERTIES,
    DC,
    MC,
    RT_CORE_PROPERTIES,
    RT_STYLES,
    WP,
    w,
)
from minutes_kit.ooxml.package import Package
from minutes_kit.ooxml.stories import main_document, stories
from minutes_kit.rendering.accessibility.findings import Finding, quoted

HEADING_NAME = re.compile(r"heading ([1-9])")
TITLE_LEVEL = 0
"""The Title style sits above Heading 1: a heading 2 straight after it skips a level."""
BODY_TEXT_OUTLINE_LEVEL = 9
MAX_STYLE_CHAIN = 32
FALSE_VALUES = ("0", "false", "off")
DOC_PR = f"{{{WP}}}docPr"
FALLBACK = f"{{{MC}}}Fallback"
DEFAULT_CORE_PROPERTIES = "docProps/core.xml"
VAL = w("val")


def check_docx(path: Path) -> list[Finding]:
    """Every accessibility finding in the Word document at `path`."""
    try:
        return _DocxCheck(Package(path), str(path)).findings()
    except etree.XMLSyntaxError as exc:
        # A relationships or content-types part, parsed by `Package` itself.
        raise InputUnreadable(f"{path} is damaged: one of its parts is not well-formed XML ({exc})") from exc


class _DocxCheck:
    def __init__(self, package: Package, label: str):
        self.package = package
        self.label = label
        main = main_document(package)
        if main is None or main not in package.names():
            raise InputUnreadable(f"{label} is not a Word document: it has no main document part")
        self.main = main
        self.body = self._xml(main)
        styles = self._related(main, RT_STYLES)
        self.styles = self._xml(styles) if styles else None

    def findings(self) -> list[Finding]:
        found = []
        if not self._title():
            found.append(Finding("no document title", "document properties"))
        if not self._language():
            found.append(Finding("no document language", "default paragraph style"))
        found += self._heading_findings()
        found += self._table_findings()
        found += self._image_findings()
        return found

    # Reading the package.

    def _xml(self, name: str) -> etree._Element:
        try:
            return self.package.xml(name)
        except etree.XMLSyntaxError as exc:
            raise InputUnreadable(f"{self.label} is damaged: its part {name} is not well-formed XML ({exc})") from exc

    def _related(self, source: str, relationship_type: str) -> str | None:
        return next((relationship.target for relationship in self.package.relationships(source)
                     if relationship.type == relationship_type and not relationship.is_external
                     and relationship.target in self.package.names()), None)

    # Title and language.

    def _title(self) -> str:
        core = self._related("", RT_CORE_PROPERTIES) or next(
            (name for name in self.package.names() if self.package.content_type(name) == CT_CORE_PROPERTIES),
            DEFAULT_CORE_PROPERTIES if DEFAULT_CORE_PROPERTIES in self.package.names() else None)
        if core is None:
            return ""
        title = self._xml(core).find(f"{{{DC}}}title")
        return "".join(title.itertext()).strip() if title is not None else ""

    def _language(self) -> str:
        if self.styles is None:
            return ""
        defaults = self.styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
        normal = next((style for style in self.styles.iter(w("style"))
                       if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true", "on")), None)
        on_normal = normal.find(f"{w('rPr')}/{w('lang')}") if normal is not None else None
        for lang in (defaults, on_normal):
            if lang is not None and (lang.get(VAL) or "").strip():
                return lang.get(VAL).strip()
        return ""

    # Headings.

    def _heading_findings(self) -> list[Finding]:
        found, previous, seen_heading = [], TITLE_LEVEL, False
        levels = _StyleLevels(self.styles)
        for number, paragraph in enumerate(self.body.iter(w("p")), start=1):
            level = levels.of(paragraph)
            if level is None:
                continue
            if level > previous + 1:
                after = (f"after {_heading_name(previous)}" if seen_heading
                         else f"is the first heading, with no {_heading_name(level - 1)} before it")
                found.append(Finding(f"heading level skipped: {_heading_name(level)} {after}",
                                     f"paragraph {number}, {quoted(_text(paragraph))}"))
            previous, seen_heading = level, True
        return found

    # Tables.

    def _table_findings(self) -> list[Finding]:
        found = []
        for number, table in enumerate(self.body.iter(w("tbl")), start=1):
            first = next((row for row in table.iter(w("tr")) if _table_of(row) is table), None)
            if first is None or _repeats_as_header(first):
                continue
            where = f"table {number}"
            start = " ".join(" ".join(_text(cell).split()) for cell in first.iter(w("tc")) if _text(cell).strip())
            found.append(Finding("table has no header row", f"{where}, starting {quoted(start)}" if start else where))
        return found

    # Images.

    def _image_findings(self) -> list[Finding]:
        found = []
        numbers: dict[str, int] = {}
        for story in stories(self.package):
            if story.kind not in ("body", "header", "footer"):
                continue
            root = self.body if story.part == self.main else self._xml(story.part)
            for properties in _drawings(root):
                numbers[story.kind] = number = numbers.get(story.kind, 0) + 1
                if _decorative(properties) or any((properties.get(key) or "").strip() for key in ("descr", "title")):
                    continue
                where = f"image {number}" + ("" if story.kind == "body" else f" in a {story.kind}")
                name = (properties.get("name") or "").strip()
                found.append(Finding("image has no alt text", f"{where}, {quoted(name)}" if name else where))
        return found


class _StyleLevels:
    """The heading level of a paragraph, from its style: "heading N" by name, Title (level 0), or
    an outline level on the style or a style it is based on; else from the paragraph's own outline level."""

    def __init__(self, styles: etree._Element | None):
        self.styles = {style.get(w("styleId")): style for style in styles.iter(w("style"))
                       if style.get(w("type"), "paragraph") == "paragraph"} if styles is not None else {}
        self.default = next((style_id for style_id, style in self.styles.items()
                             if style.get(w("default")) in ("1", "true", "on")), None)
        self.cache: dict[str | None, int | None] = {}

    def of(self, paragraph: etree._Element) -> int | None:
        properties = paragraph.find(w("pPr"))
        style = properties.find(w("pStyle")) if properties is not None else None
        style_id = style.get(VAL) if style is not None else self.default
        level = self.style_level(style_id)
        if level is None and properties is not None:
            level = _outline_level(properties)
        return level

    def style_level(self, style_id: str | None) -> int | None:
        if style_id not in self.cache:
            self.cache[style_id] = self._style_level(style_id)
        return self.cache[style_id]

    def _style_level(self, style_id: str | None) -> int | None:
        style = self.styles.get(style_id)
        if style is None:
            # A style the package does not define: Word's built-in ids still say what it is.
            match = re.fullmatch(r"Heading([1-9])", style_id or "")
            return int(match.group(1)) if match else TITLE_LEVEL if style_id == "Title" else None
        name_element = style.find(w("name"))
        name = (name_element.get(VAL) or "").strip().lower() if name_element is not None else ""
        if match := HEADING_NAME.fullmatch(name):
            return int(match.group(1))
        if name == "title":
            return TITLE_LEVEL
        seen: set[str] = set()
        while style is not None and len(seen) < MAX_STYLE_CHAIN:
            properties = style.find(w("pPr"))
            level = _outline_level(properties) if properties is not None else None
            if properties is not None and properties.find(w("outlineLvl")) is not None:
                return level
            based_on = style.find(w("basedOn"))
            parent = based_on.get(VAL) if based_on is not None else None
            if parent is None or parent in seen:
                break
            seen.add(parent)
            style = self.styles.get(parent)
        return None


def _outline_level(properties: etree._Element) -> int | None:
    """The heading level an outline level gives (w:outlineLvl 0 is Heading 1), or None for body text."""
    outline = properties.find(w("outlineLvl"))
    if outline is None:
        return None
    try:
        value = int(outline.get(VAL, ""))
    except ValueError:
        return None
    return value + 1 if 0 <= value < BODY_TEXT_OUTLINE_LEVEL else None


def _heading_name(level: int) -> str:
    return "the Title" if level == TITLE_LEVEL else f"Heading {level}"


def _text(element: etree._Element) -> str:
    return "".join(text.text or "" for text in element.iter(w("t")))


def _table_of(row: etree._Element) -> etree._Element | None:
    return next(row.iterancestors(w("tbl")), None)


def _repeats_as_header(row: etree._Element) -> bool:
    header = row.find(f"{w('trPr')}/{w('tblHeader')}")
    return header is not None and (header.get(VAL) or "true").strip().lower() not in FALSE_VALUES


def _drawings(root: etree._Element) -> Iterator[etree._Element]:
    """The drawings' properties (wp:docPr), each once: not the fallback copy of an alternative."""
    for properties in root.iter(DOC_PR):
        if next(properties.iterancestors(FALLBACK), None) is None:
            yield properties


def _decorative(properties: etree._Element) -> bool:
    """Marked decorative in Word (the adec:decorative extension), so it needs no alt text."""
    return any(etree.QName(element).localname == "decorative"
               and (element.get("val") or "").strip().lower() in ("1", "true", "on")
               for element in properties.iter() if isinstance(element.tag, str))
