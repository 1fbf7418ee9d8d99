"""Withheld strings wherever else the package holds them.

The release context marks what the record says; a template can still carry
a name in its header, a run split by formatting, a ``mailto:`` target or an
image's alternative text. The sweep replaces every occurrence of every
withheld string in every part, across run boundaries, and records each one
as a redaction.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from lxml import etree

from minutes_kit.record.exemptions import Exemption
from minutes_kit.release.needles import NeedleSet
from minutes_kit.ooxml.package import NAMESPACES, Package, unwrap, w
from minutes_kit.release.plan import Register

TEXT_TAGS = (w("t"), w("instrText"))
PARAGRAPH_NUMBER = re.compile(r"^(\d+\.\d+)\.")
ATTRIBUTE_MASK = "XXXXXX"
HYPERLINK_TYPE = "/hyperlink"


def sweep(package: Package, register: Register) -> None:
    needles = NeedleSet(register.needles)
    for name in package.story_parts():
        for paragraph in package.xml(name).iter(w("p")):
            _sweep_paragraph(paragraph, needles, register, _location(name, paragraph))
    for name in package.xml_parts():
        _sweep_other_xml(package, name, needles)


def _location(part: str, paragraph: etree._Element) -> str:
    if "header" in part:
        return "Page header"
    if "footer" in part:
        return "Page footer"
    numbered = PARAGRAPH_NUMBER.match("".join(t.text or "" for t in _own_text(paragraph)))
    return numbered.group(1) if numbered else "Document text"


def _own_text(paragraph: etree._Element) -> list[etree._Element]:
    """Text elements of this paragraph, not of paragraphs nested in its text boxes."""
    return [node for node in paragraph.iter(*TEXT_TAGS) if next(node.iterancestors(w("p"))) is paragraph]


def replace_across_nodes(nodes: list[etree._Element], start: int, end: int, replacement: str) -> None:
    """Replace characters start..end of the nodes' joined text, wherever the node boundaries fall."""
    offset = 0
    placed = False
    for node in nodes:
        text = node.text or ""
        node_start, node_end = offset, offset + len(text)
        offset = node_end
        if node_end <= start or node_start >= end:
            continue
        keep_before = text[: max(start - node_start, 0)]
        keep_after = text[max(end - node_start, 0):] if end < node_end else ""
        node.text = keep_before + ("" if placed else replacement) + keep_after
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        placed = True


def _sweep_paragraph(paragraph: etree._Element, needles: NeedleSet[Exemption], register: Register, location: str) -> None:
    nodes = _own_text(paragraph)
    text = "".join(node.text or "" for node in nodes)
    for start, end, exemption in reversed(list(needles.spans(text))):
        mark = register.add(exemption, location, text[start:end])
        replace_across_nodes(nodes, start, end, mark)


def _sweep_other_xml(package: Package, name: str, needles: NeedleSet[Exemption]) -> None:
    root = package.xml(name)
    everything = [value for element in root.iter(etree.Element) for value in (element.text, element.tail, *element.attrib.values()) if value]
    if needles.search("\0".join(everything + [unquote(value) for value in everything])) is None:
        return  # most parts hold nothing withheld; NUL keeps the values apart
    story = name in package.story_parts()
    dropped_links: set[str] = set()
    for element in list(root.iter(etree.Element)):
        if not story or element.tag not in TEXT_TAGS:
            for attribute in ("text", "tail"):
                value = getattr(element, attribute)
                if value and needles.search(value) is not None:
                    setattr(element, attribute, needles.mask(value, ATTRIBUTE_MASK))
        for key, value in element.attrib.items():
            if needles.search(value) is None and needles.search(unquote(value)) is None:
                continue
            element.set(key, needles.mask(unquote(value), ATTRIBUTE_MASK))
            if name.endswith(".rels") and element.get("Type", "").endswith(HYPERLINK_TYPE):
                dropped_links.add(element.get("Id"))
                element.getparent().remove(element)
    source = package.source_of(name) if name.endswith(".rels") else ""
    if dropped_links and source in package.names():
        _unwrap_hyperlinks(package.xml(source), dropped_links)


def _unwrap_hyperlinks(root: etree._Element, relationship_ids: set[str]) -> None:
    """Keep a link's text but not its (withheld) target."""
    for link in list(root.iter(w("hyperlink"))):
        if link.get(f"{{{NAMESPACES['r']}}}id") in relationship_ids:
            unwrap(link)
