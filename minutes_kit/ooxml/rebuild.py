"""The released package rebuilt from an allow-list: what is not known to be safe is not copied.

Removing what we know to be dangerous (a deny-list) fails open: the next hiding place Word
invents, or one a careful author chose, goes out with the release. So the release writes a new
package instead, holding only the parts a reader needs to see the minutes, each reached from the
main document through a relationship that kind of part is expected to have and declared with a
content type on the list below. Everything else (thumbnails, printer settings, custom XML and
properties, altChunks, ActiveX, embedded objects, the glossary, comments, people, VBA, diagrams)
is left behind and reported, so the audit log can say what the release did not carry. A chart is
kept as its cached values (which the sweep then cleans, as a reader sees them); its embedded
workbook, styles and colours are left behind.

Every part kept is rewritten rather than copied: XML without comments, processing instructions,
revision ids (rsids) and references to anything left behind; images without their metadata;
fresh part names and relationship ids, so nothing an author chose for them reaches the release;
empty document properties.
"""

from __future__ import annotations

import functools
import posixpath
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from minutes_kit.archive import parse_xml
from minutes_kit.errors import InputUnreadable
from minutes_kit.ooxml.constants import (
    CONTENT_TYPES, CONTENT_TYPES_PART, CP, CT_CHART, CT_CORE_PROPERTIES, CT_ENDNOTES, CT_EXTENDED_PROPERTIES,
    CT_FONT_TABLE, CT_FOOTER, CT_FOOTNOTES, CT_HEADER, CT_JPEG, CT_MAIN_DOCUMENT, CT_MAIN_DOCUMENT_MACRO_ENABLED,
    CT_NUMBERING, CT_PNG, CT_RELATIONSHIPS, CT_SETTINGS, CT_STYLES, CT_THEME, CT_WEB_SETTINGS, CT_XML, DC, DCMITYPE,
    DCTERMS, EXTENDED, MC, O, PACKAGE_RELS, PACKAGE_SOURCE, R, RT_A_F_CHUNK, RT_ACTIVEX_CONTROL_BINARY,
    RT_ATTACHED_TEMPLATE, RT_CHART,
    RT_COMMENTS_EXTENDED, RT_COMMENTS_EXTENSIBLE, RT_COMMENTS_IDS, RT_CONTROL, RT_CORE_PROPERTIES, RT_CUSTOM_PROPERTIES,
    RT_CUSTOM_XML, RT_CUSTOM_XML_PROPS, RT_DIAGRAM_DATA, RT_ENDNOTES, RT_EXTENDED_PROPERTIES, RT_FONT, RT_FONT_TABLE,
    RT_FOOTER, RT_FOOTNOTES, RT_GLOSSARY_DOCUMENT, RT_HEADER, RT_HYPERLINK, RT_IMAGE, RT_NUMBERING,
    RT_OFFICE_DOCUMENT, RT_OLE_OBJECT, RT_PACKAGE, RT_PRINTER_SETTINGS, RT_SETTINGS, RT_STYLES,
    RT_STYLES_WITH_EFFECTS, RT_SUB_DOCUMENT, RT_THEME, RT_VBA_DATA, RT_VBA_PROJECT, RT_WEB_SETTINGS, VT, W, W14,
    W15, XSI, w,
)
from minutes_kit.ooxml.images import strip_jpeg, strip_png
from minutes_kit.ooxml.package import Package, Relationship, unwrap

IMAGE_CLEANERS = {CT_PNG: strip_png, CT_JPEG: strip_jpeg}
"""The only image formats released: the ones whose metadata we can strip. GIF, BMP and TIFF carry
comments and tags we do not parse; EMF, WMF and SVG are drawings that can hold text."""
IMAGE_EXTENSIONS = {CT_PNG: "png", CT_JPEG: "jpeg"}
IMAGES = frozenset(IMAGE_CLEANERS)

STORY_RELATIONSHIPS = {RT_IMAGE: IMAGES}
CHARTS = {RT_CHART: {CT_CHART}}
"""A chart keeps no relationship: not its embedded workbook (the data behind it, whole), nor its
style and colour parts; what it shows is the values it caches in its own XML."""
ALLOWED = {
    CT_MAIN_DOCUMENT: {
        RT_STYLES: {CT_STYLES}, RT_NUMBERING: {CT_NUMBERING}, RT_SETTINGS: {CT_SETTINGS}, RT_HEADER: {CT_HEADER},
        RT_FOOTER: {CT_FOOTER}, RT_FOOTNOTES: {CT_FOOTNOTES}, RT_ENDNOTES: {CT_ENDNOTES},
        RT_FONT_TABLE: {CT_FONT_TABLE}, RT_THEME: {CT_THEME}, RT_WEB_SETTINGS: {CT_WEB_SETTINGS}, RT_IMAGE: IMAGES,
        **CHARTS,
    },
    CT_HEADER: STORY_RELATIONSHIPS | CHARTS,
    CT_FOOTER: STORY_RELATIONSHIPS | CHARTS,
    CT_FOOTNOTES: STORY_RELATIONSHIPS,
    CT_ENDNOTES: STORY_RELATIONSHIPS,
    CT_NUMBERING: {RT_IMAGE: IMAGES},  # picture bullets
}
"""For each kind of part kept, the relationships it may keep and the content types their targets may
have. A part of any other kind (settings, styles, theme, font table, ...) keeps no relationship."""
HYPERLINKED = {CT_MAIN_DOCUMENT, CT_HEADER, CT_FOOTER, CT_FOOTNOTES, CT_ENDNOTES}
"""Parts whose external hyperlinks are kept (the sweep cleans their targets); every other external
relationship (attached template, linked objects, frames, subdocuments, altChunks) is dropped."""
MAIN_DOCUMENT_TYPES = {CT_MAIN_DOCUMENT, CT_MAIN_DOCUMENT_MACRO_ENABLED}
"""A macro-enabled document is released as a plain one: its macros are among what is left behind."""

MAIN_DOCUMENT_PART = "word/document.xml"
CORE_PROPERTIES_PART = "docProps/core.xml"
APP_PROPERTIES_PART = "docProps/app.xml"
PART_NAMES = {
    RT_STYLES: "word/styles.xml", RT_NUMBERING: "word/numbering.xml", RT_SETTINGS: "word/settings.xml",
    RT_FOOTNOTES: "word/footnotes.xml", RT_ENDNOTES: "word/endnotes.xml", RT_FONT_TABLE: "word/fontTable.xml",
    RT_THEME: "word/theme/theme1.xml", RT_WEB_SETTINGS: "word/webSettings.xml",
    RT_HEADER: "word/header{number}.xml", RT_FOOTER: "word/footer{number}.xml",
    RT_IMAGE: "word/media/image{number}.{extension}", RT_CHART: "word/charts/chart{number}.xml",
}
"""Names of kept parts, as Word writes them; a name without a number is one a document has once."""
RELATIONSHIP_ID = "rId{number}"
RELS_EXTENSION = ".rels"

REASON_NOT_ALLOWED = "not on the release allow-list"
REASON_UNREACHED = "no relationship reaches it; not on the release allow-list"
REASON_IMAGE_FORMAT = "only PNG and JPEG images are released, after their metadata is stripped"
REASON_UNREADABLE = "could not be read, so could not be cleaned"
REASON_DUPLICATE = "a second part of a kind a document has once"
REASON_PROPERTIES = "written afresh, empty"
REASON_EXTERNAL = "only hyperlinks may point outside the release"

KINDS = {
    RT_PRINTER_SETTINGS: "printer settings", RT_CUSTOM_XML: "custom XML", RT_CUSTOM_XML_PROPS: "custom XML properties",
    RT_CUSTOM_PROPERTIES: "custom properties", RT_A_F_CHUNK: "altChunk", RT_CONTROL: "ActiveX control",
    RT_ACTIVEX_CONTROL_BINARY: "ActiveX control", RT_OLE_OBJECT: "embedded object", RT_PACKAGE: "embedded package",
    RT_GLOSSARY_DOCUMENT: "glossary", RT_COMMENTS_EXTENDED: "comments", RT_COMMENTS_IDS: "comments",
    RT_COMMENTS_EXTENSIBLE: "comments", RT_VBA_PROJECT: "VBA project", RT_VBA_DATA: "VBA data",
    RT_STYLES_WITH_EFFECTS: "styles with effects", RT_DIAGRAM_DATA: "diagram", RT_FONT: "embedded font",
    RT_ATTACHED_TEMPLATE: "attached template", RT_SUB_DOCUMENT: "subdocument",
    RT_CORE_PROPERTIES: "core properties", RT_EXTENDED_PROPERTIES: "extended properties",
}
"""Human names of relationship types, where the last word of the type is not one already."""
UNRELATED_KIND = "unrelated part"
PROPERTIES_TYPES = {RT_CORE_PROPERTIES, RT_EXTENDED_PROPERTIES}

LEGACY_RELATIONSHIP_ID = f"{{{O}}}relid"
"""VML's own way of naming a relationship, beside every attribute in the relationships namespace
(r:id, r:embed, r:link, r:dm, ...)."""
REMOVED = {w(tag) for tag in (
    "altChunk", "object", "control", "subDoc", "commentRangeStart", "commentRangeEnd", "commentReference",
    "dataBinding",
)}
"""Elements removed whatever their relationships: imported or embedded content we cannot clean, and
references to parts never released (comments, custom XML)."""
UNWRAPPED = {w("hyperlink")}
"""A hyperlink whose relationship is gone keeps its text."""
CONTAINERS = {w("drawing"), w("pict"), w("object"), f"{{{MC}}}AlternateContent"}
"""What a removed reference takes with it, so that no empty picture frame or half an alternative is left."""
STORY_BOUNDARIES = {w("p"), w("txbxContent")}
"""A container beyond these holds a paragraph or a text box, not just the reference."""
SETTINGS_REMOVED = {w(tag) for tag in (
    "rsids", "docVars", "attachedTemplate", "attachedSchema", "mailMerge", "trackRevisions", "documentProtection",
    "writeProtection", "saveThroughXslt",
)} | {f"{{{W14}}}docId", f"{{{W15}}}docId"}
"""Settings that name people, files or machines (document variables, the template, a mail merge's
data source), carry password hashes, or identify this document among others (rsids, docId)."""
REVISION_ID_ELEMENT = w("rsid")
REVISION_ID_PREFIX = "rsid"
PARAGRAPH_IDS = {f"{{{W14}}}paraId", f"{{{W14}}}textId"}
"""Identifiers that tie a released paragraph to the same paragraph in the source file, as rsids do."""

CORE_PROPERTIES_ROOT = f"{{{CP}}}coreProperties"
CORE_PROPERTIES_NAMESPACES = {"cp": CP, "dc": DC, "dcterms": DCTERMS, "dcmitype": DCMITYPE, "xsi": XSI}
APP_PROPERTIES_ROOT = f"{{{EXTENDED}}}Properties"
APP_PROPERTIES_NAMESPACES = {None: EXTENDED, "vt": VT}


@dataclass(frozen=True)
class DroppedPart:
    """A part (or an external link) the release left behind, for the audit log.

    `kind` says what the part was, from the relationship that pointed at it ("thumbnail", "comments",
    "external attached template link"); `content_type` is as the source package declared it (empty
    for an external link). `name` is the part's name in the source package, which its author chose:
    it is not removed text, but it is not the release's either.
    """

    name: str
    kind: str
    content_type: str
    reason: str

    def describe(self) -> str:
        return f"{self.name} ({self.kind}): {self.reason}"


@dataclass
class _Kept:
    name: str
    content_type: str
    content: etree._Element | bytes


def rebuild(package: Package) -> list[DroppedPart]:
    """Replace the parts of `package` by a new package of its allow-listed parts, cleaned; return
    what was left behind.

    In place, so that the release's later stages work on the rebuilt package without asking for it;
    edits already made to the parts (sanitising) are what is rebuilt. Parts get Word's usual names
    (``word/header1.xml``, ``word/media/image1.png``), whatever they were called before. Raises
    InputUnreadable when the package names no Word main document to start from; then `package` is
    unchanged.
    """
    return _Rebuild(package).run()


class _Rebuild:
    def __init__(self, package: Package):
        self._package = package
        self._names = set(package.names())
        self._kept: dict[str, _Kept] = {}
        self._relationships: dict[str, list[Relationship]] = {}
        self._to_visit: deque[str] = deque()
        self._reasons: dict[str, str] = {}
        self._refused: set[str] = set()
        self._external: list[DroppedPart] = []
        self._numbers: dict[str, int] = {}

    def run(self) -> list[DroppedPart]:
        main = self._main_document()
        while self._to_visit:
            source = self._to_visit.popleft()
            kept: dict[str, Relationship] = {}
            for relationship in self._package.relationships(source):
                # A repeated id is invalid and Word would refuse the file; the first one stands.
                if relationship.id not in kept and self._follow(source, relationship):
                    kept[relationship.id] = relationship
            self._relationships[source] = list(kept.values())
        parts, dropped = self._parts(main), self._dropped() + self._external
        self._package.replace_all(parts)
        return dropped

    def _main_document(self) -> str:
        for relationship in self._package.relationships(PACKAGE_SOURCE):
            if relationship.type == RT_OFFICE_DOCUMENT and relationship.target in self._names \
                    and self._package.content_type(relationship.target) in MAIN_DOCUMENT_TYPES:
                root = self._parse(relationship.target)
                if root is None:
                    raise InputUnreadable(f"the Word document's main part {relationship.target} is not readable XML")
                self._kept[relationship.target] = _Kept(MAIN_DOCUMENT_PART, CT_MAIN_DOCUMENT, root)
                self._to_visit.append(relationship.target)
                return relationship.target
        raise InputUnreadable("the package names no Word main document, so it is not a Word document")

    def _follow(self, source: str, relationship: Relationship) -> bool:
        """Whether `relationship` of the kept part `source` is kept; keeps its target when it is."""
        source_type = self._kept[source].content_type
        if relationship.is_external:
            if relationship.type == RT_HYPERLINK and source_type in HYPERLINKED:
                return True
            self._external.append(DroppedPart(source, f"external {_kind(relationship.type)} link", "", REASON_EXTERNAL))
            return False
        target = relationship.target
        if target not in self._names or target in self._refused:
            return False
        content_type = self._package.content_type(target)
        allowed = ALLOWED.get(source_type, {}).get(relationship.type)
        if allowed is None or content_type not in allowed:
            if allowed is not None and relationship.type == RT_IMAGE:
                self._reasons.setdefault(target, REASON_IMAGE_FORMAT)
            return False
        if target in self._kept:
            return True
        content = self._clean(target, content_type)
        if content is None:
            return self._refuse(target, REASON_UNREADABLE)
        name = self._new_name(relationship.type, content_type)
        if name is None:
            return self._refuse(target, REASON_DUPLICATE)
        self._kept[target] = _Kept(name, content_type, content)
        if isinstance(content, etree._Element):
            self._to_visit.append(target)
        return True

    def _refuse(self, target: str, reason: str) -> bool:
        self._refused.add(target)
        self._reasons[target] = reason
        return False

    def _clean(self, name: str, content_type: str) -> etree._Element | bytes | None:
        if content_type in IMAGE_CLEANERS:
            return IMAGE_CLEANERS[content_type](self._package.blob(name))
        return self._parse(name)

    def _parse(self, name: str) -> etree._Element | None:
        """A private copy of the part's XML without comments, processing instructions and entity
        references (whose declarations the rewritten part no longer carries)."""
        try:
            root = parse_xml(self._package.blob(name))
        except etree.XMLSyntaxError:
            return None
        etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction, etree.Entity)
        return root

    def _new_name(self, relationship_type: str, content_type: str) -> str | None:
        """The kept part's name in the release, or None for a second part of a kind a document has once."""
        number = self._numbers[relationship_type] = self._numbers.get(relationship_type, 0) + 1
        pattern = PART_NAMES[relationship_type]
        if "{number}" not in pattern and number > 1:
            return None
        return pattern.format(number=number, extension=IMAGE_EXTENSIONS.get(content_type))

    def _parts(self, main: str) -> dict[str, bytes]:
        parts: dict[str, bytes] = {}
        xml_parts = {CORE_PROPERTIES_PART: CT_CORE_PROPERTIES, APP_PROPERTIES_PART: CT_EXTENDED_PROPERTIES}
        for source, kept in self._kept.items():
            if isinstance(kept.content, bytes):
                parts[kept.name] = kept.content
                continue
            relationships = self._relationships[source]
            new_ids = {relationship.id: RELATIONSHIP_ID.format(number=number)
                       for number, relationship in enumerate(relationships, start=1)}
            clean_part(kept.content, kept.content_type, new_ids)
            parts[kept.name] = _serialise(kept.content)
            xml_parts[kept.name] = kept.content_type
            if relationships:
                parts[Package.rels_of(kept.name)] = _serialise(self._rels(kept.name, relationships, new_ids))
        package_relationships = [
            (RT_OFFICE_DOCUMENT, self._kept[main].name),
            (RT_CORE_PROPERTIES, CORE_PROPERTIES_PART),
            (RT_EXTENDED_PROPERTIES, APP_PROPERTIES_PART),
        ]
        return {
            CONTENT_TYPES_PART: _serialise(_content_types(xml_parts, parts)),
            Package.rels_of(PACKAGE_SOURCE): _serialise(_relationships_root(
                (RELATIONSHIP_ID.format(number=number), relationship_type, target, False)
                for number, (relationship_type, target) in enumerate(package_relationships, start=1))),
            CORE_PROPERTIES_PART: _serialise(etree.Element(CORE_PROPERTIES_ROOT, nsmap=CORE_PROPERTIES_NAMESPACES)),
            APP_PROPERTIES_PART: _serialise(etree.Element(APP_PROPERTIES_ROOT, nsmap=APP_PROPERTIES_NAMESPACES)),
            **dict(sorted(parts.items(), key=lambda item: item[0] != MAIN_DOCUMENT_PART)),
        }

    def _rels(self, source_name: str, relationships: list[Relationship], new_ids: dict[str, str]) -> etree._Element:
        folder = posixpath.dirname(source_name) or "."
        return _relationships_root(
            (new_ids[relationship.id], relationship.type,
             relationship.target if relationship.is_external
             else posixpath.relpath(self._kept[relationship.target].name, folder),
             relationship.is_external)
            for relationship in relationships)

    def _dropped(self) -> list[DroppedPart]:
        """Every part of the source not kept, with what pointed at it and why it was left behind.
        Relationship parts and the content types are rebuilt, never copied, so they are not listed."""
        related: dict[str, str] = {}
        for rels_name in self._package.relationship_parts():
            for relationship in self._package.relationships(Package.source_of(rels_name)):
                related.setdefault(relationship.target, relationship.type)
        dropped = []
        for name in self._package.names():
            if name in self._kept or name == CONTENT_TYPES_PART or name.endswith(RELS_EXTENSION):
                continue
            relationship_type = related.get(name)
            if name in self._reasons:
                reason = self._reasons[name]
            elif relationship_type in PROPERTIES_TYPES:
                reason = REASON_PROPERTIES
            else:
                reason = REASON_NOT_ALLOWED if relationship_type else REASON_UNREACHED
            dropped.append(DroppedPart(name, _kind(relationship_type or ""), self._package.content_type(name) or "", reason))
        return dropped


def clean_part(root: etree._Element, content_type: str, new_ids: dict[str, str]) -> None:
    """Clean a kept XML part in place: renumber its relationship references to `new_ids` (old id to
    new), remove whatever references a relationship not in `new_ids`, and the revision ids."""
    for element in list(root.iter(*REMOVED)):
        _remove_reference(element)
    for element in list(root.iter(etree.Element)):
        references = {name: value for name, value in element.attrib.items() if _names_relationship(name)}
        if not references or _detached(element, root):
            continue
        if all(value in new_ids for value in references.values()):
            for name, value in references.items():
                element.set(name, new_ids[value])
        elif element.tag in UNWRAPPED:
            for name in references:
                del element.attrib[name]
            unwrap(element)
        else:
            _remove_reference(element)
    _remove_revision_ids(root)
    if content_type == CT_SETTINGS:
        for element in list(root.iter(*SETTINGS_REMOVED)):
            element.getparent().remove(element)


@functools.lru_cache(maxsize=4096)  # asked of every attribute of every element; a part repeats a few names
def _names_relationship(attribute: str) -> bool:
    return attribute == LEGACY_RELATIONSHIP_ID or etree.QName(attribute).namespace == R


def _detached(element: etree._Element, root: etree._Element) -> bool:
    """Whether an earlier removal already took `element` out of the part."""
    return element is not root and element.getroottree().getroot() is not root


def _remove_reference(element: etree._Element) -> None:
    """Remove `element` with the outermost picture, object or alternative that holds it in the same
    paragraph or text box."""
    target = element
    for ancestor in element.iterancestors():
        if ancestor.tag in STORY_BOUNDARIES:
            break
        if ancestor.tag in CONTAINERS:
            target = ancestor
    parent = target.getparent()
    if parent is not None:
        parent.remove(target)


def _remove_revision_ids(root: etree._Element) -> None:
    for element in list(root.iter(REVISION_ID_ELEMENT)):
        element.getparent().remove(element)
    for element in root.iter(etree.Element):
        for name in [name for name in element.attrib if _is_revision_id(name)]:
            del element.attrib[name]


@functools.lru_cache(maxsize=4096)
def _is_revision_id(attribute: str) -> bool:
    """w:rsidR, w:rsidRPr, w:rsidP, w:rsidRDefault, w:rsidDel, w:rsidSect, w:rsidTr, ... and paragraph ids."""
    if attribute in PARAGRAPH_IDS:
        return True
    name = etree.QName(attribute)
    return name.namespace == W and name.localname.startswith(REVISION_ID_PREFIX)


def _kind(relationship_type: str) -> str:
    return KINDS.get(relationship_type) or relationship_type.rsplit("/", 1)[-1] or UNRELATED_KIND


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _relationships_root(relationships: Iterable[tuple[str, str, str, bool]]) -> etree._Element:
    root = etree.Element(f"{{{PACKAGE_RELS}}}Relationships", nsmap={None: PACKAGE_RELS})
    for identifier, relationship_type, target, is_external in relationships:
        element = etree.SubElement(root, f"{{{PACKAGE_RELS}}}Relationship", Id=identifier, Type=relationship_type,
                                   Target=target)
        if is_external:
            element.set("TargetMode", "External")
    return root


def _content_types(xml_parts: dict[str, str], parts: dict[str, bytes]) -> etree._Element:
    root = etree.Element(f"{{{CONTENT_TYPES}}}Types", nsmap={None: CONTENT_TYPES})
    defaults = {RELS_EXTENSION.lstrip("."): CT_RELATIONSHIPS, "xml": CT_XML}
    for content_type, extension in IMAGE_EXTENSIONS.items():
        if any(name.endswith(f".{extension}") for name in parts):
            defaults[extension] = content_type
    for extension, content_type in defaults.items():
        etree.SubElement(root, f"{{{CONTENT_TYPES}}}Default", Extension=extension, ContentType=content_type)
    for name, content_type in sorted(xml_parts.items()):
        etree.SubElement(root, f"{{{CONTENT_TYPES}}}Override", PartName=f"/{name}", ContentType=content_type)
    return root
