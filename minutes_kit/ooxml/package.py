"""A Word package as its parts: the zip entries, their XML, relationships and content types.

The release works on the package rather than through python-docx because it
must reach every part (properties, relationships, comments, custom XML),
not only the ones a document model exposes.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
NAMESPACES = {"w": W, "r": R, "pr": PACKAGE_RELS, "ct": CONTENT_TYPES}

STORY_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")


def w(tag: str) -> str:
    """Clark notation for a WordprocessingML tag: ``w('t')`` -> ``{...main}t``."""
    return f"{{{W}}}{tag}"


def unwrap(element: etree._Element) -> None:
    """Replace `element` by its content (without its own properties element, e.g. ``w:customXmlPr``)."""
    parent = element.getparent()
    index = parent.index(element)
    own_properties = f"{element.tag}Pr"
    for offset, child in enumerate([child for child in element if child.tag != own_properties]):
        parent.insert(index + offset, child)
    parent.remove(element)


class Package:
    def __init__(self, path: Path):
        with zipfile.ZipFile(path) as archive:
            self._blobs = {info.filename: archive.read(info) for info in archive.infolist()}
        self._trees: dict[str, etree._Element] = {}

    def names(self) -> list[str]:
        return list(self._blobs)

    def blob(self, name: str) -> bytes:
        if name in self._trees:
            return etree.tostring(self._trees[name], xml_declaration=True, encoding="UTF-8", standalone=True)
        return self._blobs[name]

    def is_xml(self, name: str) -> bool:
        return name.endswith((".xml", ".rels"))

    def xml(self, name: str) -> etree._Element:
        """The parsed part, kept so that changes are saved."""
        if name not in self._trees:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
            self._trees[name] = etree.fromstring(self._blobs[name], parser)
        return self._trees[name]

    def replace_xml(self, name: str, root: etree._Element) -> None:
        self._blobs[name] = b""
        self._trees[name] = root

    def story_parts(self) -> list[str]:
        """Parts holding document text, body first, in a stable order."""
        found = [name for name in self._blobs if STORY_PART.match(name)]
        return sorted(found, key=lambda name: (name != "word/document.xml", name))

    def xml_parts(self) -> Iterator[str]:
        yield from (name for name in list(self._blobs) if self.is_xml(name))

    def relationship_parts(self) -> Iterator[str]:
        yield from (name for name in list(self._blobs) if name.endswith(".rels"))

    @staticmethod
    def rels_of(name: str) -> str:
        folder, base = posixpath.split(name)
        return posixpath.join(folder, "_rels", f"{base}.rels")

    @staticmethod
    def source_of(rels_name: str) -> str:
        folder = posixpath.dirname(posixpath.dirname(rels_name))
        return posixpath.join(folder, posixpath.basename(rels_name)[: -len(".rels")])

    def target(self, rels_name: str, relationship: etree._Element) -> str | None:
        """The part a relationship points at, or None for an external target."""
        if relationship.get("TargetMode") == "External":
            return None
        target = relationship.get("Target", "")
        if target.startswith("/"):
            return target.lstrip("/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.source_of(rels_name)), target))

    def delete(self, name: str) -> None:
        """Remove a part with its own relationships, every relationship to it, and its content type."""
        if name not in self._blobs:
            return
        for part in (name, self.rels_of(name)):
            self._blobs.pop(part, None)
            self._trees.pop(part, None)
        for rels_name in list(self.relationship_parts()):
            root = self.xml(rels_name)
            for relationship in root.findall("pr:Relationship", NAMESPACES):
                if self.target(rels_name, relationship) == name:
                    root.remove(relationship)
        types = self.xml("[Content_Types].xml")
        for override in types.findall("ct:Override", NAMESPACES):
            if override.get("PartName", "").lstrip("/") == name:
                types.remove(override)

    def save(self, path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in self._blobs:
                archive.writestr(name, self.blob(name))
