"""A Word package as its parts: the zip entries, their XML, relationships and content types.

The release works on the package rather than through python-docx because it
must reach every part (properties, relationships, comments, custom XML),
not only the ones a document model exposes.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from minutes_kit.archive import parse_xml, read_archive
from minutes_kit.ooxml.constants import CONTENT_TYPES, CONTENT_TYPES_PART, NAMESPACES, PACKAGE_RELS, R, W, w

__all__ = ["CONTENT_TYPES", "NAMESPACES", "PACKAGE_RELS", "R", "W", "Package", "Relationship", "unwrap", "w"]

def unwrap(element: etree._Element) -> None:
    """Replace `element` by its content (without its own properties element, e.g. ``w:customXmlPr``)."""
    parent = element.getparent()
    index = parent.index(element)
    own_properties = f"{element.tag}Pr"
    for offset, child in enumerate([child for child in element if child.tag != own_properties]):
        parent.insert(index + offset, child)
    parent.remove(element)


class Relationship(NamedTuple):
    """One relationship of a part: `target` is a part name, or the URL itself when `is_external`."""

    id: str
    type: str
    target: str
    is_external: bool


class Package:
    def __init__(self, path: Path):
        # Through the guarded reader: a package built to exhaust memory is refused before it is read.
        self._blobs = read_archive(path)
        self._trees: dict[str, etree._Element] = {}

    def replace_all(self, parts: Mapping[str, bytes]) -> None:
        """Hold exactly `parts` from now on, in their order: the allow-list rebuild writes a new package
        into the one the release is working on."""
        self._blobs = dict(parts)
        self._trees = {}

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
            self._trees[name] = parse_xml(self._blobs[name])
        return self._trees[name]

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

    def content_type(self, name: str) -> str | None:
        """The part's content type as `[Content_Types].xml` declares it: its Override, else the Default
        for its extension. Part names and extensions compare without case, as the packaging standard says."""
        if CONTENT_TYPES_PART not in self._blobs:
            return None
        types = self.xml(CONTENT_TYPES_PART)
        for override in types.findall("ct:Override", NAMESPACES):
            if override.get("PartName", "").lstrip("/").lower() == name.lower():
                return override.get("ContentType")
        # Not posixpath.splitext, which sees no extension in "_rels/.rels".
        base = posixpath.basename(name)
        extension = base.rpartition(".")[2].lower() if "." in base else ""
        for default in types.findall("ct:Default", NAMESPACES):
            if default.get("Extension", "").lower() == extension:
                return default.get("ContentType")
        return None

    def relationships(self, source_name: str) -> list[Relationship]:
        """The relationships of a part (of the package itself for ``""``), in the order they are written."""
        rels_name = self.rels_of(source_name)
        if rels_name not in self._blobs:
            return []
        found = []
        for relationship in self.xml(rels_name).findall("pr:Relationship", NAMESPACES):
            part = self.target(rels_name, relationship)
            found.append(Relationship(
                id=relationship.get("Id", ""),
                type=relationship.get("Type", ""),
                target=relationship.get("Target", "") if part is None else part,
                is_external=part is None,
            ))
        return found

    def save(self, path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in self._blobs:
                archive.writestr(name, self.blob(name))
