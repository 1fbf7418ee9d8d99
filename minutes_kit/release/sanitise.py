"""Remove what a released file must not carry besides its visible text.

Document properties (author, last modified by, company, template, revision,
custom properties), comments, tracked changes, hidden and white-on-white
text, custom XML, document variables and embedded objects: each has leaked
real releases (see PRODUCT.md).
"""

from __future__ import annotations

import re

from lxml import etree

from minutes_kit.ooxml.package import NAMESPACES, Package, unwrap, w

CORE_PROPERTIES = "docProps/core.xml"
APP_PROPERTIES = "docProps/app.xml"
REMOVED_PARTS = re.compile(
    r"^(docProps/custom\.xml|customXml/.*|word/comments[A-Za-z]*\.xml|word/people\.xml"
    r"|word/embeddings/.*|word/glossary/.*|word/vbaProject\.bin|word/vbaData\.xml)$"
)
DROPPED = {w(tag) for tag in (
    "del", "moveFrom", "commentRangeStart", "commentRangeEnd", "rPrChange", "pPrChange", "sectPrChange",
    "tblPrChange", "tcPrChange", "trPrChange", "tblGridChange", "numberingChange", "object", "dataBinding",
)}
UNWRAPPED = {w(tag) for tag in ("ins", "moveTo", "customXml", "smartTag")}
WHITE = {"FFFFFF", "white"}


def sanitise(package: Package) -> None:
    for name in package.names():
        if REMOVED_PARTS.match(name):
            package.delete(name)
    _blank_properties(package)
    _clean_settings(package)
    invisible_styles = _invisible_styles(package)
    for name in package.story_parts():
        _clean_story(package.xml(name), invisible_styles)


def _blank_properties(package: Package) -> None:
    if CORE_PROPERTIES in package.names():
        core = package.xml(CORE_PROPERTIES)
        package.replace_xml(CORE_PROPERTIES, etree.Element(core.tag, nsmap=core.nsmap))
    if APP_PROPERTIES in package.names():
        app = package.xml(APP_PROPERTIES)
        package.replace_xml(APP_PROPERTIES, etree.Element(app.tag, nsmap=app.nsmap))


def _clean_settings(package: Package) -> None:
    name = "word/settings.xml"
    if name not in package.names():
        return
    settings = package.xml(name)
    for tag in ("attachedTemplate", "trackRevisions", "docVars"):
        for element in settings.findall(f"w:{tag}", NAMESPACES):
            settings.remove(element)
    rels = package.rels_of(name)
    if rels in package.names():
        root = package.xml(rels)
        for relationship in root.findall("pr:Relationship", NAMESPACES):
            if relationship.get("Type", "").endswith("/attachedTemplate"):
                root.remove(relationship)


def _invisible_styles(package: Package) -> set[str]:
    """Character and paragraph styles that hide their text or colour it white."""
    if "word/styles.xml" not in package.names():
        return set()
    return {
        style.get(w("styleId"))
        for style in package.xml("word/styles.xml").findall("w:style", NAMESPACES)
        if _hides(style.find("w:rPr", NAMESPACES))
    }


def _hides(properties: etree._Element | None) -> bool:
    if properties is None:
        return False
    if _switched_on(properties.find("w:vanish", NAMESPACES)) or _switched_on(properties.find("w:specVanish", NAMESPACES)):
        return True
    colour = properties.find("w:color", NAMESPACES)
    if colour is not None and colour.get(w("val")) in WHITE:
        shading = properties.find("w:shd", NAMESPACES)
        highlight = properties.find("w:highlight", NAMESPACES)
        dark_shading = shading is not None and shading.get(w("fill"), "auto") not in {"auto", *WHITE}
        dark_highlight = highlight is not None and highlight.get(w("val")) not in {None, "none", "white"}
        return not (dark_shading or dark_highlight)
    return False


def _switched_on(toggle: etree._Element | None) -> bool:
    """A Word on/off property: present and not explicitly false."""
    return toggle is not None and toggle.get(w("val"), "true") not in {"false", "0", "off"}


def _clean_story(root: etree._Element, invisible_styles: set[str]) -> None:
    for element in list(root.iter(*DROPPED)):
        element.getparent().remove(element)
    for element in list(root.iter(*UNWRAPPED)):
        unwrap(element)
    for run in list(root.iter(w("r"))):
        properties = run.find("w:rPr", NAMESPACES)
        style = properties.find("w:rStyle", NAMESPACES) if properties is not None else None
        hidden_style = style is not None and style.get(w("val")) in invisible_styles
        if run.find("w:commentReference", NAMESPACES) is not None or _hides(properties) or hidden_style:
            run.getparent().remove(run)
    for paragraph in list(root.iter(w("p"))):
        style = paragraph.find("w:pPr/w:pStyle", NAMESPACES)
        if style is not None and style.get(w("val")) in invisible_styles:
            for run in paragraph.findall("w:r", NAMESPACES):
                paragraph.remove(run)
